// Layout rules for lint checks (after ESLint's checkRuleFiles): every rule file is registered, has
// its test table beside it, and docs/lint-checks.md is the rendering of the current metadata.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_RULES } from "../../src/lint/rules/index.js";
import { renderChecksDoc } from "../../src/lint/checks-doc.js";

const RULES_DIR = join(import.meta.dirname, "../../src/lint/rules");
const HELPERS = new Set(["index.ts", "token-util.ts", "decl-util.ts", "typecheck-fixture.ts"]);

describe("lint rule layout", () => {
  const files = readdirSync(RULES_DIR).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !HELPERS.has(f));
  it("every rule file is registered under its own name", () => {
    expect(files.map((f) => f.replace(/\.ts$/, "")).sort()).toEqual(ALL_RULES.map((r) => r.meta.name).sort());
  });
  it("every rule has a test table beside it", () => {
    const tests = new Set(readdirSync(RULES_DIR).filter((f) => f.endsWith(".test.ts")));
    expect(files.filter((f) => !tests.has(f.replace(/\.ts$/, ".test.ts")))).toEqual([]);
  });
  it("the registry is sorted and names are unique", () => {
    const names = ALL_RULES.map((r) => r.meta.name);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);
  });
  it("docs/lint-checks.md is up to date (node scripts/lint-docs.mjs)", () => {
    expect(readFileSync(join(import.meta.dirname, "../../docs/lint-checks.md"), "utf8")).toBe(renderChecksDoc(ALL_RULES));
  });
  it("puppet-lint's 37 built-in checks are all present with puppet-lint's defaults", () => {
    const core = ALL_RULES.filter((r) => r.meta.origin === "puppet-lint");
    expect(core.length).toBe(37);
    expect(core.filter((r) => !r.meta.enabled).map((r) => r.meta.name).sort()).toEqual(["80chars", "class_inherits_from_params_class", "code_on_top_scope", "quoted_booleans"]);
    expect(core.filter((r) => r.meta.level === "error").map((r) => r.meta.name).sort()).toEqual([
      "2sp_soft_tabs", "autoloader_layout", "duplicate_params", "hard_tabs", "names_containing_dash", "names_containing_uppercase", "single_quote_string_with_variables", "trailing_whitespace",
    ]);
  });
});
