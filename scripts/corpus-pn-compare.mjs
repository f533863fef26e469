// Compares `cfg parse --format pn` with `puppet parser dump --format pn` file by file.
// usage: node scripts/corpus-pn-compare.mjs FILELIST PUPPET_OUTPUT CFG_OUTPUT
// Both outputs are the concatenation of `--- FILE<pn>` dumps (batches end with a newline).
import { readFileSync } from "node:fs";

const [listPath, pupPath, cfgPath] = process.argv.slice(2);
const files = readFileSync(listPath, "utf8").split("\n").filter(Boolean);

function split(text) {
  const out = new Map();
  const positions = [];
  for (const f of files) {
    const marker = `--- ${f}`;
    let at = text.indexOf(marker + "(");
    if (at < 0) at = text.indexOf(marker + "\n");
    if (at < 0) continue;
    positions.push([at, f, marker.length]);
  }
  positions.sort((a, b) => a[0] - b[0]);
  for (let i = 0; i < positions.length; i++) {
    const [at, f, len] = positions[i];
    const end = i + 1 < positions.length ? positions[i + 1][0] : text.length;
    out.set(f, text.slice(at + len, end).replace(/\n+$/, ""));
  }
  return out;
}

const pup = split(readFileSync(pupPath, "utf8"));
const cfg = split(readFileSync(cfgPath, "utf8"));
let same = 0;
const diffs = [];
for (const f of files) {
  const a = pup.get(f);
  const b = cfg.get(f);
  if (a !== undefined && a === b) same++;
  else diffs.push(f);
}
console.log(`pn agreement: ${same}/${files.length} files`);
for (const f of diffs.slice(0, Number(process.env.SHOW ?? 20))) {
  const a = pup.get(f) ?? "<missing>";
  const b = cfg.get(f) ?? "<missing>";
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  console.log(`DIFF ${f}\n  puppet: ${a.slice(Math.max(0, i - 80), i + 80)}\n  cfg:    ${b.slice(Math.max(0, i - 80), i + 80)}`);
}
