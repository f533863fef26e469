// A recursing file with a source (tests/fixtures/apply/recurse): its generated children get their
// own statuses and Puppet's paths, and refresh its subscribers once. Compared with puppet apply.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const fixtures = "tests/fixtures/apply/recurse";
const root = "/tmp/cfg-recurse"; // the manifest's own path
const facts = `${root}-facts.json`;

function apply(...extra: string[]) {
  return spawnSync(process.execPath, ["bin/cfg.mjs", "apply", `${fixtures}/site.pp`, "--node", "vm", "--facts", facts, "--vardir", `${root}-var`, "--detailed-exitcodes", ...extra], { encoding: "utf8" });
}

function comparable(text: string): string[] {
  const lines = text.split("\n").filter(Boolean).map((l) => l.replace(/ in \d+\.\d+ seconds$/, ""));
  return lines.slice(0, lines.findIndex((l) => l.startsWith("Notice: Applied catalog")) + 1);
}

describe("recursing file resources against puppet apply", () => {
  beforeAll(() => {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root);
    cpSync(`${fixtures}/src`, `${root}/src`, { recursive: true });
    writeFileSync(facts, JSON.stringify({ networking: { fqdn: "vm" } }));
  });
  afterAll(() => {
    for (const p of [root, facts, `${root}-var`]) rmSync(p, { recursive: true, force: true });
  });

  it("noop, first run, a changed source file", () => {
    let r = apply("--noop");
    expect(r.status).toBe(0);
    expect(comparable(r.stdout)).toEqual(comparable(readFileSync(`${fixtures}/puppet-noop.txt`, "utf8")));
    r = apply("--report", `${root}/report.json`);
    expect(r.status).toBe(2);
    expect(comparable(r.stdout)).toEqual(comparable(readFileSync(`${fixtures}/puppet-run1.txt`, "utf8")));
    const report = JSON.parse(readFileSync(`${root}/report.json`, "utf8"));
    expect(Object.keys(report.resource_statuses)).toEqual(["File[/tmp/cfg-recurse/dst]", "File[/tmp/cfg-recurse/dst/a]", "File[/tmp/cfg-recurse/dst/sub]", "File[/tmp/cfg-recurse/dst/sub/b]", "Exec[after]"]);
    expect(report.resource_statuses["File[/tmp/cfg-recurse/dst/sub/b]"].containment_path).toEqual(["Stage[main]", "Main", "File[/tmp/cfg-recurse/dst/sub/b]"]);
    writeFileSync(`${root}/src/a`, "changed\n");
    r = apply();
    expect(r.status).toBe(2);
    expect(comparable(r.stdout)).toEqual(comparable(readFileSync(`${fixtures}/puppet-changed.txt`, "utf8")));
    r = apply();
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain("/content:");
  });
});
