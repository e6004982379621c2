#!/usr/bin/env bash
# Builds the service, starts it on the embedded default with a fresh data folder (so the first start
# imports the curated dataset), runs the benchmark against it, and stops it. Not part of `verify`.
#   bench/run.sh [iterations] [concurrency]
set -euo pipefail
cd "$(dirname "$0")/.."
ITERATIONS="${1:-200}"
CONCURRENCY="${2:-8}"
PORT="${BENCH_PORT:-18080}"
DATA="$(mktemp -d)"
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$DATA"' EXIT

./mvnw -B -q package -DskipTests
START=$(date +%s%N)
PORT="$PORT" PARTNERGRAPH_DATA_DIR="$DATA" PARTNERGRAPH_EMBEDDED_NEO4J_PORT=17688 \
  PARTNERGRAPH_EMBEDDED_POSTGRES_PORT=15432 java -jar target/quarkus-app/quarkus-run.jar > "$DATA/service.log" 2>&1 &
PID=$!
until curl -sf "http://localhost:$PORT/q/health/ready" > /dev/null; do
  kill -0 "$PID" 2>/dev/null || { echo "service died:"; tail -40 "$DATA/service.log"; exit 1; }
  sleep 0.5
done
echo "Service ready after $(( ($(date +%s%N) - START) / 1000000 )) ms (first start: embedded stores + dataset import)"
echo "RSS after start: $(( $(ps -o rss= -p "$PID") / 1024 )) MB"
java bench/Bench.java "http://localhost:$PORT" "$ITERATIONS" "$CONCURRENCY"
echo "RSS after benchmark: $(( $(ps -o rss= -p "$PID") / 1024 )) MB"
