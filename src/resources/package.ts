// package: Debian packages through the `apt` provider (apt-get/apt-cache; the default where apt-get
// exists) or the `dpkg` provider (installs a .deb given as `source`). State comes from one
// `dpkg-query -W` of every package per run (Puppet's prefetch), refreshed after each change.
// Messages and event names are Puppet's (type/package.rb, provider/package/{dpkg,apt}.rb).
import { existsSync } from "node:fs";
import { runCommand, type RunResult } from "./run-command.js";
import type { ApplyContext, ApplyOutcome, ResourceInstance, ResourceType, ValidationProblem } from "./types.js";

interface Installed {
  /** "purged" (unknown to dpkg), "absent" (removed, config files left), or the installed version. */
  readonly ensure: string;
  readonly error: string;
  readonly desired: string;
}

const DPKG_QUERY = "/usr/bin/dpkg-query";
const KEYWORDS = new Set(["present", "installed", "absent", "purged", "latest", "held"]);
/** Puppet 7.23's package providers: any other name is "Invalid package provider". */
const PUPPET_PACKAGE_PROVIDERS = new Set("aix appdmg apple apt aptitude aptrpm blastwave dnf dnfmodule dpkg fink freebsd gem hpux macports nim openbsd opkg pacman pip pip2 pip3 pkg pkgdmg pkgin pkgng pkgutil portage ports portupgrade puppet_gem puppetserver_gem rpm rug sun sunfreeware tdnf up2date urpmi windows yum zypper".split(" "));

let cache: Map<string, Installed> | undefined;

/** Parses Puppet's dpkg-query format: "${Status} ${Package} ${Version}". */
export function parseDpkgQuery(text: string): Map<string, Installed> {
  const out = new Map<string, Installed>();
  for (const line of text.split("\n")) {
    const m = /^(\S+) +(\S+) +(\S+) +(\S+) ?(\S*)\s*$/.exec(line);
    if (!m) continue;
    const [, desired, error, status, name, version] = m as unknown as [string, string, string, string, string, string];
    let ensure = version;
    if (status === "not-installed") ensure = "purged";
    else if (["config-files", "half-installed", "unpacked", "half-configured"].includes(status)) ensure = "absent";
    else if (status !== "installed") ensure = "absent";
    // Multi-arch packages appear once per architecture: an installed one wins.
    const prev = out.get(name);
    if (!prev || prev.ensure === "purged" || prev.ensure === "absent") out.set(name, { ensure, error, desired });
  }
  return out;
}

async function installedPackages(): Promise<Map<string, Installed>> {
  if (cache) return cache;
  const r = await runCommand([DPKG_QUERY, "-W", "--showformat", "${Status} ${Package} ${Version}\\n"]);
  cache = parseDpkgQuery(r.stdout);
  return cache;
}

async function current(name: string): Promise<Installed> {
  const all = await installedPackages();
  return all.get(name) ?? { ensure: "purged", error: "ok", desired: "unknown" };
}

function providerOf(r: ResourceInstance): "apt" | "dpkg" {
  const p = r.params.provider;
  if (p === "dpkg" || p === "apt") return p;
  return existsSync("/usr/bin/apt-get") ? "apt" : "dpkg";
}

function wanted(r: ResourceInstance): string {
  const e = r.params.ensure;
  if (e === undefined || e === null || e === true || e === "true") return "present";
  if (e === false || e === "false") return "absent";
  const s = String(e);
  return s === "installed" ? "present" : s;
}

async function candidate(r: ResourceInstance, provider: "apt" | "dpkg", name: string): Promise<string | undefined> {
  if (provider === "dpkg") {
    const src = r.params.source;
    if (typeof src !== "string") throw new Error("Could not update: You cannot install dpkg packages without a source");
    const out = await runCommand(["/usr/bin/dpkg-deb", "--show", src]);
    const m = /^(\S+)\t(\S+)$/m.exec(out.stdout);
    return m?.[2];
  }
  const out = await runCommand(["/usr/bin/apt-cache", "policy", name]);
  const m = /Candidate:\s+(\S+)\s/.exec(out.stdout);
  return m && m[1] !== "(none)" ? m[1] : undefined;
}

function inSync(want: string, have: string, latest?: string): boolean {
  switch (want) {
    case "present":
    case "held":
      return have !== "absent" && have !== "purged";
    case "absent":
      return have === "absent" || have === "purged";
    case "purged":
      return have === "purged";
    case "latest":
      return have !== "absent" && have !== "purged" && latest !== undefined && have === latest;
    default:
      return have === want;
  }
}

function message(have: string, want: string): string {
  if (want === "purged") return "purged";
  if (want === "absent") return "removed";
  if ((have === "absent" || have === "purged") && want !== "absent" && want !== "purged") return "created";
  return `ensure changed '${have}' to '${want}'`;
}

function eventName(want: string): string {
  if (want === "present" || want === "held") return "package_installed";
  if (want === "absent") return "package_removed";
  if (want === "purged") return "package_purged";
  return "package_changed";
}

function check(r: RunResult, argv: string[]): void {
  if (r.spawnError) throw new Error(`Execution of '${argv.join(" ")}' failed: ${r.spawnError}`);
  if (r.status !== 0) throw new Error(`Execution of '${argv.join(" ")}' returned ${r.status}: ${r.output.trim()}`);
}

async function run(argv: string[]): Promise<void> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  // As Puppet's apt provider: never ask questions.
  env.DEBIAN_FRONTEND = "noninteractive";
  check(await runCommand(argv, { env }), argv);
  cache = undefined; // the installed set changed
}

function options(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  return [v].flat().flatMap((o) => (o && typeof o === "object" ? Object.entries(o as Record<string, unknown>).map(([k, x]) => `${k}=${String(x)}`) : [String(o)]));
}

async function install(r: ResourceInstance, provider: "apt" | "dpkg", name: string, want: string, held: boolean): Promise<void> {
  // As Puppet's dpkg and apt install: a held package is unheld to change it, and held again after.
  if (held) await setSelection(name, "install");
  try {
    await installPackage(r, provider, name, want);
  } finally {
    if (r.params.mark === "hold") await setSelection(name, "hold");
  }
}

async function installPackage(r: ResourceInstance, provider: "apt" | "dpkg", name: string, want: string): Promise<void> {
  const keep = r.params.configfiles !== "replace";
  if (provider === "dpkg") {
    const src = r.params.source;
    if (typeof src !== "string") throw new Error("You cannot install dpkg packages without a source");
    await run(["/usr/bin/dpkg", keep ? "--force-confold" : "--force-confnew", ...options(r.params.install_options), "-i", src]);
    return;
  }
  const argv = ["/usr/bin/apt-get", "-q", "-y", "-o", `DPkg::Options::=${keep ? "--force-confold" : "--force-confnew"}`];
  let target = name;
  if (!["present", "latest", "held"].includes(want)) {
    target = `${name}=${want}`;
    argv.push("--force-yes");
  }
  argv.push(...options(r.params.install_options), "install", typeof r.params.source === "string" ? r.params.source : target);
  await run(argv);
}

/** dpkg --set-selections, as Puppet's dpkg hold/unhold (failures ignored, as Puppet's failonfail false). */
async function setSelection(name: string, selection: "hold" | "install"): Promise<void> {
  await runCommand(["/usr/bin/dpkg", "--set-selections"], { input: `${name} ${selection}\n` });
  cache = undefined;
}

function markOf(have: Installed): "hold" | "none" {
  return have.desired === "hold" ? "hold" : "none";
}

async function remove(r: ResourceInstance, provider: "apt" | "dpkg", name: string, purge: boolean): Promise<void> {
  if (provider === "dpkg") await run(["/usr/bin/dpkg", ...options(r.params.uninstall_options), purge ? "--purge" : "-r", name]);
  else await run(["/usr/bin/apt-get", "-y", "-q", ...options(r.params.uninstall_options), "remove", ...(purge ? ["--purge"] : []), name]);
}

export const packageType: ResourceType = {
  name: "package",
  namevar: "name",
  attributes: [
    "name", "ensure", "provider", "source", "install_options", "uninstall_options", "configfiles", "responsefile", "adminfile",
    "allow_virtual", "allowcdrom", "category", "command", "description", "enable_only", "flavor", "install_only", "instance", "mark",
    "package_settings", "platform", "reinstall_on_refresh", "root", "status", "vendor",
  ],

  validate(r) {
    const problems: ValidationProblem[] = [];
    // Messages are Puppet's where Puppet refuses the value (tests/fixtures/resources/exec/puppet-validation.json).
    const e = r.params.ensure;
    const provider = providerOf(r);
    if (e !== undefined && e !== null && typeof e !== "string" && typeof e !== "boolean") problems.push({ attribute: "ensure", message: `Invalid value ${JSON.stringify(e)}. Valid values are present, absent, purged, disabled, latest. Valid values match /./.` });
    else if (e === "") problems.push({ attribute: "ensure", message: 'Invalid value "". Valid values are present, absent, purged, disabled, latest. Valid values match /./.' });
    else if (e === "disabled") problems.push({ attribute: "ensure", message: `Provider ${provider} must have features 'disableable' to set 'ensure' to 'disabled'` });
    // Puppet takes any other string as a version (apt then fails at run time); cfg refuses what can never be a Debian version.
    else if (typeof e === "string" && !KEYWORDS.has(e) && !/^[A-Za-z0-9.+:~-]+$/.test(e)) problems.push({ attribute: "ensure", message: `Invalid value ${JSON.stringify(e)}: not present, absent, purged, latest nor a Debian version (Puppet would run 'apt-get install ${String(r.params.name)}=${e}' and fail)` });
    const p = r.params.provider;
    if (p !== undefined && p !== "apt" && p !== "dpkg") problems.push({ attribute: "provider", message: PUPPET_PACKAGE_PROVIDERS.has(String(p)) ? `Provider ${String(p)} is not functional on this host (cfg applies packages with the apt and dpkg providers)` : `Invalid package provider '${String(p)}'` });
    if (provider === "dpkg" && typeof e === "string" && !KEYWORDS.has(e) && e !== "installed" && e !== "" && e !== "disabled") problems.push({ attribute: "ensure", message: `Provider dpkg must have features 'versionable' to set 'ensure' to '${e}'` });
    const mark = r.params.mark;
    if (mark !== undefined && mark !== "hold" && mark !== "none") problems.push({ attribute: "mark", message: `Invalid value ${JSON.stringify(mark)}. Valid values are hold, none.` });
    if (mark !== undefined && (wanted(r) === "absent" || wanted(r) === "purged")) problems.push({ message: 'You cannot use "mark" property while "ensure" is one of ["absent", "purged"]' });
    const rr = r.params.reinstall_on_refresh;
    if (rr !== undefined && !["true", "false"].includes(String(rr))) problems.push({ attribute: "reinstall_on_refresh", message: `Invalid value ${JSON.stringify(rr)}. Valid values are true, false.` });
    if (providerOf(r) === "dpkg" && wanted(r) !== "absent" && wanted(r) !== "purged" && typeof r.params.source !== "string") problems.push({ attribute: "source", message: "You cannot install dpkg packages without a source" });
    const src = r.params.source;
    if (src !== undefined && (typeof src !== "string" || !src.startsWith("/"))) problems.push({ attribute: "source", message: `The package source must be an absolute path to a .deb, not '${String(src)}'` });
    const cf = r.params.configfiles;
    if (cf !== undefined && cf !== "keep" && cf !== "replace") problems.push({ attribute: "configfiles", message: `Invalid value ${JSON.stringify(cf)}. Valid values are keep, replace.` });
    if (typeof r.params.name !== "string" || !r.params.name) problems.push({ attribute: "name", message: "Name must be a String" });
    return problems;
  },

  async apply(r, ctx: ApplyContext): Promise<ApplyOutcome> {
    const provider = providerOf(r);
    const name = String(r.params.name);
    const want = wanted(r);
    const have = await current(name);
    if (have.error !== "ok") throw new Error(`Package ${name}, version ${have.ensure} is in error state: ${have.error}`);
    const latest = want === "latest" && have.ensure !== "absent" && have.ensure !== "purged" ? await candidate(r, provider, name) : undefined;
    if (inSync(want, have.ensure, latest)) {
      // Other properties are synced only when ensure was in sync and the package is there (Puppet's harness).
      const mark = r.params.mark === undefined ? undefined : String(r.params.mark);
      if (mark === undefined || have.ensure === "absent" || have.ensure === "purged" || markOf(have) === mark) return { events: [], provider };
      if (!ctx.noop) await setSelection(name, mark === "hold" ? "hold" : "install");
      return { provider, events: [{ property: "mark", previousValue: markOf(have), desiredValue: mark, message: `mark changed '${markOf(have)}' to '${mark}'`, name: "mark_changed", status: ctx.noop ? "noop" : "success" }] };
    }
    // For latest, Puppet's message names the candidate version; the event's desired value stays "latest".
    const shown = want === "latest" && latest ? latest : want;
    if (!ctx.noop) {
      try {
        if (want === "absent") await remove(r, provider, name, false);
        else if (want === "purged") await remove(r, provider, name, true);
        else await install(r, provider, name, want, markOf(have) === "hold");
        if (want !== "absent" && want !== "purged") {
          const now = await current(name);
          if (now.ensure === "absent" || now.ensure === "purged") throw new Error(`Could not find package ${name}`);
          if (!["present", "latest", "held"].includes(want) && now.ensure !== want) throw new Error(`Failed to update to version ${want}, got version ${now.ensure} instead`);
        }
      } catch (err) {
        // As Puppet: a failed sync is a failure event on ensure; latest and versions say "Could not update".
        const detail = (err as Error).message;
        const msg = want === "present" || want === "held" || want === "absent" || want === "purged" ? detail : `Could not update: ${detail}`;
        ctx.logGlobal("err", msg);
        return { provider, failed: true, events: [{ property: "ensure", previousValue: have.ensure, desiredValue: want, message: `change from '${have.ensure}' to '${shown}' failed: ${msg}`, name: eventName(want), status: "failure" }] };
      }
    }
    return {
      provider,
      events: [{ property: "ensure", previousValue: have.ensure, desiredValue: want, message: message(have.ensure, shown), name: eventName(want), status: ctx.noop ? "noop" : "success" }],
    };
  },
};
