// Legacy (flat) facts -> structured facts, as puppet-lint 4's legacy_facts (a plugin before 3.1).
// Finds `$::osfamily`, `$facts['osfamily']` and the same inside strings, on the AST.
import type { Node } from "../../ast/nodes.js";
import { defineRule } from "../rule.js";

/** Legacy fact -> path in the structured facts (only those with an exact equivalent get a fix). */
export const LEGACY_FACTS: Readonly<Record<string, readonly string[] | null>> = {
  architecture: ["os", "architecture"], augeasversion: ["augeas", "version"],
  bios_release_date: ["dmi", "bios", "release_date"], bios_vendor: ["dmi", "bios", "vendor"], bios_version: ["dmi", "bios", "version"],
  boardassettag: ["dmi", "board", "asset_tag"], boardmanufacturer: ["dmi", "board", "manufacturer"], boardproductname: ["dmi", "board", "product"],
  boardserialnumber: ["dmi", "board", "serial_number"], chassisassettag: ["dmi", "chassis", "asset_tag"], chassistype: ["dmi", "chassis", "type"],
  domain: ["networking", "domain"], fqdn: ["networking", "fqdn"], hostname: ["networking", "hostname"],
  gid: ["identity", "group"], id: ["identity", "user"], hardwareisa: ["processors", "isa"], hardwaremodel: ["os", "hardware"],
  ipaddress: ["networking", "ip"], ipaddress6: ["networking", "ip6"], macaddress: ["networking", "mac"], netmask: ["networking", "netmask"],
  netmask6: ["networking", "netmask6"], network: ["networking", "network"], network6: ["networking", "network6"], mtu: null,
  lsbdistcodename: ["os", "distro", "codename"], lsbdistdescription: ["os", "distro", "description"], lsbdistid: ["os", "distro", "id"],
  lsbdistrelease: ["os", "distro", "release", "full"], lsbmajdistrelease: ["os", "distro", "release", "major"],
  lsbminordistrelease: ["os", "distro", "release", "minor"], lsbrelease: ["os", "distro", "release", "specification"],
  manufacturer: ["dmi", "manufacturer"], productname: ["dmi", "product", "name"], serialnumber: ["dmi", "product", "serial_number"],
  uuid: ["dmi", "product", "uuid"], memoryfree: ["memory", "system", "available"], memoryfree_mb: null, memorysize: ["memory", "system", "total"],
  memorysize_mb: null, swapfree: ["memory", "swap", "available"], swapfree_mb: null, swapsize: ["memory", "swap", "total"], swapsize_mb: null,
  operatingsystem: ["os", "name"], operatingsystemmajrelease: ["os", "release", "major"], operatingsystemrelease: ["os", "release", "full"],
  osfamily: ["os", "family"], processorcount: ["processors", "count"], physicalprocessorcount: ["processors", "physicalcount"],
  rubyplatform: ["ruby", "platform"], rubysitedir: ["ruby", "sitedir"], rubyversion: ["ruby", "version"],
  selinux: ["os", "selinux", "enabled"], selinux_config_mode: ["os", "selinux", "config_mode"], selinux_config_policy: ["os", "selinux", "config_policy"],
  selinux_current_mode: ["os", "selinux", "current_mode"], selinux_enforced: ["os", "selinux", "enforced"], selinux_policyversion: ["os", "selinux", "policy_version"],
  sshdsakey: ["ssh", "dsa", "key"], sshecdsakey: ["ssh", "ecdsa", "key"], sshed25519key: ["ssh", "ed25519", "key"], sshrsakey: ["ssh", "rsa", "key"],
  system32: null, uptime: ["system_uptime", "uptime"], uptime_days: ["system_uptime", "days"], uptime_hours: ["system_uptime", "hours"],
  uptime_seconds: ["system_uptime", "seconds"], zfs_version: null, zpool_version: null,
};
const PER_INTERFACE: Readonly<Record<string, string>> = { ipaddress: "ip", ipaddress6: "ip6", macaddress: "mac", netmask: "netmask", netmask6: "netmask6", network: "network", network6: "network6", mtu: "mtu" };

/** The structured path of a legacy fact name, null when legacy without an exact equivalent, undefined when not legacy. */
export function structuredPath(fact: string): readonly string[] | null | undefined {
  if (fact in LEGACY_FACTS) return LEGACY_FACTS[fact]!;
  const m = /^(ipaddress6?|macaddress|netmask6?|network6?|mtu)_(\w+)$/.exec(fact);
  if (m) return ["networking", "interfaces", m[2]!, PER_INTERFACE[m[1]!]!];
  if (/^(processor\d+|sshfp_\w+|blockdevice_\w+|ldom_\w+|zone_\w+)$/.test(fact)) return null;
  return undefined;
}

const path = (p: readonly string[]): string => `facts${p.map((k) => `['${k}']`).join("")}`;

export default defineRule({
  meta: { name: "legacy_facts", level: "warning", enabled: false, fixable: true, origin: "plugin", description: "Legacy flat fact (`$::osfamily`, `$facts['osfamily']`): use the structured fact (`$facts['os']['family']`). Off by default (puppet-lint 3.0.1 has no such check)." },
  check(ctx) {
    const text = ctx.file.text;
    for (const n of ctx.nodes as readonly Node[]) {
      if (n.kind === "VariableExpression" && n.name.startsWith("::")) {
        const p = structuredPath(n.name.slice(2));
        if (p === undefined) continue;
        const src = text.slice(n.span.start, n.span.end);
        const dollar = src.startsWith("$") ? "$" : "";
        const fix = p && src.replace(/^\$/, "") === n.name ? [{ start: n.span.start, end: n.span.end, text: `${dollar}${path(p)}` }] : undefined;
        ctx.report({ start: n.span.start, end: n.span.end, message: "legacy fact", fix });
      } else if (n.kind === "AccessExpression" && n.left.kind === "VariableExpression" && (n.left.name === "facts" || n.left.name === "::facts")) {
        const key = n.keys[0];
        if (!key || key.kind !== "LiteralString") continue;
        const p = structuredPath(key.value);
        if (p === undefined) continue;
        const src = text.slice(n.left.span.start, n.left.span.end);
        const dollar = src.startsWith("$") ? "$" : "";
        const fix = p && n.keys.length === 1 ? [{ start: n.span.start, end: n.span.end, text: `${dollar}${path(p)}` }] : undefined;
        ctx.report({ start: n.span.start, end: n.span.end, message: "legacy fact", fix });
      }
    }
  },
});
