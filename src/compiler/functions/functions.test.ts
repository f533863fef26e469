// The function library and type system against real Puppet: fixtures/*.txt are Puppet expressions,
// fixtures/*.json what Puppet 7.23 answered (fixtures/gen.sh, probe.rb). Each expression is run by
// a small test evaluator (test-support/mini-eval.ts) and must give Puppet's string form and
// generalized type, or Puppet's error message. fixtures/known-gaps.json lists the cases that do
// not agree yet (reported, not hidden: the test fails if a listed case starts to pass).
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { MiniEvaluator } from "./test-support/mini-eval.js";
import { valueToString } from "../value-ops.js";
import { inferGeneralizedType } from "../../typecheck/types.js";
import { functionNames, getFunction } from "./index.js";

interface Probe {
  expr: string;
  str?: string;
  type?: string;
  error?: string;
}
const dir = join(fileURLToPath(new URL(".", import.meta.url)), "fixtures");
const gaps = new Set<string>(JSON.parse(readFileSync(join(dir, "known-gaps.json"), "utf8")) as string[]);

function normalizeError(m: string): string {
  return m
    .replace(/^Evaluation Error: /, "")
    .replace(/^Error while evaluating a (Function Call|Method call|'\[\]' expression), /, "")
    .replace(/ \(file: probe\.pp, line: \d+, column: \d+\)$/, "")
    .replace(/^Evaluation Error: /, "");
}

/** Type aliases of fixtures/modules (`type Name = ...` files), for aliases.txt. */
function fixtureAliases(): Record<string, string> {
  const out: Record<string, string> = {};
  const typesDir = join(dir, "modules", "probe", "types");
  for (const f of readdirSync(typesDir)) {
    const m = /^type\s+([\w:]+)\s*=\s*([\s\S]*)$/.exec(readFileSync(join(typesDir, f), "utf8").trim());
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}
const aliases = fixtureAliases();

export function runProbe(p: Probe): string {
  const ev = new MiniEvaluator(aliases);
  try {
    const v = ev.evaluate(`[${p.expr}][0]`);
    return `ok ${valueToString(v)} :: ${inferGeneralizedType(v).toString()}`;
  } catch (e) {
    return `error ${normalizeError((e as Error).message)}`;
  }
}

function expected(p: Probe): string {
  return p.error !== undefined ? `error ${normalizeError(p.error)}` : `ok ${p.str} :: ${p.type}`;
}

for (const file of ["functions", "types", "values", "stdlib", "aliases", "matrix", "assignable", "sprintf", "strings", "conversions", "regex", "operators", "semver"]) {
  const probes = JSON.parse(readFileSync(join(dir, `${file}.json`), "utf8")) as Probe[];
  describe(`${file} agree with Puppet`, () => {
    for (const p of probes) {
      if (gaps.has(p.expr)) {
        // Still differs from Puppet; when it starts to agree, drop it from known-gaps.json.
        it(`(known gap) ${p.expr}`, () => {
          expect(runProbe(p)).not.toBe(expected(p));
        });
        continue;
      }
      it(p.expr, () => {
        expect(runProbe(p)).toBe(expected(p));
      });
    }
  });
}

describe("function signatures", () => {
  it("all parse (they are parsed on first call, so a typo would otherwise surface only then)", () => {
    for (const name of functionNames()) {
      for (const d of getFunction(name)!.dispatches) {
        expect(() => [d.params, d.block]).not.toThrow();
      }
    }
    expect(functionNames().length).toBeGreaterThan(100);
  });
});
