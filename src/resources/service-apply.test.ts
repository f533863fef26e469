// service end to end against puppet apply (tests/fixtures/resources/service/e2e): the base provider
// without status or stop commands (the process table is searched for `pattern`, stop kills the
// process), enable ignored on base, a stopped service that receives a refresh is not restarted, a
// changed file restarts the running one (a new process), then stopped. Each step twice, as Puppet was.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const fixtures = "tests/fixtures/resources/service/e2e";
const dir = "/tmp/cfg-svc-e2e"; // the manifest's own path
const facts = `${dir}-facts.json`;

function apply(manifest: string) {
  return spawnSync(process.execPath, ["bin/cfg.mjs", "apply", `${fixtures}/${manifest}`, "--node", "vm", "--facts", facts, "--vardir", `${dir}-var`, "--detailed-exitcodes"], { encoding: "utf8" });
}

const lines = (text: string): string[] => text.split("\n").filter((l) => /^(Notice|Error|Warning):/.test(l) && !/^Notice: (Compiled|Applied) catalog/.test(l));
const cfgLines = (r: { stdout: string; stderr: string }): string[] => lines(`${r.stdout}\n${r.stderr}`);
const puppetLines = (file: string): string[] => lines(readFileSync(`${fixtures}/${file}`, "utf8"));
const pid = (): string => (existsSync(`${dir}/pid`) ? readFileSync(`${dir}/pid`, "utf8").trim() : "");

/** A live process (a zombie left to a container's init that never reaps is dead). */
function alive(p: string): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${Number(p)}/stat`, "utf8"));
  } catch {
    return false;
  }
}

describe("service (base, pattern) against puppet apply", () => {
  beforeAll(() => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    cpSync(`${fixtures}/cfgtest-e2e-pat-daemon`, `${dir}/cfgtest-e2e-pat-daemon`);
    writeFileSync(facts, JSON.stringify({ networking: { fqdn: "vm" } }));
  });
  afterAll(() => {
    const p = pid();
    if (p && alive(p)) process.kill(Number(p), "SIGKILL");
    for (const x of [dir, facts, `${dir}-var`]) rmSync(x, { recursive: true, force: true });
  });

  it("starts the service found by pattern; the stopped one is not restarted; second run quiet", () => {
    const r = apply("site.pp");
    expect(cfgLines(r)).toEqual(puppetLines("puppet-run1.txt"));
    expect(r.status).toBe(2);
    expect(alive(pid())).toBe(true);
    expect(existsSync(`${dir}/down-log`)).toBe(false);
    const again = apply("site.pp");
    expect(cfgLines(again)).toEqual(puppetLines("puppet-run2.txt"));
    expect(again.status).toBe(0);
  });

  it("a changed file restarts it: a new process; second run quiet", () => {
    const before = pid();
    const r = apply("site2.pp");
    expect(cfgLines(r)).toEqual(puppetLines("puppet2-run1.txt"));
    expect(pid()).not.toBe(before);
    expect(alive(pid())).toBe(true);
    expect(alive(before)).toBe(false);
    expect(existsSync(`${dir}/down-log`)).toBe(false);
    expect(cfgLines(apply("site2.pp"))).toEqual(puppetLines("puppet2-run2.txt"));
  });

  it("stops it (killed by pattern); second run quiet", () => {
    const running = pid();
    const r = apply("site3.pp");
    expect(cfgLines(r)).toEqual(puppetLines("puppet3-run1.txt"));
    expect(alive(running)).toBe(false);
    expect(cfgLines(apply("site3.pp"))).toEqual(puppetLines("puppet3-run2.txt"));
  });
});
