// Cost against graph size, from a side-by-side run with both sizes live (bench/side-by-side.sh): for each question,
// concurrency and target, p50 and req/s at S and at L, L ÷ S, and how far apart in time the two cells ran.
// Issue 16's target is the project's p50 at c=1: L ≤ 1.2 × S. The peer's and the floor's own L ÷ S are printed
// beside it, because on a shared machine they say how much of a difference is the host and how much the graph.
//   node bench/questions/sizes-report.mjs <results/raw of the kit>   (markdown on stdout)
import fs from "node:fs";
import path from "node:path";

const raw = process.argv[2];
if (!raw || !fs.existsSync(raw)) {
  console.error("usage: node bench/questions/sizes-report.mjs <results/raw folder of the side-by-side kit>");
  process.exit(2);
}
const cells = new Map(); // the last record per target, size, question and concurrency (a retried cell keeps its last)
for (const f of fs.readdirSync(raw).filter((f) => f.endsWith(".jsonl") && !f.includes("preflight")).sort()) {
  for (const line of fs.readFileSync(path.join(raw, f), "utf8").split("\n").filter(Boolean)) {
    const r = JSON.parse(line);
    cells.set(`${r.target}|${r.size}|${r.query}|${r.concurrency}`, r);
  }
}
const all = [...cells.values()];
const targets = ["project", "peer", "bolt-hand"].filter((t) => all.some((r) => r.target === t));
const queries = [...new Set(all.map((r) => r.query))].sort();
const concs = [...new Set(all.map((r) => r.concurrency))].sort((a, b) => a - b);
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : "–");
const f0 = (x) => (Number.isFinite(x) ? x.toFixed(0) : "–");
const apart = (a, b) => (a?.at && b?.at ? `${(Math.abs(Date.parse(b.at) - Date.parse(a.at)) / 1000).toFixed(0)} s` : "–");

let md = "### p50 and req/s at L ÷ at S (apart: time between the starts of the two cells)\n\n";
md += "| q | conc | target | p50 S | p50 L | p50 L ÷ S | req/s S | req/s L | req/s L ÷ S | apart |\n";
md += "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|\n";
const misses = [];
for (const q of queries) for (const c of concs) for (const t of targets) {
  const s = cells.get(`${t}|S|${q}|${c}`), l = cells.get(`${t}|L|${q}|${c}`);
  if (!s || !l) continue;
  const ratio = l.p50ms / s.p50ms;
  if (t === "project" && c === 1 && !(ratio <= 1.2)) misses.push(`${q.replace(/_.*/, "")} ${f2(ratio)}`);
  md += `| ${q.replace(/_.*/, "")} | ${c} | ${t} | ${f2(s.p50ms)} | ${f2(l.p50ms)} | ${f2(ratio)} | ${f0(s.rps)} | ${f0(l.rps)} | ` +
    `${f2(l.rps / s.rps)} | ${apart(s, l)} |\n`;
}
md += `\nProject p50 at c=1, L ≤ 1.2 × S: ${misses.length ? `missed by ${misses.join(", ")}` : "met for every question"}.\n`;
console.log(md);
