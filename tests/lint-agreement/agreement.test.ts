// Agreement with puppet-lint 3.0.1 on a sample of Debian's Puppet modules, without puppet-lint:
// tests/lint-agreement/puppet-lint.json holds its real output for the files under modules/
// (scripts/lint-agreement-fixtures.mjs). Every finding must match (file, line, column, check),
// except the differences listed with their reason in known-differences.json.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { SourceFile } from "../../src/source/source-file.js";
import { lintSource } from "../../src/lint/runner.js";
import { selectRules, EMPTY_CONFIG } from "../../src/lint/config.js";

const DIR = resolve(import.meta.dirname);
const recorded = JSON.parse(readFileSync(join(DIR, "puppet-lint.json"), "utf8")) as {
  files: string[];
  problems: [string, number, number, string, string, string][];
};
const known = JSON.parse(readFileSync(join(DIR, "known-differences.json"), "utf8")) as { path: string; line: number; check: string; only: string }[];

describe("agreement with puppet-lint 3.0.1 (recorded)", () => {
  const rules = selectRules(EMPTY_CONFIG, {}).filter((r) => r.rule.meta.origin === "puppet-lint");
  for (const path of recorded.files) {
    it(path, () => {
      const full = join(DIR, path);
      const r = lintSource(new SourceFile(path, readFileSync(full, "utf8")), full, rules);
      const ours = r.findings.map((f) => `${f.line}:${f.column} ${f.check} ${f.message}`);
      const theirs = recorded.problems.filter((p) => p[0] === path).map((p) => `${p[1]}:${p[2]} ${p[3]} ${p[5]}`);
      const allowedOurs = new Set(known.filter((k) => k.path === path && k.only === "cfg").map((k) => `${k.line} ${k.check}`));
      const allowedTheirs = new Set(known.filter((k) => k.path === path && k.only === "puppet-lint").map((k) => `${k.line} ${k.check}`));
      const lineCheck = (s: string): string => `${s.split(":")[0]} ${s.split(" ")[1]}`;
      expect(ours.filter((s) => !allowedOurs.has(lineCheck(s))).sort()).toEqual(theirs.filter((s) => !allowedTheirs.has(lineCheck(s))).sort());
    });
  }
});
