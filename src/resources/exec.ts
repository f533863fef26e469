// exec: runs a command when its checks (creates, onlyif, unless, refreshonly) say so.
//
// Providers: `posix` (default) and `shell`. posix runs an Array command as argv, and a String command
// the way Puppet's posix provider does (Ruby's Kernel.exec): split on spaces and executed directly
// when it has no shell metacharacters, through /bin/sh -c when it has them (the manifest wrote shell
// syntax, so it asked for a shell). `shell` always uses /bin/sh -c.
import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { runCommand, type RunResult } from "./run-command.js";
import type { ApplyContext, ApplyOutcome, ResourceInstance, ResourceRefSpec, ResourceType, ValidationProblem } from "./types.js";

type Command = string | string[];

const SHELL_META = /[*?{}[\]<>()~&|\\$;'`"\n#]/;

function list<T>(v: unknown): T[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]) as T[];
}

function pathDirs(r: ResourceInstance): string[] | undefined {
  const p = r.params.path;
  if (p === undefined || p === null) return undefined;
  return list<string>(p).flatMap((x) => String(x).split(":")).filter(Boolean);
}

/** The executable of a command, as Puppet's extractexe reads it. */
function extractExe(cmd: Command): string {
  if (Array.isArray(cmd)) return String(cmd[0] ?? "");
  const m = /^"([^"]+)"|^'([^']+)'/.exec(cmd);
  if (m) return m[1] ?? m[2]!;
  return cmd.split(" ")[0]!;
}

function lookupId(file: string, name: string): number | undefined {
  if (/^\d+$/.test(name)) return Number(name);
  try {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      const f = line.split(":");
      if (f[0] === name) return Number(f[2]);
    }
  } catch {
    /* no such database */
  }
  return undefined;
}

function environmentOf(r: ResourceInstance, ctx: ApplyContext | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  const dirs = pathDirs(r);
  if (dirs) env.PATH = dirs.join(":");
  for (const setting of list<string>(r.params.environment)) {
    const m = /^(\w+)=([\s\S]*)$/.exec(String(setting));
    if (!m) {
      ctx?.log("warning", `Cannot understand environment setting ${JSON.stringify(setting)}`);
      continue;
    }
    env[m[1]!] = m[2]!;
  }
  return env;
}

function resolveExe(exe: string, dirs: string[] | undefined): string | undefined {
  if (isAbsolute(exe)) return exe;
  for (const d of dirs ?? []) {
    const p = join(d, exe);
    if (existsSync(p)) return p;
  }
  return undefined;
}

function isSensitive(r: ResourceInstance): boolean {
  return r.sensitive.has("command") || r.sensitive.has("unless") || r.sensitive.has("onlyif");
}

async function run(r: ResourceInstance, cmd: Command, ctx: ApplyContext): Promise<RunResult> {
  const dirs = pathDirs(r);
  const shell = r.params.provider === "shell" || (!Array.isArray(cmd) && SHELL_META.test(cmd));
  let argv: string[];
  if (shell) argv = ["/bin/sh", "-c", Array.isArray(cmd) ? cmd.join(" ") : cmd];
  else {
    const words = Array.isArray(cmd) ? cmd.map(String) : cmd.split(/\s+/).filter(Boolean);
    const exe = resolveExe(words[0] ?? "", dirs);
    if (!exe) throw new Error(`Could not find command '${words[0]}'`);
    argv = [exe, ...words.slice(1)];
  }
  const user = r.params.user === undefined ? undefined : String(r.params.user);
  const group = r.params.group === undefined ? undefined : String(r.params.group);
  const uid = user === undefined ? undefined : lookupId("/etc/passwd", user);
  if (user !== undefined && uid === undefined) throw new Error(`Could not find user ${user}`);
  let gid = group === undefined ? undefined : lookupId("/etc/group", group);
  if (group !== undefined && gid === undefined) throw new Error(`Could not find group ${group}`);
  if (gid === undefined && uid !== undefined && user !== undefined) {
    // Run with the user's primary group, as Puppet's execution does.
    for (const line of (() => { try { return readFileSync("/etc/passwd", "utf8").split("\n"); } catch { return []; } })()) {
      const f = line.split(":");
      if (f[0] === user || f[2] === String(uid)) gid = Number(f[3]);
    }
  }
  const timeout = r.params.timeout === undefined ? 300 : Number(r.params.timeout);
  const cwd = r.params.cwd === undefined ? undefined : String(r.params.cwd);
  const res = await runCommand(argv, { cwd, env: environmentOf(r, ctx), uid, gid, timeoutMs: timeout > 0 ? timeout * 1000 : 0 });
  if (res.timedOut) throw new Error("Command exceeded timeout");
  if (res.spawnError) throw new Error(res.spawnError.includes("ENOENT") && cwd && !existsSync(cwd) ? `Working directory '${cwd}' does not exist` : `Could not execute '${isSensitive(r) ? "[command redacted]" : argv.join(" ")}': ${res.spawnError}`);
  return res;
}

/** True when every check passes (the command should run). */
async function checksPass(r: ResourceInstance, ctx: ApplyContext, refreshing: boolean): Promise<boolean> {
  if (!refreshing && (r.params.refreshonly === true || r.params.refreshonly === "true")) return false;
  for (const path of list<string>(r.params.creates)) if (existsSync(String(path))) return false;
  for (const cmd of list<Command>(r.params.unless)) {
    const res = await run(r, cmd, ctx);
    if (res.status === 0) return false;
  }
  for (const cmd of list<Command>(r.params.onlyif)) {
    const res = await run(r, cmd, ctx);
    if (res.status !== 0) return false;
  }
  return true;
}

function returnsOf(r: ResourceInstance): string[] {
  const v = list<unknown>(r.params.returns);
  return v.length ? v.map(String) : ["0"];
}

function commandText(r: ResourceInstance): string {
  const c = r.params.command;
  return Array.isArray(c) ? c.map(String).join(" ") : String(c);
}

/** Runs the command (with tries), logs output as logoutput says; throws Puppet's failure message. */
async function sync(r: ResourceInstance, ctx: ApplyContext, cmd: Command): Promise<void> {
  const returns = returnsOf(r);
  const tries = r.params.tries === undefined ? 1 : Number(r.params.tries);
  const sleep = r.params.try_sleep === undefined ? 0 : Number(r.params.try_sleep);
  let res: RunResult | undefined;
  for (let i = 0; i < tries; i++) {
    res = await run(r, cmd, ctx);
    if (returns.includes(String(res.status))) break;
    if (sleep > 0 && tries > 1 && i < tries - 1) await new Promise((ok) => setTimeout(ok, sleep * 1000));
  }
  const ok = returns.includes(String(res!.status));
  const logoutput = String(r.params.logoutput ?? "on_failure");
  const level = typeof r.params.loglevel === "string" ? (r.params.loglevel as "notice") : "notice";
  if (logoutput === "true" || (logoutput === "on_failure" && !ok)) {
    if (isSensitive(r)) ctx.log(level, "[output redacted]", "returns");
    else for (const line of res!.output.split("\n")) if (line !== "" || res!.output.includes("\n" + "\n")) if (line) ctx.log(level, line, "returns");
  }
  if (!ok) {
    const status = res!.status === null ? (res!.signal ?? "unknown") : res!.status;
    throw new Error(`${isSensitive(r) ? "[command redacted]" : `'${commandText(r)}'`} returned ${status} instead of one of [${returns.join(",")}]`);
  }
}

export const execType: ResourceType = {
  name: "exec",
  namevar: "command",
  attributes: ["command", "creates", "cwd", "environment", "group", "logoutput", "onlyif", "path", "provider", "refresh", "refreshonly", "returns", "timeout", "tries", "try_sleep", "umask", "unless", "user"],

  validate(r) {
    const problems: ValidationProblem[] = [];
    const cmds: [string, Command][] = [["command", r.params.command as Command]];
    for (const p of ["unless", "onlyif", "refresh"]) for (const c of list<Command>(r.params[p])) cmds.push([p, c]);
    const dirs = pathDirs(r);
    for (const [p, c] of cmds) {
      if (typeof c !== "string" && !(Array.isArray(c) && c.every((x) => typeof x === "string"))) {
        problems.push({ attribute: p, message: `Command must be a String or Array<String>, got ${JSON.stringify(c)}` });
        continue;
      }
      const exe = extractExe(c);
      if (!isAbsolute(exe) && !dirs) problems.push({ attribute: p, message: `'${exe}' is not qualified and no path was specified. Please qualify the command or specify a path.` });
    }
    for (const c of list<unknown>(r.params.creates)) if (typeof c !== "string" || !isAbsolute(c)) problems.push({ attribute: "creates", message: `File paths must be fully qualified, not '${String(c)}'` });
    if (r.params.cwd !== undefined && (typeof r.params.cwd !== "string" || !isAbsolute(r.params.cwd))) problems.push({ attribute: "cwd", message: `File paths must be fully qualified, not '${String(r.params.cwd)}'` });
    for (const v of list<unknown>(r.params.returns)) if (!/^-?\d+$/.test(String(v))) problems.push({ attribute: "returns", message: `Invalid value ${JSON.stringify(v)}: exit codes are integers` });
    if (r.params.timeout !== undefined && !Number.isFinite(Number(r.params.timeout))) problems.push({ attribute: "timeout", message: "The timeout must be a number." });
    if (r.params.tries !== undefined && (!/^\d+$/.test(String(r.params.tries)) || Number(r.params.tries) < 1)) problems.push({ attribute: "tries", message: "Tries must be an integer >= 1" });
    if (r.params.try_sleep !== undefined && !(Number(r.params.try_sleep) >= 0)) problems.push({ attribute: "try_sleep", message: "try_sleep must be a non-negative number" });
    for (const e of list<unknown>(r.params.environment)) if (!/^\w+=/.test(String(e))) problems.push({ attribute: "environment", message: `Invalid environment setting '${String(e)}'` });
    const lo = r.params.logoutput;
    if (lo !== undefined && !["true", "false", "on_failure"].includes(String(lo))) problems.push({ attribute: "logoutput", message: `Invalid value ${JSON.stringify(lo)}. Valid values are true, false, on_failure.` });
    const ro = r.params.refreshonly;
    if (ro !== undefined && !["true", "false"].includes(String(ro))) problems.push({ attribute: "refreshonly", message: `Invalid value ${JSON.stringify(ro)}. Valid values are true, false.` });
    const pv = r.params.provider;
    if (pv !== undefined && pv !== "posix" && pv !== "shell") problems.push({ attribute: "provider", message: `Invalid exec provider '${String(pv)}' (cfg has posix and shell)` });
    if (r.params.user !== undefined && process.getuid && process.getuid() !== 0) problems.push({ attribute: "user", message: "Only root can execute commands as other users" });
    return problems;
  },

  autorequire(r) {
    const refs: ResourceRefSpec[] = [];
    if (typeof r.params.cwd === "string") refs.push({ type: "File", title: r.params.cwd });
    const scan = (c: Command | undefined): void => {
      if (c === undefined) return;
      const s = Array.isArray(c) ? String(c[0] ?? "") : String(c);
      const m = /^(\/\S+)/.exec(s);
      if (m) refs.push({ type: "File", title: m[1]! });
      const q = /^"([^"]+)"/.exec(s);
      if (q) refs.push({ type: "File", title: q[1]! });
    };
    scan(r.params.command as Command);
    for (const p of ["onlyif", "unless"]) for (const c of list<Command>(r.params[p])) scan(c);
    const user = r.params.user;
    if (typeof user === "string" && !/^\d+$/.test(user)) refs.push({ type: "User", title: user });
    return refs;
  },

  async apply(r, ctx): Promise<ApplyOutcome> {
    const provider = r.params.provider === "shell" ? "shell" : "posix";
    if (!(await checksPass(r, ctx, false))) return { events: [], provider };
    const desired = returnsOf(r);
    if (ctx.noop) return { provider, events: [{ property: "returns", previousValue: "notrun", desiredValue: desired, message: "", name: "executed_command", status: "noop" }] };
    try {
      await sync(r, ctx, r.params.command as Command);
    } catch (e) {
      const msg = (e as Error).message;
      ctx.logGlobal("err", msg);
      return { provider, failed: true, events: [{ property: "returns", previousValue: "notrun", desiredValue: desired, message: `change from 'notrun' to [${desired.map((d) => `'${d}'`).join(", ")}] failed: ${msg}`, name: "executed_command", status: "failure" }] };
    }
    return { provider, events: [{ property: "returns", previousValue: "notrun", desiredValue: desired, message: "executed successfully", name: "executed_command", status: "success" }] };
  },

  async refresh(r, ctx): Promise<ApplyOutcome> {
    const provider = r.params.provider === "shell" ? "shell" : "posix";
    if (!(await checksPass(r, ctx, true))) return { events: [], provider };
    const refreshCmd = r.params.refresh as Command | undefined;
    if (refreshCmd !== undefined) {
      const res = await run(r, refreshCmd, ctx);
      void res;
    } else await sync(r, ctx, r.params.command as Command);
    return { events: [], provider };
  },
};
