#!/usr/bin/env node
// `cfg lint` vs puppet-lint 3.0.1 in the same run:
//   1. the whole corpus (every .pp under ROOT): puppet-lint in one invocation (--json) vs
//      `cfg lint --format json` (worker threads on every core), wall time, best of N, ratio;
//   2. one file, cold: `cfg lint FILE` (a fresh process each time) vs `puppet-lint FILE`, median of N.
// Both tools run their default checks; output goes to /dev/null-like pipes.
// usage: npm run build && node bench/lint-bench.mjs [ROOT] [--rounds N] [--no-puppet-lint]
import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fg from "fast-glob";
import { availableParallelism, loadavg } from "node:os";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const roundsArg = args.indexOf("--rounds");
const rounds = roundsArg >= 0 ? Number(args[roundsArg + 1]) : 3;
const noPl = args.includes("--no-puppet-lint");
const root = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--rounds") ?? "/usr/share/puppet/modules";
const files = fg.sync("**/*.pp", { cwd: root, absolute: true, followSymbolicLinks: true }).sort();
const cfg = [process.execPath, resolve(repo, "bin/cfg.mjs"), "lint", "--no-config"];

function time(cmd, argv) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { encoding: "utf8", maxBuffer: 1 << 29, cwd: "/" });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  return ms;
}
const best = (f) => Math.min(...Array.from({ length: rounds }, f));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`corpus: ${files.length} .pp files under ${root}; best of ${rounds}; load average at start ${loadavg().map((x) => x.toFixed(2)).join(" ")} on ${availableParallelism()} cores`);
const cfgMs = best(() => time(cfg[0], [...cfg.slice(1), "--format", "json", ...files]));
const cfg1Ms = best(() => time(cfg[0], [...cfg.slice(1), "--format", "json", "--jobs", "1", ...files]));
let plMs;
if (!noPl) plMs = best(() => time("puppet-lint", ["--json", ...files]));
console.log(`cfg lint (all cores):        ${(cfgMs / 1000).toFixed(2)} s`);
console.log(`cfg lint (--jobs 1):         ${(cfg1Ms / 1000).toFixed(2)} s`);
if (plMs !== undefined) {
  console.log(`puppet-lint 3.0.1:           ${(plMs / 1000).toFixed(2)} s`);
  console.log(`ratio puppet-lint / cfg lint: ${(plMs / cfgMs).toFixed(1)}x (one core: ${(plMs / cfg1Ms).toFixed(1)}x)`);
}
const one = files.find((f) => f.endsWith("/apt/manifests/init.pp")) ?? files[0];
const n = Math.max(5, rounds);
const coldCfg = median(Array.from({ length: n }, () => time(cfg[0], [...cfg.slice(1), one])));
console.log(`cold cfg lint of one file (${one.replace(root + "/", "")}): median ${coldCfg.toFixed(0)} ms of ${n}`);
if (!noPl) {
  const coldPl = median(Array.from({ length: n }, () => time("puppet-lint", [one])));
  console.log(`cold puppet-lint of the same file: median ${coldPl.toFixed(0)} ms (${(coldPl / coldCfg).toFixed(1)}x)`);
}
