import { describe, expect, it } from "vitest";
import { SourceFile } from "../source/source-file.js";
import { EMPTY_CONFIG, selectRules } from "./config.js";
import { applyEdits, chooseFixes, fixSource, unifiedDiff } from "./fix.js";
import { lintSource } from "./runner.js";

const rules = selectRules(EMPTY_CONFIG, {});
const lint = (code: string) => lintSource(new SourceFile("x.pp", code), "", rules);

describe("control comments", () => {
  it("a trailing lint:ignore suppresses its line only, with the reason kept", () => {
    const r = lint("$x = \"a\" # lint:ignore:double_quoted_strings legacy code\n$y = \"b\"\n");
    expect(r.findings.map((f) => `${f.line} ${f.check}`)).toEqual(["2 double_quoted_strings"]);
    expect(r.ignored.map((f) => f.ignoredReason)).toEqual(["legacy code"]);
  });
  it("a block ignores until endignore; blocks nest", () => {
    const r = lint("# lint:ignore:double_quoted_strings\n$x = \"a\"\n# lint:ignore:hard_tabs\n$y\t= 1\n# lint:endignore\n$z = \"c\"\n# lint:endignore\n$w = \"d\"\n");
    expect(r.findings.map((f) => `${f.line} ${f.check}`)).toEqual(["8 double_quoted_strings"]);
  });
  it("a syntax error gives one `syntax` finding and nothing else", () => {
    const r = lint("class {\n");
    expect(r.parsed).toBe(false);
    expect(r.findings.map((f) => f.check)).toEqual(["syntax"]);
  });
  it("no false positives on lambdas, heredocs and nested strings", () => {
    const code = [
      "# Docs",
      "class mymod ($list) {",
      "  $list.each |$item| {",
      "    notice(\"${item} is ${$list.length}\")",
      "  }",
      "  $text = @(\"EOT\"/L)",
      "    Tabs\tand trailing  ",
      "    ${list} \"quoted\"",
      "    | EOT",
      "  notice($text)",
      "}",
      "",
    ].join("\n");
    const r = lintSource(new SourceFile("/m/mymod/manifests/init.pp", code), "/m/mymod/manifests/init.pp", rules);
    expect(r.findings).toEqual([]);
  });
});

describe("fixes", () => {
  it("overlapping edits: the first wins, the rest wait for the next pass", () => {
    const f = (start: number, end: number, text: string) => ({ check: "c", severity: "warning" as const, message: "", start, end, line: 1, column: 1, endLine: 1, endColumn: 1, fix: [{ start, end, text }] });
    const { edits } = chooseFixes([f(0, 3, "A"), f(2, 4, "B"), f(5, 6, "C")]);
    expect(applyEdits("0123456", edits)).toBe("A34C6");
  });
  it("fixes repeat until stable and the result parses", () => {
    const file = new SourceFile("/m/mymod/manifests/init.pp", "# Docs\nclass mymod {\n  file { \"/tmp/a\":\n    mode => 644,\n    ensure => file,\n  }\n}\n");
    const r = fixSource(file, file.path, rules);
    expect(r.text).toBe("# Docs\nclass mymod {\n  file { '/tmp/a':\n    ensure => file,\n    mode   => '0644',\n  }\n}\n");
    expect(r.result.findings).toEqual([]);
  });
  it("never touches a file that does not parse", () => {
    const file = new SourceFile("x.pp", "$x = \"a\"\nclass {\n");
    expect(fixSource(file, "", rules).changed).toBe(false);
  });
  it("renders a unified diff", () => {
    expect(unifiedDiff("a.pp", "a\nb\nc\n", "a\nB\nc\n")).toBe("--- a/a.pp\n+++ b/a.pp\n@@ -1,4 +1,4 @@\n a\n-b\n+B\n c\n \n");
  });
});
