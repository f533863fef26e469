// Layout rules that keep the project coherent (after ESLint's checkRuleFiles).
import { describe, expect, it } from "vitest";
import { readFileSync, existsSync, readdirSync } from "node:fs";
import { DIAGNOSTIC_CODES } from "../src/diagnostics/codes.js";

describe("diagnostic code table", () => {
  const codes = Object.keys(DIAGNOSTIC_CODES);

  it("uses well-formed codes, sorted", () => {
    for (const c of codes) expect(c).toMatch(/^CFG[1-6]\d{3}$/);
    expect([...codes].sort()).toEqual(codes);
  });

  it("has a message for every code", () => {
    for (const c of codes) expect((DIAGNOSTIC_CODES as Record<string, { message: string }>)[c]!.message.length).toBeGreaterThan(0);
  });
});

describe("project layout", () => {
  it("has a README in every src/ phase folder that has code", () => {
    for (const dir of readdirSync("src", { withFileTypes: true })) {
      if (!dir.isDirectory()) continue;
      const files = readdirSync(`src/${dir.name}`).filter((f) => f.endsWith(".ts"));
      if (files.length > 3) expect(existsSync(`src/${dir.name}/README.md`), `src/${dir.name}/README.md`).toBe(true);
    }
  });

  it("runs exactly the README's test command in .ci/run", () => {
    const readme = readFileSync("README.md", "utf8");
    const ci = readFileSync(".ci/run", "utf8");
    expect(readme).toContain("npm ci && npm test");
    expect(ci).toContain("npm ci && npm test");
  });
});
