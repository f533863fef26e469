// lintOne's two ways of keeping a file: the whole text (for code frames) or only the lines its
// findings are on, as copies that do not pin the text (for json, sarif, ... over huge trees).
import { describe, expect, it } from "vitest";
import { lintOne, toEnabledRules, type LintJob } from "./lint-files.js";

const text = "class foo {\n  $x = \"plain\"\n}\n";
const job = (keepText?: boolean): LintJob => ({ rules: [{ name: "double_quoted_strings", level: "warning", options: {} }], settings: {}, fix: false, keepText });

describe("lintOne", () => {
  it("keeps the whole text by default", () => {
    const j = job();
    const r = lintOne(0, "/m/manifests/init.pp", text, j, toEnabledRules(j.rules));
    expect(r.text).toBe(text);
    expect(r.lines).toBeUndefined();
    expect(r.findings.map((f) => [f.check, f.line])).toEqual([["double_quoted_strings", 2]]);
  });

  it("keeps only the finding lines when the format needs no code frames", () => {
    const j = job(false);
    const r = lintOne(0, "/m/manifests/init.pp", text, j, toEnabledRules(j.rules));
    expect(r.text).toBe("");
    expect(r.lines).toEqual({ 2: '  $x = "plain"' });
    expect(r.findings.map((f) => [f.check, f.line, f.message])).toEqual([["double_quoted_strings", 2, "double quoted string containing no variables"]]);
    expect(r.findings[0]!.fix).toEqual([{ start: 19, end: 26, text: "'plain'" }]);
  });
});
