// package on the real system: a tiny .deb built here with dpkg-deb, installed, upgraded, removed
// and purged with the dpkg provider; every second run is quiet. No network.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireDpkgLock, releaseDpkgLock } from "../../tests/support/dpkg-lock.js";
import { packageType, parseDpkgQuery } from "./package.js";
import { makeContext, makeResource } from "./test-support.js";

const work = mkdtempSync(join(tmpdir(), "cfg-package-"));
// Unique per process, so two test runs on one machine never touch each other's package.
const NAME = `cfgtest-hello-${process.pid}`;

function buildDeb(version: string): string {
  const root = join(work, `pkg-${version}`);
  mkdirSync(join(root, "DEBIAN"), { recursive: true });
  mkdirSync(join(root, `usr/share/${NAME}`), { recursive: true });
  writeFileSync(join(root, "DEBIAN/control"), `Package: ${NAME}\nVersion: ${version}\nArchitecture: all\nMaintainer: cfg tests <cfg@example.com>\nDescription: cfg test package\n`);
  writeFileSync(join(root, "DEBIAN/conffiles"), `/etc/${NAME}.conf\n`);
  mkdirSync(join(root, "etc"), { recursive: true });
  writeFileSync(join(root, `etc/${NAME}.conf`), `version=${version}\n`);
  writeFileSync(join(root, `usr/share/${NAME}/VERSION`), `${version}\n`);
  const deb = join(work, `${NAME}_${version}_all.deb`);
  execFileSync("dpkg-deb", ["--build", "--root-owner-group", root, deb], { stdio: "ignore" });
  return deb;
}

function dpkgStatus(): string {
  try {
    return execFileSync("dpkg-query", ["-W", "--showformat", "${Status} ${Version}", NAME], { encoding: "utf8" });
  } catch {
    return "unknown";
  }
}

// Hooks after run in reverse order: the lock is released after the cleanup below.
beforeAll(() => acquireDpkgLock());
afterAll(() => releaseDpkgLock());

afterAll(() => {
  try {
    execFileSync("dpkg", ["--purge", NAME], { stdio: "ignore" });
  } catch {
    /* not installed */
  }
  rmSync(work, { recursive: true, force: true });
});

async function apply(params: Record<string, unknown>, noop = false) {
  const r = makeResource("package", NAME, { provider: "dpkg", ...params });
  const ctx = makeContext({ resource: r, noop });
  expect(packageType.validate(r, { catalog: ctx.catalog })).toEqual([]);
  return (await packageType.apply(r, ctx)).events.map((e) => [e.property, e.previousValue, e.desiredValue, e.message, e.name, e.status]);
}

describe("package (dpkg provider, a .deb built by the test)", () => {
  const v1 = buildDeb("1.0-1");
  const v2 = buildDeb("2.0-1");

  it("parses dpkg-query's status lines as Puppet does", () => {
    const m = parseDpkgQuery("install ok installed bash 5.2.15-2\ndeinstall ok config-files old 1.0\nunknown ok not-installed gone \n");
    expect(m.get("bash")!.ensure).toBe("5.2.15-2");
    expect(m.get("old")!.ensure).toBe("absent");
    expect(m.get("gone")!.ensure).toBe("purged");
  });

  it("installs from source (noop first), then is quiet", async () => {
    expect(await apply({ ensure: "present", source: v1 }, true)).toEqual([["ensure", "purged", "present", "created", "package_installed", "noop"]]);
    expect(dpkgStatus()).not.toContain("installed 1.0-1");
    expect(await apply({ ensure: "present", source: v1 })).toEqual([["ensure", "purged", "present", "created", "package_installed", "success"]]);
    expect(dpkgStatus()).toBe("install ok installed 1.0-1");
    expect(await apply({ ensure: "present", source: v1 })).toEqual([]);
  });

  it("moves to latest (the version in the source) and to an exact version", async () => {
    // As puppet apply reported: the message names the version, the desired value stays "latest".
    expect(await apply({ ensure: "latest", source: v2 })).toEqual([["ensure", "1.0-1", "latest", "ensure changed '1.0-1' to '2.0-1'", "package_changed", "success"]]);
    expect(await apply({ ensure: "latest", source: v2 })).toEqual([]);
    // An exact version needs a versionable provider: apt, here with the local .deb (no network).
    expect(await apply({ provider: "apt", ensure: "1.0-1", source: v1 })).toEqual([["ensure", "2.0-1", "1.0-1", "ensure changed '2.0-1' to '1.0-1'", "package_changed", "success"]]);
    expect(await apply({ provider: "apt", ensure: "1.0-1", source: v1 })).toEqual([]);
  });

  it("removes (config files stay), then purges", async () => {
    expect(await apply({ ensure: "absent" })).toEqual([["ensure", "1.0-1", "absent", "removed", "package_removed", "success"]]);
    expect(dpkgStatus()).toBe("deinstall ok config-files 1.0-1");
    expect(await apply({ ensure: "absent" })).toEqual([]);
    expect(await apply({ ensure: "purged" })).toEqual([["ensure", "absent", "purged", "purged", "package_purged", "success"]]);
    expect(await apply({ ensure: "purged" })).toEqual([]);
  });

  it("refuses bad values before anything runs", () => {
    const v = (p: Record<string, unknown>) => packageType.validate(makeResource("package", NAME, p), { catalog: makeContext().catalog }).map((x) => x.message);
    expect(v({ provider: "dpkg", ensure: "present" })).toEqual(["You cannot install dpkg packages without a source"]);
    expect(v({ provider: "yum" })[0]).toMatch(/^Provider yum is not functional on this host/);
    expect(v({ ensure: "some thing" })[0]).toContain("Invalid value");
  });

  // Puppet's own messages (Puppet::Type.new for each case, recorded in the exec fixtures folder).
  const recorded = JSON.parse(readFileSync(new URL("../../tests/fixtures/resources/exec/puppet-validation.json", import.meta.url), "utf8")) as [string, string, Record<string, unknown>, string | null][];
  for (const [, title, params, error] of recorded.filter((c) => c[0] === "package")) {
    it(`validation as Puppet: ${JSON.stringify(params)}`, () => {
      const r = makeResource("package", title, params);
      const shown = packageType.validate(r, { catalog: makeContext().catalog }).map((p) => `Parameter ${p.attribute} failed on ${r.ref}: ${p.message}`);
      if (error !== null) expect(shown[0]).toBe(error);
      // Puppet takes "some garbage" as a version and fails in apt-get; cfg refuses it first.
      else if (params.ensure === "some garbage") expect(shown[0]).toContain('Invalid value "some garbage"');
      // dpkg without a source: Puppet fails the install with the same words; cfg says it before anything runs.
      else if (params.provider === "dpkg" && params.source === undefined) expect(shown).toEqual([`Parameter source failed on ${r.ref}: You cannot install dpkg packages without a source`]);
      else expect(shown).toEqual([]);
    });
  }

  it("fails as Puppet does when apt or dpkg fail (failure event, error log)", async () => {
    const log = JSON.parse(readFileSync(new URL("../../tests/fixtures/resources/package/failures-log.json", import.meta.url), "utf8")) as { source: string; message: string }[];
    const strip = (m: string) => m.replace(/\nW: --force-yes is deprecated[^\n]*/, "");
    const cases: [string, Record<string, unknown>][] = [
      ["cfgtest-nonexistent-pkg", { ensure: "present", provider: "apt" }],
      ["cfgtest-nonexistent-v", { ensure: "1.0-1", provider: "apt" }],
      ["cfgtest-nonexistent-d", { ensure: "present", provider: "dpkg", source: "/tmp/cfgref/nonexist.deb" }],
    ];
    for (const [name, params] of cases) {
      const r = makeResource("package", name, params);
      const ctx = makeContext({ resource: r });
      const out = await packageType.apply(r, ctx);
      expect(out.failed).toBe(true);
      const puppet = log.find((l) => l.source.endsWith(`Package[${name}]/ensure`))!.message;
      // apt-get's deprecation warning for --force-yes depends on the apt version: compared without it.
      expect(strip(out.events[0]!.message)).toBe(strip(puppet));
      expect(out.events[0]!.status).toBe("failure");
      expect(strip(ctx.logs[0]!.message)).toBe(strip(log.find((l) => l.source === "Puppet" && puppet.endsWith(l.message))!.message));
    }
  });

  it("holds and unholds with mark (dpkg --set-selections), events as puppet apply reported", async () => {
    const recorded = JSON.parse(readFileSync(new URL("../../tests/fixtures/resources/package/mark-events.json", import.meta.url), "utf8")) as { property: string; previous_value: string; desired_value: string; message: string; name: string }[];
    const asRecorded = (e: (typeof recorded)[number]) => [e.property, e.previous_value, e.desired_value, e.message, e.name, "success"];
    expect(await apply({ ensure: "present", source: v1, mark: "hold" })).toEqual([asRecorded(recorded[0]!)]);
    expect(dpkgStatus()).toBe("hold ok installed 1.0-1");
    expect(await apply({ ensure: "present", source: v1, mark: "hold" })).toEqual([]);
    // An upgrade of a held package: unheld for dpkg -i, held again.
    expect(await apply({ ensure: "latest", source: v2, mark: "hold" })).toEqual([["ensure", "1.0-1", "latest", "ensure changed '1.0-1' to '2.0-1'", "package_changed", "success"]]);
    expect(dpkgStatus()).toBe("hold ok installed 2.0-1");
    expect(await apply({ ensure: "present", source: v2, mark: "none" }, true)).toEqual([[...asRecorded(recorded[1]!).slice(0, 5), "noop"]]);
    expect(dpkgStatus()).toBe("hold ok installed 2.0-1");
    expect(await apply({ ensure: "present", source: v2, mark: "none" })).toEqual([asRecorded(recorded[1]!)]);
    expect(dpkgStatus()).toBe("install ok installed 2.0-1");
    expect(await apply({ ensure: "present", source: v2, mark: "none" })).toEqual([]);
    expect(await apply({ ensure: "purged" })).toEqual([["ensure", "2.0-1", "purged", "purged", "package_purged", "success"]]);
    const v = packageType.validate(makeResource("package", NAME, { ensure: "absent", mark: "hold" }), { catalog: makeContext().catalog }).map((x) => x.message);
    expect(v).toEqual(['You cannot use "mark" property while "ensure" is one of ["absent", "purged"]']);
  });
});
