#!/usr/bin/env node
// Starts cfg. The CLI is bundled by `npm run build` (scripts/build.mjs) into one script,
// dist/cli.cjs, compiled here with V8's code cache dist/cli.<build id>.cache when it fits this Node: V8
// rejects a cache made by another V8 or under other flags, and then compiles the script as usual.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { Script } from "node:vm";

// V8 flags, set before the CLI is compiled and the same when the cache is made (V8 checks them).
// cfg's runs are short and cold, so V8's optimizing compiler (a background thread) is a large share
// of their CPU time, and it inlines so much into the big lexer, parser and lint-rule functions that
// each compile takes tens of ms. A smaller inlining budget measured faster everywhere (module corpus,
// 2 cores: validate 0.33 -> 0.28 s, lint 0.98 -> 0.87 s, 10k-resource compile 0.66 -> 0.63 s).
// Worker threads share the process's flags.
setFlagsFromString("--max-inlined-bytecode-size-cumulative=200");

const file = fileURLToPath(new URL("../dist/cli.cjs", import.meta.url));
let source;
try {
  source = readFileSync(file, "utf8");
} catch {
  process.stderr.write(`cfg: ${file} is missing: build cfg first (npm run build)\n`);
  process.exit(3);
}
// V8 checks a cache against the script's length, not its text, so the cache is named after the
// build id that the build appends to the script: a cache is only ever read for its own script.
const idAt = source.lastIndexOf("\n// cfg-build ");
const cacheFile = idAt < 0 ? undefined : file.replace(/\.cjs$/, `.${source.slice(idAt + 14).trim()}.cache`);
// The build's training run: CFG_CODE_CACHE_TRAIN names a JSON list of command lines to run here,
// one after another, before the cache is written from what they compiled.
const training = process.env.CFG_CODE_CACHE_TRAIN;

let cachedData;
if (!training && cacheFile) {
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // no cache (not built yet, or removed): compile as usual
  }
}
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: file,
  cachedData,
});
if (process.env.CFG_DEBUG_CODE_CACHE) {
  process.stderr.write(`cfg: code cache ${cachedData === undefined ? "absent" : script.cachedDataRejected ? "rejected" : "used"}\n`);
}
const cli = { exports: {} };
script.runInThisContext()(cli.exports, createRequire(file), cli, file, dirname(file));

if (training) {
  for (const argv of JSON.parse(readFileSync(training, "utf8"))) {
    try {
      await cli.exports.main([process.argv[0], process.argv[1], ...argv]);
    } catch {
      // a failing command still compiled what it ran
    }
  }
  process.exitCode = 0;
  if (!cacheFile) throw new Error("dist/cli.cjs has no build id");
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  writeFileSync(tmp, script.createCachedData());
  renameSync(tmp, cacheFile);
}
