// host entries in a hosts file (fixtures/apply/host), applied by cfg in two steps, each twice:
// Puppet's messages, and the entries Puppet left. cfg keeps unmanaged lines byte for byte and
// writes no "# HEADER" lines, so files are compared after dropping those and normalising blanks.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const fixtures = "tests/fixtures/apply/host";
const dir = "/tmp/cfg-hosts"; // the manifests' own path

function apply(step: string, ...extra: string[]) {
  // host is a module type in Puppet 7 (host_core): the catalogs were compiled by Puppet with it.
  return spawnSync(process.execPath, ["bin/cfg.mjs", "apply", "--catalog", `${fixtures}/puppet-${step}-catalog.json`, "--vardir", `${dir}-var`, ...extra], { encoding: "utf8" });
}

function comparable(text: string): string[] {
  const lines = text.split("\n").filter((l) => l && !l.startsWith("Notice: Compiled catalog")).map((l) => l.replace(/ in \d+\.\d+ seconds$/, ""));
  return lines.slice(0, lines.findIndex((l) => l.startsWith("Notice: Applied catalog")) + 1);
}

const entries = (text: string): string[] => text.split("\n").filter((l) => !l.startsWith("# HEADER:")).map((l) => l.trim().replace(/\s+/g, " "));

describe("host against puppet apply", () => {
  beforeAll(() => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    copyFileSync(`${fixtures}/seed-hosts`, `${dir}/hosts`);
  });
  afterAll(() => {
    for (const p of [dir, `${dir}-var`]) rmSync(p, { recursive: true, force: true });
  });

  it("noop: says what would change and leaves the file as it was", () => {
    const r = apply("step1", "--noop");
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("(noop)");
    expect(readFileSync(`${dir}/hosts`, "utf8")).toBe(readFileSync(`${fixtures}/seed-hosts`, "utf8"));
  });

  for (const step of ["step1", "step2"]) {
    it(`${step}: Puppet's changes and entries, then nothing`, () => {
      const r = apply(step);
      expect(r.stderr).toBe("");
      expect(comparable(r.stdout)).toEqual(comparable(readFileSync(`${fixtures}/puppet-${step}.txt`, "utf8")));
      expect(entries(readFileSync(`${dir}/hosts`, "utf8"))).toEqual(entries(readFileSync(`${fixtures}/expected-${step}-hosts`, "utf8")));
      const again = apply(step);
      expect(comparable(again.stdout)).toEqual(comparable(readFileSync(`${fixtures}/puppet-${step}-again.txt`, "utf8")));
    });
  }

  it("keeps the lines it does not manage byte for byte", () => {
    const text = readFileSync(`${dir}/hosts`, "utf8");
    expect(text.startsWith("127.0.0.1\tlocalhost\n# a comment line kept as is\n")).toBe(true);
  });
});
