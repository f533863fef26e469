// Pure parsers for the files facts come from, so they can be tested on captured text.

/** /etc/os-release: KEY=value lines, values optionally quoted. */
export function parseOsRelease(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (!m) continue;
    let v = m[2]!;
    if (/^".*"$|^'.*'$/.test(v)) v = v.slice(1, -1).replace(/\\(["\\$`])/g, "$1");
    out[m[1]!] = v;
  }
  return out;
}

/** /proc/meminfo: kB values by key, as bytes. */
export function parseMeminfo(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of text.split("\n")) {
    const m = /^(\w+(?:\(\w+\))?):\s+(\d+)(?:\s+kB)?$/.exec(line.trim());
    if (m) out[m[1]!] = Number(m[2]) * (line.includes("kB") ? 1024 : 1);
  }
  return out;
}

export interface MountEntry {
  readonly device: string;
  readonly path: string;
  readonly filesystem: string;
  readonly options: string[];
}

/** /proc/mounts; octal escapes (\040 for a space) decoded. */
export function parseMounts(text: string): MountEntry[] {
  const un = (s: string): string => s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
  return text
    .split("\n")
    .filter(Boolean)
    .map((l) => l.split(" "))
    .filter((f) => f.length >= 4)
    .map((f) => ({ device: un(f[0]!), path: un(f[1]!), filesystem: f[2]!, options: f[3]!.split(",") }));
}

/** "23.54 GiB" as facter prints byte sizes. */
export function bytesToHuman(bytes: number): string {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${bytes} bytes` : `${v.toFixed(2)} ${units[i]}`;
}

/** Facter's uptime string: "3 days", "1 day", "5:32 hours", "0:04 hours". */
export function uptimeString(seconds: number): string {
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (days >= 2) return `${days} days`;
  if (days === 1) return "1 day";
  return `${hours}:${String(minutes).padStart(2, "0")} hours`;
}

export interface VirtualEvidence {
  readonly dockerenv?: boolean;
  readonly containerenv?: boolean;
  readonly cgroup?: string;
  readonly environ1?: string;
  readonly productName?: string;
  readonly sysVendor?: string;
  readonly cpuinfo?: string;
  readonly wsl?: boolean;
}

/** facter's `virtual`: containers first (they run on some hypervisor too), then hypervisors. */
export function detectVirtual(e: VirtualEvidence): string {
  const env = e.environ1 ?? "";
  if (/(^|\0)container=lxc/.test(env) || /\/lxc\//.test(e.cgroup ?? "")) return "lxc";
  if (/(^|\0)container=podman/.test(env) || e.containerenv) return "podman";
  if (/(^|\0)container=systemd-nspawn/.test(env)) return "systemd_nspawn";
  if (e.dockerenv || /\/docker[/-]|docker-[0-9a-f]+\.scope|\/kubepods/.test(e.cgroup ?? "")) return "docker";
  if (e.wsl) return "wsl";
  const product = `${e.productName ?? ""} ${e.sysVendor ?? ""}`;
  if (/VMware/i.test(product)) return "vmware";
  if (/VirtualBox/i.test(product)) return "virtualbox";
  if (/Microsoft Corporation|Virtual Machine/.test(product) && /Hyper-V|Virtual Machine/i.test(product)) return "hyperv";
  if (/Xen/i.test(product)) return "xenhvm";
  if (/Google Compute Engine/i.test(product)) return "gce";
  if (/Amazon EC2/i.test(product)) return "kvm";
  if (/KVM|QEMU|Standard PC|OpenStack|Bochs/i.test(product)) return "kvm";
  if (/^flags\s*:.*\bhypervisor\b/m.test(e.cpuinfo ?? "")) return "kvm";
  return "physical";
}
