#!/usr/bin/env node
// Regenerates docs/lint-checks.md from the rules' metadata (bundles the TypeScript with esbuild).
import { build } from "esbuild";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const out = join(ROOT, "node_modules/.cache-lint-docs.mjs");
await build({
  stdin: { contents: 'import { ALL_RULES } from "./src/lint/rules/index.ts"; import { renderChecksDoc } from "./src/lint/checks-doc.ts"; export default renderChecksDoc(ALL_RULES);', resolveDir: ROOT, loader: "ts" },
  bundle: true, platform: "node", format: "esm", outfile: out, logLevel: "warning", packages: "external",
});
const text = (await import(pathToFileURL(out).href)).default;
writeFileSync(join(ROOT, "docs/lint-checks.md"), text);
console.log("wrote docs/lint-checks.md");
