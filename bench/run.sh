#!/usr/bin/env bash
# Builds the service, starts it on the embedded default with a fresh data folder (so the first start
# imports the curated dataset) and with sign-in against a throwaway issuer (bench/Issuer.java, so the
# write benchmark sends real signed tokens), runs the read and write benchmarks, and stops both.
# Not part of `verify`.
#   bench/run.sh [iterations] [concurrency] [writes]
set -euo pipefail
cd "$(dirname "$0")/.."
ITERATIONS="${1:-200}"
CONCURRENCY="${2:-8}"
WRITES="${3:-1000}"
PORT="${BENCH_PORT:-18080}"
ISSUER_PORT="${BENCH_ISSUER_PORT:-18180}"
ISSUER="http://localhost:$ISSUER_PORT/realms/bench"
DATA="$(mktemp -d)"
PID=""
IPID=""
trap 'kill $PID $IPID 2>/dev/null || true; wait $PID $IPID 2>/dev/null || true; rm -rf "$DATA"' EXIT

./mvnw -B -q package -DskipTests
javac -d "$DATA/bench" bench/*.java
java -cp "$DATA/bench" Issuer "$ISSUER_PORT" > "$DATA/issuer.log" 2>&1 &
IPID=$!
until curl -sf "$ISSUER/.well-known/openid-configuration" > /dev/null; do sleep 0.2; done
START=$(date +%s%N)
PORT="$PORT" PARTNERGRAPH_DATA_DIR="$DATA" PARTNERGRAPH_EMBEDDED_NEO4J_PORT=17688 \
  PARTNERGRAPH_EMBEDDED_POSTGRES_PORT=15432 OIDC_ISSUER="$ISSUER" \
  java -jar target/quarkus-app/quarkus-run.jar > "$DATA/service.log" 2>&1 &
PID=$!
until curl -sf "http://localhost:$PORT/q/health/ready" > /dev/null; do
  kill -0 "$PID" 2>/dev/null || { echo "service died:"; tail -40 "$DATA/service.log"; exit 1; }
  sleep 0.5
done
echo "Service ready after $(( ($(date +%s%N) - START) / 1000000 )) ms (first start: embedded stores + dataset import)"
echo "RSS after start: $(( $(ps -o rss= -p "$PID") / 1024 )) MB"
java -cp "$DATA/bench" Bench "http://localhost:$PORT" "$ITERATIONS" "$CONCURRENCY"
java -cp "$DATA/bench" BenchWrites "http://localhost:$PORT" "$ISSUER" "$WRITES"
echo "RSS after benchmark: $(( $(ps -o rss= -p "$PID") / 1024 )) MB"
