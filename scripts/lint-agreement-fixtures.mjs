#!/usr/bin/env node
// Builds the CI sample for lint agreement: copies a sample of corpus files (for every check
// puppet-lint reports, a few files that show it, plus every file where the tools disagree) to
// tests/lint-agreement/modules/<module>/manifests/..., runs puppet-lint 3.0.1 on the copies and
// records its JSON in tests/lint-agreement/puppet-lint.json (paths relative to that folder).
//   node scripts/lint-agreement-fixtures.mjs <puppet-lint-corpus.json> [corpus-dir]
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const OUT = join(ROOT, "tests/lint-agreement");
const corpusJson = JSON.parse(readFileSync(process.argv[2], "utf8"));
const corpusDir = resolve(process.argv[3] ?? "/usr/share/puppet/modules");
const PER_CHECK = 4;

const byCheck = new Map();
for (const f of corpusJson) for (const p of f) {
  const list = byCheck.get(p.check) ?? new Set();
  list.add(p.fullpath);
  byCheck.set(p.check, list);
}
const chosen = new Set();
// the smallest files that show each check keep the sample small
const size = (f) => readFileSync(f).length;
for (const [, set] of byCheck) [...set].filter((f) => size(f) < 30000).sort((a, b) => size(a) - size(b) || (a < b ? -1 : 1)).slice(0, PER_CHECK).forEach((f) => chosen.add(f));
// files with known differences (from lint-agreement.mjs --details)
for (const extra of process.argv.slice(4)) chosen.add(resolve(extra));
// a few clean files too
const allFiles = new Set(corpusJson.flat().map((p) => p.fullpath));
rmSync(join(OUT, "modules"), { recursive: true, force: true });
const copies = [];
for (const src of [...chosen].sort()) {
  const rel = relative(corpusDir, src);
  const dst = join(OUT, "modules", rel);
  mkdirSync(dirname(dst), { recursive: true });
  copyFileSync(src, dst);
  copies.push(relative(OUT, dst));
}
const r = spawnSync("puppet-lint", ["--json", ...copies], { cwd: OUT, encoding: "utf8", maxBuffer: 1 << 28 });
const problems = JSON.parse(r.stdout).flat().map((p) => [p.path, p.line, p.column, p.check, p.kind, p.message]);
const body = problems.map((p) => `  ${JSON.stringify(p)}`).join(",\n");
writeFileSync(join(OUT, "puppet-lint.json"), `{"tool": "puppet-lint 3.0.1", "fields": ["path", "line", "column", "check", "kind", "message"],\n"files": ${JSON.stringify(copies)},\n"problems": [\n${body}\n]}\n`);
console.log(`${copies.length} files, ${problems.length} puppet-lint problems recorded`);
