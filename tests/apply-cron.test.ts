// cron jobs in root's crontab (through `crontab` where installed, else the spool file), from
// catalogs compiled by Puppet with cron_core (fixtures/apply/cron): two steps, each twice, with
// Puppet's messages and the jobs Puppet left (HEADER lines aside; cfg writes none).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const fixtures = "tests/fixtures/apply/cron";
const crontab = ["/usr/bin/crontab", "/bin/crontab"].find((p) => existsSync(p));
const spool = "/var/spool/cron/crontabs/root";
let saved: string | undefined;

function readTab(): string {
  if (crontab) {
    const r = spawnSync(crontab, ["-u", "root", "-l"], { encoding: "utf8" });
    return r.status === 0 ? r.stdout : "";
  }
  return existsSync(spool) ? readFileSync(spool, "utf8") : "";
}

function writeTab(text: string): void {
  if (crontab) spawnSync(crontab, ["-u", "root", "-"], { input: text });
  else {
    mkdirSync("/var/spool/cron/crontabs", { recursive: true });
    writeFileSync(spool, text, { mode: 0o600 });
  }
}

function apply(step: string, ...extra: string[]) {
  return spawnSync(process.execPath, ["bin/cfg.mjs", "apply", "--catalog", `${fixtures}/puppet-${step}-catalog.json`, "--vardir", "/tmp/cfg-cron-var", ...extra], { encoding: "utf8" });
}

function comparable(text: string): string[] {
  const lines = text.split("\n").filter((l) => l && !l.startsWith("Notice: Compiled catalog")).map((l) => l.replace(/ in \d+\.\d+ seconds$/, ""));
  return lines.slice(0, lines.findIndex((l) => l.startsWith("Notice: Applied catalog")) + 1);
}

const jobs = (text: string): string[] => text.split("\n").filter((l) => l && !l.startsWith("# HEADER:"));

describe("cron against puppet apply", () => {
  beforeAll(() => {
    saved = readTab();
    writeTab(readFileSync(`${fixtures}/seed-crontab`, "utf8"));
  });
  afterAll(() => {
    writeTab(saved ?? "");
    rmSync("/tmp/cfg-cron-var", { recursive: true, force: true });
  });

  it("noop: says what would change and leaves the crontab as it was", () => {
    const r = apply("step1", "--noop");
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("(noop)");
    expect(jobs(readTab())).toEqual(jobs(readFileSync(`${fixtures}/seed-crontab`, "utf8")));
  });

  for (const step of ["step1", "step2"]) {
    it(`${step}: Puppet's changes and jobs, then nothing`, () => {
      const r = apply(step);
      expect(r.stderr).toBe("");
      expect(comparable(r.stdout)).toEqual(comparable(readFileSync(`${fixtures}/puppet-${step}.txt`, "utf8")));
      expect(jobs(readTab())).toEqual(jobs(readFileSync(`${fixtures}/expected-${step}-crontab`, "utf8")));
      const again = apply(step);
      expect(comparable(again.stdout)).toEqual(comparable(readFileSync(`${fixtures}/puppet-${step}-again.txt`, "utf8")));
    });
  }

  it("refuses invalid schedules before changing anything", () => {
    const catalog = { name: "n", resources: [{ type: "Cron", title: "bad", parameters: { command: "/bin/true", minute: 61, weekday: "Funday" } }], edges: [] };
    const r = spawnSync(process.execPath, ["bin/cfg.mjs", "apply", "--catalog", "-"], { input: JSON.stringify(catalog), encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("61 is not a valid minute");
    expect(r.stderr).toContain("Funday is not a valid weekday");
  });
});
