#!/usr/bin/env node
// Lexer+parser throughput on Debian's packaged module corpus, against real Puppet in the same run.
//   1. in-process: lex+parse (+ checker rules) every .pp/.epp under ROOT, 3 rounds after a warm-up:
//      MB/s, files/s, peak RSS (one core);
//   2. whole processes: `cfg validate FILES` (1 and 2 threads, CFG_THREADS) vs `puppet parser validate`
//      over the same .pp files (isolated settings, one invocation each, best of 3), wall time and ratio;
//   3. a 10 MB synthetic manifest: time and peak RSS of `cfg validate` on it.
// usage: npm run build && node bench/parse-bench.mjs [ROOT] [--no-puppet]
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import fg from "fast-glob";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const noPuppet = args.includes("--no-puppet");
const root = args.find((a) => !a.startsWith("--")) ?? "/usr/share/puppet/modules.available";
const files = fg.sync(["**/*.pp", "**/*.epp"], { cwd: root, absolute: true, followSymbolicLinks: false }).sort();
const pp = files.filter((f) => f.endsWith(".pp"));
const texts = files.map((f) => readFileSync(f, "utf8"));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const tmp = mkdtempSync(join(tmpdir(), "cfg-bench-"));

// Bundle the syntax phase the way the CLI ships it (one ESM file), then run it here.
const entry = join(tmp, "entry.ts");
writeFileSync(
  entry,
  `export { parseManifest, parseEpp } from ${JSON.stringify(join(repo, "src/parser/parse.ts"))};\n` +
    `export { SourceFile } from ${JSON.stringify(join(repo, "src/source/source-file.ts"))};\n`,
);
await build({ entryPoints: [entry], outfile: join(tmp, "syntax.mjs"), bundle: true, format: "esm", platform: "node", target: "node20", logLevel: "error" });
const { parseManifest, parseEpp, SourceFile } = await import(pathToFileURL(join(tmp, "syntax.mjs")).href);

function parseAll() {
  let errors = 0;
  for (let i = 0; i < files.length; i++) {
    const f = new SourceFile(files[i], texts[i]);
    const r = files[i].endsWith(".epp") ? parseEpp(f) : parseManifest(f);
    if (r.diagnostics.some((d) => d.severity === "error")) errors++;
  }
  return errors;
}
parseAll(); // warm-up (JIT)
const rounds = 3;
let best = Infinity;
let errors = 0;
for (let r = 0; r < rounds; r++) {
  const t0 = process.hrtime.bigint();
  errors = parseAll();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  best = Math.min(best, ms);
}
const rssMb = process.resourceUsage().maxRSS / 1024;
const mb = bytes / 1e6;
console.log(`corpus: ${files.length} files (${pp.length} .pp), ${mb.toFixed(2)} MB, ${errors} with errors`);
console.log(`in-process lex+parse+checks (1 core, best of ${rounds}): ${best.toFixed(0)} ms = ${(mb / (best / 1000)).toFixed(1)} MB/s, ${(files.length / (best / 1000)).toFixed(0)} files/s, peak RSS ${rssMb.toFixed(0)} MB`);

function timed(cmd, argv, opts = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { encoding: "utf8", maxBuffer: 1 << 30, ...opts });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error) throw r.error;
  return { ms, r };
}
function peakRss(argv) {
  const r = spawnSync("/usr/bin/time", ["-f", "%M", ...argv], { encoding: "utf8", maxBuffer: 1 << 30 });
  const m = /(\d+)\s*$/.exec(r.stderr ?? "");
  return m ? Number(m[1]) / 1024 : NaN;
}

const cfgArgs = [join(repo, "bin/cfg.mjs"), "validate", ...pp];
const cfgBest = {};
for (const threads of ["1", "2"]) {
  let best = Infinity;
  for (let i = 0; i < 3; i++) best = Math.min(best, timed(process.execPath, cfgArgs, { env: { ...process.env, CFG_THREADS: threads } }).ms);
  cfgBest[threads] = best;
}
const cfgMs = Math.min(cfgBest["1"], cfgBest["2"]);
const cfgRss = peakRss([process.execPath, ...cfgArgs]);
console.log(`load average before the whole-process runs: ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores`);
console.log(`cfg validate (whole process, ${pp.length} .pp files): 1 thread ${cfgBest["1"].toFixed(0)} ms, 2 threads ${cfgBest["2"].toFixed(0)} ms, peak RSS ${cfgRss.toFixed(0)} MB`);
const version = timed(process.execPath, [join(repo, "bin/cfg.mjs"), "--version"]);
let versionMs = version.ms;
for (let i = 0; i < 4; i++) versionMs = Math.min(versionMs, timed(process.execPath, [join(repo, "bin/cfg.mjs"), "--version"]).ms);
console.log(`cfg --version: ${versionMs.toFixed(0)} ms`);

if (!noPuppet) {
  const D = join(tmp, "D");
  mkdirSync(join(D, "var"), { recursive: true });
  const isolated = ["--confdir", D, "--codedir", D, "--vardir", join(D, "var"), "--basemodulepath", join(D, "none")];
  // One invocation over every file, like cfg's, best of 3 like cfg's. (Until 2026-11-25 this ran
  // 4 invocations of 500 files, which added three Ruby start-ups, ~1.5 s, to Puppet's time.)
  let puppetMs = Infinity;
  for (let i = 0; i < 3; i++) puppetMs = Math.min(puppetMs, timed("puppet", ["parser", "validate", ...isolated, ...pp]).ms);
  console.log(`puppet parser validate (whole process, one invocation, best of 3): ${puppetMs.toFixed(0)} ms`);
  console.log(`ratio: cfg validate is ${(puppetMs / cfgMs).toFixed(1)}x faster than puppet parser validate`);
}

// A 10 MB manifest: no crash, bounded memory.
let big = "";
for (let i = 0; big.length < 10_000_000; i++) big += `class c${i} { $x = [1, "a\${b}", {k => v}] file { "/f${i}": ensure => file } }\n`;
const bigFile = join(tmp, "big.pp");
writeFileSync(bigFile, big);
const bigRun = timed(process.execPath, [join(repo, "bin/cfg.mjs"), "validate", bigFile]);
console.log(`10 MB manifest: cfg validate ${bigRun.ms.toFixed(0)} ms (exit ${bigRun.r.status}), peak RSS ${peakRss([process.execPath, join(repo, "bin/cfg.mjs"), "validate", bigFile]).toFixed(0)} MB`);
