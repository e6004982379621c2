// Adapts a scratch copy of the side-by-side kit (../shared/bench/side-by-side) to this project's form of the
// four questions: copies bench/questions/*.graphql to its queries/project/, and makes its equality check
// (scripts/verify.mjs) read question (d) from partnerOrganizations, which the project's (d) asks, instead of
// the kit's original partners shape. The canonical form is unchanged: each partner's id with its own
// partners' ids, sorted, so project = peer = hand Cypher is still what is compared.
//   node bench/questions/adapt-kit.mjs <kit copy>
import fs from "node:fs";
import path from "node:path";

const kit = process.argv[2];
if (!kit || !fs.existsSync(path.join(kit, "scripts", "verify.mjs"))) {
  console.error("usage: node bench/questions/adapt-kit.mjs <copy of the side-by-side kit>");
  process.exit(2);
}
const here = path.dirname(new URL(import.meta.url).pathname);
for (const f of fs.readdirSync(here).filter((f) => f.endsWith(".graphql"))) {
  fs.copyFileSync(path.join(here, f), path.join(kit, "queries", "project", f));
}

const verify = path.join(kit, "scripts", "verify.mjs");
const text = fs.readFileSync(verify, "utf8");
const marker = "// (d) as partnerOrganizations (bench/questions/adapt-kit.mjs)";
if (!text.includes(marker)) {
  // The kit's project form of (d): partners filtered to PAIRED_WITH, the other end of each partnership.
  const start = text.indexOf("  d: [\n    (d) => { const o = d.organization;");
  const end = start < 0 ? -1 : text.indexOf("    (d) => { const o = d.organizations[0];", start);
  if (start < 0 || end < 0) {
    console.error(`${verify}: the kit's (d) canonical form was not found; adapt this script to the kit's new verify.mjs`);
    process.exit(1);
  }
  const adapted = `  d: [
    ${marker}
    (d) => { const o = d.organization;
      const ids = (conn) => [...new Set(conn.edges.map((e) => e.node.id))].sort().join(",");
      return [o.id, ...o.partnerOrganizations.edges.map((e) => \`\${e.node.id}:\${ids(e.node.partnerOrganizations)}\`).sort()].join("|"); },
`;
  fs.writeFileSync(verify, text.slice(0, start) + adapted + text.slice(end));
}
// The Bolt floor accounts Neo4j CPU to the process in run/neo4j-17687.pid; with two sizes live at once
// (bench/side-by-side.sh) the floor of L runs against another Neo4j, named by NEO4J_PID.
const bolt = path.join(kit, "scripts", "bench-bolt.mjs");
const boltText = fs.readFileSync(bolt, "utf8");
const pidFile = 'const neo4jPid = (() => { try { return fs.readFileSync(path.join(ROOT, "run", "neo4j-17687.pid")';
if (!boltText.includes("process.env.NEO4J_PID")) {
  if (!boltText.includes(pidFile)) {
    console.error(`${bolt}: the floor's Neo4j pid lookup was not found; adapt this script to the kit's new bench-bolt.mjs`);
    process.exit(1);
  }
  fs.writeFileSync(bolt, boltText.replace(pidFile,
    'const neo4jPid = process.env.NEO4J_PID || (() => { try { return fs.readFileSync(path.join(ROOT, "run", "neo4j-17687.pid")'));
}
// Two projects live at once (one per size, bench/side-by-side.sh) need an embedded PostgreSQL data folder each.
const starter = path.join(kit, "start-project.sh");
const starterText = fs.readFileSync(starter, "utf8");
if (!starterText.includes('project-data-$PORT')) {
  if (!starterText.includes('PARTNERGRAPH_DATA_DIR="$RUN/project-data"')) {
    console.error(`${starter}: the project's data folder was not found; adapt this script to the kit's new start-project.sh`);
    process.exit(1);
  }
  fs.writeFileSync(starter, starterText.replace('PARTNERGRAPH_DATA_DIR="$RUN/project-data"',
    'PARTNERGRAPH_DATA_DIR="$RUN/project-data-$PORT"'));
}
console.log(`adapted ${kit}: queries/project/ from bench/questions/, verify.mjs reads (d) from partnerOrganizations, ` +
  "bench-bolt.mjs takes NEO4J_PID, start-project.sh keeps a data folder per port");
