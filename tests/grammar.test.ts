// grammar/ is generated from the chevrotain grammar model (src/parser/grammar.ts) by
// scripts/gen-grammar.mjs; this fails when the committed files are stale (regenerate with
// `node scripts/gen-grammar.mjs` and commit).
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { grammarArtifacts } from "../scripts/grammar-artifacts.js";
import { puppetGrammar } from "../src/parser/grammar.js";

const repo = join(import.meta.dirname, "..");

describe("grammar/", () => {
  const files = grammarArtifacts(repo);
  for (const [name, text] of Object.entries(files)) {
    it(`grammar/${name} is up to date`, () => {
      expect(readFileSync(join(repo, "grammar", name), "utf8")).toBe(text);
    });
  }

  it("has a rule for every construct of the language", () => {
    const rules = Object.keys(puppetGrammar().getGAstProductions());
    for (const r of ["program", "eppProgram", "resource", "resourceBody", "attributeOperation", "typeReferenceOrCollector", "relationship", "classDefinition", "defineDefinition", "nodeDefinition", "functionDefinition", "typeAlias", "lambda", "selector", "caseExpression", "ifExpression", "unlessExpression", "heredoc", "string", "nameOrStatementCall"]) {
      expect(rules).toContain(r);
    }
  });
});
