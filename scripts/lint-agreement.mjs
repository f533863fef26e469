#!/usr/bin/env node
// Agreement between puppet-lint 3.0.1 and `cfg lint` on a corpus (default: every .pp file under
// /usr/share/puppet/modules). Runs puppet-lint in batches (many files per invocation, --json) and
// cfg lint once (--format json), then prints per check the findings both report (same file, same
// line, same check), those only puppet-lint reports and those only cfg reports.
//   node scripts/lint-agreement.mjs [dir] [--details CHECK] [--puppet-lint-json cached.json] [--save-puppet-lint-json out.json]
// Both tools run with their default checks; the corpus's own .puppet-lint.rc files are not read.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fg from "fast-glob";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const details = opt("--details");
const cached = opt("--puppet-lint-json");
const save = opt("--save-puppet-lint-json");
const dir = resolve(args[0] ?? "/usr/share/puppet/modules");
const files = fg.sync("**/*.pp", { cwd: dir, followSymbolicLinks: true, absolute: true }).sort();

function parseJsonArrays(text) {
  // puppet-lint prints one JSON document per invocation; batches are concatenated.
  const out = [];
  let depth = 0, start = -1, inStr = false, esc = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inStr) { if (esc) esc = false; else if (c === "\\") esc = true; else if (c === '"') inStr = false; continue; }
    if (c === '"') inStr = true;
    else if (c === "[") { if (depth++ === 0) start = i; }
    else if (c === "]") { if (--depth === 0) out.push(...JSON.parse(text.slice(start, i + 1))); }
  }
  return out;
}

let t0 = Date.now();
let plFiles;
if (cached) plFiles = JSON.parse(readFileSync(cached, "utf8"));
else {
  plFiles = [];
  for (let i = 0; i < files.length; i += 400) {
    const r = spawnSync("puppet-lint", ["--json", ...files.slice(i, i + 400)], { encoding: "utf8", maxBuffer: 1 << 28, cwd: "/" });
    plFiles.push(...parseJsonArrays(r.stdout));
  }
  if (save) writeFileSync(save, JSON.stringify(plFiles));
}
const plMs = Date.now() - t0;
t0 = Date.now();
const cfgRun = spawnSync(process.execPath, [join(ROOT, "bin/cfg.mjs"), "lint", "--format", "json", "--no-config", ...files], { encoding: "utf8", maxBuffer: 1 << 28, cwd: "/" });
const cfgMs = Date.now() - t0;
const cfg = JSON.parse(cfgRun.stdout);

const key = (file, line, check) => `${resolve("/", file)}\t${line}\t${check}`;
const count = (m, k) => m.set(k, (m.get(k) ?? 0) + 1);
const pl = new Map();
for (const f of plFiles) for (const p of f) count(pl, key(p.fullpath ?? p.path, p.line, p.check));
const ours = new Map();
for (const d of cfg.diagnostics) count(ours, key(d.file, d.line, d.check));
const rows = new Map();
const diffs = [];
for (const k of new Set([...pl.keys(), ...ours.keys()])) {
  const check = k.split("\t")[2];
  const a = pl.get(k) ?? 0, b = ours.get(k) ?? 0;
  const row = rows.get(check) ?? { both: 0, onlyPl: 0, onlyCfg: 0 };
  row.both += Math.min(a, b);
  row.onlyPl += Math.max(0, a - b);
  row.onlyCfg += Math.max(0, b - a);
  rows.set(check, row);
  if (a !== b) diffs.push({ k, a, b });
}
const tot = { both: 0, onlyPl: 0, onlyCfg: 0 };
console.log(`${files.length} files under ${dir}; puppet-lint ${cached ? "(cached)" : `${(plMs / 1000).toFixed(1)} s`}, cfg lint ${(cfgMs / 1000).toFixed(2)} s`);
console.log(`${"check".padEnd(36)} ${"both".padStart(6)} ${"only-pl".padStart(8)} ${"only-cfg".padStart(9)}`);
// Checks puppet-lint does not have (cfg's control-comment checks) are listed apart.
const CFG_ONLY = new Set(["unused_lint_ignore", "lint_control_comment"]);
const extra = [...rows].filter(([c]) => CFG_ONLY.has(c));
for (const [c] of extra) rows.delete(c);
for (const [check, r] of [...rows].sort()) {
  console.log(`${check.padEnd(36)} ${String(r.both).padStart(6)} ${String(r.onlyPl).padStart(8)} ${String(r.onlyCfg).padStart(9)}`);
  tot.both += r.both; tot.onlyPl += r.onlyPl; tot.onlyCfg += r.onlyCfg;
}
console.log(`${"TOTAL".padEnd(36)} ${String(tot.both).padStart(6)} ${String(tot.onlyPl).padStart(8)} ${String(tot.onlyCfg).padStart(9)}`);
for (const [check, r] of extra) console.log(`cfg-only check ${check}: ${r.onlyCfg} findings (not in puppet-lint)`);
if (details) {
  for (const { k, a, b } of diffs) if (k.endsWith(`\t${details}`)) console.log(`${a > b ? "only puppet-lint" : "only cfg"}\t${k.replace(/\t[^\t]*$/, "")}`);
}
