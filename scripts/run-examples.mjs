// `npm run example`: runs cfg's main job on every examples/<name>/ directory:
// validate the manifests, then compile each example with its facts and print a summary; examples
// with an `apply-noop` file are also applied with --noop (they only touch /tmp).
import { readdirSync, existsSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";

const cfg = ["bin/cfg.mjs"];
let failed = 0;
for (const name of readdirSync("examples").sort()) {
  const dir = `examples/${name}`;
  if (!existsSync(`${dir}/manifests`) && !existsSync(`${dir}/site.pp`)) continue;
  const node = existsSync(`${dir}/node.txt`) ? readFileSync(`${dir}/node.txt`, "utf8").trim() : "node1.example.com";
  const steps = [
    ["validate", dir],
    ["compile", dir, "--node", node, "--facts", `${dir}/facts.json`, "--format", "summary"],
  ];
  // Examples marked safe to apply are also applied in noop mode: what would change on this host.
  if (existsSync(`${dir}/apply-noop`)) steps.push(["apply", dir, "--node", node, "--facts", `${dir}/facts.json`, "--noop", "--vardir", "/tmp/cfg-example-var"]);
  for (const args of steps) {
    console.log(`$ cfg ${args.join(" ")}`);
    const r = spawnSync(process.execPath, [...cfg, ...args], { stdio: "inherit" });
    if (r.status !== 0) failed++;
  }
}
process.exit(failed ? 1 : 0);
