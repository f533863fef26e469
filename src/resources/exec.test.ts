// exec on the real system: commands run (or not) as their checks say, twice-applied runs are quiet.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { execType } from "./exec.js";
import { makeContext, makeResource } from "./test-support.js";

const dir = mkdtempSync(join(tmpdir(), "cfg-exec-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function exec(title: string, params: Record<string, unknown>, sensitive: string[] = []) {
  return makeResource("exec", title, { command: title, ...params }, "command", sensitive);
}

async function apply(r: ReturnType<typeof exec>, noop = false) {
  const ctx = makeContext({ resource: r, noop });
  expect(execType.validate(r, { catalog: ctx.catalog })).toEqual([]);
  const out = await execType.apply(r, ctx);
  return { out, logs: ctx.logs };
}

describe("exec", () => {
  it("runs once with creates, then is in sync", async () => {
    const m = join(dir, "created");
    const r = exec(`/usr/bin/touch ${m}`, { creates: m });
    const first = await apply(r);
    expect(first.out.events).toEqual([{ property: "returns", previousValue: "notrun", desiredValue: ["0"], message: "executed successfully", name: "executed_command", status: "success" }]);
    expect(existsSync(m)).toBe(true);
    expect((await apply(r)).out.events).toEqual([]);
  });

  it("honours unless and onlyif (both run in noop, the command does not)", async () => {
    const m = join(dir, "guarded");
    const r = exec(`/usr/bin/touch ${m}`, { unless: `/usr/bin/test -e ${m}`, onlyif: "/bin/true" });
    const noop = await apply(r, true);
    expect(noop.out.events.map((e) => e.status)).toEqual(["noop"]);
    expect(existsSync(m)).toBe(false);
    expect((await apply(r)).out.events).toHaveLength(1);
    expect((await apply(r)).out.events).toEqual([]);
    expect((await apply(exec(`/usr/bin/touch ${m}-x`, { onlyif: "/bin/false" }))).out.events).toEqual([]);
  });

  it("fails with Puppet's message and logs the output on failure", async () => {
    const r = exec("/bin/sh -c 'echo out; echo err >&2; exit 3'", {});
    const { out, logs } = await apply(r);
    expect(out.failed).toBe(true);
    expect(out.events[0]!.status).toBe("failure");
    expect(out.events[0]!.message).toBe("change from 'notrun' to ['0'] failed: '/bin/sh -c 'echo out; echo err >&2; exit 3'' returned 3 instead of one of [0]");
    expect(logs.map((l) => l.message)).toEqual(["out", "err", "'/bin/sh -c 'echo out; echo err >&2; exit 3'' returned 3 instead of one of [0]"]);
  });

  it("accepts other exit codes with returns, and retries with tries", async () => {
    expect((await apply(exec("/bin/sh -c 'exit 4'", { returns: [0, 4] }))).out.failed).toBeFalsy();
    const counter = join(dir, "tries");
    writeFileSync(counter, "");
    const r = exec(`/bin/sh -c 'echo x >> ${counter}; test $(wc -l < ${counter}) -ge 3'`, { tries: 3 });
    expect((await apply(r)).out.failed).toBeFalsy();
    expect(readFileSync(counter, "utf8")).toBe("x\nx\nx\n");
  });

  it("runs argv without a shell: metacharacters in an Array command are plain arguments", async () => {
    const target = join(dir, "a;b");
    const r = makeResource("exec", "argv", { command: ["/usr/bin/touch", target] }, "command");
    expect((await apply(r)).out.events).toHaveLength(1);
    expect(existsSync(target)).toBe(true);
    expect(existsSync(join(dir, "a"))).toBe(false);
  });

  it("finds unqualified commands in path, uses environment, cwd and timeout", async () => {
    const out = join(dir, "env-out");
    const r = exec(`sh -c 'echo $GREETING $(pwd) > ${out}'`, { path: ["/usr/bin", "/bin"], environment: ["GREETING=hello"], cwd: dir });
    expect((await apply(r)).out.events).toHaveLength(1);
    expect(readFileSync(out, "utf8")).toBe(`hello ${dir}\n`);
    const slow = await apply(exec("/bin/sleep 5", { timeout: 0.2 }));
    expect(slow.out.failed).toBe(true);
    expect(slow.out.events[0]!.message).toContain("Command exceeded timeout");
  });

  it("runs a refreshonly exec only on refresh", async () => {
    const m = join(dir, "refreshed");
    const r = exec(`/bin/sh -c 'echo r >> ${m}'`, { refreshonly: true });
    expect((await apply(r)).out.events).toEqual([]);
    expect(existsSync(m)).toBe(false);
    await execType.refresh!(r, makeContext({ resource: r }));
    expect(readFileSync(m, "utf8")).toBe("r\n");
  });

  it("never shows a sensitive command or its output", async () => {
    const r = makeResource("exec", "secret-step", { command: "/bin/sh -c 'echo topsecret; exit 1'" }, "command", ["command"]);
    const { out, logs } = await apply(r);
    const text = JSON.stringify(out) + JSON.stringify(logs);
    expect(text).not.toContain("topsecret");
    expect(out.events[0]!.message).toBe("change from 'notrun' to ['0'] failed: [command redacted] returned 1 instead of one of [0]");
  });

  it("validates before running: unqualified command, bad returns, bad timeout", () => {
    const v = (p: Record<string, unknown>, title = "touch /tmp/x") => execType.validate(makeResource("exec", title, { command: title, ...p }, "command"), { catalog: makeContext().catalog }).map((x) => x.message);
    expect(v({})).toEqual(["'touch' is not qualified and no path was specified. Please qualify the command or specify a path."]);
    expect(v({ returns: ["abc"] }, "/bin/true")).toEqual(['Invalid value "abc": exit codes are integers']);
    expect(v({ timeout: "soon" }, "/bin/true")).toEqual(["The timeout must be a number."]);
    expect(v({ creates: "relative" }, "/bin/true")).toEqual(["File paths must be fully qualified, not 'relative'"]);
  });

  it("autorequires its cwd, user and the files its commands name", () => {
    const r = makeResource("exec", "x", { command: "/opt/app/bin/run --x", cwd: "/srv/app", user: "deploy", unless: "/usr/bin/test -e /srv/app/ok" }, "command");
    expect(execType.autorequire!(r)).toEqual([
      { type: "File", title: "/srv/app" },
      { type: "File", title: "/opt/app/bin/run" },
      { type: "File", title: "/usr/bin/test" },
      { type: "User", title: "deploy" },
    ]);
  });
});
