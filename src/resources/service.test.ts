// service with the base provider around a small daemon this test writes (a shell loop with a
// pidfile): started, left alone, restarted on refresh (new pid), stopped; every second run quiet.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { serviceType, systemdEnabled } from "./service.js";
import { makeContext, makeResource } from "./test-support.js";

const dir = mkdtempSync(join(tmpdir(), "cfg-service-"));
const pidfile = join(dir, "daemon.pid");
const daemon = join(dir, "cfgtest-daemon");
writeFileSync(daemon, `#!/bin/sh\n# cfgtest daemon: its command line stays visible for the pattern search\necho $$ > ${pidfile}\nwhile :; do sleep 0.2; done\n`);
chmodSync(daemon, 0o755);
const ctl = join(dir, "ctl");
writeFileSync(
  ctl,
  `#!/bin/sh
case "$1" in
  start) setsid ${daemon} >/dev/null 2>&1 < /dev/null & sleep 0.2 ;;
  stop) [ -f ${pidfile} ] && kill $(cat ${pidfile}) 2>/dev/null; rm -f ${pidfile} ;;
  status) [ -f ${pidfile} ] && kill -0 $(cat ${pidfile}) 2>/dev/null ;;
esac
`,
);
chmodSync(ctl, 0o755);

afterAll(() => {
  if (existsSync(pidfile)) {
    try {
      process.kill(Number(readFileSync(pidfile, "utf8")), "SIGKILL");
    } catch {
      /* gone */
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

const params = { provider: "base", start: `${ctl} start`, stop: `${ctl} stop`, status: `${ctl} status` };

async function apply(extra: Record<string, unknown>, noop = false) {
  const r = makeResource("service", "cfgtest-daemon", { ...params, ...extra });
  const ctx = makeContext({ resource: r, noop });
  expect(serviceType.validate(r, { catalog: ctx.catalog })).toEqual([]);
  const out = await serviceType.apply(r, ctx);
  return { events: out.events.map((e) => [e.property, e.previousValue, e.desiredValue, e.message, e.name, e.status]), out, r };
}

const pid = (): string => (existsSync(pidfile) ? readFileSync(pidfile, "utf8").trim() : "");

describe("service (base provider, a daemon of the test's own)", () => {
  it("starts a stopped service (noop first), then is quiet", async () => {
    expect((await apply({ ensure: "running" }, true)).events).toEqual([["ensure", "stopped", "running", "ensure changed 'stopped' to 'running'", "service_started", "noop"]]);
    expect(pid()).toBe("");
    const first = await apply({ ensure: "running" });
    expect(first.events).toEqual([["ensure", "stopped", "running", "ensure changed 'stopped' to 'running'", "service_started", "success"]]);
    expect(first.out.invalidatesRefresh).toBe(true);
    expect(pid()).not.toBe("");
    expect((await apply({ ensure: "running" })).events).toEqual([]);
  });

  it("restarts on refresh when running: a new process", async () => {
    const before = pid();
    const r = makeResource("service", "cfgtest-daemon", { ...params, ensure: "running" });
    await serviceType.refresh!(r, makeContext({ resource: r }));
    expect(pid()).not.toBe("");
    expect(pid()).not.toBe(before);
  });

  it("stops it, then is quiet; a stopped service is not restarted by a refresh", async () => {
    expect((await apply({ ensure: "stopped" })).events).toEqual([["ensure", "running", "stopped", "ensure changed 'running' to 'stopped'", "service_stopped", "success"]]);
    expect((await apply({ ensure: "stopped" })).events).toEqual([]);
    const r = makeResource("service", "cfgtest-daemon", { ...params, ensure: "stopped" });
    const ctx = makeContext({ resource: r });
    await serviceType.refresh!(r, ctx);
    expect(pid()).toBe("");
    expect(ctx.logs.map((l) => l.message)).toEqual(["Skipping restart; service is not running"]);
  });

  it("finds the process by pattern without a status command", async () => {
    const noStatus = { provider: "base", start: `${ctl} start`, stop: `${ctl} stop`, pattern: "cfgtest-daemon" };
    const r = makeResource("service", "cfgtest-daemon", { ...noStatus, ensure: "running" });
    expect((await serviceType.apply(r, makeContext({ resource: r }))).events.map((e) => e.message)).toEqual(["ensure changed 'stopped' to 'running'"]);
    expect((await serviceType.apply(r, makeContext({ resource: r }))).events).toEqual([]);
    const s = makeResource("service", "cfgtest-daemon", { ...noStatus, ensure: "stopped" });
    expect((await serviceType.apply(s, makeContext({ resource: s }))).events.map((e) => e.message)).toEqual(["ensure changed 'running' to 'stopped'"]);
  });

  it("refuses what the provider cannot do, with Puppet's messages", () => {
    const v = (p: Record<string, unknown>) => serviceType.validate(makeResource("service", "x", p), { catalog: makeContext().catalog }).map((x) => x.message);
    expect(v({ ensure: "started" })).toEqual(['Invalid value "started". Valid values are stopped, running.']);
    expect(v({ provider: "systemd", enable: "manual" })).toEqual(["Provider systemd must have features 'manual_startable' to set 'enable' to 'manual'"]);
    expect(v({ provider: "upstart" })[0]).toMatch(/^Provider upstart is not functional on this host/);
  });

  // Puppet's own messages (Puppet::Type.new for each case, recorded in the exec fixtures folder).
  const recorded = JSON.parse(readFileSync(new URL("../../tests/fixtures/resources/exec/puppet-validation.json", import.meta.url), "utf8")) as [string, string, Record<string, unknown>, string | null][];
  for (const [, title, params, error] of recorded.filter((c) => c[0] === "service")) {
    it(`validation as Puppet: ${JSON.stringify(params)}`, () => {
      const r = makeResource("service", title, params);
      const shown = serviceType.validate(r, { catalog: makeContext().catalog }).map((p) => `Parameter ${p.attribute} failed on ${r.ref}: ${p.message}`);
      if (error === null) expect(shown).toEqual([]);
      else expect(shown[0]).toBe(error);
    });
  }

  it("base provider: enable is not managed (Puppet ignores an attribute the provider lacks the feature for)", async () => {
    const r = makeResource("service", "cfgtest-daemon", { ...params, ensure: "stopped", enable: true });
    const ctx = makeContext({ resource: r });
    expect((await serviceType.apply(r, ctx)).events).toEqual([]);
    expect(ctx.logs.map((l) => [l.level, l.message])).toEqual([["debug", "Provider base does not support features enableable; not managing attribute enable"]]);
  });

  it("ensure true/false mean running/stopped", async () => {
    expect((await apply({ ensure: true })).events).toEqual([["ensure", "stopped", "running", "ensure changed 'stopped' to 'running'", "service_started", "success"]]);
    expect((await apply({ ensure: true })).events).toEqual([]);
    expect((await apply({ ensure: false })).events).toEqual([["ensure", "running", "stopped", "ensure changed 'running' to 'stopped'", "service_stopped", "success"]]);
    expect((await apply({ ensure: false })).events).toEqual([]);
    expect(pid()).toBe("");
  });

  it("reads systemd's is-enabled as Puppet's systemd provider does", () => {
    expect(systemdEnabled("enabled", 0, "true")).toBe("true");
    expect(systemdEnabled("disabled", 1, "true")).toBe("false");
    expect(systemdEnabled("masked", 1, "false")).toBe("false");
    expect(systemdEnabled("masked", 1, "mask")).toBe("mask");
    expect(systemdEnabled("enabled", 0, "mask")).toBe("true");
    expect(systemdEnabled("static", 0, "false")).toBe("false");
    expect(systemdEnabled("static", 0, "mask")).toBe("true");
    expect(systemdEnabled("indirect", 0, "true")).toBe("true");
  });
});
