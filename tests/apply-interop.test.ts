// A catalog compiled by real Puppet 7.23 (tests/fixtures/apply/interop/puppet-catalog.json, from
// site.pp there with ref-compile.sh) applied by cfg, twice: cfg prints what Puppet printed when it
// applied the same catalog (puppet-run1.txt, puppet-run2.txt), and the second run changes nothing.
import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, readFileSync, readlinkSync, rmSync, statSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const dir = "tests/fixtures/apply/interop";
const target = "/tmp/cfg-interop"; // the path is in Puppet's catalog
const vardir = "/tmp/cfg-interop-var";

function apply(): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, ["bin/cfg.mjs", "apply", "--catalog", `${dir}/puppet-catalog.json`, "--vardir", vardir, "--detailed-exitcodes"], { encoding: "utf8" });
}

/** Puppet's lines up to "Applied catalog", without timings. */
function comparable(text: string): string[] {
  const lines = text.split("\n").filter((l) => l && !l.startsWith("Notice: Compiled catalog"));
  const end = lines.findIndex((l) => l.startsWith("Notice: Applied catalog"));
  return lines.slice(0, end < 0 ? undefined : end);
}

describe("applying a catalog compiled by real Puppet", () => {
  beforeAll(() => rmSync(target, { recursive: true, force: true }));
  afterAll(() => {
    rmSync(target, { recursive: true, force: true });
    rmSync(vardir, { recursive: true, force: true });
  });

  it("first run: makes the changes Puppet made, with Puppet's messages", () => {
    const r = apply();
    expect(r.stderr).toBe("");
    expect(r.status).toBe(2);
    expect(comparable(r.stdout)).toEqual(comparable(readFileSync(`${dir}/puppet-run1.txt`, "utf8")));
    expect(statSync(target).isDirectory()).toBe(true);
    expect(readFileSync(`${target}/motd`, "utf8")).toBe("managed by cfg\n");
    expect(statSync(`${target}/motd`).mode & 0o777).toBe(0o644);
    expect(statSync(`${target}/app.conf`).mode & 0o777).toBe(0o600);
    expect(lstatSync(`${target}/link`).isSymbolicLink()).toBe(true);
    expect(readlinkSync(`${target}/link`)).toBe(`${target}/motd`);
    expect(existsSync(`${target}/marker`)).toBe(true);
    expect(readFileSync(`${target}/reloads`, "utf8")).toBe("reloaded\n");
    // The Sensitive content never reaches the output.
    expect(r.stdout).not.toContain("hunter2");
  });

  it("second run: only the notify speaks, as with Puppet; the refreshonly exec does not run", () => {
    const r = apply();
    expect(r.stderr).toBe("");
    expect(comparable(r.stdout)).toEqual(comparable(readFileSync(`${dir}/puppet-run2.txt`, "utf8")));
    expect(readFileSync(`${target}/reloads`, "utf8")).toBe("reloaded\n");
  });
});
