#!/usr/bin/env node
// Records real Puppet's outputs as test fixtures, so CI checks cfg's agreement without Puppet:
//   tests/fixtures/parser/corpus/<module>/<path>   a sample of Debian's packaged modules (per module the
//                                                  largest manifest under 12 KB and the first .epp),
//                                                  each with <file>.pn = Puppet's dump of it;
//   tests/fixtures/parser/pn/*.pp|*.epp            hand-written snippets, each with <file>.pn;
//   tests/fixtures/parser/errors/puppet-verdicts.json  for every errors/*.pp|*.epp: Puppet's first error
//                                                  (message, line, column) or null when Puppet accepts it.
// usage: node scripts/corpus-fixtures.mjs [--sample] [--verdicts-only]   (--sample re-copies the corpus sample first)
// Needs `puppet` (7.x). Run with isolated settings so module location rules do not apply.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { tmpdir } from "node:os";
import fg from "fast-glob";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const fixtures = join(repo, "tests/fixtures/parser");
const D = join(tmpdir(), "cfg-fixtures-D");
mkdirSync(join(D, "var"), { recursive: true });
const isolated = ["--confdir", D, "--codedir", D, "--vardir", join(D, "var"), "--basemodulepath", join(D, "none"), "--color", "false"];

function puppet(args, cwd) {
  const r = spawnSync("puppet", [...args, ...isolated], { encoding: "utf8", cwd, maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  return r;
}

// ---- 1. the corpus sample
const corpusRoot = "/usr/share/puppet/modules.available";
const sampleDir = join(fixtures, "corpus");
if (process.argv.includes("--sample")) {
  rmSync(sampleDir, { recursive: true, force: true });
  for (const mod of readdirSync(corpusRoot).sort()) {
    const pick = [];
    const pps = fg.sync("**/*.pp", { cwd: join(corpusRoot, mod), followSymbolicLinks: false }).sort();
    const sized = pps.map((p) => [p, statSync(join(corpusRoot, mod, p)).size]).filter(([, s]) => s <= 12_000);
    sized.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    if (sized.length) pick.push(sized[0][0]);
    const epps = fg.sync("**/*.epp", { cwd: join(corpusRoot, mod), followSymbolicLinks: false }).sort();
    if (epps.length) pick.push(epps[0]);
    for (const p of pick) {
      const to = join(sampleDir, mod, p);
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(join(corpusRoot, mod, p), to);
    }
  }
}

/** Writes <file>.pn next to every .pp/.epp under dir (Puppet's dump, paths relative to dir). */
function recordPn(dir) {
  if (!existsSync(dir)) return 0;
  const files = fg.sync(["**/*.pp", "**/*.epp"], { cwd: dir }).sort();
  let n = 0;
  for (const f of files) {
    const epp = f.endsWith(".epp");
    const r = epp ? puppet(["epp", "dump", "--format", "pn", "--header", f], dir) : puppet(["parser", "dump", "--format", "pn", f], dir);
    // For one file, `puppet epp dump --header` prints no `--- FILE` header; `parser dump` does.
    if (/^Error:/m.test(r.stderr) || !r.stdout || (!epp && !r.stdout.startsWith(`--- ${f}`))) {
      console.error(`puppet cannot dump ${f}: ${r.stderr.trim()}`);
      continue;
    }
    writeFileSync(join(dir, f + ".pn"), r.stdout);
    n++;
  }
  return n;
}
if (!process.argv.includes("--verdicts-only")) {
  console.log(`corpus sample: ${recordPn(sampleDir)} dumps`);
  console.log(`snippets: ${recordPn(join(fixtures, "pn"))} dumps`);
}

// ---- 3. Puppet's verdicts on our broken files
const errDir = join(fixtures, "errors");
const errFiles = fg.sync(["*.pp", "*.epp"], { cwd: errDir }).sort();
const verdicts = {};
// One file per run: `parser validate` also registers definitions, so files defining the same function
// or node in one batch would fail for each other ("Attempt to redefine entity").
for (const f of errFiles) {
  verdicts[f] = null;
  const r = puppet(f.endsWith(".epp") ? ["epp", "validate", f] : ["parser", "validate", f], errDir);
  for (const line of r.stderr.split("\n")) {
    const m = /^Error: (?:Could not parse for environment production: )?(.*) \(file: (.*?)(?:, line: (\d+), column: (\d+))?\)$/.exec(line);
    if (!m) continue;
    if (verdicts[f] === null) verdicts[f] = { message: m[1], line: m[3] ? Number(m[3]) : null, column: m[4] ? Number(m[4]) : null };
  }
  if (verdicts[f] === null && r.status !== 0 && !/^Error: Try 'puppet help/m.test(r.stderr.split("\n")[0] ?? "")) verdicts[f] = { message: r.stderr.trim().split("\n")[0].replace(/^Error: /, ""), line: null, column: null };
}
writeFileSync(join(errDir, "puppet-verdicts.json"), JSON.stringify(verdicts, null, 2) + "\n");
console.log(`error files: ${errFiles.length} verdicts (${Object.values(verdicts).filter(Boolean).length} rejected) in ${basename(errDir)}/puppet-verdicts.json`);
