// service: ensure running/stopped, enable, restart on refresh. Providers, as Puppet picks them on
// Debian: `systemd` where systemd runs (/run/systemd/system), `debian` for a service with an
// /etc/init.d script (update-rc.d for enable), else `base` (the resource's start/stop/status/restart
// commands or `binary`; without a status command the process table is searched for `pattern`).
// Commands given as parameters run as exec's do: argv when plain, /bin/sh -c when they use shell
// syntax. Messages and event names are Puppet's (type/service.rb, provider/service/*.rb).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { SHELL_META } from "./exec.js";
import { runCommand, runShell, type RunResult } from "./run-command.js";
import type { ApplyContext, ApplyOutcome, ResourceInstance, ResourceType, ValidationProblem } from "./types.js";

type Provider = "systemd" | "debian" | "base";
/** Puppet 7.23's service providers: any other name is "Invalid service provider". */
const PUPPET_SERVICE_PROVIDERS = new Set("base bsd daemontools debian freebsd gentoo init launchd openbsd openrc openwrt rcng redhat runit service smf src systemd upstart windows".split(" "));

function providerOf(r: ResourceInstance): Provider {
  const p = r.params.provider;
  if (p === "systemd" || p === "base" || p === "debian") return p;
  if (p === "init") return "debian";
  if (existsSync("/run/systemd/system")) return "systemd";
  // Without systemd, Puppet's default on the Debian family is the init-script `debian` provider.
  if (existsSync("/etc/debian_version") || existsSync(`/etc/init.d/${String(r.params.name)}`)) return "debian";
  return "base";
}

function bool(v: unknown): boolean | undefined {
  if (v === true || v === "true") return true;
  if (v === false || v === "false") return false;
  return undefined;
}

function wantedEnsure(r: ResourceInstance): "running" | "stopped" | undefined {
  const e = r.params.ensure;
  if (e === undefined || e === null) return undefined;
  if (e === "running" || e === true || e === "true") return "running";
  if (e === "stopped" || e === false || e === "false") return "stopped";
  return undefined;
}

async function runLine(line: string): Promise<RunResult> {
  if (SHELL_META.test(line)) return runShell(line);
  return runCommand(line.split(/\s+/).filter(Boolean));
}

function fail(what: string, r: ResourceInstance, res: RunResult, argv: string): never {
  const why = res.spawnError ?? `Execution of '${argv}' returned ${res.status}: ${res.output.trim()}`;
  throw new Error(`Could not ${what} ${r.ref}: ${why}`);
}

/** ps -ef style lines for every process: "user pid ppid ... cmdline" is enough to match a pattern. */
function processTable(): { pid: number; line: string }[] {
  const out: { pid: number; line: string }[] = [];
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d) || Number(d) === process.pid) continue;
    try {
      const cmd = readFileSync(`/proc/${d}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
      if (cmd) out.push({ pid: Number(d), line: cmd });
    } catch {
      /* gone */
    }
  }
  return out;
}

function getpid(r: ResourceInstance): number | undefined {
  const pattern = String(r.params.pattern ?? r.params.binary ?? r.params.name);
  const re = new RegExp(pattern);
  return processTable().find((p) => re.test(p.line))?.pid;
}

/**
 * Puppet's systemd enabled? and enabled_insync? in one: the current value as compared with `want`.
 * masked is "mask" only when mask is wanted (else it is just disabled); a static or indirect unit
 * cannot be enabled or disabled, so it reads as already in the wanted state (except for mask).
 */
export function systemdEnabled(output: string, exitCode: number, want: string | undefined): string {
  const current = want === "mask" && output === "masked" ? "mask" : output === "indirect" ? "false" : exitCode === 0 ? "true" : "false";
  if (want !== undefined && ((output === "static" && want !== "mask") || output === "indirect")) return want;
  return current;
}

interface Driver {
  status(): Promise<"running" | "stopped">;
  start(): Promise<void>;
  stop(): Promise<void>;
  restart(): Promise<void>;
  enabled?(): Promise<string>;
  enable?(value: string): Promise<void>;
}

function driver(r: ResourceInstance, provider: Provider): Driver {
  const name = String(r.params.name);
  const cmd = (p: string): string | undefined => (r.params[p] === undefined ? undefined : String(r.params[p]));
  const must = async (what: string, line: string): Promise<void> => {
    const res = await runLine(line);
    if (res.status !== 0) fail(what, r, res, line);
  };
  if (provider === "systemd") {
    const sc = async (...args: string[]): Promise<RunResult> => runCommand(["systemctl", ...args]);
    const mustSc = async (what: string, ...args: string[]): Promise<void> => {
      const res = await sc(...args);
      if (res.status !== 0) fail(what, r, res, ["systemctl", ...args].join(" "));
    };
    return {
      status: async () => (cmd("status") ? ((await runLine(cmd("status")!)).status === 0 ? "running" : "stopped") : (await sc("is-active", "--", name)).status === 0 ? "running" : "stopped"),
      start: () => (cmd("start") ? must("start", cmd("start")!) : mustSc("start", "unmask", "--", name).then(() => mustSc("start", "start", "--", name))),
      stop: () => (cmd("stop") ? must("stop", cmd("stop")!) : mustSc("stop", "stop", "--", name)),
      restart: () => (cmd("restart") ? must("restart", cmd("restart")!) : mustSc("restart", "restart", "--", name)),
      enabled: async () => {
        const res = await sc("is-enabled", "--", name);
        return systemdEnabled(res.stdout.trim(), res.status ?? 1, r.params.enable === undefined ? undefined : String(r.params.enable));
      },
      enable: async (v) => {
        if (v === "true") await mustSc("enable", "unmask", "--", name).then(() => mustSc("enable", "enable", "--", name));
        else if (v === "false") await mustSc("disable", "disable", "--", name);
        else if (v === "mask") await mustSc("mask", "mask", "--", name);
        else if (v === "manual") await mustSc("disable", "disable", "--", name);
      },
    };
  }
  const script = `/etc/init.d/${name}`;
  const initCmd = (action: string): string | undefined => {
    if (provider !== "debian") return undefined;
    if (!existsSync(script)) throw new Error(`Could not find init script for '${name}'`);
    return `${script} ${action}`;
  };
  const base: Driver = {
    status: async () => {
      const line = cmd("status");
      if (line) return (await runLine(line)).status === 0 ? "running" : "stopped";
      if (provider === "debian" && bool(r.params.hasstatus) !== false) {
        // Puppet's debian provider asks service(8), which works whatever the init system.
        const svc = ["/usr/sbin/service", "/sbin/service"].find((p) => existsSync(p));
        if (svc) return (await runCommand([svc, name, "status"])).status === 0 ? "running" : "stopped";
        if (existsSync(script)) return (await runCommand([script, "status"])).status === 0 ? "running" : "stopped";
      }
      return getpid(r) === undefined ? "stopped" : "running";
    },
    start: async () => {
      const line = cmd("start") ?? cmd("binary") ?? initCmd("start");
      if (!line) throw new Error("Services must specify a start command or a binary");
      // A daemon's start command may leave children holding our pipes: don't wait on them.
      await must("start", line);
    },
    stop: async () => {
      const line = cmd("stop") ?? initCmd("stop");
      if (line) return must("stop", line);
      const pid = getpid(r);
      if (pid === undefined) return;
      try {
        process.kill(pid, "SIGTERM");
      } catch (e) {
        throw new Error(`Could not kill ${name}, PID ${pid}: ${(e as Error).message}`);
      }
    },
    restart: async () => {
      const line = cmd("restart") ?? (bool(r.params.hasrestart) !== false ? initCmd("restart") : undefined);
      if (line) return must("restart", line);
      await base.stop();
      await base.start();
    },
  };
  if (provider === "debian") {
    base.enabled = async () => {
      const rc = (await runCommand(["/usr/sbin/invoke-rc.d", "--quiet", "--query", name, "start"])).status;
      // As Puppet's debian provider: 104/106 enabled; 101/105 count the S links in /etc/rc?.d.
      if (rc === 104 || rc === 106) return "true";
      if (rc === 101 || rc === 105) {
        let links = 0;
        for (const d of ["rc0.d", "rc1.d", "rc2.d", "rc3.d", "rc4.d", "rc5.d", "rc6.d", "rcS.d"]) {
          try {
            links += readdirSync(`/etc/${d}`).filter((f) => new RegExp(`^S\\d\\d${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`).test(f)).length;
          } catch {
            /* no such runlevel */
          }
        }
        return links >= 4 ? "true" : "false";
      }
      return "false";
    };
    base.enable = async (v) => {
      const steps = v === "true" ? [["-f", name, "remove"], [name, "defaults"]] : [[name, "disable"]];
      for (const args of steps) {
        const res = await runCommand(["/usr/sbin/update-rc.d", ...args]);
        if (res.status !== 0) fail(v === "true" ? "enable" : "disable", r, res, `update-rc.d ${args.join(" ")}`);
      }
    };
  }
  return base;
}

export const serviceType: ResourceType = {
  name: "service",
  namevar: "name",
  attributes: ["name", "ensure", "enable", "binary", "control", "flags", "hasrestart", "hasstatus", "manifest", "path", "pattern", "provider", "restart", "start", "status", "stop", "timeout", "logonaccount", "logonpassword"],

  validate(r) {
    const problems: ValidationProblem[] = [];
    const e = r.params.ensure;
    if (e !== undefined && e !== null && wantedEnsure(r) === undefined) problems.push({ attribute: "ensure", message: `Invalid value ${JSON.stringify(e)}. Valid values are stopped, running.` });
    const en = r.params.enable;
    if (en !== undefined && !["true", "false", "manual", "mask", "delayed"].includes(String(en))) problems.push({ attribute: "enable", message: `Invalid value ${JSON.stringify(en)}. Valid values are true, false, manual, mask, delayed.` });
    const provider = providerOf(r);
    // Features per provider as Puppet derives them from the provider's methods: base has no enable at
    // all (Puppet then ignores the attribute, see apply), debian only true/false, systemd adds mask.
    const feature: Record<string, string> = { manual: "manual_startable", mask: "maskable", delayed: "delayed_startable" };
    const enableValues: Record<Provider, string[]> = { base: ["true", "false", "manual", "mask", "delayed"], debian: ["true", "false"], systemd: ["true", "false", "mask"] };
    if (en !== undefined && feature[String(en)] && !enableValues[provider].includes(String(en))) problems.push({ attribute: "enable", message: `Provider ${provider} must have features '${feature[String(en)]}' to set 'enable' to '${String(en)}'` });
    const p = r.params.provider;
    if (p !== undefined && !["systemd", "base", "debian", "init"].includes(String(p))) problems.push({ attribute: "provider", message: PUPPET_SERVICE_PROVIDERS.has(String(p)) ? `Provider ${String(p)} is not functional on this host (cfg applies services with the systemd, debian and base providers)` : `Invalid service provider '${String(p)}'` });
    for (const b of ["hasstatus", "hasrestart"]) if (r.params[b] !== undefined && bool(r.params[b]) === undefined) problems.push({ attribute: b, message: `Invalid value ${JSON.stringify(r.params[b])}. Valid values are true, false.` });
    if (r.params.pattern !== undefined) {
      try {
        new RegExp(String(r.params.pattern));
      } catch (err) {
        problems.push({ attribute: "pattern", message: `Invalid pattern: ${(err as Error).message}` });
      }
    }
    return problems;
  },

  async apply(r, ctx: ApplyContext): Promise<ApplyOutcome> {
    const provider = providerOf(r);
    const d = driver(r, provider);
    const events: ApplyOutcome["events"] = [];
    let started = false;
    const want = wantedEnsure(r);
    if (want) {
      const have = await d.status();
      if (have !== want) {
        if (!ctx.noop) {
          if (want === "running") await d.start();
          else await d.stop();
        }
        started = want === "running";
        events.push({ property: "ensure", previousValue: have, desiredValue: want, message: `ensure changed '${have}' to '${want}'`, name: want === "running" ? "service_started" : "service_stopped", status: ctx.noop ? "noop" : "success" });
      }
    }
    const en = r.params.enable === undefined ? undefined : String(r.params.enable);
    // Puppet's Type#newattr: a provider without the enableable feature does not manage enable at all.
    if (en !== undefined && !d.enable) ctx.log("debug", `Provider ${provider} does not support features enableable; not managing attribute enable`);
    // As Puppet's harness: while ensure is out of sync, only ensure is synced (enable next run).
    if (en !== undefined && d.enabled && d.enable && events.length === 0) {
      const have = await d.enabled();
      if (have !== en) {
        if (!ctx.noop) await d.enable(en);
        events.push({ property: "enable", previousValue: have, desiredValue: en, message: `enable changed '${have}' to '${en}'`, name: en === "true" ? "service_enabled" : en === "manual" ? "service_manual_start" : "service_disabled", status: ctx.noop ? "noop" : "success" });
      }
    }
    return { events, provider, invalidatesRefresh: started };
  },

  async refresh(r, ctx): Promise<ApplyOutcome> {
    const provider = providerOf(r);
    const d = driver(r, provider);
    // Only a running service restarts (Puppet's Service#refresh).
    if ((await d.status()) === "running") await d.restart();
    else ctx.log("debug", "Skipping restart; service is not running");
    return { events: [], provider };
  },
};
