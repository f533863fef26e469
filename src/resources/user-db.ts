// Reads the local account databases directly (/etc/passwd, /etc/group, /etc/shadow): current state
// for the user and group types, read fresh each time because an earlier resource may have changed it.
import { readFileSync } from "node:fs";
import { runCommand } from "./run-command.js";
import type { ResourceInstance } from "./types.js";

export interface PasswdEntry {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
  readonly comment: string;
  readonly home: string;
  readonly shell: string;
}

export interface GroupEntry {
  readonly name: string;
  readonly gid: number;
  readonly members: string[];
}

export interface ShadowEntry {
  readonly name: string;
  readonly password: string;
  /** Account expiry as YYYY-MM-DD, or "absent". */
  readonly expiry: string;
  readonly minAge: string;
  readonly maxAge: string;
  readonly warnDays: string;
}

function lines(path: string): string[][] {
  try {
    return readFileSync(path, "utf8")
      .split("\n")
      .filter((l) => l && !l.startsWith("#"))
      .map((l) => l.split(":"));
  } catch {
    return [];
  }
}

export function passwd(): PasswdEntry[] {
  return lines("/etc/passwd").map((f) => ({ name: f[0]!, uid: Number(f[2]), gid: Number(f[3]), comment: f[4] ?? "", home: f[5] ?? "", shell: f[6] ?? "" }));
}

export function groups(): GroupEntry[] {
  return lines("/etc/group").map((f) => ({ name: f[0]!, gid: Number(f[2]), members: (f[3] ?? "").split(",").filter(Boolean) }));
}

export function shadow(): ShadowEntry[] {
  return lines("/etc/shadow").map((f) => {
    const days = f[7] ?? "";
    const expiry = days === "" || days === "-1" ? "absent" : new Date(Number(days) * 86400000).toISOString().slice(0, 10);
    return { name: f[0]!, password: f[1] ?? "", expiry, minAge: f[3] ?? "", maxAge: f[4] ?? "", warnDays: f[5] ?? "" };
  });
}

export function findUser(name: string): PasswdEntry | undefined {
  return passwd().find((u) => u.name === name);
}

export function findGroup(name: string): GroupEntry | undefined {
  return groups().find((g) => g.name === name);
}

/** A group name or number -> gid (undefined when no such group). */
export function gidOf(v: string | number): number | undefined {
  if (typeof v === "number" || /^\d+$/.test(v)) return Number(v);
  return findGroup(v)?.gid;
}

/**
 * Runs an account command (useradd, groupmod, ...) and fails with Puppet's message, e.g. "Could not
 * set gid on group[x]: Execution of '...' returned 4: ...". A `secret` argument is shown as [redacted].
 */
export async function runAccountCommand(argv: string[], what: string, r: ResourceInstance, secret?: string): Promise<void> {
  const res = await runCommand(argv);
  if (res.status !== 0) {
    const shown = argv.map((a) => (secret !== undefined && a === secret ? "[redacted]" : a)).join(" ");
    throw new Error(`Could not ${what} ${r.type.toLowerCase()}[${r.title}]: Execution of '${shown}' returned ${res.status ?? res.spawnError}: ${res.output.trim()}`);
  }
}
