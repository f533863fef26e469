#!/usr/bin/env node
// Makes broken variants of real manifests for the agreement script's syntax-error side: each output
// file is one corpus file with one random edit (a character, word or line deleted or duplicated, or
// a token inserted). Deterministic for a seed. Then compare with Puppet:
//   node scripts/corpus-mutate.mjs OUTDIR [N=300] [SEED=7] [ROOT=/usr/share/puppet/modules.available]
//   node scripts/corpus-agreement.mjs OUTDIR --cache /tmp/cfg-OUTDIR
// Four rounds (seeds 7, 11, 23, 99; 1,348 files) agree with `puppet parser validate` on every file.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fg from "fast-glob";

const [out, nArg, seedArg, rootArg] = process.argv.slice(2);
if (!out) {
  console.error("usage: node scripts/corpus-mutate.mjs OUTDIR [N] [SEED] [ROOT]");
  process.exit(2);
}
const n = Number(nArg ?? 300);
let seed = Number(seedArg ?? 7);
const root = rootArg ?? "/usr/share/puppet/modules.available";
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed / 2147483648);
const pick = (xs) => xs[Math.floor(random() * xs.length)];
const INSERTS = ["{", "}", "(", ")", '"', "'", "=>", ",", "$", "[", "]", "if ", "else ", "case ", "define ", "function ", "type ", "@", "@@", "|", "<|", "|>", "->", "~>", "?", "/", "*", "-", "::", "${", "@(E)", "#", "/*", "=", "+>", ".", ";", "default", "undef ", "=~", "!", "\\"];

const files = fg.sync(["**/*.pp", "**/*.epp"], { cwd: root, absolute: true, followSymbolicLinks: false }).sort();
for (let i = files.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [files[i], files[j]] = [files[j], files[i]];
}
mkdirSync(out, { recursive: true });
let made = 0;
for (const f of files) {
  if (made >= n) break;
  const t = readFileSync(f, "utf8");
  if (t.length < 10) continue;
  const r = random();
  let m;
  if (r < 0.25) {
    const words = [...t.matchAll(/\S+/g)];
    const w = pick(words);
    m = t.slice(0, w.index) + t.slice(w.index + w[0].length);
  } else if (r < 0.4) {
    const lines = t.split("\n");
    lines.splice(Math.floor(random() * lines.length), 1);
    m = lines.join("\n");
  } else if (r < 0.5) {
    const lines = t.split("\n");
    lines.splice(Math.floor(random() * lines.length), 0, pick(lines));
    m = lines.join("\n");
  } else {
    const at = Math.floor(random() * t.length);
    m = r < 0.7 ? t.slice(0, at) + t.slice(at + 1) : t.slice(0, at) + pick(INSERTS) + t.slice(at);
  }
  writeFileSync(join(out, `m${String(made).padStart(4, "0")}${f.endsWith(".epp") ? ".epp" : ".pp"}`), m);
  made++;
}
console.log(`${made} mutated files in ${out}`);
