#!/usr/bin/env bash
# The whole side-by-side comparison of issue 16 in one run: the project, the @neo4j/graphql peer and the hand-Cypher
# floor at S (1k schools) and L (100k schools), with BOTH sizes live at once and each cell's S and L runs back to
# back, so that "p50 at L ÷ p50 at S" compares two runs a minute apart instead of two halves of a run twenty
# minutes apart. On this shared 2-core machine the floor's own L ÷ S ranged 1.14–1.72 in sequential runs (session
# 19), i.e. the sequential comparison measured the host as much as the graph. Every other ratio (project ÷ peer,
# project ÷ floor) is within one size and is measured exactly as the kit's bench-side-by-side.sh does.
#
# Uses the kit in ../shared/bench/side-by-side (a scratch copy, adapted by bench/questions/adapt-kit.mjs): per size a
# Neo4j (S on 17687, L on 17688), a project (18080 / 18081) and a peer (14000 / 14001); verifies project = peer =
# hand Cypher on VERIFY_N parameter sets per size; warms every server up (JVM_WARMUP s per question at 8 clients);
# then for each question and target runs S and L (the order flips each question) at every concurrency.
# Not part of `verify`. Needs wrk (apt-get install wrk), Node.js and npm; up to 16 GB of memory (2 × Neo4j 4g heap +
# 2g page cache, 2 × project -Xmx2g).
#   bench/side-by-side.sh          env: DURATION=10 WARMUP=5 JVM_WARMUP=90 CONCURRENCY="1 8 32" QUERIES="a b c d"
#                                       VERIFY_N=200 OUT=target/side-by-side-<time>
#                                       DATA=<folder with S/ and L/ Neo4j stores already loaded by the kit's
#                                            generator> (skips generating, which takes some 3 minutes for L)
# Writes OUT/summary.md (the kit's tables, both sizes), OUT/sizes.md (L ÷ S per target, question, concurrency),
# OUT/raw/ (one JSON line per cell: latency, req/s, CPU per process, foreign CPU), OUT/verify-*.txt and
# OUT/metrics-*.txt (the project's statements and requests counters: statements per request).
set -euo pipefail
cd "$(dirname "$0")/.."
KIT="${SIDE_BY_SIDE:-../shared/bench/side-by-side}"
[[ -d "$KIT" ]] || { echo "no side-by-side kit at $KIT (set SIDE_BY_SIDE)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
OUT="${OUT:-target/side-by-side-$(date +%Y%m%d-%H%M%S)}"; mkdir -p "$OUT"; OUT="$(cd "$OUT" && pwd)"
[[ -z "${DATA:-}" ]] || DATA="$(cd "$DATA" && pwd)"
export DURATION="${DURATION:-10}" WARMUP="${WARMUP:-5}" CONCURRENCY="${CONCURRENCY:-1 8 32}"
export QUIET_WAIT="${QUIET_WAIT:-30}" QUIET_PCT="${QUIET_PCT:-25}" MAX_OTHER="${MAX_OTHER:-35}" RETRIES="${RETRIES:-1}"
QUERIES="${QUERIES:-a b c d}"; JVM_WARMUP="${JVM_WARMUP:-90}"
declare -A BOLT=([S]=17687 [L]=17688) PROJECT=([S]=18080 [L]=18081) PG=([S]=15432 [L]=15433) PEER=([S]=14000 [L]=14001)

SCRATCH="$(mktemp -d)"
cleanup() {
  (cd "$SCRATCH" && for z in S L; do
     ./stop-project.sh "${PROJECT[$z]}" >/dev/null 2>&1 || true; ./stop-peer.sh "${PEER[$z]}" >/dev/null 2>&1 || true
     ./stop-neo4j.sh "${BOLT[$z]}" >/dev/null 2>&1 || true
   done)
  [[ -n "${KEEP:-}" ]] && echo "scratch kept: $SCRATCH" || rm -rf "$SCRATCH"
}
trap cleanup EXIT

SIZES_REPORT="$PWD/bench/questions/sizes-report.mjs"
source bench/kit.sh
for z in S L; do
  export NEO4J_URI="bolt://127.0.0.1:${BOLT[$z]}"
  NEO4J_HEAP="${NEO4J_HEAP:-4g}" NEO4J_PAGECACHE="${NEO4J_PAGECACHE:-2g}" ./start-neo4j.sh "${BOLT[$z]}" "${DATA:-$SCRATCH/data}/$z"
  [[ -n "${DATA:-}" ]] || node scripts/generate.mjs --size "$z" --project "$PROJECT_DIR"
  node scripts/make-params.mjs --size "$z"
  PG_PORT="${PG[$z]}" PROJECT_ENV="PARTNERGRAPH_MAX_NODES=50000" ./start-project.sh "${PROJECT[$z]}"
  ./start-peer.sh "${PEER[$z]}"
  node scripts/verify.mjs --size "$z" --n "${VERIFY_N:-200}" --project "http://127.0.0.1:${PROJECT[$z]}/graphql" \
    --peer "http://127.0.0.1:${PEER[$z]}/graphql" > "$OUT/verify-$z.txt" 2>&1 \
    || { echo "project, peer and hand Cypher disagree at $z:" >&2; tail -20 "$OUT/verify-$z.txt" >&2; exit 1; }
  tail -3 "$OUT/verify-$z.txt"
done
unset NEO4J_URI

url() { echo "http://127.0.0.1:$([[ $1 == project ]] && echo "${PROJECT[$2]}" || echo "${PEER[$2]}")/graphql"; }
pid() { cat "run/$1-$([[ $1 == project ]] && echo "${PROJECT[$2]}" || echo "${PEER[$2]}").pid"; }
mkdir -p results/raw
echo "load before: $(cat /proc/loadavg)" | tee "$OUT/log.txt"
# every body once (HTTP 200, no errors), then the long first warm-up of each server (JIT, pools, page cache)
for z in S L; do for t in project peer; do
  node scripts/make-bodies.mjs --size "$z" --url "$(url $t $z)" --queries "${QUERIES// /,}" --query-dir "queries/$t" \
    --out "run/bodies/$t-$z" > "results/raw/$t-$z.preflight.jsonl"
  for q in $QUERIES; do
    timeout $((JVM_WARMUP + 30)) wrk -t1 -c8 -d"${JVM_WARMUP}s" --timeout 10s -s scripts/wrk-graphql.lua "$(url $t $z)" \
      -- "$(ls run/bodies/$t-$z/${q}_*.jsonl)" >/dev/null
  done
done; done
order="S L"
for q in $QUERIES; do
  for t in project peer bolt; do
    for z in $order; do
      echo "== $z $q $t $(date +%T)" | tee -a "$OUT/log.txt"
      if [[ $t == bolt ]]; then
        NEO4J_PID="$(cat "run/neo4j-${BOLT[$z]}.pid")" node scripts/bench-bolt.mjs --size "$z" --variant hand --queries "$q" \
          --duration "$DURATION" --warmup "$WARMUP" --concurrency "${CONCURRENCY// /,}" --uri "bolt://127.0.0.1:${BOLT[$z]}"
      else
        TARGET_PID="$(pid $t $z)" NEO4J_PID="$(cat "run/neo4j-${BOLT[$z]}.pid")" QUERIES="$q" PREFLIGHT=0 \
          scripts/bench-graphql.sh "$(url $t $z)" "$z" "$t"
      fi
    done
  done
  order="$([[ $order == "S L" ]] && echo "L S" || echo "S L")"
done
echo "load after: $(cat /proc/loadavg)" | tee -a "$OUT/log.txt"
for z in S L; do
  curl -s "http://127.0.0.1:${PROJECT[$z]}/q/metrics" \
    | grep -E "^partnergraph_cypher_statements_total|^partnergraph_graphql_requests_seconds_count" > "$OUT/metrics-$z.txt"
done
node scripts/report.mjs > /dev/null
cp results/summary.md "$OUT/summary.md"; cp -r results/raw "$OUT/raw"
node "$SIZES_REPORT" results/raw > "$OUT/sizes.md"
cat "$OUT/summary.md" "$OUT/sizes.md"
echo "results in $OUT"
