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
