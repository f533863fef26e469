// The contents of grammar/ (shared by scripts/gen-grammar.mjs and tests/grammar.test.ts):
// diagrams.html (railroad diagrams; its scripts are copied next to it from chevrotain's package, so
// the page works offline) and grammar.json (chevrotain's serialized grammar).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createSyntaxDiagramsCode, serializeGrammar } from "chevrotain";
import { puppetGrammar } from "../src/parser/grammar.js";

const VENDORED = ["diagrams.css", "vendor/railroad-diagrams.js", "src/diagrams_builder.js", "src/diagrams_behavior.js", "src/main.js"];

export function grammarArtifacts(repoRoot: string): Record<string, string> {
  const g = puppetGrammar();
  const serialized = serializeGrammar(Object.values(g.getGAstProductions()));
  const out: Record<string, string> = {
    "diagrams.html": createSyntaxDiagramsCode(serialized, { resourceBase: "./chevrotain-diagrams/", css: "./chevrotain-diagrams/diagrams.css" }),
    "grammar.json": JSON.stringify(serialized, null, 2) + "\n",
  };
  const base = join(repoRoot, "node_modules/chevrotain/diagrams");
  for (const f of VENDORED) out[`chevrotain-diagrams/${f}`] = readFileSync(join(base, f), "utf8");
  return out;
}
