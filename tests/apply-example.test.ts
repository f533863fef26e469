// examples/local-files applied by cfg, compared line by line with what puppet apply printed for the
// same manifest, modules and facts (tests/fixtures/apply/local-files/puppet-*.txt): noop, a first
// run that creates everything and refreshes the exec, and a second run that changes nothing.
import { spawnSync } from "node:child_process";
import { readFileSync, readlinkSync, rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const fixtures = "tests/fixtures/apply/local-files";
const root = "/tmp/cfg-example"; // the example's own path

function apply(...extra: string[]) {
  return spawnSync(process.execPath, ["bin/cfg.mjs", "apply", "examples/local-files", "--node", "example.local", "--facts", "examples/local-files/facts.json", "--vardir", "/tmp/cfg-example-var", "--detailed-exitcodes", ...extra], { encoding: "utf8" });
}

/** Lines up to Puppet's closing line, without the timings. */
function comparable(text: string): string[] {
  const lines = text.split("\n").filter(Boolean).map((l) => l.replace(/ in \d+\.\d+ seconds$/, ""));
  const end = lines.findIndex((l) => l.startsWith("Notice: Applied catalog"));
  return lines.slice(0, end + 1);
}

describe("examples/local-files against puppet apply", () => {
  beforeAll(() => rmSync(root, { recursive: true, force: true }));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync("/tmp/cfg-example-var", { recursive: true, force: true });
  });

  it("noop: the same would-be changes and refresh notes, nothing written", () => {
    const r = apply("--noop");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(comparable(r.stdout)).toEqual(comparable(readFileSync(`${fixtures}/puppet-noop.txt`, "utf8")));
    expect(() => readlinkSync(`${root}/current`)).toThrow();
  });

  it("first run: the same changes, and the exec refreshed once", () => {
    const r = apply();
    expect(r.stderr).toBe("");
    expect(r.status).toBe(2);
    expect(comparable(r.stdout)).toEqual(comparable(readFileSync(`${fixtures}/puppet-run1.txt`, "utf8")));
    expect(readFileSync(`${root}/motd`, "utf8")).toBe("Welcome to example.local\n");
    expect(readFileSync(`${root}/index`, "utf8")).toBe("banner.conf\n");
    expect(readlinkSync(`${root}/current`)).toBe(`${root}/motd`);
  });

  it("second run: nothing to do", () => {
    const r = apply();
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(comparable(r.stdout)).toEqual(comparable(readFileSync(`${fixtures}/puppet-run2.txt`, "utf8")));
  });
});
