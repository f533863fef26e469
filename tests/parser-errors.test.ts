// cfg's verdict on broken (and tricky valid) files against Puppet's, recorded by
// scripts/corpus-fixtures.mjs from `puppet parser validate` (`puppet epp validate` for .epp) into
// errors/puppet-verdicts.json:
// the same accept/reject, and for a rejected file the same first message, line and column.
// cfg reports every error, Puppet only the first; only the first is compared.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SourceFile } from "../src/source/source-file.js";
import { parseEpp, parseManifest } from "../src/parser/parse.js";

const dir = join(import.meta.dirname, "fixtures/parser/errors");
type Verdict = { message: string; line: number | null; column: number | null } | null;
/** Puppet's message quotes a Ruby library's error text (its JSON parser's); only the position is compared. */
const RUBY_MESSAGE = new Set(["bad-json-heredoc.pp"]);
const verdicts = JSON.parse(readFileSync(join(dir, "puppet-verdicts.json"), "utf8")) as Record<string, Verdict>;

describe("syntax and validation errors agree with puppet parser validate", () => {
  for (const [name, verdict] of Object.entries(verdicts)) {
    it(name, () => {
      const file = new SourceFile(name, readFileSync(join(dir, name), "utf8"));
      const errors = (name.endsWith(".epp") ? parseEpp(file) : parseManifest(file)).diagnostics.filter((d) => d.severity === "error");
      if (verdict === null) {
        expect(errors.map((d) => d.message)).toEqual([]);
        return;
      }
      expect(errors.length).toBeGreaterThan(0);
      const first = errors[0]!;
      const pos = file.position(first.span!.start);
      if (RUBY_MESSAGE.has(name)) {
        expect({ line: pos.line, column: pos.column }).toEqual({ line: verdict.line, column: verdict.column });
        return;
      }
      expect({ message: first.message, line: verdict.line === null ? null : pos.line, column: verdict.column === null ? null : pos.column }).toEqual(verdict);
    });
  }
});
