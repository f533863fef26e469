#!/usr/bin/env node
// Agreement of cfg with real Puppet on a corpus of real modules (issue 2's acceptance test).
// Prints two counts over every .pp/.epp file under the roots:
//   validate: `cfg validate` and `puppet parser validate` (`puppet epp validate` for .epp) agree
//             (both accept, or both reject with the first error on the same line);
//   pn:       `cfg parse --format pn` equals `puppet parser dump --format pn`
//             (`puppet epp dump --format pn --header` for .epp), byte for byte, for every file Puppet accepts.
//
// usage: node scripts/corpus-agreement.mjs [ROOT...] [--cache DIR] [--refresh] [--show N] [--save-fixtures DIR]
//   ROOT defaults to /usr/share/puppet/modules.available (Debian's packaged modules; not the
//   modules/ symlink farm, whose `find -L` would follow spec/fixtures links that duplicate files)
//   and tests/fixtures/parser/{errors,pn} (our own broken and tricky files).
// Puppet runs with isolated settings (empty --confdir/--codedir/--vardir/--basemodulepath), many files
// per invocation (Ruby start-up costs ~2 s), and its outputs are cached in --cache (default
// /tmp/cfg-corpus) keyed by the file list; --refresh reruns it. cfg must be built (npm run build).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fg from "fast-glob";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const flag = (name) => {
  const i = args.indexOf(name);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
};
const cache = resolve(opt("--cache", "/tmp/cfg-corpus"));
const show = Number(opt("--show", "15"));
const refresh = flag("--refresh");
const roots = args.length ? args : ["/usr/share/puppet/modules.available", join(repo, "tests/fixtures/parser/errors"), join(repo, "tests/fixtures/parser/pn")];

const files = [];
for (const r of roots) {
  const abs = resolve(r);
  if (!existsSync(abs)) {
    console.error(`skipping missing root ${abs}`);
    continue;
  }
  files.push(...fg.sync(["**/*.pp", "**/*.epp"], { cwd: abs, absolute: true, followSymbolicLinks: false, onlyFiles: true }).sort());
}
const pp = files.filter((f) => f.endsWith(".pp"));
const epp = files.filter((f) => f.endsWith(".epp"));
const bytes = files.reduce((n, f) => n + readFileSync(f).length, 0);
console.log(`corpus: ${files.length} files (${pp.length} .pp, ${epp.length} .epp), ${(bytes / 1e6).toFixed(2)} MB`);

mkdirSync(join(cache, "D/var"), { recursive: true });
const D = join(cache, "D");
const isolated = ["--confdir", D, "--codedir", D, "--vardir", join(D, "var"), "--basemodulepath", join(D, "none"), "--color", "false"];
const key = createHash("sha256").update(files.join("\n")).update(files.map((f) => readFileSync(f)).join("\0")).digest("hex").slice(0, 16);

/** Runs puppet over `list` in batches; returns concatenated stdout and stderr (cached). */
function puppet(name, sub, list) {
  const out = join(cache, `${key}.${name}.out`);
  const err = join(cache, `${key}.${name}.err`);
  if (!refresh && existsSync(out) && existsSync(err)) return { stdout: readFileSync(out, "utf8"), stderr: readFileSync(err, "utf8") };
  let stdout = "";
  let stderr = "";
  // A Puppet crash on one file (e.g. `parser dump` on `*$y` not last: "undefined method `Literal'")
  // aborts its whole batch: split such a batch until the crashing file is alone.
  const run = (batch) => {
    const r = spawnSync("puppet", [...sub, ...isolated, ...batch], { encoding: "utf8", maxBuffer: 1 << 30 });
    if (r.error) throw r.error;
    if (/^Error: Try 'puppet help/m.test(r.stderr) && batch.length > 1) {
      const mid = batch.length >> 1;
      run(batch.slice(0, mid));
      run(batch.slice(mid));
      return;
    }
    stdout += r.stdout;
    stderr += r.stderr;
  };
  for (let i = 0; i < list.length; i += 400) run(list.slice(i, i + 400));
  writeFileSync(out, stdout);
  writeFileSync(err, stderr);
  return { stdout, stderr };
}

function cfg(argv) {
  const r = spawnSync(process.execPath, [join(repo, "bin/cfg.mjs"), ...argv], { encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  return r;
}

// ---- validate agreement
/** file -> first error line (0 when Puppet gives none, e.g. at end of input); absent when accepted. */
function puppetErrors(stderr) {
  const m = new Map();
  // A message may span lines (a syntax error quotes the source): join continuation lines first.
  const entries = [];
  for (const line of stderr.split("\n")) {
    if (/^(Error|Warning|Notice|Info|Debug):/.test(line) || entries.length === 0) entries.push(line);
    else entries[entries.length - 1] += "\n" + line;
  }
  for (const line of entries) {
    if (!line.startsWith("Error:")) continue;
    const loc = /\(file: ([^,()]*?)(?:, line: (\d+), column: (\d+))?\)\s*$/.exec(line);
    if (!loc) continue;
    if (!m.has(loc[1])) m.set(loc[1], { line: loc[2] ? Number(loc[2]) : 0, message: line });
  }
  return m;
}
const pupValid = new Map([
  ...(pp.length ? puppetErrors(puppet("validate-pp", ["parser", "validate"], pp).stderr) : []),
  ...(epp.length ? puppetErrors(puppet("validate-epp", ["epp", "validate"], epp).stderr) : []),
]);
const cfgJson = JSON.parse(cfg(["validate", "--format", "json", ...files]).stdout || "[]");
const cfgValid = new Map();
for (const d of cfgJson) {
  if (d.severity !== "error" || !d.file) continue;
  const prev = cfgValid.get(d.file);
  if (!prev || d.line < prev.line) cfgValid.set(d.file, { line: d.line, message: `${d.code} ${d.message}` });
}
let validAgree = 0;
const validDiffs = [];
for (const f of files) {
  const p = pupValid.get(f);
  const c = cfgValid.get(f);
  const ok = (!p && !c) || (p && c && (p.line === 0 || p.line === c.line));
  if (ok) validAgree++;
  else validDiffs.push(`${f}\n    puppet: ${p ? `line ${p.line}: ${p.message}` : "valid"}\n    cfg:    ${c ? `line ${c.line}: ${c.message}` : "valid"}`);
}

// ---- pn agreement (files Puppet accepts)
function splitDumps(text, list) {
  const out = new Map();
  const positions = [];
  for (const f of list) {
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
const pnFiles = files.filter((f) => !pupValid.has(f));
const pnPp = pnFiles.filter((f) => f.endsWith(".pp"));
const pnEpp = pnFiles.filter((f) => f.endsWith(".epp"));
const pupPn = new Map([
  ...(pnPp.length ? splitDumps(puppet("pn-pp", ["parser", "dump", "--format", "pn"], pnPp).stdout, pnPp) : []),
  ...(pnEpp.length ? splitDumps(puppet("pn-epp", ["epp", "dump", "--format", "pn", "--header"], pnEpp).stdout, pnEpp) : []),
]);
const cfgPn = new Map([
  ...(pnPp.length ? splitDumps(cfg(["parse", "--format", "pn", ...pnPp]).stdout, pnPp) : []),
  ...(pnEpp.length ? splitDumps(cfg(["parse", "--format", "pn", ...pnEpp]).stdout, pnEpp) : []),
]);
let pnAgree = 0;
const pnDiffs = [];
// Files whose dump crashes Puppet itself (its stderr says so) have nothing to compare with.
const pupCrashed = pnFiles.filter((f) => !pupPn.has(f));
const pnCompared = pnFiles.filter((f) => pupPn.has(f));
for (const f of pnCompared) {
  const a = pupPn.get(f);
  const b = cfgPn.get(f);
  if (a !== undefined && a === b) {
    pnAgree++;
    continue;
  }
  const x = a ?? "<missing>";
  const y = b ?? "<missing>";
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  pnDiffs.push(`${f}\n    puppet: ${x.slice(Math.max(0, i - 60), i + 60)}\n    cfg:    ${y.slice(Math.max(0, i - 60), i + 60)}`);
}

for (const d of validDiffs.slice(0, show)) console.log(`VALIDATE DIFF ${d}`);
for (const d of pnDiffs.slice(0, show)) console.log(`PN DIFF ${d}`);
console.log(`validate agreement: ${validAgree}/${files.length} files (puppet rejects ${pupValid.size}, cfg rejects ${cfgValid.size})`);
console.log(`pn agreement: ${pnAgree}/${pnCompared.length} files Puppet accepts and can dump` + (pupCrashed.length ? ` (puppet parser dump crashed on ${pupCrashed.length}: ${pupCrashed.join(", ")})` : ""));
process.exitCode = validAgree === files.length && pnAgree === pnCompared.length ? 0 : 1;
