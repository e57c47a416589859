#!/usr/bin/env bash
# Issue 20's soak: SoakSimulation's mix (sign in, my day, contacts, care notes, messages, conflict
# checks, timesheets) from many concurrent users for minutes, while the server's resident memory is
# sampled every 30 s. Not part of ./mvnw verify. Prints Gatling's summary (errors, p99) and the memory
# samples; memory is flat when minute 10 is not above minute 2 by more than the noise of a GC cycle.
#
# Start the server first, with the heap README recommends and the sign-in throttle opened for the
# load (all simulated users come from one address):
#   createdb -h 127.0.0.1 -U postgres mutuality_soak
#   MUTUALITY_DB_URL=jdbc:postgresql://127.0.0.1:5432/mutuality_soak MUTUALITY_DB_USER=postgres \
#     MALLOC_ARENA_MAX=2 java -Xmx256m -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m \
#     -jar target/mutuality-0.1.0-SNAPSHOT.jar --spring.profiles.active=demo \
#     --mutuality.security.address-throttle.attempts=100000 &
# Usage: load/scripts/soak.sh [base-url] [users] [seconds]   (defaults: http://127.0.0.1:8080, 50, 600)
# Environment: PGHOST (127.0.0.1), PGUSER (postgres), PGDATABASE (mutuality_soak): the server's database.
set -euo pipefail
BASE=${1:-http://127.0.0.1:8080}
USERS=${2:-50}
DURATION=${3:-600}
port=$(echo "$BASE" | sed -E 's#.*:([0-9]+).*#\1#')
pid=$(ss -ltnpH "sport = :$port" | sed -E 's/.*pid=([0-9]+).*/\1/' | head -1)
[ -n "$pid" ] || { echo "nothing listens on port $port" >&2; exit 1; }
here=$(cd "$(dirname "$0")/../.." && pwd)
samples=$(mktemp)

# The run writes thousands of rows into tables that held a few: PostgreSQL plans from statistics that
# autovacuum keeps current. A server with autovacuum off (as on the development machines) plans from
# the empty tables of the start and a query that takes a millisecond takes seconds (a contact's
# totals: 4.9 s at 2,000 contacts, 1 ms once analysed). Then the script analyses every 30 s, as
# autovacuum would; in production keep autovacuum on (README, Running in production).
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-mutuality_soak}
analyse=false
if [ "$(psql -tAq -c 'show autovacuum' 2>/dev/null)" = "off" ]; then
  echo "autovacuum is off on $PGHOST: analysing $PGDATABASE every 30 s, as autovacuum would"
  analyse=true
fi

(
  start=$(date +%s)
  while kill -0 "$pid" 2>/dev/null; do
    echo "$(( $(date +%s) - start )) $(ps -o rss= -p "$pid" | tr -d ' ')" >> "$samples"
    if $analyse; then psql -q -c 'analyze' >/dev/null 2>&1 || true; fi
    sleep 30
  done
) &
sampler=$!
trap 'kill $sampler 2>/dev/null || true; rm -f "$samples"' EXIT

status=0
"$here/mvnw" -f "$here/load/pom.xml" gatling:test -Dsimulation=org.mutuality.load.SoakSimulation \
  -DbaseUrl="$BASE" -Dusers="$USERS" -Dseconds="$DURATION" | grep -E "^(> |---|Global|Request count|Response time|.*percentile|.*failed|.*OK)" || status=$?
echo
echo "resident memory of the server (seconds since start, MB):"
awk '{printf "%5d s  %6.0f MB\n", $1, $2 / 1024}' "$samples"
awk 'NR == 1 {next} $1 >= 120 && !two {two = $2} {last = $2} END {
  if (two) printf "minute 2: %.0f MB, end: %.0f MB, growth %.0f MB\n", two / 1024, last / 1024, (last - two) / 1024 }' "$samples"
exit $status
