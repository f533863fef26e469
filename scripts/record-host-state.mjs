// Writes state.json next to each tests/fixtures/apply/*-noop/puppet-catalog.json: the host state its
// recorded `puppet apply --noop` output depends on. Run right after recording Puppet's output.
//   node scripts/record-host-state.mjs
import { execFileSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
const bundle = "/tmp/cfg-host-state.mjs";
execFileSync("npx", ["esbuild", "tests/support/host-state.ts", "--bundle", "--platform=node", "--format=esm", `--outfile=${bundle}`, "--log-level=error"]);
const { hostState } = await import(bundle);
for (const d of readdirSync("tests/fixtures/apply").filter((n) => n.endsWith("-noop"))) {
  const dir = `tests/fixtures/apply/${d}`;
  writeFileSync(`${dir}/state.json`, JSON.stringify(hostState(`${dir}/puppet-catalog.json`)) + "\n");
  console.log(`${dir}/state.json`);
}
