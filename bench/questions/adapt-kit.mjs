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
console.log(`adapted ${kit}: queries/project/ from bench/questions/, verify.mjs reads (d) from partnerOrganizations`);
