// Failure isolation against puppet apply (fixtures/apply/failures): a failing exec fails only
// itself, its dependents (direct and further) are skipped with Puppet's messages, everything else
// is applied; the report and the exit code say so. Run twice, as Puppet was.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { byLevel, cfgByLevel } from "./support/puppet-output.js";

const fixtures = "tests/fixtures/apply/failures";
const dir = "/tmp/cfg-failures"; // the manifest's own path
const facts = `${dir}-facts.json`;

function apply(...extra: string[]) {
  return spawnSync(process.execPath, ["bin/cfg.mjs", "apply", `${fixtures}/site.pp`, "--node", "vm", "--facts", facts, "--vardir", `${dir}-var`, "--detailed-exitcodes", ...extra], { encoding: "utf8" });
}

describe("failure isolation against puppet apply", () => {
  beforeAll(() => {
    rmSync(dir, { recursive: true, force: true });
    writeFileSync(facts, JSON.stringify({ networking: { fqdn: "vm" } }));
  });
  afterAll(() => {
    for (const p of [dir, facts, `${dir}-var`]) rmSync(p, { recursive: true, force: true });
  });

  it("first run: applies what it can, skips the dependents of the failure", () => {
    const r = apply("--report", `${dir}-report.json`);
    expect(r.status).toBe(6);
    expect(cfgByLevel(r)).toEqual(byLevel(readFileSync(`${fixtures}/puppet-run1.txt`, "utf8").split("\n")));
    expect(existsSync(`${dir}/d.txt`)).toBe(true);
    expect(existsSync(`${dir}/c.txt`)).toBe(false);
    expect(r.stdout).toContain("Summary: 8 resources: 5 changed, 1 failed, 2 skipped, 0 in sync");
    expect(r.stdout).toContain("File[/tmp/cfg-failures/c.txt] (depends on failed Exec[fail])");
    const report = JSON.parse(readFileSync(`${dir}-report.json`, "utf8"));
    rmSync(`${dir}-report.json`);
    expect(report.status).toBe("failed");
    expect(report.resource_statuses["Exec[fail]"].failed).toBe(true);
    expect(report.resource_statuses["File[/tmp/cfg-failures/c.txt]"].skipped).toBe(true);
  });

  it("second run: only the notify and the failure again", () => {
    const r = apply();
    expect(r.status).toBe(6);
    expect(cfgByLevel(r)).toEqual(byLevel(readFileSync(`${fixtures}/puppet-run2.txt`, "utf8").split("\n")));
  });
});
