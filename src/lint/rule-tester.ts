// RuleTester-style tables for lint rules (ESLint's pattern): `valid` code must give no finding of
// the rule, each `invalid` case exactly its `errors` (line, column, message, in order), and where
// `output` is given, --fix must produce exactly that text. The tables are generated from
// puppet-lint's real output (scripts/lint-rule-fixtures.py); cfg-only rules write their own.
import { expect, it } from "vitest";
import { SourceFile } from "../source/source-file.js";
import { fixSource } from "./fix.js";
import type { LintRule, LintSettings } from "./rule.js";
import { lintSource, type EnabledRule } from "./runner.js";

export interface InvalidCase {
  readonly code: string;
  readonly errors: readonly { line: number; column?: number; message?: string }[];
  readonly output?: string;
  readonly options?: Readonly<Record<string, unknown>>;
  /** Where puppet-lint's --fix differs (and is wrong): its output and why cfg's is asserted instead. */
  readonly puppetLintOutput?: string;
  readonly reason?: string;
}

/** Files are linted as if at this path, so autoloader_layout sees a module layout. */
export const TEST_PATH = "/modules/mymod/manifests/init.pp";

export interface TesterSettings {
  /** Settings passed to the rule (e.g. a modulepath index for the typecheck checks). */
  readonly settings?: LintSettings;
  /** Other rules to run alongside (for the control-comment checks, which judge other checks' findings). */
  readonly withRules?: readonly LintRule[];
}

export function ruleTester(rule: LintRule, cases: { valid: readonly string[]; invalid: readonly InvalidCase[] }, extra: TesterSettings = {}): void {
  const settings = extra.settings ?? {};
  const enabled = (options?: Readonly<Record<string, unknown>>): EnabledRule[] => {
    const defaults: Record<string, unknown> = {};
    for (const [k, s] of Object.entries(rule.meta.options ?? {})) defaults[k] = s.default;
    return [{ rule, level: rule.meta.level, options: { ...defaults, ...options } }, ...(extra.withRules ?? []).map((r) => ({ rule: r, level: r.meta.level, options: {} }))];
  };
  const seen = new Set<string>();
  for (const code of cases.valid) {
    it(`valid: ${JSON.stringify(code).slice(0, 60)}`, () => {
      expect(seen.has(code), "duplicate case").toBe(false);
      seen.add(code);
      const r = lintSource(new SourceFile(TEST_PATH, code), TEST_PATH, enabled(), settings);
      expect(r.parsed).toBe(true);
      expect(r.findings.filter((f) => f.check === rule.meta.name)).toEqual([]);
    });
  }
  for (const c of cases.invalid) {
    it(`invalid: ${JSON.stringify(c.code).slice(0, 60)}`, () => {
      expect(seen.has(c.code), "duplicate case").toBe(false);
      seen.add(c.code);
      const file = new SourceFile(TEST_PATH, c.code);
      const r = lintSource(file, TEST_PATH, enabled(c.options), settings);
      const got = r.findings
        .filter((f) => f.check === rule.meta.name)
        .map((f, i) => {
          const want = c.errors[i];
          return { line: f.line, ...(want?.column !== undefined ? { column: f.column } : {}), ...(want?.message !== undefined ? { message: f.message } : {}) };
        });
      expect(got).toEqual(c.errors);
      if (c.output !== undefined) {
        const fixed = fixSource(file, TEST_PATH, enabled(c.options), settings);
        expect(fixed.text).toBe(c.output);
      }
    });
  }
}
