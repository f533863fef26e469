// stdlib's file_line: a catalog compiled by real Puppet with stdlib (fixtures/apply/file_line) is
// applied by cfg to seeded files, twice: the same messages as puppet apply, and byte-identical
// files to the ones Puppet left (expected/).
import { spawnSync } from "node:child_process";
import { cpSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const fixtures = "tests/fixtures/apply/file_line";
const dir = "/tmp/cfg-fileline"; // the catalog's own path

function apply(...extra: string[]) {
  return spawnSync(process.execPath, ["bin/cfg.mjs", "apply", "--catalog", `${fixtures}/puppet-catalog.json`, "--vardir", `${dir}-var`, "--detailed-exitcodes", ...extra], { encoding: "utf8" });
}

function comparable(text: string): string[] {
  const lines = text.split("\n").filter(Boolean).map((l) => l.replace(/ in \d+\.\d+ seconds$/, ""));
  return lines.slice(0, lines.findIndex((l) => l.startsWith("Notice: Applied catalog")) + 1);
}

describe("file_line against puppet apply", () => {
  beforeAll(() => {
    rmSync(dir, { recursive: true, force: true });
    cpSync(`${fixtures}/seed`, dir, { recursive: true });
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}-var`, { recursive: true, force: true });
  });

  it("noop: says what would change and leaves every file as it was", () => {
    const r = apply("--noop");
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("(noop)");
    for (const f of readdirSync(`${fixtures}/seed`)) expect([f, readFileSync(`${dir}/${f}`, "utf8")]).toEqual([f, readFileSync(`${fixtures}/seed/${f}`, "utf8")]);
  });

  it("changes the files as Puppet did, then nothing", () => {
    let r = apply();
    expect(r.stderr).toBe("");
    expect(r.status).toBe(2);
    expect(comparable(r.stdout)).toEqual(comparable(readFileSync(`${fixtures}/puppet-run1.txt`, "utf8")));
    for (const f of readdirSync(`${fixtures}/expected`)) expect([f, readFileSync(`${dir}/${f}`, "utf8")]).toEqual([f, readFileSync(`${fixtures}/expected/${f}`, "utf8")]);
    r = apply();
    expect(r.status).toBe(0);
    expect(comparable(r.stdout)).toEqual(comparable(readFileSync(`${fixtures}/puppet-run2.txt`, "utf8")));
  });
});
