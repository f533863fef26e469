// The JIT warm-up tour (src/parser/warm-up.ts) must be valid Puppet: it runs before every large
// batch, and a diagnostic there would be wasted work at best. Puppet 7.23 accepts both texts
// (`puppet parser validate` and `puppet epp validate` exit 0; its pn dumper cannot print the tour).
import { describe, expect, it } from "vitest";
import { SourceFile } from "../src/source/source-file.js";
import { parseEpp, parseManifest } from "../src/parser/parse.js";
import { WARM_UP_ENDINGS, WARM_UP_EPP, WARM_UP_MANIFEST } from "../src/parser/warm-up.js";
import { WARM_UP_LINT_MANIFEST } from "../src/lint/warm-up.js";

describe("parser warm-up tour", () => {
  it("the manifest parses and validates without diagnostics", () => {
    expect(parseManifest(new SourceFile("tour.pp", WARM_UP_MANIFEST)).diagnostics).toEqual([]);
  });
  it("the EPP template parses without diagnostics", () => {
    expect(parseEpp(new SourceFile("tour.epp", WARM_UP_EPP)).diagnostics).toEqual([]);
  });
  it("the endings (files that stop right after a token) parse without diagnostics", () => {
    for (const text of WARM_UP_ENDINGS) {
      expect(text.endsWith("\n")).toBe(false);
      expect(parseManifest(new SourceFile("end.pp", text)).diagnostics).toEqual([]);
    }
  });
  it("uses the constructs the lexer and parser branch on", () => {
    for (const s of ["@(", "<<|", "<|", "~>", "@@", "=~", "${", "\\u{", "/^", "0x", "1.5e3", "|$", "?", "*"]) expect(WARM_UP_MANIFEST).toContain(s);
  });
  it("the lint warm-up (tour plus style patterns) parses and validates without diagnostics", () => {
    // Puppet 7.23's `puppet parser validate` accepts it too; puppet-lint would flag its style on purpose.
    expect(parseManifest(new SourceFile("init.pp", WARM_UP_LINT_MANIFEST)).diagnostics).toEqual([]);
    for (const s of ["\t", " \n", "/*", "lint:ignore", "$::", "=> 644", "<-"]) expect(WARM_UP_LINT_MANIFEST).toContain(s);
  });
});
