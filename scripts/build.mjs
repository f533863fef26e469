// Bundles the CLI (and worker entry points) into dist/ with esbuild, so that a cold `cfg`
// loads a few ESM files instead of hundreds of modules. Type checking is `tsc --noEmit`.
// Commands are imported lazily (code splitting), so `cfg --version` does not load the parser.
import { build } from "esbuild";
import { readdirSync, existsSync, rmSync } from "node:fs";

const entryPoints = { cli: "src/cli/main.ts" };
// Every src/**/*.worker.ts becomes its own entry (dist/<name>.worker.mjs) for worker_threads.
function findWorkers(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) findWorkers(p);
    else if (e.name.endsWith(".worker.ts")) entryPoints[e.name.replace(/\.ts$/, "")] = p;
  }
}
if (existsSync("src")) findWorkers("src");

// Start from an empty dist/: chunk names carry content hashes, so old chunks would pile up.
rmSync("dist", { recursive: true, force: true });

await build({
  entryPoints,
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  outExtension: { ".js": ".mjs" },
  chunkNames: "chunks/[name]-[hash]",
  sourcemap: "linked",
  logLevel: "warning",
  // CommonJS dependencies bundled into ESM need a require().
  banner: { js: "import { createRequire as __cfgCreateRequire } from 'node:module'; const require = __cfgCreateRequire(import.meta.url);" },
});
