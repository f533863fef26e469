import { describe, it, expect } from "vitest";
import { parseTypeString, describeMismatch, inferType, newFromType, isInstance } from "../typecheck/types.js";
import { PHash } from "../compiler/values.js";
describe("smoke", () => {
  it("works", () => {
    const t = parseTypeString("Integer[1, 100]");
    expect(t.toString()).toBe("Integer[1, 100]");
    expect(describeMismatch(t, 250n)).toBe("expects an Integer[1, 100] value, got Integer[250, 250]");
    expect(describeMismatch(parseTypeString("Enum[low, high]"), "medium")).toBe("expects a match for Enum['high', 'low'], got 'medium'");
    expect(describeMismatch(parseTypeString("Struct[{a => Integer, d => String}]"), PHash.fromObject({a: 1n}))).toBe("expects a value for key 'd'");
    expect(inferType([1n, "a"]).toString()).toBe("Tuple[Integer[1, 1], String]");
    expect(newFromType(parseTypeString("Integer"), ["0x10"])).toBe(16n);
    expect(isInstance("xxabcxx", parseTypeString("Pattern[/abc/]"))).toBe(true);
  });
});

import { describeParameterMismatches } from "./types.js";
describe("parameter mismatch texts (from real Puppet runs)", () => {
  it("formats one and several problems as Puppet does", () => {
    // class c(Array[String] $x, Integer $y) {}  class { 'c': x => [1, 2], y => 'z' }
    expect(
      describeParameterMismatches("Class[C]", [
        { name: "x", type: parseTypeString("Array[String]"), value: [1n, 2n] },
        { name: "y", type: parseTypeString("Integer"), value: "z" },
      ]),
    ).toBe("Class[C]:\n  parameter 'x' index 0 expects a String value, got Integer\n  parameter 'x' index 1 expects a String value, got Integer\n  parameter 'y' expects an Integer value, got String");
    // conformance 143: class limits (Integer[1, 100] $max_procs = 10)  class { 'limits': max_procs => 250 }
    expect(describeParameterMismatches("Class[Limits]", [{ name: "max_procs", type: parseTypeString("Integer[1, 100]"), value: 250n }])).toBe(
      "Class[Limits]: parameter 'max_procs' expects an Integer[1, 100] value, got Integer[250, 250]",
    );
  });
});
