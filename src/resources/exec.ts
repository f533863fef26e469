// exec: runs a command when its checks (creates, onlyif, unless, refreshonly) say so.
//
// Providers: `posix` (default) and `shell`. posix runs an Array command as argv, and a String command
// the way Puppet's posix provider does (Ruby's Kernel.exec with one string): split on spaces and tabs
// and executed directly when it has no shell metacharacters, no leading assignment and does not start
// with a shell reserved word or special built-in; through /bin/sh -c otherwise (the manifest wrote
// shell syntax, so it asked for a shell). `shell` always uses /bin/sh -c. Before running, the
// executable is checked as Puppet's checkexe does (messages included). umask is applied by a tiny
// /bin/sh wrapper that receives the argv as positional parameters ("$@"), so nothing is re-parsed.
import { accessSync, constants, existsSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { runCommand, type RunResult } from "./run-command.js";
import type { ApplyContext, ApplyOutcome, ResourceInstance, ResourceRefSpec, ResourceType, ValidationProblem } from "./types.js";

type Command = string | string[];

/** Ruby's SHELL_META (process.c): any of these sends a String command to /bin/sh. */
export const SHELL_META = /[*?{}[\]<>()~&|\\$;'`"\n#]/;
/** Ruby's posix_sh_cmds: a command starting with one of these words needs the shell. */
const SH_WORDS = new Set(["!", ".", ":", "break", "case", "continue", "do", "done", "elif", "else", "esac", "eval", "exec", "exit", "export", "fi", "for", "if", "in", "readonly", "return", "set", "shift", "then", "times", "trap", "unset", "until", "while"]);

/** Whether Ruby's Kernel.exec(String) runs this line through /bin/sh (rb_exec_fillarg). */
export function needsShell(line: string): boolean {
  if (SHELL_META.test(line)) return true;
  const first = line.replace(/^[ \t]+/, "").split(/[ \t]/)[0] ?? "";
  // An '=' in the first word before any '/' is an assignment (FOO=1 cmd).
  const slash = first.indexOf("/");
  const eq = first.indexOf("=");
  if (eq >= 0 && (slash < 0 || eq < slash)) return true;
  return slash < 0 && SH_WORDS.has(first);
}

const SETPRIV = "/usr/bin/setpriv";

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

/** Ruby's String#inspect for the values that reach these messages. */
function inspect(v: unknown): string {
  return typeof v === "string" ? JSON.stringify(v) : String(v);
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
  // Puppet's execute_posix deletes the user variables before applying the resource's own.
  for (const k of ["HOME", "USER", "LOGNAME"]) delete env[k];
  const set = new Set<string>();
  const dirs = pathDirs(r);
  if (dirs) {
    env.PATH = dirs.join(":");
    set.add("PATH");
  }
  for (const setting of list<string>(r.params.environment)) {
    const m = /^(\w+)=([\s\S]*)$/.exec(String(setting));
    if (!m) {
      ctx?.log("warning", `Cannot understand environment setting ${inspect(setting)}`);
      continue;
    }
    if (set.has(m[1]!)) ctx?.log("warning", `Overriding environment setting '${m[1]}' with '${m[2]}'`);
    if (m[2] === "") ctx?.log("warning", `Empty environment setting '${m[1]}'`);
    set.add(m[1]!);
    env[m[1]!] = m[2]!;
  }
  return env;
}

function isExecutableFile(p: string): boolean {
  try {
    if (!statSync(p).isFile()) return false;
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Puppet's posix checkexe: the executable must exist (absolute) or be found in `path`. */
function checkExe(cmd: Command, dirs: string[] | undefined): void {
  const exe = extractExe(cmd);
  if (isAbsolute(exe)) {
    let st;
    try {
      st = statSync(exe);
    } catch {
      throw new Error(`Could not find command '${exe}'`);
    }
    if (!st.isFile()) throw new Error(`'${exe}' is a ${st.isDirectory() ? "directory" : st.isFIFO() ? "fifo" : st.isSocket() ? "socket" : st.isCharacterDevice() ? "characterSpecial" : st.isBlockDevice() ? "blockSpecial" : "unknown"}, not a file`);
    try {
      accessSync(exe, constants.X_OK);
    } catch {
      throw new Error(`'${exe}' is not executable`);
    }
    return;
  }
  if (!exe.includes("/") && (dirs ?? []).some((d) => isExecutableFile(join(d, exe)))) return;
  throw new Error(`Could not find command '${exe}'`);
}

function resolveExe(exe: string, dirs: string[] | undefined): string | undefined {
  if (isAbsolute(exe)) return exe;
  for (const d of dirs ?? []) {
    const p = join(d, exe);
    if (isExecutableFile(p)) return p;
  }
  return undefined;
}

function isSensitive(r: ResourceInstance): boolean {
  return r.sensitive.has("command") || r.sensitive.has("unless") || r.sensitive.has("onlyif");
}

function umaskOf(r: ResourceInstance): string | undefined {
  const u = r.params.umask;
  return u === undefined || u === null ? undefined : String(u);
}

/** Runs one command as the resource says (provider, path, environment, cwd, user, group, umask, timeout). */
async function run(r: ResourceInstance, cmd: Command, ctx: ApplyContext): Promise<RunResult> {
  const dirs = pathDirs(r);
  let argv: string[];
  if (r.params.provider === "shell") {
    // The shell provider runs ['/bin/sh', '-c', command].flatten: an Array's later words become $0, $1...
    argv = ["/bin/sh", "-c", ...(Array.isArray(cmd) ? cmd.map(String) : [cmd])];
  } else {
    checkExe(cmd, dirs);
    if (typeof cmd === "string" && needsShell(cmd)) argv = ["/bin/sh", "-c", cmd];
    else {
      const words = Array.isArray(cmd) ? cmd.map(String) : cmd.split(/[ \t]+/).filter(Boolean);
      const exe = resolveExe(words[0] ?? "", dirs);
      if (!exe) throw new Error(`Could not find command '${words[0]}'`);
      argv = [exe, ...words.slice(1)];
    }
  }
  const umask = umaskOf(r);
  // The wrapper gets the argv as "$@": no word of the command is parsed by this shell.
  if (umask !== undefined) argv = ["/bin/sh", "-c", `umask ${umask} && exec "$@"`, "sh", ...argv];
  const user = r.params.user === undefined ? undefined : String(r.params.user);
  const group = r.params.group === undefined ? undefined : String(r.params.group);
  const uid = user === undefined ? undefined : lookupId("/etc/passwd", user);
  if (user !== undefined && uid === undefined) throw new Error(`Invalid user: ${user}`);
  let gid = group === undefined ? undefined : lookupId("/etc/group", group);
  if (group !== undefined && gid === undefined) throw new Error(`Invalid group: ${group}`);
  if (gid === undefined && uid !== undefined && user !== undefined) {
    // Run with the user's primary group, as Puppet's execution does.
    let lines: string[] = [];
    try {
      lines = readFileSync("/etc/passwd", "utf8").split("\n");
    } catch {
      /* no passwd */
    }
    for (const line of lines) {
      const f = line.split(":");
      if (f[0] === user || f[2] === String(uid)) gid = Number(f[3]);
    }
  }
  const timeout = r.params.timeout === undefined ? 300 : Math.max(0, Number(Array.isArray(r.params.timeout) ? r.params.timeout[0] : r.params.timeout));
  const cwd = r.params.cwd === undefined ? undefined : String(r.params.cwd);
  if (cwd !== undefined && !existsSync(cwd)) throw new Error(`Working directory ${cwd} does not exist!`);
  // Puppet switches user with initgroups (the user's supplementary groups kept); a uid given to
  // spawn drops every supplementary group, so setpriv does the switch when it is installed.
  let ids: { uid?: number; gid?: number } = { uid, gid };
  if (uid !== undefined && gid !== undefined && existsSync(SETPRIV)) {
    argv = [SETPRIV, `--reuid=${uid}`, `--regid=${gid}`, "--init-groups", "--", ...argv];
    ids = {};
  }
  const res = await runCommand(argv, { cwd, env: environmentOf(r, ctx), ...ids, timeoutMs: timeout > 0 ? timeout * 1000 : 0 });
  if (res.timedOut) return res;
  if (res.spawnError) throw new Error(`Could not execute '${isSensitive(r) ? "[command redacted]" : argv.join(" ")}': ${res.spawnError}`);
  // The shell returns 127 when the command is missing: Puppet fails with the shell's output.
  if (res.status === 127) throw new Error(isSensitive(r) ? "[output redacted]" : res.output);
  return res;
}

/** True when every check passes (the command should run). */
async function checksPass(r: ResourceInstance, ctx: ApplyContext, refreshing: boolean): Promise<boolean> {
  const cmdText = isSensitive(r) ? "[command redacted]" : commandText(r);
  const failed = (check: string): false => {
    ctx.log("debug", `'${cmdText}' won't be executed because of failed check '${check}'`);
    return false;
  };
  const checkRun = async (cmd: Command): Promise<RunResult | undefined> => {
    const res = await run(r, cmd, ctx);
    if (res.timedOut) {
      ctx.log("err", `Check ${inspect(Array.isArray(cmd) ? cmd.join(" ") : cmd)} exceeded timeout`);
      return undefined;
    }
    if (isSensitive(r)) ctx.log("debug", "[output redacted]");
    else for (const line of res.output.split("\n")) if (line) ctx.log("debug", line);
    return res;
  };
  if (!refreshing && (r.params.refreshonly === true || r.params.refreshonly === "true")) return failed("refreshonly");
  for (const path of list<string>(r.params.creates)) if (existsSync(String(path))) return failed("creates");
  for (const cmd of list<Command>(r.params.unless)) {
    const res = await checkRun(cmd);
    if (!res || res.status === 0) return failed("unless");
  }
  for (const cmd of list<Command>(r.params.onlyif)) {
    const res = await checkRun(cmd);
    if (!res || res.status !== 0) return failed("onlyif");
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
    if (tries > 1) ctx.log("debug", `Exec try ${i + 1}/${tries}`, "returns");
    res = await run(r, cmd, ctx);
    if (res.timedOut) throw new Error("Command exceeded timeout");
    if (returns.includes(String(res.status))) break;
    if (sleep > 0 && tries > 1) {
      ctx.log("debug", `Sleeping for ${sleep} seconds between tries`, "returns");
      await new Promise((ok) => setTimeout(ok, sleep * 1000));
    }
  }
  const ok = returns.includes(String(res!.status));
  const logoutput = String(r.params.logoutput ?? "on_failure");
  const level = typeof r.params.loglevel === "string" ? (r.params.loglevel as "notice") : "notice";
  if (logoutput === "true" || (logoutput === "on_failure" && !ok)) {
    if (isSensitive(r)) ctx.log(level, "[output redacted]", "returns");
    else for (const line of res!.output.split("\n")) if (line) ctx.log(level, line, "returns");
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
    // Messages are Puppet's (tests/fixtures/resources/exec/puppet-validation.json); `attribute` unset
    // means Puppet's "Validation of Exec[...] failed", else "Parameter <attribute> failed on Exec[...]".
    const problems: ValidationProblem[] = [];
    const dirs = pathDirs(r);
    const qualified = (attribute: string | undefined, c: unknown): void => {
      if (typeof c !== "string" && !(Array.isArray(c) && c.every((x) => typeof x === "string"))) {
        problems.push({ attribute, message: `Command must be a String or Array<String>, got value of class ${Array.isArray(c) ? "Array" : typeof c === "number" ? "Integer" : typeof c === "boolean" ? String(c === true ? "TrueClass" : "FalseClass") : "Hash"}` });
        return;
      }
      const exe = extractExe(c as Command);
      // The shell provider does not require qualified commands (its validatecmd is `true`).
      if (!isAbsolute(exe) && !dirs && r.params.provider !== "shell") problems.push({ attribute, message: `'${exe}' is not qualified and no path was specified. Please qualify the command or specify a path.` });
    };
    qualified(undefined, r.params.command);
    for (const p of ["unless", "onlyif", "refresh"]) {
      const v = r.params[p];
      if (v === undefined || v === null) continue;
      // refresh is one command (an Array is its argv); a check's Array is a list of commands, as Puppet reads them.
      for (const c of p === "refresh" ? [v] : list<unknown>(v)) qualified(p, c);
    }
    const munge = (p: string, v: unknown, why: string): void => void problems.push({ attribute: p, message: `Munging failed for value ${inspect(v)} in class ${p}: ${why}` });
    for (const p of ["creates", "cwd"]) for (const c of list<unknown>(r.params[p])) if (typeof c !== "string" || !isAbsolute(c)) problems.push({ attribute: p, message: `${p} must be a fully qualified path` });
    // Puppet accepts any `returns` and then fails every run ("returned 0 instead of one of [abc]");
    // cfg refuses a value that can never match an exit status before anything runs.
    for (const v of list<unknown>(r.params.returns)) if (!/^-?\d+$/.test(String(v))) problems.push({ attribute: "returns", message: `Invalid value ${inspect(v)}: an exit status is an integer (Puppet would fail every run with "returned N instead of one of [${list<unknown>(r.params.returns).map(String).join(",")}]")` });
    const timeout = Array.isArray(r.params.timeout) ? r.params.timeout[0] : r.params.timeout;
    if (timeout !== undefined && (typeof timeout === "boolean" || String(timeout).trim() === "" || !Number.isFinite(Number(timeout)))) munge("timeout", r.params.timeout, "The timeout must be a number.");
    const tries = r.params.tries;
    if (tries !== undefined) {
      if (typeof tries === "string" && !/^\d+$/.test(tries)) munge("tries", tries, "Tries must be an integer");
      else if (Number(tries) < 1) munge("tries", tries, "Tries must be an integer >= 1");
    }
    const sleep = r.params.try_sleep;
    if (sleep !== undefined) {
      if (typeof sleep === "string" && (!/^[-\d.]+$/.test(sleep) || !Number.isFinite(Number(sleep)))) munge("try_sleep", sleep, "try_sleep must be a number");
      else if (Number(sleep) < 0) munge("try_sleep", sleep, "try_sleep cannot be a negative number");
    }
    const umask = r.params.umask;
    if (umask !== undefined && !/^0?[0-7]{1,4}$/.test(String(umask))) problems.push({ attribute: "umask", message: `The umask specification is invalid: ${inspect(umask)}` });
    for (const e of list<unknown>(r.params.environment)) {
      if (!/\w+=/.test(String(e))) {
        problems.push({ attribute: "environment", message: `Invalid environment setting '${String(e)}'` });
        break;
      }
    }
    const lo = r.params.logoutput;
    if (lo !== undefined && !["true", "false", "on_failure"].includes(String(lo))) problems.push({ attribute: "logoutput", message: `Invalid value ${inspect(lo)}. Valid values are true, false, on_failure.` });
    const ro = r.params.refreshonly;
    if (ro !== undefined && !["true", "false"].includes(String(ro))) problems.push({ attribute: "refreshonly", message: `Invalid value ${inspect(ro)}. Valid values are true, false.` });
    const pv = r.params.provider;
    if (pv === "windows") problems.push({ attribute: "provider", message: "Provider windows is not functional on this host" });
    else if (pv !== undefined && pv !== "posix" && pv !== "shell") problems.push({ attribute: "provider", message: `Invalid exec provider '${String(pv)}'` });
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
      // Puppet runs the refresh command without checking its exit status or logging its output.
      if ((await run(r, refreshCmd, ctx)).timedOut) throw new Error("Command exceeded timeout");
    } else await sync(r, ctx, r.params.command as Command);
    return { events: [], provider };
  },
};
