#!/usr/bin/env bash
# Throughput of Mutuality's requests as ratios of the unauthenticated liveness probe, measured in
# one run on the same machine (issue 20): the machine is shared and noisy, so only ratios compare.
# PostgreSQL's own single-row insert rate (pgbench, same clients) is printed beside them, to show
# whether the database is the limit.
#
# Needs wrk and pgbench (apt-get install wrk postgresql-client) and a running Mutuality with the demo
# agency on PostgreSQL, e.g.:
#   createdb -h 127.0.0.1 -U postgres mutuality_bench
#   MUTUALITY_DB_URL=jdbc:postgresql://127.0.0.1:5432/mutuality_bench MUTUALITY_DB_USER=postgres \
#     MALLOC_ARENA_MAX=2 java -Xmx256m -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m \
#     -jar target/mutuality-0.1.0-SNAPSHOT.jar --spring.profiles.active=demo
# The script gives Jordan Lee 10,000 care notes (written straight into the database, once) so that
# a page of 20 is read from a long record, and writes notes through the API while it measures.
#
# Usage: load/scripts/ratios.sh [base-url] [seconds]     (defaults: http://localhost:8080, 20)
# Environment: PGHOST (127.0.0.1), PGUSER (postgres), PGDATABASE (mutuality_bench): the app's database.
set -euo pipefail
BASE=${1:-http://localhost:8080}
SECONDS_EACH=${2:-20}
CONNECTIONS=8
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-mutuality_bench}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

token_of() {
  curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"mutuality-demo\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/'
}
person_id() {
  psql -tAq -c "select id from person where legal_name = '$1'"
}

peer=$(token_of peer)
psychiatrist=$(token_of psychiatrist)
supervisor=$(token_of supervisor)
jordan=$(person_id 'Jordan Lee')
helene=$(person_id 'Hélène Tremblay')
sam=$(person_id 'Samuel Okafor')
[ -n "$jordan" ] && [ -n "$peer" ] || { echo "the demo agency is not loaded (yet) at $BASE" >&2; exit 1; }
agency=$(psql -tAq -c "select agency_id from person where id = '$jordan'")

# 10,000 care notes about Jordan, written by the psychiatrist who treats them, one every 8 hours back
# from today (once: a second run finds them)
psql -q -c "
  insert into record_note (id, agency_id, subject_id, author_id, kind, written_on, body, created_at)
  select gen_random_uuid(), '$agency', '$jordan', '$helene', 'CARE_NOTES',
         current_date - (i / 3)::int, 'Seen for a follow-up; benchmark note ' || i, now() - i * interval '8 hours'
  from generate_series(1, 10000 - (select count(*) from record_note
                                   where subject_id = '$jordan' and kind = 'CARE_NOTES')) as i"

cat > "$WORK/check.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $supervisor"
wrk.body = '{"action":"SUPERVISE","actorId":"$sam","subjectId":"$jordan"}'
LUA
cat > "$WORK/note.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $psychiatrist"
wrk.body = '{"kind":"CARE_NOTES","text":"Follow-up: sleeping better, plan unchanged."}'
LUA
echo "insert into bench_insert (v) values ('a row of about the size of a note');" > "$WORK/insert.sql"

# "<req/s> <p99> <non-2xx>" of one wrk run
measure() {
  local out
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency "$@")
  local rps p99 errors
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  echo "$rps $p99 ${errors:-0}"
}

check_body() {
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' "$@")
  [ "$status" -lt 300 ] || { echo "a sample request answered $status: $*" >&2; exit 1; }
}
check_body "$BASE/api/v1/me" -H "Authorization: Bearer $peer"
check_body -X POST "$BASE/api/v1/conflicts/check" -H "Authorization: Bearer $supervisor" \
  -H 'Content-Type: application/json' -d "{\"action\":\"SUPERVISE\",\"actorId\":\"$sam\",\"subjectId\":\"$jordan\"}"
check_body "$BASE/api/v1/people/$jordan/notes?kind=CARE_NOTES&limit=20" -H "Authorization: Bearer $psychiatrist"

# warm up the JIT on every path
for url in "$BASE/actuator/health/liveness"; do wrk -t2 -c"$CONNECTIONS" -d5s "$url" > /dev/null; done
wrk -t2 -c"$CONNECTIONS" -d5s -H "Authorization: Bearer $peer" "$BASE/api/v1/me" > /dev/null
wrk -t2 -c"$CONNECTIONS" -d5s -s "$WORK/check.lua" "$BASE/api/v1/conflicts/check" > /dev/null
wrk -t2 -c"$CONNECTIONS" -d5s -H "Authorization: Bearer $psychiatrist" \
  "$BASE/api/v1/people/$jordan/notes?kind=CARE_NOTES&limit=20" > /dev/null

read -r live_rps live_p99 _ < <(measure "$BASE/actuator/health/liveness")
read -r me_rps me_p99 me_err < <(measure -H "Authorization: Bearer $peer" "$BASE/api/v1/me")
read -r check_rps check_p99 check_err < <(measure -s "$WORK/check.lua" "$BASE/api/v1/conflicts/check")
read -r write_rps write_p99 write_err < <(measure -s "$WORK/note.lua" "$BASE/api/v1/people/$jordan/notes")
read -r page_rps page_p99 page_err < <(measure -H "Authorization: Bearer $psychiatrist" \
  "$BASE/api/v1/people/$jordan/notes?kind=CARE_NOTES&limit=20")

psql -q -d postgres -c "drop database if exists mutuality_pgbench" -c "create database mutuality_pgbench"
psql -q -d mutuality_pgbench -c "create table bench_insert (id bigserial primary key, v text not null)"
pg_tps=$(pgbench -n -c "$CONNECTIONS" -j 2 -T "$SECONDS_EACH" -f "$WORK/insert.sql" mutuality_pgbench 2>/dev/null \
  | awk '/^tps/ {print $3; exit}')
psql -q -d postgres -c "drop database mutuality_pgbench"

ratio() { awk -v a="$1" -v b="$live_rps" 'BEGIN {printf "%.2f", a / b}'; }
printf '| request | req/s | p99 | ratio to liveness | target | non-2xx |\n|---|---|---|---|---|---|\n'
printf '| GET /actuator/health/liveness | %s | %s | 1.00 | | |\n' "$live_rps" "$live_p99"
printf '| GET /api/v1/me (bearer token) | %s | %s | %s | ≥ 0.7 | %s |\n' "$me_rps" "$me_p99" "$(ratio "$me_rps")" "$me_err"
printf '| POST /api/v1/conflicts/check | %s | %s | %s | ≥ 0.6, p99 ≤ 5 ms | %s |\n' \
  "$check_rps" "$check_p99" "$(ratio "$check_rps")" "$check_err"
printf '| POST /api/v1/people/{id}/notes (audited write) | %s | %s | %s | ≥ 0.4 | %s |\n' \
  "$write_rps" "$write_p99" "$(ratio "$write_rps")" "$write_err"
printf '| GET 20 of 10,000 notes (audited read) | %s | %s | %s | ≥ 0.4 | %s |\n' \
  "$page_rps" "$page_p99" "$(ratio "$page_rps")" "$page_err"
printf '| pgbench single-row insert, %s clients (tps) | %s | | %s | | |\n' "$CONNECTIONS" "$pg_tps" "$(ratio "$pg_tps")"
