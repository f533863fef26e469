// Users and groups for real (cfgtest* with ids 4390-4395, explicit ones chosen so that ids allocated by other tests meanwhile (max + 1) never collide), applied by cfg in three steps, each
// twice, compared line by line with what puppet apply printed for the same manifests
// (tests/fixtures/apply/users): create, change every property, remove.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const fixtures = "tests/fixtures/apply/users";
const facts = "/tmp/cfg-users-facts.json";

function apply(step: string, ...extra: string[]) {
  return spawnSync(process.execPath, ["bin/cfg.mjs", "apply", `${fixtures}/${step}.pp`, "--node", "vm", "--facts", facts, "--vardir", "/tmp/cfg-users-var", ...extra], { encoding: "utf8" });
}

function comparable(text: string): string[] {
  const lines = text.split("\n").filter(Boolean).map((l) => l.replace(/ in \d+\.\d+ seconds$/, ""));
  return lines.slice(0, lines.findIndex((l) => l.startsWith("Notice: Applied catalog")) + 1);
}

function cleanup(): void {
  spawnSync("/usr/sbin/userdel", ["-r", "cfgtestu1"], { stdio: "ignore" });
  for (const g of ["cfgtestg1", "cfgtestg2", "cfgtestg3"]) spawnSync("/usr/sbin/groupdel", [g], { stdio: "ignore" });
  rmSync("/tmp/cfg-users", { recursive: true, force: true });
}

describe("users and groups against puppet apply", () => {
  beforeAll(() => {
    cleanup();
    writeFileSync(facts, JSON.stringify({ networking: { fqdn: "vm" } }));
  });
  afterAll(() => {
    cleanup();
    rmSync(facts, { force: true });
    rmSync("/tmp/cfg-users-var", { recursive: true, force: true });
  });

  it("noop: says what would change and creates no user or group", () => {
    const r = apply("step1", "--noop");
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("(noop)");
    expect(readFileSync("/etc/passwd", "utf8")).not.toContain("cfgtestu1:");
    expect(readFileSync("/etc/group", "utf8")).not.toMatch(/^cfgtestg\d:/m);
  });

  for (const step of ["step1", "step2", "step3"]) {
    it(`${step}: the same changes, then nothing`, () => {
      const first = apply(step);
      expect(first.stderr).toBe("");
      expect(comparable(first.stdout)).toEqual(comparable(readFileSync(`${fixtures}/puppet-${step}.txt`, "utf8")));
      const again = apply(step);
      expect(again.stderr).toBe("");
      expect(comparable(again.stdout)).toEqual(comparable(readFileSync(`${fixtures}/puppet-${step}-again.txt`, "utf8")));
      if (step === "step1") {
        expect(existsSync("/tmp/cfg-users/home1")).toBe(true);
        expect(readFileSync("/etc/shadow", "utf8")).toContain("cfgtestu1:$6$abc$def:");
      }
      if (step === "step2") {
        expect(readFileSync("/etc/passwd", "utf8")).toContain("cfgtestu1:x:4390:4393:Test Two:/tmp/cfg-users/home2:/bin/bash");
        // The password is not Sensitive in step2.pp, and still never printed (Puppet's password property is sensitive).
        expect(first.stdout + first.stderr).not.toContain("$6$xyz$uvw");
        expect(readFileSync("/etc/shadow", "utf8")).toContain("cfgtestu1:$6$xyz$uvw:");
      }
      if (step === "step3") expect(readFileSync("/etc/passwd", "utf8")).not.toContain("cfgtestu1");
    });
  }
});
