// Bundles cfg into dist/ with esbuild (type checking is `tsc --noEmit`):
// - dist/cli.cjs: the whole CLI as one script. bin/cfg.mjs compiles it with V8's code cache,
//   dist/cli.<build id>.cache, which this script makes by running cfg's commands over examples/
//   once (the training run below): a cold `cfg` then starts with the bytecode of every function
//   those commands ran instead of parsing and compiling them as it goes (10k-resource compile
//   0.90 -> 0.74 s, module-corpus validate 0.35 -> 0.33 s; bench/README.md).
// - dist/<name>.worker.mjs: the worker-thread entries (ESM, their shared code in dist/chunks/).
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Every src/**/*.worker.ts becomes its own entry (dist/<name>.worker.mjs) for worker_threads.
const workers = {};
function findWorkers(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) findWorkers(p);
    else if (e.name.endsWith(".worker.ts")) workers[e.name.replace(/\.ts$/, "")] = p;
  }
}
if (existsSync("src")) findWorkers("src");

// Start from an empty dist/: chunk names carry content hashes, so old chunks would pile up.
rmSync("dist", { recursive: true, force: true });

const common = { bundle: true, platform: "node", target: "node20", sourcemap: "linked", logLevel: "warning" };

await build({
  ...common,
  entryPoints: { cli: "src/cli/main.ts" },
  outfile: "dist/cli.cjs",
  format: "cjs",
  // The script runs inside bin/cfg.mjs's function wrapper, which passes require and __filename.
  define: { "import.meta.url": "__cfgModuleUrl" },
  banner: { js: 'var __cfgModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
});

// The build id (a hash of the script) names the code cache made for it (see bin/cfg.mjs).
const cli = readFileSync("dist/cli.cjs", "utf8");
writeFileSync("dist/cli.cjs", `${cli}\n// cfg-build ${createHash("sha256").update(cli).digest("hex").slice(0, 16)}\n`);

await build({
  ...common,
  entryPoints: workers,
  outdir: "dist",
  splitting: true,
  format: "esm",
  outExtension: { ".js": ".mjs" },
  chunkNames: "chunks/[name]-[hash]",
  // CommonJS dependencies bundled into ESM need a require().
  banner: { js: "import { createRequire as __cfgCreateRequire } from 'node:module'; const require = __cfgCreateRequire(import.meta.url);" },
});

// The training run: every command over every example, in one process (bin/cfg.mjs runs the list in
// CFG_CODE_CACHE_TRAIN and writes the cache as it exits). Only examples/ and a scratch
// directory are read or written; `apply` runs with --noop, on the examples `npm run example` applies.
const scratch = mkdtempSync(join(tmpdir(), "cfg-build-"));
try {
  // The parser's fixtures use every construct of the language (and its errors, for the renderers).
  const runs = [["--version"], ["--help"], ["facts"], ["facts", "os.family"], ["validate", "tests/fixtures/parser"], ["validate", "--format", "json", "tests/fixtures/parser"], ["lint", "--jobs", "1", "tests/fixtures/parser"]];
  for (const name of readdirSync("examples").sort()) {
    const dir = `examples/${name}`;
    if (!existsSync(`${dir}/manifests`)) continue;
    const node = existsSync(`${dir}/node.txt`) ? readFileSync(`${dir}/node.txt`, "utf8").trim() : "node1.example.com";
    const facts = `${dir}/facts.json`;
    const site = readdirSync(`${dir}/manifests`).filter((f) => f.endsWith(".pp")).map((f) => `${dir}/manifests/${f}`);
    runs.push(
      ["validate", dir],
      ["validate", "--format", "json", dir],
      ["parse", ...site],
      ["parse", "--format", "pn", ...site],
      ["lint", "--jobs", "1", dir],
      ["lint", "--jobs", "1", "--format", "json", dir],
      ["lint", "--jobs", "1", "--fix-dry-run", dir],
      ["compile", dir, "--node", node, "--facts", facts],
      ["compile", dir, "--node", node, "--facts", facts, "--format", "summary"],
      ["compile", dir, "--node", node, "--facts", facts, "--output", join(scratch, "catalog.json")],
    );
    // As `npm run example`: only the examples marked safe to apply (they only touch /tmp).
    if (existsSync(`${dir}/apply-noop`)) {
      runs.push(
        ["apply", dir, "--node", node, "--facts", facts, "--noop", "--vardir", join(scratch, "var")],
        ["apply", "--catalog", join(scratch, "catalog.json"), "--node", node, "--facts", facts, "--noop", "--vardir", join(scratch, "var")],
      );
    }
  }
  const list = join(scratch, "runs.json");
  writeFileSync(list, JSON.stringify(runs));
  const r = spawnSync(process.execPath, ["bin/cfg.mjs"], { env: { ...process.env, CFG_CODE_CACHE_TRAIN: list }, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  if (r.status !== 0 || !readdirSync("dist").some((f) => /^cli\.\w+\.cache$/.test(f))) {
    process.stderr.write(`build: the code-cache training run failed (exit ${r.status}); cfg works without the code cache, only slower to start\n${r.stderr}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
