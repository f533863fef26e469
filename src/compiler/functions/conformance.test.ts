// The notices of the shared conformance cases that exercise functions, types and iteration (copied
// from ../shared/conformance: site.pp, facts.json and Puppet's log.txt), reproduced by running the
// manifest through the test evaluator and this function library. Resources are ignored here.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { MiniEvaluator } from "./test-support/mini-eval.js";
import { jsToValue } from "../hiera/data.js";
import type { PHash } from "../values.js";

const root = join(fileURLToPath(new URL(".", import.meta.url)), "fixtures", "conformance");

describe("conformance notices via the function library", () => {
  for (const c of readdirSync(root).sort()) {
    it(c, () => {
      const facts = jsToValue(JSON.parse(readFileSync(join(root, c, "facts.json"), "utf8"))) as PHash;
      const ev = new MiniEvaluator().withFacts(facts);
      ev.evaluate(readFileSync(join(root, c, "site.pp"), "utf8"));
      expect(ev.logs.join("\n")).toBe(readFileSync(join(root, c, "log.txt"), "utf8").replace(/\n$/, ""));
    });
  }
});
