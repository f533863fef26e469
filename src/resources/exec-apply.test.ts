// exec end to end against puppet apply (tests/fixtures/resources/exec/e2e): checks, refresh of
// refreshonly and ordinary execs (with checks on refresh), logoutput, failures, returns, umask, the
// shell provider, environment without HOME. `cfg apply` twice prints, level by level, exactly what
// puppet apply printed in its two runs, with the same exit codes and the same files.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { byLevel, cfgByLevel } from "../../tests/support/puppet-output.js";

const fixtures = "tests/fixtures/resources/exec/e2e";
const dir = "/tmp/cfg-exec-e2e"; // the manifest's own path
const facts = `${dir}-facts.json`;

function apply(...extra: string[]) {
  return spawnSync(process.execPath, ["bin/cfg.mjs", "apply", `${fixtures}/site.pp`, "--node", "vm", "--facts", facts, "--vardir", `${dir}-var`, "--detailed-exitcodes", ...extra], { encoding: "utf8" });
}

describe("exec against puppet apply, two runs", () => {
  beforeAll(() => {
    rmSync(dir, { recursive: true, force: true });
    writeFileSync(facts, JSON.stringify({ networking: { fqdn: "vm" } }));
  });
  afterAll(() => {
    for (const p of [dir, facts, `${dir}-var`]) rmSync(p, { recursive: true, force: true });
  });

  it("noop first: Puppet's lines (checks run, commands do not), nothing created", () => {
    const r = apply("--noop");
    expect(cfgByLevel(r)).toEqual(byLevel(readFileSync(`${fixtures}/puppet-noop.txt`, "utf8").split("\n")));
    expect(existsSync(dir)).toBe(false);
  });

  it("first run: Puppet's lines, exit 6, the same files", () => {
    const r = apply();
    expect(cfgByLevel(r)).toEqual(byLevel(readFileSync(`${fixtures}/puppet-run1.txt`, "utf8").split("\n")));
    expect(r.status).toBe(6);
    // rerun ran once (its unless passed on refresh), on-refresh ran on refresh, guarded-refresh did not (creates).
    expect(readFileSync(`${dir}/log`, "utf8")).toBe("rerun\nrefreshed\n");
    expect(readFileSync(`${dir}/umask`, "utf8")).toBe("0027\n");
    expect(readFileSync(`${dir}/answer`, "utf8")).toBe("42\n");
    expect(readFileSync(`${dir}/env`, "utf8")).toBe("hi-\n");
  });

  it("second run: only the two failing execs speak, exit 4", () => {
    const r = apply();
    expect(cfgByLevel(r)).toEqual(byLevel(readFileSync(`${fixtures}/puppet-run2.txt`, "utf8").split("\n")));
    expect(r.status).toBe(4);
    expect(readFileSync(`${dir}/log`, "utf8")).toBe("rerun\nrefreshed\n");
  });
});
