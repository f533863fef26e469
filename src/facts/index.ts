// This host's facts with facter's names and shapes, read straight from /proc, /sys, /etc and
// node:os: no subprocess, so it takes milliseconds where facter takes about a second.
import { existsSync, readFileSync, readdirSync, readlinkSync, statfsSync } from "node:fs";
import { arch, cpus, hostname, networkInterfaces, release, userInfo } from "node:os";
import { bytesToHuman, detectVirtual, parseMeminfo, parseMounts, parseOsRelease, uptimeString } from "./parse.js";

type Facts = Record<string, unknown>;

function read(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

const ARCH: Record<string, string> = { x64: "amd64", arm64: "arm64", ia32: "i386", arm: "armhf", ppc64: "ppc64el", s390x: "s390x" };
const HARDWARE: Record<string, string> = { x64: "x86_64", arm64: "aarch64", ia32: "i686", arm: "armv7l", ppc64: "ppc64le", s390x: "s390x" };

function osFacts(): Facts {
  const rel = parseOsRelease(read("/etc/os-release") ?? read("/usr/lib/os-release") ?? "");
  const id = rel.ID ?? "linux";
  const name = id === "debian" ? "Debian" : id === "ubuntu" ? "Ubuntu" : id === "centos" ? "CentOS" : id === "rhel" ? "RedHat" : id === "fedora" ? "Fedora" : id === "rocky" ? "Rocky" : id === "almalinux" ? "AlmaLinux" : id === "alpine" ? "Alpine" : id === "sles" ? "SLES" : id.charAt(0).toUpperCase() + id.slice(1);
  const like = `${id} ${rel.ID_LIKE ?? ""}`;
  const family = /debian|ubuntu/.test(like) ? "Debian" : /rhel|fedora|centos/.test(like) ? "RedHat" : /suse/.test(like) ? "Suse" : /alpine/.test(like) ? "Alpine" : /arch/.test(like) ? "Archlinux" : name;
  // Debian's point release lives in /etc/debian_version (12.11), not os-release (12).
  const debianVersion = id === "debian" ? read("/etc/debian_version")?.trim() : undefined;
  const full = debianVersion && /^\d/.test(debianVersion) ? debianVersion : rel.VERSION_ID ?? "";
  const [major, minor] = full.split(".");
  const release: Facts = { full, major: major ?? "" };
  if (minor !== undefined) release.minor = minor;
  const selinux = existsSync("/sys/fs/selinux/enforce");
  return {
    architecture: ARCH[arch()] ?? arch(),
    distro: { codename: rel.VERSION_CODENAME ?? "", description: rel.PRETTY_NAME ?? "", id: name, release },
    family,
    hardware: HARDWARE[arch()] ?? arch(),
    name,
    release,
    selinux: { enabled: selinux },
  };
}

function prefixToMask4(bits: number): string {
  const n = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join(".");
}

function network4(addr: string, mask: string): string {
  const a = addr.split(".").map(Number);
  const m = mask.split(".").map(Number);
  return a.map((x, i) => x & m[i]!).join(".");
}

function expand6(addr: string): number[] {
  const [head, tail] = addr.split("::");
  const h = head ? head.split(":") : [];
  const t = tail !== undefined && tail ? tail.split(":") : [];
  const fill = addr.includes("::") ? 8 - h.length - t.length : 0;
  return [...h, ...Array(fill).fill("0"), ...t].map((x) => parseInt(x || "0", 16));
}

function compress6(words: number[]): string {
  const hex = words.map((w) => w.toString(16));
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen && j - i > 1) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (best < 0) return hex.join(":");
  return `${hex.slice(0, best).join(":")}::${hex.slice(best + bestLen).join(":")}`;
}

function network6(addr: string, prefix: number): { netmask: string; network: string } {
  const words = expand6(addr.split("%")[0]!);
  const mask = Array.from({ length: 8 }, (_, i) => {
    const bits = Math.max(0, Math.min(16, prefix - i * 16));
    return bits === 0 ? 0 : (0xffff << (16 - bits)) & 0xffff;
  });
  return { netmask: mask.map((m) => m.toString(16)).join(":").replace(/(:0)+$/, "::").replace(/^0::$/, "::"), network: compress6(words.map((w, i) => w & mask[i]!)) };
}

function scope6(addr: string): string {
  if (addr === "::1") return "host";
  if (/^fe[89ab]/i.test(addr)) return "link";
  if (/^fe[cdef]/i.test(addr)) return "site";
  return "global";
}

// facter's names for the IPv6 address flags of /proc/net/if_inet6 (IFA_F_*), in its order.
const IF6_FLAGS: [number, string][] = [[0x01, "temporary"], [0x02, "noad"], [0x04, "optimistic"], [0x08, "dadfailed"], [0x10, "homeaddress"], [0x20, "deprecated"], [0x40, "tentative"], [0x80, "permanent"]];

function ipv6Flags(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of (read("/proc/net/if_inet6") ?? "").split("\n")) {
    const f = line.trim().split(/\s+/);
    if (f.length < 6) continue;
    const addr = compress6(f[0]!.match(/.{4}/g)!.map((h) => parseInt(h, 16)));
    const bits = parseInt(f[4]!, 16);
    out.set(`${f[5]}|${addr}`, IF6_FLAGS.filter(([b]) => bits & b).map(([, n]) => n));
  }
  return out;
}

function sortKeys(o: Facts): Facts {
  const out: Facts = {};
  for (const k of Object.keys(o).sort()) out[k] = o[k];
  return out;
}

function networkingFacts(): Facts {
  const flags6 = ipv6Flags();
  const host = hostname();
  const short = host.split(".")[0]!;
  let domain = host.includes(".") ? host.slice(host.indexOf(".") + 1) : "";
  if (!domain) {
    const resolv = read("/etc/resolv.conf") ?? "";
    domain = /^domain\s+(\S+)/m.exec(resolv)?.[1] ?? /^search\s+(\S+)/m.exec(resolv)?.[1] ?? "";
  }
  const interfaces: Record<string, Facts> = {};
  let primary: string | undefined;
  for (const [name, addrs] of Object.entries(networkInterfaces())) {
    const iface: Facts = {};
    const b4: Facts[] = [];
    const b6: Facts[] = [];
    for (const a of addrs ?? []) {
      if (a.family === "IPv4") {
        b4.push({ address: a.address, netmask: a.netmask, network: network4(a.address, a.netmask) });
      } else {
        const prefix = Number(a.cidr?.split("/")[1] ?? 64);
        const n = network6(a.address, prefix);
        const binding: Facts = { address: a.address, netmask: n.netmask, network: n.network, scope6: scope6(a.address) };
        const fl = flags6.get(`${name}|${compress6(expand6(a.address.split("%")[0]!))}`);
        if (fl?.length) binding.flags = fl;
        b6.push(binding);
      }
      if (a.mac && a.mac !== "00:00:00:00:00:00") iface.mac = a.mac;
    }
    if (b4.length) {
      iface.bindings = b4;
      iface.ip = b4[0]!.address;
      iface.netmask = b4[0]!.netmask;
      iface.network = b4[0]!.network;
    }
    if (b6.length) {
      // facter prefers a global address for the interface's ip6.
      const main = b6.find((b) => b.scope6 === "global") ?? b6[0]!;
      iface.bindings6 = b6;
      iface.ip6 = main.address;
      iface.netmask6 = main.netmask;
      iface.network6 = main.network;
      iface.scope6 = main.scope6;
    }
    const mtu = read(`/sys/class/net/${name}/mtu`);
    if (mtu) iface.mtu = Number(mtu.trim());
    if (!iface.mac) {
      const mac = read(`/sys/class/net/${name}/address`)?.trim();
      if (mac && mac !== "00:00:00:00:00:00") iface.mac = mac;
    }
    interfaces[name] = sortKeys(iface);
  }
  // Interfaces without addresses (node:os omits them) still have a MAC and MTU in /sys.
  try {
    for (const name of readdirSync("/sys/class/net")) {
      if (interfaces[name]) continue;
      const iface: Facts = {};
      const mac = read(`/sys/class/net/${name}/address`)?.trim();
      if (mac && mac !== "00:00:00:00:00:00") iface.mac = mac;
      const mtu = read(`/sys/class/net/${name}/mtu`);
      if (mtu) iface.mtu = Number(mtu.trim());
      interfaces[name] = sortKeys(iface);
    }
  } catch {
    /* no /sys */
  }
  // The primary interface: the one carrying the default route.
  const route = read("/proc/net/route") ?? "";
  for (const line of route.split("\n").slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f[1] === "00000000" && f[0]) {
      primary = f[0];
      break;
    }
  }
  primary ??= Object.keys(interfaces).find((n) => n !== "lo" && interfaces[n]!.ip);
  const p = primary ? interfaces[primary] : undefined;
  const sorted: Record<string, Facts> = {};
  for (const k of Object.keys(interfaces).sort()) sorted[k] = interfaces[k]!;
  const out: Facts = { domain, fqdn: domain ? `${short}.${domain}` : short, hostname: short, interfaces: sorted };
  if (p) {
    for (const k of ["ip", "ip6", "mac", "mtu", "netmask", "netmask6", "network", "network6", "scope6"]) if (p[k] !== undefined) out[k] = p[k];
    out.primary = primary;
  }
  if (!domain) delete out.domain;
  return out;
}

function memoryFacts(): Facts {
  const m = parseMeminfo(read("/proc/meminfo") ?? "");
  const total = m.MemTotal ?? 0;
  const available = m.MemAvailable ?? m.MemFree ?? 0;
  const used = total - available;
  const system = { available: bytesToHuman(available), available_bytes: available, capacity: `${total ? ((used / total) * 100).toFixed(2) : "0.00"}%`, total: bytesToHuman(total), total_bytes: total, used: bytesToHuman(used), used_bytes: used };
  const out: Facts = { system };
  const swapTotal = m.SwapTotal ?? 0;
  if (swapTotal > 0) {
    const swapFree = m.SwapFree ?? 0;
    out.swap = { available: bytesToHuman(swapFree), available_bytes: swapFree, capacity: `${(((swapTotal - swapFree) / swapTotal) * 100).toFixed(2)}%`, total: bytesToHuman(swapTotal), total_bytes: swapTotal, used: bytesToHuman(swapTotal - swapFree), used_bytes: swapTotal - swapFree };
  }
  return out;
}

function processorFacts(): Facts {
  const list = cpus();
  const cpuinfo = read("/proc/cpuinfo") ?? "";
  const physical = new Set([...cpuinfo.matchAll(/^physical id\s*:\s*(\d+)/gm)].map((m) => m[1]));
  const models = list.map((c) => c.model.trim());
  // facter takes the integer part of the first "cpu MHz" line (x86) and prints it with hertz_to_human_readable.
  const mhz = Number(/^cpu MHz\s*:\s*(\d+)/m.exec(cpuinfo)?.[1] ?? list[0]?.speed ?? 0);
  return { cores: list.length / Math.max(1, physical.size || 1), count: list.length, isa: "unknown", models, physicalcount: Math.max(1, physical.size), speed: mhz >= 1000 ? `${(Math.round(mhz / 10) / 100).toFixed(2)} GHz` : `${mhz.toFixed(2)} MHz`, threads: 1 };
}

function identityFacts(): Facts {
  const u = userInfo();
  const group = (read("/etc/group") ?? "").split("\n").map((l) => l.split(":")).find((f) => f[2] === String(u.gid))?.[0] ?? String(u.gid);
  return { gid: u.gid, group, privileged: u.uid === 0, uid: u.uid, user: u.username };
}

function timezone(): string {
  try {
    const link = readlinkSync("/etc/localtime");
    const tz = link.split("zoneinfo/")[1];
    if (tz) {
      // facter prints the abbreviation (UTC, CET); the zone's current one via Intl.
      const abbr = new Intl.DateTimeFormat("en-US", { timeZone: tz, timeZoneName: "short" }).formatToParts(new Date()).find((p) => p.type === "timeZoneName")?.value;
      return abbr ?? tz;
    }
  } catch {
    /* no link */
  }
  return new Intl.DateTimeFormat("en-US", { timeZoneName: "short" }).formatToParts(new Date()).find((p) => p.type === "timeZoneName")?.value ?? "UTC";
}

/** facter's FilesystemHelper.compute_capacity: "100%" when full (or both 0), two decimals when used, else "0%". */
function mountCapacity(used: number, total: number): string {
  if (used === total) return "100%";
  return used > 0 ? `${((used / total) * 100).toFixed(2)}%` : "0%";
}

function mountpointFacts(): Facts {
  const out: Facts = {};
  for (const m of parseMounts(read("/proc/mounts") ?? "")) {
    // facter 4 (resolvers/mountpoints.rb) drops /proc and /sys mounts other than tmpfs, and autofs.
    if ((/^\/(proc|sys)/.test(m.path) && m.filesystem !== "tmpfs") || m.filesystem === "autofs") continue;
    try {
      const s = statfsSync(m.path);
      const size = s.blocks * s.bsize;
      const available = s.bavail * s.bsize;
      const used = size - s.bfree * s.bsize;
      out[m.path] = { available: bytesToHuman(available), available_bytes: available, capacity: mountCapacity(used, used + available), device: m.device, filesystem: m.filesystem, options: m.options, size: bytesToHuman(size), size_bytes: size, used: bytesToHuman(used), used_bytes: used };
    } catch {
      /* unreadable */
    }
  }
  return out;
}

function diskFacts(): Facts {
  const out: Facts = {};
  try {
    for (const d of readdirSync("/sys/block")) {
      if (/^(loop|ram|zram)/.test(d)) continue;
      const sectors = Number(read(`/sys/block/${d}/size`)?.trim() ?? 0);
      const disk: Facts = { size: bytesToHuman(sectors * 512), size_bytes: sectors * 512 };
      const rotational = read(`/sys/block/${d}/queue/rotational`)?.trim();
      if (rotational !== undefined) disk.type = rotational === "1" ? "hdd" : "ssd";
      const vendor = read(`/sys/block/${d}/device/vendor`)?.trim();
      if (vendor) disk.vendor = vendor;
      const model = read(`/sys/block/${d}/device/model`)?.trim();
      if (model) disk.model = model;
      out[d] = disk;
    }
  } catch {
    /* no /sys */
  }
  return out;
}

function virtualFact(): string {
  return detectVirtual({
    dockerenv: existsSync("/.dockerenv"),
    containerenv: existsSync("/run/.containerenv"),
    cgroup: read("/proc/1/cgroup"),
    environ1: read("/proc/1/environ"),
    productName: read("/sys/class/dmi/id/product_name")?.trim(),
    sysVendor: read("/sys/class/dmi/id/sys_vendor")?.trim(),
    cpuinfo: read("/proc/cpuinfo"),
    wsl: /microsoft/i.test(release()),
  });
}

/** facter 4's legacy flat names (`facter --show-legacy`), derived from the structured facts. */
function legacyFacts(f: Facts): Facts {
  const os = f.os as Facts;
  const rel = os.release as Facts;
  const distro = os.distro as Facts;
  const net = f.networking as Facts;
  const mem = (f.memory as Facts).system as Facts;
  const proc = f.processors as Facts;
  const id = f.identity as Facts;
  const uptime = f.system_uptime as Facts;
  const out: Facts = {
    architecture: os.architecture,
    hardwaremodel: os.hardware,
    operatingsystem: os.name,
    operatingsystemmajrelease: rel.major,
    operatingsystemrelease: rel.full,
    osfamily: os.family,
    lsbdistcodename: distro.codename,
    lsbdistdescription: distro.description,
    lsbdistid: distro.id,
    lsbdistrelease: (distro.release as Facts).full,
    lsbmajdistrelease: (distro.release as Facts).major,
    fqdn: net.fqdn,
    hostname: net.hostname,
    domain: net.domain,
    ipaddress: net.ip,
    ipaddress6: net.ip6,
    macaddress: net.mac,
    netmask: net.netmask,
    netmask6: net.netmask6,
    network: net.network,
    network6: net.network6,
    interfaces: Object.keys(net.interfaces as Facts).join(","),
    memorysize: mem.total,
    memorysize_mb: (mem.total_bytes as number) / 1048576,
    memoryfree: mem.available,
    memoryfree_mb: (mem.available_bytes as number) / 1048576,
    processorcount: proc.count,
    physicalprocessorcount: proc.physicalcount,
    id: id.user,
    gid: id.group,
    uptime: uptime.uptime,
    uptime_days: uptime.days,
    uptime_hours: uptime.hours,
    uptime_seconds: uptime.seconds,
    selinux: (os.selinux as Facts).enabled,
  };
  if ((distro.release as Facts).minor !== undefined) out.lsbminordistrelease = (distro.release as Facts).minor;
  (proc.models as string[]).forEach((m, i) => (out[`processor${i}`] = m));
  for (const [name, i] of Object.entries(net.interfaces as Record<string, Facts>)) {
    if (i.ip) out[`ipaddress_${name}`] = i.ip;
    if (i.ip6) out[`ipaddress6_${name}`] = i.ip6;
    if (i.mac) out[`macaddress_${name}`] = i.mac;
    if (i.mtu) out[`mtu_${name}`] = i.mtu;
    if (i.netmask) out[`netmask_${name}`] = i.netmask;
    if (i.netmask6) out[`netmask6_${name}`] = i.netmask6;
    if (i.network) out[`network_${name}`] = i.network;
    if (i.network6) out[`network6_${name}`] = i.network6;
    if (i.scope6) out[`scope6_${name}`] = i.scope6;
  }
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

export async function gatherFacts(): Promise<Record<string, unknown>> {
  const uptimeSeconds = Math.floor(Number((read("/proc/uptime") ?? "0").split(" ")[0]));
  const kernelrelease = release();
  const kernelversion = kernelrelease.split("-")[0]!;
  const virtual = virtualFact();
  const facts: Facts = {
    disks: diskFacts(),
    identity: identityFacts(),
    is_virtual: virtual !== "physical",
    kernel: "Linux",
    kernelmajversion: kernelversion.split(".").slice(0, 2).join("."),
    kernelrelease,
    kernelversion,
    load_averages: (() => {
      const [a, b, c] = (read("/proc/loadavg") ?? "0 0 0").split(" ").map(Number);
      return { "15m": c, "1m": a, "5m": b };
    })(),
    memory: memoryFacts(),
    mountpoints: mountpointFacts(),
    networking: networkingFacts(),
    os: osFacts(),
    path: process.env.PATH ?? "",
    processors: processorFacts(),
    system_uptime: { days: Math.floor(uptimeSeconds / 86400), hours: Math.floor(uptimeSeconds / 3600), seconds: uptimeSeconds, uptime: uptimeString(uptimeSeconds) },
    timezone: timezone(),
    virtual,
  };
  const legacy = legacyFacts(facts);
  for (const [k, v] of Object.entries(legacy)) if (!(k in facts)) facts[k] = v;
  const sorted: Facts = {};
  for (const k of Object.keys(facts).sort()) sorted[k] = facts[k];
  return sorted;
}

/** A dotted name ("os.release.major") looked up in the facts; undefined when absent. */
export function factValue(facts: Record<string, unknown>, name: string): unknown {
  let cur: unknown = facts;
  for (const part of name.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = Array.isArray(cur) ? cur[Number(part)] : (cur as Record<string, unknown>)[part];
  }
  return cur;
}
