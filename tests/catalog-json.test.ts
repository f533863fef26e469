// The catalog's JSON text (catalogChunks): pretty-printed as JSON.stringify(v, null, 2) would, except
// that Puppet's exact numbers survive: Floats keep their fraction, Integers beyond 2^53 all their
// digits, and Hashes with integer-like keys their order.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogData, compile, stringifyCatalog } from "../src/compiler/compile.js";

const root = join(import.meta.dirname, "..");

function catalogText(manifest: string, facts: Record<string, unknown> = {}): string {
  const r = compile({ path: manifest, nodeName: "n", facts });
  expect(r.diagnostics).toEqual([]);
  return stringifyCatalog(r.catalog);
}

describe("catalog JSON text", () => {
  it("prints what JSON.stringify prints for plain data", () => {
    const text = catalogText(join(root, "tests", "fixtures", "compile", "site.pp"), { osfamily: "Debian", processors: { count: 4 } });
    expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2));
  });
  it("keeps Floats, big Integers and the key order of integer-keyed Hashes", () => {
    const text = catalogText(join(root, "tests", "fixtures", "compile", "exact-numbers", "site.pp"));
    expect(text).toContain(
      `"message": {"80": 1.0, "b": [1,2.0,{"9": {"x": 3.0, "1": []}, "z": {}}], "c": 18446744073709551615, "d": {}, "e": [], "f": "q\\"\\n"}`,
    );
    expect(text).toContain(
      ["[", "  1.5,", "  0.0,", "  100000000000000000000,", "  12345678901234567890", "]"].join("\n" + " ".repeat(10)),
    );
    expect(text).toContain(`"k": {"2": 1, "1": 2}`);
  });
});

describe("catalog data", () => {
  it("is what parsing the catalog's JSON text gives", () => {
    for (const [manifest, facts] of [
      [join(root, "tests", "fixtures", "compile", "exact-numbers", "site.pp"), {}],
      [join(root, "tests", "fixtures", "compile", "site.pp"), { osfamily: "Debian", processors: { count: 4 } }],
    ] as const) {
      const r = compile({ path: manifest, nodeName: "n", facts });
      const data = catalogData(r.catalog);
      const parsed: unknown = JSON.parse(stringifyCatalog(r.catalog));
      expect(data).toEqual(parsed);
      // Same key order too (the applier keeps manifest order where it iterates hashes).
      expect(JSON.stringify(data)).toBe(JSON.stringify(parsed));
    }
  });
});
