// Every registered function, called with odd arguments, fails only with Puppet-style errors
// (FunctionError / PuppetEvalError / PuppetTypeError / Hiera errors), never a JavaScript crash.
import { describe, expect, it } from "vitest";
import { DEFAULT, PHash, PSensitive, type Value } from "../values.js";
import { PIntegerType } from "../../typecheck/types.js";
import { MiniEvaluator } from "./test-support/mini-eval.js";
import { callByName, functionNames } from "./index.js";

const samples: Value[] = [null, DEFAULT, true, 0n, -3n, 2.5, "", "abc", "0x1f", [], [1n, "a"], [[1n]], new PHash(), PHash.fromObject({ a: 1n }), new PSensitive("s"), PIntegerType.DEFAULT, "[", "%"];
const skip = new Set(["fail", "break", "next", "return", "lookup", "hiera", "hiera_array", "hiera_hash", "call"]);

describe("functions never crash on odd input", () => {
  for (const name of functionNames().filter((n) => !skip.has(n))) {
    it(name, () => {
      const ev = new MiniEvaluator();
      for (const a of samples) {
        for (const args of [[], [a], [a, a], [a, "x", 1n]]) {
          try {
            callByName(name, args as Value[], ev);
          } catch (e) {
            const kind = (e as Error).constructor.name;
            expect(["FunctionError", "PuppetEvalError", "PuppetTypeError", "HieraDataError", "LookupError"], `${name}(${args.length} args): ${(e as Error).message}`).toContain(kind);
          }
        }
      }
    });
  }
});
