#!/usr/bin/env bash
# Throughput of Mutuality's requests as ratios of the unauthenticated liveness probe, measured in
# one run on the same machine (issue 20): the machine is shared and noisy, so only ratios compare.
# Needs wrk (apt-get install wrk) and a running Mutuality with the demo agency, e.g. on PostgreSQL:
#   createdb -h 127.0.0.1 -U postgres mutuality_bench
#   MUTUALITY_DB_URL=jdbc:postgresql://127.0.0.1:5432/mutuality_bench MUTUALITY_DB_USER=postgres \
#     java -jar target/mutuality-0.1.0-SNAPSHOT.jar --spring.profiles.active=demo
# Usage: load/scripts/ratios.sh [base-url] [seconds]     (defaults: http://localhost:8080, 20)
set -euo pipefail
BASE=${1:-http://localhost:8080}
SECONDS_EACH=${2:-20}
CONNECTIONS=8

token=$(curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"peer","password":"mutuality-demo"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')

# requests per second and p99 of one wrk run: "<rps> <p99>"
measure() {
  local out
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency "$@")
  local rps p99
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  local errors
  errors=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  echo "$rps $p99 ${errors:-0}"
}

# warm up the JIT on both paths
wrk -t2 -c"$CONNECTIONS" -d5s "$BASE/actuator/health/liveness" > /dev/null
wrk -t2 -c"$CONNECTIONS" -d5s -H "Authorization: Bearer $token" "$BASE/api/v1/me" > /dev/null

read -r live_rps live_p99 _ < <(measure "$BASE/actuator/health/liveness")
read -r me_rps me_p99 me_errors < <(measure -H "Authorization: Bearer $token" "$BASE/api/v1/me")

printf '| request | req/s | p99 | ratio to liveness |\n|---|---|---|---|\n'
printf '| GET /actuator/health/liveness | %s | %s | 1.00 |\n' "$live_rps" "$live_p99"
printf '| GET /api/v1/me (bearer token) | %s | %s | %s |\n' "$me_rps" "$me_p99" \
  "$(awk -v a="$me_rps" -v b="$live_rps" 'BEGIN {printf "%.2f", a / b}')"
if [ "${me_errors}" != "0" ]; then
  echo "non-2xx answers to /api/v1/me: $me_errors" >&2
fi
