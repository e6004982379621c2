#!/usr/bin/env bash
# Soak: one replica on the embedded default (fresh data folder, curated dataset), the read mix of bench/Bench.java
# at a fixed rate for the given minutes, per-minute latency and errors, and the JVM's heap after a full GC, RSS,
# threads and open file descriptors (bench/soak/Soak.java). Without a rate, it first measures the peak (16 clients,
# closed loop, 20 s) and soaks at 80% of it. Not part of `verify`; loopback only.
#   bench/soak.sh [minutes=30] [rate]      env: SKIP_BUILD=1, JAVA_OPTS (default -Xmx512m), KEEP=1
# Prints a table per minute and, last, one line: SOAK minutes=… p99Drift=… heapStartMB=… heapEndMB=… …
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES="${1:-30}"
RATE="${2:-}"
# Ports away from the embedded defaults, bench/run.sh, bench/synthetic.sh and bench/faults.sh.
PORT=28091
SCRATCH="$(mktemp -d)"
PID=""
cleanup() {
  [[ -n "$PID" ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  if [[ -n "${KEEP:-}" ]]; then echo "scratch kept: $SCRATCH"; else rm -rf "$SCRATCH"; fi
}
trap cleanup EXIT
for port in "$PORT" 27688 25433; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is in use" >&2; exit 1; fi
done

[[ -n "${SKIP_BUILD:-}" && -f target/quarkus-app/quarkus-run.jar ]] || ./mvnw -B -q package -DskipTests
javac -d "$SCRATCH/classes" bench/Bench.java bench/soak/Soak.java
# A fixed heap ceiling, as a container would set: growth then shows as GC work and latency, not only as RSS.
# shellcheck disable=SC2086
PORT="$PORT" QUARKUS_HTTP_HOST=127.0.0.1 PARTNERGRAPH_DATA_DIR="$SCRATCH/data" PARTNERGRAPH_EMBEDDED_NEO4J_PORT=27688 \
  PARTNERGRAPH_EMBEDDED_POSTGRES_PORT=25433 java ${JAVA_OPTS:--Xmx512m} -jar target/quarkus-app/quarkus-run.jar \
  > "$SCRATCH/service.log" 2>&1 &
PID=$!
until curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null; do
  kill -0 "$PID" 2>/dev/null || { echo "service died:"; tail -40 "$SCRATCH/service.log"; exit 1; }
  sleep 0.5
done
echo "service up (pid $PID, embedded Neo4j and PostgreSQL in its data folder; RSS is the service JVM's, with Neo4j in it)"
java -cp "$SCRATCH/classes" Soak "http://127.0.0.1:$PORT" "$PID" "$MINUTES" "$RATE"
