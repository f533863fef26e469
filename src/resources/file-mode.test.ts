// Symbolic and numeric modes against Puppet's own Puppet::Util::SymbolicFileMode (fixture produced
// by running it in Ruby on 32 specs x 5 starting modes: results, errors and validity).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { displayMode, isValidMode, modeToInt, normalizeMode } from "./file-mode.js";

const cases = JSON.parse(readFileSync(new URL("../../tests/fixtures/resources/file/symbolic-modes.json", import.meta.url), "utf8")) as {
  spec: string;
  current: number;
  directory: boolean;
  result?: number;
  error?: string;
  valid: boolean;
}[];

describe("file modes as Puppet computes them", () => {
  it("agrees on every recorded case", () => {
    const mismatches: string[] = [];
    for (const c of cases) {
      let got: string;
      try {
        got = `= ${modeToInt(normalizeMode(c.spec), c.current, c.directory).toString(8)}`;
      } catch (e) {
        got = `! ${(e as Error).message}`;
      }
      const want = c.error !== undefined ? `! ${c.error}` : `= ${c.result!.toString(8)}`;
      if (got !== want) mismatches.push(`${c.spec} from ${c.current.toString(8)}${c.directory ? " (dir)" : ""}: ${got} instead of ${want}`);
      if (isValidMode(c.spec) !== c.valid) mismatches.push(`${c.spec}: valid ${isValidMode(c.spec)} instead of ${c.valid}`);
    }
    expect(mismatches).toEqual([]);
    expect(cases.length).toBe(160);
  });

  it("displays numeric modes with four digits", () => {
    expect(displayMode("644")).toBe("0644");
    expect(displayMode("0644")).toBe("0644");
    expect(displayMode("2755")).toBe("2755");
    expect(displayMode("u+x")).toBe("u+x");
  });
});
