// Hiera lookups against real Puppet's results (fixtures/expected.txt, made by fixtures/gen.sh).
import { describe, expect, it } from "vitest";
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Hiera, jsToValue, parseLookupArgs } from "./index.js";
import { PHash, type Value } from "../values.js";
import { inferGeneralizedType, newString, parseLiteral } from "../../typecheck/types.js";

const dir = join(fileURLToPath(new URL(".", import.meta.url)), "fixtures");
const env = join(dir, "env");
const cases = JSON.parse(readFileSync(join(dir, "cases.json"), "utf8")) as string[];
const expected = readFileSync(join(dir, "expected.txt"), "utf8").trim().split("\n");
const facts = jsToValue(JSON.parse(readFileSync(join(env, "facts.json"), "utf8"))) as PHash;
const node = "app01.example.com";
const trusted = PHash.fromObject({ authenticated: "local", certname: node, extensions: new PHash(), hostname: "app01", domain: "example.com", external: new PHash() });
const scope = {
  variable(name: string): Value | undefined {
    const n = name.replace(/^::/, "");
    if (n === "facts") return facts;
    if (n === "trusted") return trusted;
    return facts.get(n);
  },
};

describe("hiera lookups agree with Puppet", () => {
  const hiera = new Hiera({ environmentDir: env, moduleDir: (m) => (existsSync(join(env, "modules", m)) ? join(env, "modules", m) : undefined) });
  cases.forEach((c, i) => {
    it(`C${i}: lookup(${c})`, () => {
      const args = parseLiteral(`[${c}]`) as Value[];
      const v = hiera.lookup(parseLookupArgs(args), scope);
      expect(`C${i}|${newString(v)}|${inferGeneralizedType(v).toString()}`).toBe(expected[i]);
    });
  });
});

// Error texts as real Puppet printed them for the same environment (ref-compile.sh runs, one per
// case; the "Error while evaluating a Function Call, " prefix and location are the evaluator's).
describe("hiera errors agree with Puppet", () => {
  const hiera = new Hiera({ environmentDir: env, moduleDir: () => undefined });
  const errors = JSON.parse(readFileSync(join(dir, "errors.json"), "utf8")) as [string, string][];
  for (const [args, message] of errors) {
    it(`lookup(${args})`, () => {
      expect(() => hiera.lookup(parseLookupArgs(parseLiteral(`[${args}]`) as Value[]), scope)).toThrow(message);
    });
  }
});
