#!/usr/bin/env bash
# The read benchmark on the synthetic network (S: 1k schools, L: 100k schools) timing only the project and the floor, so a read
# regression shows on the project alone. It reuses the side-by-side kit in ../shared/bench/side-by-side (its
# Neo4j launcher, generator, parameter sets, wrk driver and report) in a scratch copy, with the project's form
# of the four questions from bench/questions/ (adapt-kit.mjs), checks that the project, the peer and the hand
# Cypher answer alike (verify.mjs, VERIFY_N parameter sets), and times the project and the hand-Cypher floor.
# Not part of `verify`. Needs wrk (apt-get install wrk), Node.js and npm.
#   bench/synthetic.sh [S|L]            env: DURATION=15 CONCURRENCY="1 8 32" JVM_WARMUP=90 KEEP=1 (keep the scratch copy)
# JVM_WARMUP is the load (seconds per question, 8 clients) the project gets before the first timed cell. The kit's
# default of 20 s measures a young JVM: on the 2-core machine the same jar answered (b) and (d) at c=1 in 1.41 and
# 1.67 ms after 4 minutes of load and in ~1.0 ms after 10 more (session 17), enough to hide or fake a regression.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE="${1:-S}"
KIT="${SIDE_BY_SIDE:-../shared/bench/side-by-side}"
[[ -d "$KIT" ]] || { echo "no side-by-side kit at $KIT (set SIDE_BY_SIDE)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
SCRATCH="$(mktemp -d)"
cleanup() {
  (cd "$SCRATCH" && ./stop-project.sh >/dev/null 2>&1 || true; ./stop-peer.sh >/dev/null 2>&1 || true; ./stop-neo4j.sh >/dev/null 2>&1 || true)
  [[ -n "${KEEP:-}" ]] && echo "scratch kept: $SCRATCH" || rm -rf "$SCRATCH"
}
trap cleanup EXIT

source bench/kit.sh
NEO4J_HEAP="${NEO4J_HEAP:-4g}" NEO4J_PAGECACHE="${NEO4J_PAGECACHE:-2g}" ./start-neo4j.sh 17687 "data/$SIZE"
node scripts/generate.mjs --size "$SIZE" --project "$PROJECT_DIR"
node scripts/make-params.mjs --size "$SIZE"
./start-project.sh
# first the three answer the same (project = peer = hand Cypher); the peer is stopped before timing
./start-peer.sh
node scripts/verify.mjs --size "$SIZE" --n "${VERIFY_N:-40}"
./stop-peer.sh
JVM_WARMUP="${JVM_WARMUP:-90}" TARGETS="project bolt" ./bench-side-by-side.sh "$SIZE"
node scripts/report.mjs
cat results/summary.md
