// package end to end against puppet apply (tests/fixtures/resources/package/e2e): .deb files built
// here (as build.sh there), installed with dpkg and apt from local files (no network), a held one
// (mark), latest and an exact version; then removed and purged. noop, then each step twice: cfg apply
// prints exactly what puppet apply printed, the second run of each step prints nothing.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireDpkgLock, releaseDpkgLock } from "../../tests/support/dpkg-lock.js";

const fixtures = "tests/fixtures/resources/package/e2e";
const dir = "/tmp/cfg-pkg-e2e"; // the manifest's own path
const facts = `${dir}-facts.json`;
const names = ["cfgtest-e2ea", "cfgtest-e2eb", "cfgtest-e2ed"];

function apply(manifest: string, ...extra: string[]) {
  return spawnSync(process.execPath, ["bin/cfg.mjs", "apply", `${fixtures}/${manifest}`, "--node", "vm", "--facts", facts, "--vardir", `${dir}-var`, "--detailed-exitcodes", ...extra], { encoding: "utf8" });
}

const lines = (text: string): string[] => text.split("\n").filter((l) => /^(Notice|Error|Warning):/.test(l) && !/^Notice: (Compiled|Applied) catalog/.test(l));
const cfgLines = (r: { stdout: string; stderr: string }): string[] => lines(`${r.stdout}\n${r.stderr}`);
const puppetLines = (file: string): string[] => lines(readFileSync(`${fixtures}/${file}`, "utf8"));

function status(name: string): string {
  const r = spawnSync("dpkg-query", ["-W", "-f", "${Status}", name], { encoding: "utf8" });
  return r.status === 0 ? r.stdout : "unknown";
}

function purge(): void {
  for (const n of names) spawnSync("dpkg", ["--purge", n], { stdio: "ignore" });
}

describe("package against puppet apply", () => {
  beforeAll(() => acquireDpkgLock());
  afterAll(() => releaseDpkgLock());
  beforeAll(() => {
    purge();
    rmSync(dir, { recursive: true, force: true });
    for (const p of names) {
      const root = `${dir}/root-${p}`;
      mkdirSync(`${root}/DEBIAN`, { recursive: true });
      writeFileSync(`${root}/DEBIAN/control`, `Package: ${p}\nVersion: 1.0-1\nArchitecture: all\nMaintainer: cfg tests <cfg@example.com>\nDescription: cfg test package\n`);
      execFileSync("dpkg-deb", ["--build", "--root-owner-group", root, `${dir}/${p}_1.0-1_all.deb`], { stdio: "ignore" });
    }
    writeFileSync(facts, JSON.stringify({ networking: { fqdn: "vm" } }));
  });
  afterAll(() => {
    purge();
    for (const p of [dir, facts, `${dir}-var`]) rmSync(p, { recursive: true, force: true });
  });

  it("noop: Puppet's lines, nothing installed", () => {
    const r = apply("site.pp", "--noop");
    expect(cfgLines(r)).toEqual(puppetLines("puppet-noop.txt"));
    expect(names.map(status)).toEqual(["unknown", "unknown", "unknown"]);
  });

  it("install (dpkg, held; dpkg latest; apt with a version), then a quiet second run", () => {
    const r = apply("site.pp");
    expect(cfgLines(r)).toEqual(puppetLines("puppet-run1.txt"));
    expect(r.status).toBe(2);
    expect(names.map(status)).toEqual(["hold ok installed", "install ok installed", "install ok installed"]);
    const again = apply("site.pp");
    expect(cfgLines(again)).toEqual(puppetLines("puppet-run2.txt"));
    expect(again.status).toBe(0);
  });

  it("purge and remove, then a quiet second run", () => {
    const r = apply("site2.pp");
    expect(cfgLines(r)).toEqual(puppetLines("puppet2-run1.txt"));
    expect(r.status).toBe(2);
    expect(names.map(status)).toEqual(["unknown", "unknown", "unknown"]);
    const again = apply("site2.pp");
    expect(cfgLines(again)).toEqual(puppetLines("puppet2-run2.txt"));
    expect(again.status).toBe(0);
  });
});
