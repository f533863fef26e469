// Lexer fixtures: tests/fixtures/lexer/NAME.pp|.epp -> NAME.tokens, one token per line:
//   KIND start-end JSON(text) [= JSON(value)]   (comments listed after the tokens, kind Comment)
// The expected files are reviewed by hand; `UPDATE_LEXER_FIXTURES=1 npx vitest run tests/lexer.test.ts`
// rewrites them (then review the diff).
import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { SourceFile } from "../src/source/source-file.js";
import { tokenize, type Token } from "../src/lexer/lexer.js";

const dir = join(import.meta.dirname, "fixtures/lexer");

function line(t: Token): string {
  const v = t.value === undefined ? "" : ` = ${JSON.stringify(t.value)}`;
  return `${t.kind} ${t.start}-${t.end} ${JSON.stringify(t.text)}${v}`;
}

export function dumpTokens(path: string, text: string): string {
  const r = tokenize(new SourceFile(path, text), { epp: path.endsWith(".epp") });
  const lines = [...r.tokens.map(line), ...r.comments.map(line), ...r.diagnostics.map((d) => `ERROR ${d.span?.start}: ${d.message}`)];
  return lines.join("\n") + "\n";
}

describe("lexer fixtures", () => {
  for (const name of readdirSync(dir).filter((f) => /\.(pp|epp)$/.test(f)).sort()) {
    it(name, () => {
      const got = dumpTokens(name, readFileSync(join(dir, name), "utf8"));
      const expectedPath = join(dir, name.replace(/\.(pp|epp)$/, ".tokens"));
      if (process.env.UPDATE_LEXER_FIXTURES || !existsSync(expectedPath)) writeFileSync(expectedPath, got);
      expect(got).toBe(readFileSync(expectedPath, "utf8"));
    });
  }

  it("every token's text is the exact source between its offsets", () => {
    for (const name of readdirSync(dir).filter((f) => /\.(pp|epp)$/.test(f))) {
      const text = readFileSync(join(dir, name), "utf8");
      const r = tokenize(new SourceFile(name, text), { epp: name.endsWith(".epp") });
      for (const t of [...r.tokens, ...r.comments]) expect(t.text).toBe(text.slice(t.start, t.end));
    }
  });

  it("reports unterminated constructs at end of input instead of throwing", () => {
    for (const src of ['$x = "abc', "$x = 'abc", "$x = @(END)\nabc", '$x = "${abc', "/* open", "$x = @(END"]) {
      const r = tokenize(new SourceFile("t.pp", src));
      expect(r.diagnostics.length, src).toBeGreaterThan(0);
    }
  });
});
