// Bad input never crashes the syntax phase: every case gives diagnostics (or a clean parse), no
// exception, no stack overflow. And error recovery: separate errors are reported separately.
import { describe, expect, it } from "vitest";
import { SourceFile } from "../src/source/source-file.js";
import { parseEpp, parseManifest } from "../src/parser/parse.js";
import { decodeUtf8 } from "../src/cli/read-input.js";

const parse = (text: string) => parseManifest(new SourceFile("t.pp", text));
const errors = (text: string) => parse(text).diagnostics.filter((d) => d.severity === "error");

describe("robustness", () => {
  it("empty and comment-only files are valid", () => {
    expect(errors("")).toEqual([]);
    expect(errors("# nothing\n/* at all */\n")).toEqual([]);
    expect(parseEpp(new SourceFile("t.epp", "")).diagnostics).toEqual([]);
  });

  it("binary junk gives diagnostics, not an exception", () => {
    let seed = 42;
    const bytes = Buffer.alloc(20000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    const { text, invalid } = decodeUtf8(bytes);
    expect(invalid).toBe(true);
    expect(errors(text).length).toBeGreaterThan(0);
    expect(() => parseEpp(new SourceFile("t.epp", text))).not.toThrow();
  });

  it("10,000 nested brackets, parentheses, braces and blocks hit the nesting limit with one diagnostic", () => {
    for (const [open, close, pre] of [["[", "]", "$x = "], ["(", ")", "$x = "], ["{", "}", "$x = "], ["if $a { ", "}", ""]] as const) {
      const src = pre + open.repeat(10000) + "1" + close.repeat(10000) + "\n";
      const errs = errors(src);
      expect(errs.length, open).toBeGreaterThan(0);
      expect(errs[0]!.message, open).toMatch(/nesting is too deep|Syntax error/);
    }
  });

  it("unterminated heredoc, strings, interpolation, comment and EPP tag at end of file", () => {
    for (const src of ["$x = @(END)\nabc", '$x = "abc', "$x = 'abc", '$x = "${abc', "/* open", "notice(", "$x = [1,", "class a {"]) {
      expect(errors(src).length, src).toBeGreaterThan(0);
    }
    expect(parseEpp(new SourceFile("t.epp", "a <%= $x")).diagnostics.length).toBeGreaterThan(0);
  });

  it("a 10 MB manifest parses", () => {
    const line = 'class c { $x = [1, "a${b}", {k => v}] file { "/f": ensure => file } }\n';
    const src = line.repeat(Math.ceil(10_000_000 / line.length));
    const r = parse(src);
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.program.body.length).toBe(Math.ceil(10_000_000 / line.length));
  }, 120_000);

  it("three separate syntax errors give three diagnostics", () => {
    const src = "notice(1 +)\n$a = [1, 2\nclass { 'x': }\n$b = \n";
    const errs = errors(src);
    expect(errs.map((d) => new SourceFile("t.pp", src).position(d.span!.start).line)).toEqual([1, 3, 5]);
  });

  it("never throws on arbitrary prefixes of real code", () => {
    const src = `class a::b(String $x = "d\${y}") inherits c {\n  file { "/f": ensure => file, content => @(E) }\n  text \${x}\n  | E\n  $h = { a => [1, 2], b => $x ? { default => 1 } }\n  if $x =~ /re/ { notice("\${h['a'][0]}") } else { fail('no') }\n}\n`;
    for (let i = 0; i <= src.length; i++) expect(() => parse(src.slice(0, i))).not.toThrow();
  });
});
