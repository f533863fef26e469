#!/usr/bin/env node
// `cfg facts` against `facter --json` (whole processes, median of 7 cold runs each, same run).
//   npm run build && node bench/facts-bench.mjs
import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const time = (cmd, args) => {
  const t0 = process.hrtime.bigint();
  spawnSync(cmd, args, { stdio: "ignore" });
  return Number(process.hrtime.bigint() - t0) / 1e6;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cfg = [], facter = [];
for (let i = 0; i < 7; i++) {
  cfg.push(time(process.execPath, [join(root, "bin/cfg.mjs"), "facts"]));
  facter.push(time("facter", ["--json"]));
}
console.log(`cfg facts: ${median(cfg).toFixed(0)} ms; facter --json: ${median(facter).toFixed(0)} ms; ${(median(facter) / median(cfg)).toFixed(1)}x`);
