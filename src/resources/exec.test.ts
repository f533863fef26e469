// exec on the real system: commands run (or not) as their checks say, twice-applied runs are quiet.
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { execType, needsShell } from "./exec.js";
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
    expect(v({ returns: ["abc"] }, "/bin/true")[0]).toMatch(/^Invalid value "abc": an exit status is an integer/);
    expect(v({ timeout: "soon" }, "/bin/true")).toEqual(['Munging failed for value "soon" in class timeout: The timeout must be a number.']);
    expect(v({ path: "/bin", returns: [0, "2"], timeout: "1.5", tries: "3", try_sleep: "0.5", umask: "022", environment: ["A=1"] }, "true")).toEqual([]);
  });

  // Puppet's own messages for every case (one Ruby run of Puppet::Type.new per case, committed).
  const recorded = JSON.parse(readFileSync(new URL("../../tests/fixtures/resources/exec/puppet-validation.json", import.meta.url), "utf8")) as [string, string, Record<string, unknown>, string | null][];
  for (const [type, title, params, error] of recorded.filter((c) => c[0] === "exec")) {
    it(`validation as Puppet: ${title} ${JSON.stringify(params)}`, () => {
      const r = makeResource("exec", title, { command: title, ...params }, "command");
      const shown = execType.validate(r, { catalog: makeContext().catalog }).map((p) => (p.attribute ? `Parameter ${p.attribute} failed on ${r.ref}: ${p.message}` : `Validation of ${r.ref} failed: ${p.message}`));
      // Puppet accepts any returns and a windows provider (and fails at run time); cfg refuses them early.
      if (error === null) expect(type === "exec" && (params.returns !== undefined || params.provider === "windows")).toBe(true);
      else expect(shown[0]).toBe(error);
    });
  }

  it("decides argv or /bin/sh for a String command as Ruby's Kernel.exec does", () => {
    expect(needsShell("/bin/echo a b")).toBe(false);
    expect(needsShell("/usr/bin/env FOO=1 /bin/true")).toBe(false);
    expect(needsShell("FOO=1 /bin/true")).toBe(true);
    expect(needsShell("echo a > /tmp/x")).toBe(true);
    expect(needsShell("exit 3")).toBe(true);
    expect(needsShell("set -e")).toBe(true);
    expect(needsShell("/bin/echo $HOME")).toBe(true);
  });

  it("fails with Puppet's messages: missing command, missing cwd, not executable, timeout", async () => {
    const log = JSON.parse(readFileSync(new URL("../../tests/fixtures/resources/exec/scenario-log.json", import.meta.url), "utf8")) as { source: string; message: string }[];
    const puppetSays = (title: string) => log.find((l) => l.source.endsWith(`Exec[${title}]/returns`) && l.message.startsWith("change from"))!.message;
    expect((await apply(exec("/usr/bin/nosuchcmd", {}))).out.events[0]!.message).toBe(puppetSays("/usr/bin/nosuchcmd"));
    expect((await apply(makeResource("exec", "cwdmissing", { command: "/bin/true", cwd: "/nonexistent/dir" }, "command"))).out.events[0]!.message).toBe(puppetSays("cwdmissing"));
    expect((await apply(makeResource("exec", "slow", { command: "/bin/sleep 3", timeout: 0.3 }, "command"))).out.events[0]!.message).toBe(puppetSays("slow"));
    const fail2 = await apply(makeResource("exec", "fail2", { command: '/bin/sh -c "echo l1; echo l2; exit 2"' }, "command"));
    expect(fail2.out.events[0]!.message).toBe(puppetSays("fail2"));
    expect(fail2.logs.filter((l) => l.source.endsWith("/returns")).map((l) => [l.level, l.message])).toEqual(log.filter((l) => l.source.endsWith("Exec[fail2]/returns") && !l.message.startsWith("change")).map((l) => ["notice", l.message]));
    const lo = await apply(makeResource("exec", "lo", { command: "/bin/echo hello world", logoutput: true }, "command"));
    expect(lo.logs.map((l) => l.message)).toEqual(["hello world"]);
    const notExec = join(dir, "not-exec");
    writeFileSync(notExec, "#!/bin/sh\n");
    expect((await apply(exec(notExec, {}))).out.events[0]!.message).toBe(`change from 'notrun' to ['0'] failed: '${notExec}' is not executable`);
    expect((await apply(exec(dir, {}))).out.events[0]!.message).toBe(`change from 'notrun' to ['0'] failed: '${dir}' is a directory, not a file`);
  });

  it("applies umask (as Puppet's posix provider: the command runs with it)", async () => {
    const out = join(dir, "umask-out");
    const r = makeResource("exec", "um", { command: `/bin/sh -c "umask > ${out}"`, umask: "027" }, "command");
    expect((await apply(r)).out.events).toHaveLength(1);
    expect(readFileSync(out, "utf8")).toBe("0027\n");
    const argv = join(dir, "umask-argv");
    const r2 = makeResource("exec", "um2", { command: ["/usr/bin/touch", argv], umask: "077" }, "command");
    await apply(r2);
    expect(statSync(argv).mode & 0o777).toBe(0o600);
  });

  it("runs a non-refreshonly exec again on refresh; checks still apply on refresh", async () => {
    const m = join(dir, "again");
    const r = exec(`/bin/sh -c 'echo ran >> ${m}'`, {});
    expect((await apply(r)).out.events).toHaveLength(1);
    await execType.refresh!(r, makeContext({ resource: r }));
    expect(readFileSync(m, "utf8")).toBe("ran\nran\n");
    const guarded = exec(`/bin/sh -c 'echo guarded >> ${m}'`, { creates: m, refreshonly: true });
    await execType.refresh!(guarded, makeContext({ resource: guarded }));
    expect(readFileSync(m, "utf8")).toBe("ran\nran\n");
  });

  it("a check that exceeds the timeout logs Puppet's error and the command does not run", async () => {
    const m = join(dir, "check-timeout");
    const r = exec(`/usr/bin/touch ${m}`, { onlyif: "/bin/sleep 3", timeout: 0.3 });
    const { out, logs } = await apply(r);
    expect(out.events).toEqual([]);
    expect(logs.filter((l) => l.level === "err").map((l) => l.message)).toEqual(['Check "/bin/sleep 3" exceeded timeout']);
    expect(existsSync(m)).toBe(false);
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

  it("runs as user and group with the user's supplementary groups (initgroups) and without HOME/USER/LOGNAME, as Puppet", async () => {
    // Recorded with puppet apply (user => postgres, group => daemon): uid=101(postgres) gid=1(daemon)
    // groups=1(daemon),103(ssl-cert),104(postgres), and HOME empty.
    const user = "cfgtestexecu";
    const extra = "cfgtestexecg";
    try {
      execFileSync("groupadd", [extra]);
      execFileSync("useradd", ["-M", "-N", "-g", "daemon", "-G", extra, user]);
      chmodSync(dir, 0o711); // the user writes into a file of this root-owned temporary directory
      const out = join(dir, "id-out");
      writeFileSync(out, "");
      chmodSync(out, 0o666);
      const r = exec(`/bin/sh -c '/usr/bin/id -un > ${out}; /usr/bin/id -Gn >> ${out}; echo "H=$HOME U=$USER L=$LOGNAME" >> ${out}'`, { user, group: "root" });
      expect((await apply(r)).out.events.map((e) => e.status)).toEqual(["success"]);
      const [name, groups, env] = readFileSync(out, "utf8").trim().split("\n");
      expect(name).toBe(user);
      expect(groups!.split(" ").sort()).toEqual(["daemon", extra, "root"].sort());
      expect(env).toBe("H= U= L=");
    } finally {
      execFileSync("userdel", [user], { stdio: "ignore" });
      execFileSync("groupdel", [extra], { stdio: "ignore" });
    }
  });

  it("shell provider: unqualified commands, an Array's words as $0 $1, a missing command fails with the shell's words", async () => {
    const log = JSON.parse(readFileSync(new URL("../../tests/fixtures/resources/exec/shell-log.json", import.meta.url), "utf8")) as { source: string; message: string }[];
    const out = join(dir, "sh-out");
    const plain = makeResource("exec", `echo hi > ${out}`, { provider: "shell" }, "command");
    expect(execType.validate(plain, { catalog: makeContext().catalog })).toEqual([]);
    expect((await apply(plain)).out.events.map((e) => e.message)).toEqual(["executed successfully"]);
    expect(readFileSync(out, "utf8")).toBe("hi\n");
    const arr = makeResource("exec", "arr", { command: [`echo "$0 $1" > ${out}`, "a", "b"], provider: "shell" }, "command");
    await apply(arr);
    expect(readFileSync(out, "utf8")).toBe("a b\n");
    const missing = await apply(makeResource("exec", "nosuchcmd-cfg", { provider: "shell" }, "command"));
    expect(missing.out.events[0]!.message).toBe(log.find((l) => l.source.endsWith("Exec[nosuchcmd-cfg]/returns"))!.message);
    expect(missing.logs.map((l) => l.message)).toEqual([log.find((l) => l.source === "Puppet")!.message]);
  });
});
