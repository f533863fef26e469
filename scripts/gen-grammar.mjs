#!/usr/bin/env node
// Generates grammar/diagrams.html (railroad diagrams) and grammar/grammar.json (serialized grammar)
// from the chevrotain grammar model in src/parser/grammar.ts. tests/grammar.test.ts fails when the
// committed files differ from what this produces. usage: node scripts/gen-grammar.mjs [--check]
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const tmp = mkdtempSync(join(tmpdir(), "cfg-grammar-"));
await build({ entryPoints: [join(repo, "scripts/grammar-artifacts.ts")], outfile: join(tmp, "g.mjs"), bundle: true, format: "esm", platform: "node", logLevel: "error" });
const { grammarArtifacts } = await import(pathToFileURL(join(tmp, "g.mjs")).href);
const files = grammarArtifacts(repo);
let stale = 0;
for (const [name, text] of Object.entries(files)) {
  const path = join(repo, "grammar", name);
  if (process.argv.includes("--check")) {
    let old = "";
    try {
      old = readFileSync(path, "utf8");
    } catch {}
    if (old !== text) {
      console.error(`stale: grammar/${name}`);
      stale++;
    }
  } else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    console.log(`wrote grammar/${name} (${text.length} bytes)`);
  }
}
process.exitCode = stale ? 1 : 0;
