#!/usr/bin/env bash
# Issue 20, item 5: faults, tested. Runs the jar on a private, throwaway PostgreSQL 15 cluster and
# breaks things on purpose while 8 clients use the API (with the demo agency's bearer tokens, as
# ratios.sh does) and, in case b, a browser session:
#   a  kill -9 of the application while clients write notes and contacts: every write answered 201
#      is there after the restart, with its audit entry sealed, and the audit chain verifies;
#   b  PostgreSQL stopped for 10 s and started again while the application serves: every request
#      answers in a few seconds, with 503, problem+json (a plain page for the browser) and
#      Retry-After while the database is away, never 500; /actuator/health goes DOWN and comes back
#      UP, and requests succeed again, without restarting the application;
#   c  the database turns read-only (ALTER SYSTEM SET default_transaction_read_only + reload), and
#      then (run as root) the disk under the notes and contacts fills up: writes answer 503
#      problem+json, nothing acknowledged is lost, and writes work again afterwards;
#   d  with mutuality.audit.read-durability=batched, kill -9 while clients read records: how many
#      reads answered 200 have no audit entry afterwards, and how old they were at the crash (the
#      loss window batched reads accept; ADR 0009). The operators' command then verifies the chain.
# One PASS or FAIL line per case, with its figures; the exit status is 1 when any case fails.
#
# Never touches the machine's PostgreSQL at 127.0.0.1:5432: the cluster is initdb'd into a temporary
# directory, listens on its own port (FAULTS_PG_PORT, 55432) and is removed at the end, as are the
# application (FAULTS_APP_PORT, 18089) and its ./data (the demo journal key). Run as root, PostgreSQL
# runs as the postgres user. Takes 2.5 to 3.5 minutes on 2 shared cores. Builds the jar when there
# is none (CI runs it after ./mvnw verify, which builds it).
#
# Usage: load/scripts/faults.sh
# Environment: FAULTS_KEEP=1 keeps the directory and its logs; FAULTS_CRASHES=N crashes N times in
# case d (1), for a larger sample of the loss window (about 30 s more per crash).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PG_PORT=${FAULTS_PG_PORT:-55432}
APP_PORT=${FAULTS_APP_PORT:-18089}
BASE=http://127.0.0.1:$APP_PORT
DB_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/mutuality
OUTAGE_SECONDS=10
HANG_LIMIT=6     # seconds: twice the pool's connection timeout; an answer slower than this is a hang
LOSS_LIMIT=500   # ms: in case d, an acknowledged read older than this at the crash must have its entry

for port in "$PG_PORT" "$APP_PORT"; do
  if ss -ltnH "sport = :$port" | grep -q .; then
    echo "port $port is in use; set FAULTS_PG_PORT or FAULTS_APP_PORT" >&2
    exit 2
  fi
done
jar_built() { compgen -G "$ROOT/target/mutuality-*.jar" | head -1; }
JAR=$(jar_built || true)
if [ -z "$JAR" ]; then
  echo "building the jar"
  ./mvnw -q package -DskipTests -Dcpd.skip -Dpmd.skip -Dspotbugs.skip -Djacoco.skip
  JAR=$(jar_built)
fi

WORK=$(mktemp -d /tmp/mutuality-faults.XXXXXX)
chmod 755 "$WORK"
mkdir -p "$WORK/pg" "$WORK/pgrun" "$WORK/app"
APP_PID=
CLIENT_PIDS=()
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" = 0 ] && chown postgres "$WORK/pg" "$WORK/pgrun"
cleanup() {
  set +e
  touch "$WORK/stop"
  for pid in "${CLIENT_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  [ -n "$APP_PID" ] && kill -9 "$APP_PID" 2>/dev/null
  as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg" -m immediate -w stop >/dev/null 2>&1
  mountpoint -q "$WORK/full" && umount "$WORK/full"
  if [ "${FAULTS_KEEP:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

now_ms() { echo $(( ${EPOCHREALTIME/./} / 1000 )); }
T0=$(now_ms)
elapsed() { echo "$(( ($(now_ms) - T0) / 1000 )) s"; }
sql() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d mutuality -v ON_ERROR_STOP=1 -tAq "$@"; }

pg_start() { as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pgrun/postgres.log" -w -t 60 start >/dev/null; }
pg_stop() { as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast -w -t 60 stop >/dev/null; }

as_postgres "$PGBIN/initdb" -D "$WORK/pg" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
cat >> "$WORK/pg/postgresql.conf" <<CONF
port = $PG_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$WORK/pgrun'
max_connections = 50
shared_buffers = 64MB
CONF
pg_start
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -q -c "create database mutuality"

# Starts the jar as ratios.sh does, in its own directory (the demo profile keeps a key under ./data),
# and waits until it is ready.
start_app() {
  (cd "$WORK/app" && MUTUALITY_DB_URL=$DB_URL MUTUALITY_DB_USER=postgres MUTUALITY_DB_PASSWORD='' \
    exec java -Xmx256m -jar "$JAR" --spring.profiles.active=demo --server.port="$APP_PORT" "$@" \
    >> "$WORK/app.log" 2>&1) &
  APP_PID=$!
  local started
  started=$(now_ms)
  until curl -sf -o /dev/null -m 2 "$BASE/actuator/health/readiness"; do
    if ! kill -0 "$APP_PID" 2>/dev/null || [ $(( $(now_ms) - started )) -gt 240000 ]; then
      echo "the application did not start; the end of its log:" >&2
      tail -40 "$WORK/app.log" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "  application up in $(( ($(now_ms) - started) / 1000 )) s ($*)"
}
crash_app() {
  KILLED_AT=$(now_ms)
  kill -9 "$APP_PID"
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=
}

# One client: sends its request again and again until $WORK/stop exists, waiting $2 seconds between
# two, and writes one line per request to its log ($1):
#   sent (ms)|answered (ms)|status|content type|Retry-After|seconds|id of what a 201 created
client() {
  local log=$1 pause=$2 body=$1.body
  shift 2
  while [ ! -e "$WORK/stop" ]; do
    local sent answer answered id=-
    sent=$(now_ms)
    answer=$(curl -s -m 15 -o "$body" -w '%{http_code}|%{content_type}|%header{retry-after}|%{time_total}' "$@" ||
      true)
    answered=$(now_ms)
    case ${answer%%|*} in
      201) id=$(sed -nE 's/^\{"id":"([0-9a-f-]{36})".*/\1/p' "$body") ;;
      200 | 503) ;;
      *) { echo "$answer"; head -c 400 "$body"; echo; } >> "$WORK/unexpected" ;;
    esac
    echo "$sent|$answered|$answer|$id" >> "$log"
    [ "$pause" = 0 ] || sleep "$pause"
  done
}
# The clients: each takes its log as first argument.
note_writer() {
  client "$1" 0 -X POST "$BASE/api/v1/people/$jordan/notes" -H "Authorization: Bearer $psychiatrist" \
    -H 'Content-Type: application/json' -d '{"kind":"CARE_NOTES","text":"Seen during the fault test; plan unchanged."}'
}
contact_writer() {
  client "$1" 0 -X POST "$BASE/api/v1/people/$julie/interactions" -H "Authorization: Bearer $peer" \
    -H 'Content-Type: application/json' -d '{"kind":"PHONE_CALL","durationMinutes":15,"note":"Fault test check-in."}'
}
notes_reader() {
  client "$1" 0 "$BASE/api/v1/people/$jordan/notes?kind=CARE_NOTES&limit=20" -H "Authorization: Bearer $psychiatrist"
}
contacts_reader() { client "$1" 0 "$BASE/api/v1/people/$julie/interactions" -H "Authorization: Bearer $peer"; }
profile_reader() { client "$1" 0 "$BASE/api/v1/people/$2" -H "Authorization: Bearer $privacy"; }
me_reader() { client "$1" 0 "$BASE/api/v1/me" -H "Authorization: Bearer $privacy"; }
home_page() { client "$1" 0 -b "$BROWSER" -H 'Accept: text/html' "$BASE/"; }
health_probe() { client "$1" 0.5 "$BASE/actuator/health"; }

begin_phase() {
  PHASE=$1
  rm -f "$WORK/stop"
  mkdir -p "$WORK/$PHASE"
  CLIENT_PIDS=()
}
spawn() { # name, client function, its other arguments
  local name=$1 kind=$2
  shift 2
  "$kind" "$WORK/$PHASE/$name.log" "$@" &
  CLIENT_PIDS+=($!)
}
stop_clients() {
  touch "$WORK/stop"
  wait "${CLIENT_PIDS[@]}" 2>/dev/null || true
  CLIENT_PIDS=()
}
# The lines of the phase's clients whose names start with $1, e.g. "note" or "" for all but health
lines() {
  local f
  for f in "$WORK/$PHASE/$1"*.log; do
    [ -f "$f" ] && [ "${f##*/}" != health.log ] && cat "$f"
  done
  return 0
}
# The ids of the phase's writes answered 201 (clients note-* or contact-*), into $WORK/$PHASE/acked-<kind>
acked_ids() { lines "$1-" | awk -F'|' '$3 == 201 && $7 != "-" {print $7}' > "$WORK/$PHASE/acked-$1"; }
# How many of the ids in a file are not in a table
missing_in() {
  sql -c "create temp table acked (id uuid)" -c "\copy acked from '$1'" \
    -c "select count(*) from acked a where not exists (select 1 from $2 t where t.id = a.id)"
}
# How many of the ids in a file have no WRITE entry sealed into the audit chain
unaudited() {
  sql -c "create temp table acked (id uuid)" -c "\copy acked from '$1'" \
    -c "select count(*) from acked a where not exists (select 1 from audit_entry e join audit_chain c
          on c.entry_id = e.id where e.record_id = a.id::text and e.action = 'WRITE')"
}

token_of() {
  curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"mutuality-demo\",\"lifetime\":\"PT2H\"}" |
    sed -E 's/.*"token":"([^"]+)".*/\1/'
}
person_id() { sql -c "select id from person where legal_name = '$1'"; }

FAILED=0
report() { # case, PASS|FAIL, text
  echo "$2 $1: $3"
  [ "$2" = PASS ] && return 0
  FAILED=1
  if [ -s "$WORK/unexpected" ]; then
    echo "  answers other than 200, 201 and 503 so far (status|type|Retry-After|seconds, then the body):"
    head -6 "$WORK/unexpected" | sed 's/^/    /'
  fi
}

echo "faults: PostgreSQL 15 on port $PG_PORT, the application on $APP_PORT, in $WORK"
start_app
psychiatrist=$(token_of psychiatrist)
peer=$(token_of peer)
privacy=$(token_of privacy)
jordan=$(person_id 'Jordan Lee')
julie=$(person_id 'Julie Roy')
if [ -z "$psychiatrist" ] || [ -z "$peer" ] || [ -z "$privacy" ] || [ -z "$jordan" ] || [ -z "$julie" ]; then
  echo "the demo agency is not loaded" >&2
  exit 1
fi
# A browser session of the peer worker, signed in through the form
BROWSER=$WORK/browser.cookies
csrf=$(curl -sf -c "$BROWSER" -b "$BROWSER" "$BASE/login" | sed -nE 's/.*name="_csrf" value="([^"]+)".*/\1/p' | head -1)
curl -sf -o /dev/null -c "$BROWSER" -b "$BROWSER" "$BASE/login" --data-urlencode username=peer \
  --data-urlencode password=mutuality-demo --data-urlencode "_csrf=$csrf"

# When the first request sent from $2 (ms) that answered $3 was answered, in the log $1
first_after() { awk -F'|' -v t="$2" -v s="$3" '$1 >= t && $3 == s {print $2; exit}' "$1"; }
# Checks every answer of the phase's clients and prints "answers 503s bad malformed hung slowest":
# bad counts statuses other than 200, 201 and 503 (000 is no answer), malformed the 503s without
# problem+json (the page: text/html) or Retry-After, hung the answers slower than HANG_LIMIT.
judge() {
  local f
  for f in "$WORK/$PHASE"/*.log; do
    [ "${f##*/}" != health.log ] || continue
    awk -F'|' -v page="$([ "${f##*/}" = page.log ] && echo 1 || echo 0)" -v limit="$HANG_LIMIT" '{
        n++
        if ($3 != 200 && $3 != 201 && $3 != 503) bad++
        if ($3 == 503) {
          unavailable++
          if ((page ? $4 !~ /^text\/html/ : $4 != "application/problem+json") || $5 == "") malformed++
        }
        if ($6 + 0 > limit) hung++
        if ($6 + 0 > slowest) slowest = $6 + 0
      } END {print n + 0, unavailable + 0, bad + 0, malformed + 0, hung + 0, slowest + 0}' "$f"
  done | awk '{n += $1; u += $2; b += $3; m += $4; h += $5; if ($6 > s) s = $6} END {print n, u, b, m, h, s}'
}
statuses() { # the statuses of clients $1 sent from $2 and answered by $3 (ms), e.g. "201 x 310, 503 x 24"
  lines "$1" | awk -F'|' -v a="${2:-0}" -v b="${3:-99999999999999}" '$1 >= a && $2 <= b {c[$3]++}
    END {for (s in c) printf "%s%s x %d", (i++ ? ", " : ""), s, c[s]}'
}

# ---- b: PostgreSQL stopped for 10 s and started again while the application serves -----------------
begin_phase b
spawn note-1 note_writer
spawn note-2 note_writer
spawn contact-1 contact_writer
spawn contact-2 contact_writer
spawn notes-1 notes_reader
spawn contacts-1 contacts_reader
spawn me-1 me_reader
spawn page home_page
spawn health health_probe
sleep 3
down_at=$(now_ms)
pg_stop
sleep "$OUTAGE_SECONDS"
pg_start
back_at=$(now_ms)
up_at=
for _ in $(seq 1 120); do
  up_at=$(first_after "$WORK/b/health.log" "$back_at" 200)
  [ -n "$up_at" ] && break
  sleep 0.5
done
sleep 3
stop_clients
read -r n unavailable bad malformed hung slowest < <(judge)
health_down=$(awk -F'|' -v a="$down_at" -v b="$back_at" '$1 >= a && $2 <= b && $3 == 503' "$WORK/b/health.log" | wc -l)
health_slowest=$(awk -F'|' '$6 + 0 > s {s = $6 + 0} END {print s + 0}' "$WORK/b/health.log")
after_up=$(lines "" | awk -F'|' -v t="${up_at:-0}" '$1 >= t + 1000 {n++; if ($3 != 200 && $3 != 201) f++}
  END {print n + 0, f + 0}')
read -r n_after failed_after <<< "$after_up"
recovered=$(lines "" | awk -F'|' -v t="$back_at" '$1 >= t && ($3 == 200 || $3 == 201) && (!m || $2 < m) {m = $2}
  END {print m ? m - t : -1}')
acked_ids note && acked_ids contact
lost=$(( $(missing_in "$WORK/b/acked-note" record_note) + $(missing_in "$WORK/b/acked-contact" interaction) ))
figures="$n answers ($(statuses "")); $unavailable answered 503 while the database was away, $malformed of them"
figures+=" without problem+json (text/html for the page) or Retry-After; $bad other failures (500, no answer);"
figures+=" slowest answer ${slowest} s ($hung over ${HANG_LIMIT} s); health DOWN $health_down times during the"
figures+=" outage (slowest ${health_slowest} s); after PostgreSQL was back, the first request succeeded in"
figures+=" $recovered ms and health was UP in $(( ${up_at:-0} - back_at )) ms;"
figures+=" $failed_after of $n_after requests sent 1 s after that failed; $lost acknowledged writes lost"
if [ "$unavailable" -gt 0 ] && [ "$bad" = 0 ] && [ "$malformed" = 0 ] && [ "$hung" = 0 ] && [ "$health_down" -gt 0 ] &&
  [ -n "$up_at" ] && [ "$n_after" -gt 0 ] && [ "$failed_after" = 0 ] && [ "$lost" = 0 ]; then
  report "b (PostgreSQL restarted)" PASS "$figures"
else
  report "b (PostgreSQL restarted)" FAIL "$figures"
fi
echo "  $(elapsed) so far"

# ---- c: the database turns read-only, then writable again --------------------------------------------
begin_phase c
spawn note-1 note_writer
spawn note-2 note_writer
spawn contact-1 contact_writer
spawn contact-2 contact_writer
spawn notes-1 notes_reader
spawn contacts-1 contacts_reader
spawn me-1 me_reader
spawn page home_page
sleep 3
readonly_at=$(now_ms)
sql -c "alter system set default_transaction_read_only = on" -c "select pg_reload_conf()" > /dev/null
sleep 6
writable_at=$(now_ms)
PGOPTIONS='-c default_transaction_read_only=off' \
  sql -c "alter system reset default_transaction_read_only" -c "select pg_reload_conf()" > /dev/null
sleep 4
stop_clients
read -r n unavailable bad malformed hung slowest < <(judge)
# writes sent once the change had reached every connection (0.5 s) and answered before it was undone
writes_during=$( { lines note-; lines contact-; } | awk -F'|' -v a="$readonly_at" -v b="$writable_at" \
  '$1 >= a + 500 && $2 <= b {n++; if ($3 == 503) u++} END {print n + 0, u + 0}')
read -r w_during w_refused <<< "$writes_during"
writes_after=$( { lines note-; lines contact-; } | awk -F'|' -v t="$writable_at" \
  '$1 >= t + 1000 {n++; if ($3 == 201) ok++} END {print n + 0, ok + 0}')
read -r w_after w_done <<< "$writes_after"
acked_ids note && acked_ids contact
acked=$(cat "$WORK/c/acked-note" "$WORK/c/acked-contact" | wc -l)
lost=$(( $(missing_in "$WORK/c/acked-note" record_note) + $(missing_in "$WORK/c/acked-contact" interaction) ))
figures="$n answers ($(statuses "")); $w_refused of $w_during writes while read-only answered 503"
figures+=" ($malformed answers 503 without problem+json or Retry-After, $bad other failures, slowest ${slowest} s);"
figures+=" $w_done of $w_after writes once writable answered 201; $lost of $acked acknowledged writes lost"
window=("$(( readonly_at + 500 ))" "$writable_at")
figures+=" (reads while read-only: notes $(statuses notes "${window[@]}"), /me $(statuses me "${window[@]}"),"
figures+=" page $(statuses page "${window[@]}"))"
if [ "$w_during" -gt 0 ] && [ "$w_refused" = "$w_during" ] && [ "$malformed" = 0 ] && [ "$bad" = 0 ] &&
  [ "$hung" = 0 ] && [ "$w_after" -gt 0 ] && [ "$w_done" = "$w_after" ] && [ "$lost" = 0 ]; then
  report "c (database read-only)" PASS "$figures"
else
  report "c (database read-only)" FAIL "$figures"
fi
echo "  $(elapsed) so far"

# ---- c, disk full: the tables of notes and contacts on a full disk ------------------------------------
# A tmpfs of its own (root only; skipped otherwise) holds a tablespace for the two tables, and a file
# fills what is left: inserts that need a new page fail with SQLSTATE 53100, as on a full disk (the
# few that fit in the tables' last pages succeed). The write-ahead log stays on the real disk, so
# PostgreSQL itself never runs out of room (it would stop, which case b covers). Once the file is
# removed, writes work again; then the tables move back and the tmpfs goes.
full=$WORK/full
mkdir -p "$full"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=32m,mode=700 faults-full "$full" 2>/dev/null; then
  chown postgres "$full"
  sql -c "create tablespace full_disk location '$full'"
  sql -c "alter table record_note set tablespace full_disk" -c "alter table interaction set tablespace full_disk"
  # Full before the clients start: under concurrent inserts PostgreSQL extends a table by many pages
  # at once, and pages taken before the disk filled would take writes for seconds.
  dd if=/dev/zero of="$full/filler" bs=64k 2> /dev/null || true
  begin_phase c-full
  full_at=$(now_ms)
  spawn note-1 note_writer
  spawn note-2 note_writer
  spawn contact-1 contact_writer
  spawn contact-2 contact_writer
  spawn notes-1 notes_reader
  spawn me-1 me_reader
  sleep 5
  freed_at=$(now_ms)
  rm -f "$full/filler"
  sleep 4
  stop_clients
  read -r n unavailable bad malformed hung slowest < <(judge)
  writes_full=$( { lines note-; lines contact-; } | awk -F'|' -v a="$full_at" -v b="$freed_at" \
    '$1 >= a && $2 <= b {n++; if ($3 == 503) u++; if ($3 == 201) w++} END {print n + 0, u + 0, w + 0}')
  read -r w_during w_refused w_fitted <<< "$writes_full"
  writes_after=$( { lines note-; lines contact-; } | awk -F'|' -v t="$freed_at" \
    '$1 >= t + 1000 {n++; if ($3 == 201) ok++} END {print n + 0, ok + 0}')
  read -r w_after w_done <<< "$writes_after"
  acked_ids note && acked_ids contact
  acked=$(cat "$WORK/$PHASE/acked-note" "$WORK/$PHASE/acked-contact" | wc -l)
  lost=$(( $(missing_in "$WORK/$PHASE/acked-note" record_note) +
    $(missing_in "$WORK/$PHASE/acked-contact" interaction) ))
  disk_full_log=$(grep -c 'SQLSTATE 53100' "$WORK/app.log" || true)
  sql -c "alter table record_note set tablespace pg_default" -c "alter table interaction set tablespace pg_default" \
    -c "drop tablespace full_disk"
  umount "$full"
  figures="$n answers ($(statuses "")); of $w_during writes while the disk was full, $w_refused answered 503"
  figures+=" and $w_fitted 201 (room left in the tables' last pages); $malformed answers 503 without problem+json"
  figures+=" or Retry-After, $bad other failures, slowest ${slowest} s; $w_done of $w_after writes once freed"
  figures+=" answered 201; $lost of $acked acknowledged writes lost; reads while full: notes"
  figures+=" $(statuses notes "$full_at" "$freed_at"), /me $(statuses me "$full_at" "$freed_at")"
  if [ "$w_refused" -gt 0 ] && [ "$malformed" = 0 ] && [ "$bad" = 0 ] && [ "$hung" = 0 ] &&
    [ "$w_after" -gt 0 ] && [ "$w_done" = "$w_after" ] && [ "$lost" = 0 ] && [ "$disk_full_log" -gt 0 ]; then
    report "c (disk full)" PASS "$figures"
  else
    report "c (disk full)" FAIL "$figures"
  fi
else
  echo "SKIP c (disk full): needs root and a tmpfs mount"
fi
echo "  $(elapsed) so far"

# ---- a: kill -9 of the application while 8 clients write ------------------------------------------
begin_phase a
writing_from=$(now_ms)
for i in 1 2 3 4; do
  spawn "note-$i" note_writer
  spawn "contact-$i" contact_writer
done
sleep 6
crash_app
stop_clients
echo "  killed the application (kill -9) at $(statuses "") answers so far"
start_app --mutuality.audit.read-durability=batched
acked_ids note && acked_ids contact
notes=$(wc -l < "$WORK/a/acked-note")
contacts=$(wc -l < "$WORK/a/acked-contact")
unanswered=$(lines "" | awk -F'|' '$3 == "000"' | wc -l)
# writes that committed although the kill cut their answer off: a client that sends them again writes twice
since="to_timestamp($writing_from / 1000.0)"
written=$(sql -c "select (select count(*) from record_note where created_at >= $since)
                       + (select count(*) from interaction where created_at >= $since)")
lost_notes=$(missing_in "$WORK/a/acked-note" record_note)
lost_contacts=$(missing_in "$WORK/a/acked-contact" interaction)
# the sealer links what committed before the crash into the chain moments after the restart
for _ in $(seq 1 60); do
  unsealed=$(sql -c "select count(*) from audit_entry e where not exists
                       (select 1 from audit_chain c where c.entry_id = e.id)")
  [ "$unsealed" = 0 ] && break
  sleep 0.5
done
unaudited=$(( $(unaudited "$WORK/a/acked-note") + $(unaudited "$WORK/a/acked-contact") ))
verification=$(curl -s -m 30 "$BASE/api/v1/audit/verify" -H "Authorization: Bearer $privacy")
figures="$notes notes and $contacts contacts answered 201 before the kill ($unanswered requests cut off, of"
figures+=" which $(( written - notes - contacts )) had committed);"
figures+=" after the restart $lost_notes notes and $lost_contacts contacts missing, $unaudited without their"
figures+=" audit entry in the chain, $unsealed entries unsealed; GET /api/v1/audit/verify: $verification"
if [ "$notes" -gt 0 ] && [ "$contacts" -gt 0 ] && [ "$lost_notes" = 0 ] && [ "$lost_contacts" = 0 ] &&
  [ "$unaudited" = 0 ] && [ "$unsealed" = 0 ] && [[ $verification == '{"valid":true,'* ]]; then
  report "a (kill -9 while writing)" PASS "$figures"
else
  report "a (kill -9 while writing)" FAIL "$figures"
fi
echo "  $(elapsed) so far"

# ---- d: batched read entries, kill -9 while reading -------------------------------------------------
# Each client reads with its own (reader, person, kind of record), so that its reads' entries can be
# told apart: the client's n-th entry must have been recorded while its n-th request was under way
# (checked), so the reads without an entry are known one by one, with the moment each was answered.
# What a crash loses was only in the killed process's memory, so it is counted as soon as the process
# is dead. FAULTS_CRASHES (1) repeats the crash, each time after a fresh start, for a larger sample.
helene=$(person_id 'Hélène Tremblay')
priya=$(person_id 'Priya Shah')
mapfile -t subjects < <(sql -c "select id from person where id not in ('$priya', '$jordan', '$julie')
                                and legal_name not like 'Hélène%' order by legal_name limit 6")
keys=("notes-1 $helene $jordan CARE_NOTES" "contacts-1 $jordan $julie SUPPORT_NOTES")
for i in 1 2 3 4 5 6; do
  keys+=("profile-$i $priya ${subjects[$((i - 1))]} PROFILE")
done
acked_total=0 lost_total=0 extra_total=0 mismatched=0 per_crash=
: > "$WORK/lost-ages"
for crash in $(seq 1 "${FAULTS_CRASHES:-1}"); do
  [ "$crash" = 1 ] || start_app --mutuality.audit.read-durability=batched
  begin_phase "d$crash"
  reading_from=$(now_ms)
  spawn notes-1 notes_reader
  spawn contacts-1 contacts_reader
  for i in 1 2 3 4 5 6; do
    spawn "profile-$i" profile_reader "${subjects[$((i - 1))]}"
  done
  sleep 6
  crash_app
  stop_clients
  crash_acked=0 crash_lost=0
  for key in "${keys[@]}"; do
    read -r name actor subject kind <<< "$key"
    log=$WORK/$PHASE/$name.log
    sql -c "select floor(extract(epoch from recorded_at) * 1000)::bigint from audit_entry
            where action = 'READ' and actor_id = '$actor' and subject_id = '$subject' and record_kind = '$kind'
              and outcome = 'ALLOWED' and recorded_at >= to_timestamp($reading_from / 1000.0)
            order by recorded_at" > "$log.entries"
    # request n sent at $1 and answered at $2 (ms): its entry is the n-th, recorded in between
    read -r acked entries lost extra bad < <(awk -F'|' 'FILENAME == ARGV[1] {e[++n] = $1; next}
      {r++; if ($3 == 200) a++; if ($3 == 200 && r > n) l++
       if (r <= n && (e[r] < $1 - 2 || e[r] > $2 + 2)) b++}
      END {x = n > a ? n - a : 0; if (n > r) b += n - r; print a + 0, n + 0, l + 0, x, b + 0}' "$log.entries" "$log")
    # when each read without an entry was answered: sent, plus curl's own measure of its time
    awk -F'|' -v n="$entries" -v k="$KILLED_AT" '{r++} $3 == 200 && r > n {printf "%d\n", k - ($1 + $6 * 1000)}' \
      "$log" >> "$WORK/lost-ages"
    crash_acked=$(( crash_acked + acked ))
    crash_lost=$(( crash_lost + lost ))
    extra_total=$(( extra_total + extra ))
    mismatched=$(( mismatched + bad ))
  done
  acked_total=$(( acked_total + crash_acked ))
  lost_total=$(( lost_total + crash_lost ))
  per_crash+="${per_crash:+, }$crash_lost of $crash_acked"
done
# The restart: the operators' command seals what committed and verifies every agency's chain.
verify_out=$(cd "$WORK/app" && MUTUALITY_DB_URL=$DB_URL MUTUALITY_DB_USER=postgres MUTUALITY_DB_PASSWORD='' \
  java -Xmx256m -jar "$JAR" --spring.profiles.active=demo --mutuality.audit.verify=true --server.port=0 2>&1) &&
  verify_status=0 || verify_status=$?
verify_lines=$(echo "$verify_out" | grep -E '^agency ' || true)
read -r youngest oldest ages < <(sort -n "$WORK/lost-ages" |
  awk '{a[++n] = $1} END {printf "%d %d ", a[1], a[n]; for (i = 1; i <= n; i++) printf "%s%d", (i > 1 ? "," : ""), a[i]; print ""}')
figures="$lost_total of $acked_total reads answered 200 have no audit entry after ${FAULTS_CRASHES:-1} kill(s) ($per_crash);"
figures+=" they were answered ${youngest}-${oldest} ms before the kill (${ages:-none}; batch-interval 50 ms)."
figures+=" $extra_total entries of reads cut off before their answer; $mismatched entries out of order;"
figures+=" operators' verify exited $verify_status: ${verify_lines:-no output}"
if [ "$acked_total" -gt 0 ] && [ "$oldest" -le "$LOSS_LIMIT" ] && [ "$mismatched" = 0 ] &&
  [ "$verify_status" = 0 ] && [ -n "$verify_lines" ]; then
  report "d (batched read entries, kill -9 while reading)" PASS "$figures"
else
  report "d (batched read entries, kill -9 while reading)" FAIL "$figures"
fi

echo "faults: $(elapsed) in all"
exit "$FAILED"
