// cron (puppetlabs-cron_core): one job in a user's crontab, found again by its "# Puppet Name: title"
// line, with its environment lines after it. The crontab is read and written with `crontab -u USER`
// where the command exists, else as /var/spool/cron/crontabs/USER directly (atomic, mode 0600).
// Values are munged as cron_core does (day and month names to numbers, '*' as absent); messages
// and the line format are Puppet's. Unmanaged lines are kept; no "# HEADER" lines are written.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeFileAtomic } from "../util/atomic-write.js";
import { runCommand } from "./run-command.js";
import type { ApplyContext, ApplyOutcome, ResourceEvent, ResourceInstance, ResourceType, ValidationProblem } from "./types.js";
import { findGroup, findUser } from "./user-db.js";

const FIELDS = ["minute", "hour", "monthday", "month", "weekday"] as const;
type Field = (typeof FIELDS)[number];
const BOUNDS: Record<Field, [number, number]> = { minute: [0, 59], hour: [0, 23], monthday: [1, 31], month: [1, 12], weekday: [0, 7] };
const ALPHA: Partial<Record<Field, string[]>> = {
  weekday: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"],
  month: ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
};
const SPECIALS = ["reboot", "yearly", "annually", "monthly", "weekly", "daily", "midnight", "hourly", "absent"];
const CRONTAB = ["/usr/bin/crontab", "/bin/crontab"].find((p) => existsSync(p));

/** cron_core's CronParam munge: a value as the crontab holds it, "absent" for '*', undefined if invalid. */
export function mungeField(field: Field, value: unknown): string | undefined {
  const v = String(value);
  if (v === "absent" || v === "*") return "absent";
  if (/^\*\/[0-9]+$/.test(v) || /^[0-9]+-[0-9]+$/.test(v) || /^[0-9]+-[0-9]+\/[0-9]+$/.test(v)) return v;
  const [lo, hi] = BOUNDS[field];
  if (/^\d+$/.test(v)) {
    const n = Number(v);
    return n >= lo && n <= hi ? String(n) : undefined;
  }
  const alpha = ALPHA[field];
  if (alpha) {
    const i = alpha.indexOf(v.slice(0, 3).toLowerCase());
    if (i >= 0 && v.length >= 3) return String(field === "month" ? i + 1 : i);
  }
  return undefined;
}

function wanted(r: ResourceInstance, field: Field): string[] | undefined {
  const v = r.params[field];
  if (v === undefined || v === null) return undefined;
  const list = [v].flat().map((x) => mungeField(field, x)!);
  return list.length === 1 && list[0] === "absent" ? ["absent"] : list;
}

interface Job {
  name: string;
  environment: string[];
  special?: string;
  fields: Record<Field, string[]>;
  command: string;
}

interface Crontab {
  /** Lines outside managed jobs, with the position jobs occupy marked by their name. */
  items: ({ text: string } | { job: Job })[];
}

function parseCrontab(text: string): Crontab {
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const items: Crontab["items"] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.startsWith("# HEADER:")) continue;
    const m = /^# Puppet Name: (.*)$/.exec(l);
    if (!m) {
      items.push({ text: l });
      continue;
    }
    const env: string[] = [];
    let j = i + 1;
    while (j < lines.length && /^\s*\w+\s*=/.test(lines[j]!)) env.push(lines[j++]!);
    const entry = lines[j] ?? "";
    const job: Job = { name: m[1]!, environment: env, fields: { minute: ["absent"], hour: ["absent"], monthday: ["absent"], month: ["absent"], weekday: ["absent"] }, command: "" };
    const sp = /^@(\w+)\s+(.*)$/.exec(entry);
    if (sp) {
      job.special = sp[1]!;
      job.command = sp[2]!;
    } else {
      const f = entry.trim().split(/\s+/);
      FIELDS.forEach((k, n) => (job.fields[k] = (f[n] ?? "*") === "*" ? ["absent"] : f[n]!.split(",")));
      job.command = f.slice(5).join(" ");
      // Keep the command's own spacing: everything after the fifth field.
      const cm = /^\s*(?:\S+\s+){5}(.*)$/.exec(entry);
      if (cm) job.command = cm[1]!;
    }
    items.push({ job });
    i = j;
  }
  return { items };
}

function formatJob(j: Job): string[] {
  const out = [`# Puppet Name: ${j.name}`, ...j.environment];
  if (j.special) out.push(`@${j.special} ${j.command}`);
  else out.push(`${FIELDS.map((f) => (j.fields[f][0] === "absent" ? "*" : j.fields[f].join(","))).join(" ")} ${j.command}`);
  return out;
}

function formatCrontab(c: Crontab): string {
  const lines = c.items.flatMap((it) => ("job" in it ? formatJob(it.job) : [it.text]));
  return lines.length ? lines.join("\n") + "\n" : "";
}

async function readCrontab(user: string, target: string | undefined): Promise<string> {
  if (target) return existsSync(target) ? readFileSync(target, "utf8") : "";
  if (CRONTAB) {
    const r = await runCommand([CRONTAB, "-u", user, "-l"]);
    if (r.status === 0) return r.stdout;
    if (/no crontab/i.test(r.output)) return "";
    throw new Error(`Could not read crontab for ${user}: ${r.output.trim()}`);
  }
  const spool = `/var/spool/cron/crontabs/${user}`;
  return existsSync(spool) ? readFileSync(spool, "utf8") : "";
}

async function writeCrontab(user: string, target: string | undefined, text: string): Promise<void> {
  if (target) {
    writeFileAtomic(target, text, 0o600);
    return;
  }
  if (CRONTAB) {
    const dir = mkdtempSync(join(tmpdir(), "cfg-cron-"));
    try {
      const f = join(dir, "crontab");
      writeFileSync(f, text, { mode: 0o600 });
      const r = await runCommand([CRONTAB, "-u", user, f]);
      if (r.status !== 0) throw new Error(`Could not write crontab for ${user}: ${r.output.trim()}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
  const u = findUser(user);
  const g = findGroup("crontab");
  mkdirSync("/var/spool/cron/crontabs", { recursive: true, mode: 0o1730 });
  writeFileAtomic(`/var/spool/cron/crontabs/${user}`, text, 0o600, u ? { uid: u.uid, gid: g?.gid ?? u.gid } : undefined);
}

const show = (v: string[]): string => `[${v.map((x) => `'${x}'`).join(", ")}]`;

export const cronType: ResourceType = {
  name: "cron",
  namevar: "name",
  attributes: ["name", "ensure", "command", "user", "minute", "hour", "monthday", "month", "weekday", "special", "environment", "target", "provider"],

  validate(r) {
    const problems: ValidationProblem[] = [];
    const p = r.params;
    if (p.ensure !== undefined && !["present", "absent"].includes(String(p.ensure))) problems.push({ attribute: "ensure", message: `Invalid value ${JSON.stringify(p.ensure)}. Valid values are present, absent.` });
    for (const f of FIELDS) {
      if (p[f] === undefined) continue;
      for (const v of [p[f]].flat()) if (mungeField(f, v) === undefined) problems.push({ attribute: f, message: `${String(v)} is not a valid ${f}` });
    }
    if (p.special !== undefined && !SPECIALS.includes(String(p.special))) problems.push({ attribute: "special", message: `Invalid special schedule ${JSON.stringify(String(p.special))}` });
    if (p.special !== undefined && String(p.special) !== "absent") {
      for (const f of FIELDS) if (p[f] !== undefined && String(p[f]) !== "absent") problems.push({ message: `${r.ref} cannot specify both a special schedule and a value for ${f}` });
    }
    for (const e of p.environment === undefined ? [] : [p.environment].flat()) {
      if (String(e) !== "absent" && !/^\s*\w+\s*=/.test(String(e))) problems.push({ attribute: "environment", message: `Invalid environment setting ${JSON.stringify(String(e))}` });
    }
    if (String(p.ensure ?? "present") === "present" && p.command === undefined) problems.push({ attribute: "command", message: "command is a required attribute" });
    if (p.command !== undefined && /\n/.test(String(p.command))) problems.push({ attribute: "command", message: "Command cannot include newlines" });
    return problems;
  },

  autorequire(r) {
    return [{ type: "User", title: String(r.params.user ?? "root") }];
  },

  async apply(r, ctx: ApplyContext): Promise<ApplyOutcome> {
    const user = String(r.params.user ?? "root");
    const target = r.params.target === undefined ? undefined : String(r.params.target);
    const tab = parseCrontab(await readCrontab(user, target));
    const idx = tab.items.findIndex((it) => "job" in it && it.job.name === r.title);
    const have = idx >= 0 ? (tab.items[idx] as { job: Job }).job : undefined;
    const status = ctx.noop ? "noop" : "success";
    const events: ResourceEvent[] = [];
    const provider = "crontab";
    const save = async (): Promise<void> => {
      if (!ctx.noop) await writeCrontab(user, target, formatCrontab(tab));
    };
    if (String(r.params.ensure ?? "present") === "absent") {
      if (have) {
        tab.items.splice(idx, 1);
        await save();
        events.push({ property: "ensure", previousValue: "present", desiredValue: "absent", message: "removed", name: "cron_removed", status });
      }
      return { events, provider };
    }
    const special = r.params.special === undefined || String(r.params.special) === "absent" ? undefined : String(r.params.special);
    const env = r.params.environment === undefined ? undefined : [r.params.environment].flat().map(String).filter((e) => e !== "absent");
    const want: Job = {
      name: r.title,
      environment: env ?? have?.environment ?? [],
      special,
      fields: Object.fromEntries(FIELDS.map((f) => [f, wanted(r, f) ?? (have && r.params[f] === undefined ? have.fields[f] : ["absent"])])) as Record<Field, string[]>,
      command: String(r.params.command),
    };
    if (!have) {
      tab.items.push({ job: want });
      await save();
      events.push({ property: "ensure", previousValue: "absent", desiredValue: "present", message: "created", name: "cron_created", status });
      return { events, provider };
    }
    if (want.command !== have.command) events.push({ property: "command", previousValue: have.command, desiredValue: want.command, message: `command changed '${have.command}' to '${want.command}'`, name: "command_changed", status });
    if ((want.special ?? "absent") !== (have.special ?? "absent")) events.push({ property: "special", previousValue: have.special ?? "absent", desiredValue: want.special ?? "absent", message: have.special ? `special changed '${have.special}' to '${want.special ?? "absent"}'` : `defined 'special' as '${want.special}'`, name: "special_changed", status });
    for (const f of FIELDS) {
      if (r.params[f] === undefined) continue;
      const a = have.fields[f];
      const b = want.fields[f];
      if (a.join(",") === b.join(",")) continue;
      const message = a[0] === "absent" ? `defined '${f}' as ${show(b)}` : b[0] === "absent" ? `undefined '${f}' from ${show(a)}` : `${f} changed ${show(a)} to ${show(b)}`;
      events.push({ property: f, previousValue: a, desiredValue: b, message, name: `${f}_changed`, status });
    }
    if (env && env.join("\n") !== have.environment.join("\n")) events.push({ property: "environment", previousValue: have.environment, desiredValue: env, message: have.environment.length ? `environment changed ${show(have.environment)} to ${show(env)}` : `defined 'environment' as ${show(env)}`, name: "environment_changed", status });
    if (events.length) {
      tab.items[idx] = { job: want };
      await save();
    }
    return { events, provider };
  },
};
