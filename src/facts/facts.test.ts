// Facts: parsers on captured text, and, where facter is installed, cfg's facts against facter's.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { factValue, gatherFacts } from "./index.js";
import { bytesToHuman, detectVirtual, parseMeminfo, parseMounts, parseOsRelease, uptimeString } from "./parse.js";

describe("fact parsers", () => {
  it("reads os-release", () => {
    const r = parseOsRelease('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\n');
    expect(r).toEqual({ PRETTY_NAME: "Debian GNU/Linux 12 (bookworm)", ID: "debian", VERSION_ID: "12", VERSION_CODENAME: "bookworm" });
  });

  it("reads meminfo and mounts", () => {
    expect(parseMeminfo("MemTotal:       24684092 kB\nMemAvailable:   23974800 kB\nHugePages_Total:       0\n")).toEqual({ MemTotal: 24684092 * 1024, MemAvailable: 23974800 * 1024, HugePages_Total: 0 });
    expect(parseMounts("/dev/vda / ext4 rw,relatime 0 0\n/dev/sdb1 /mnt/my\\040disk vfat ro 0 0\n")).toEqual([
      { device: "/dev/vda", path: "/", filesystem: "ext4", options: ["rw", "relatime"] },
      { device: "/dev/sdb1", path: "/mnt/my disk", filesystem: "vfat", options: ["ro"] },
    ]);
  });

  it("prints sizes and uptimes as facter does", () => {
    expect(bytesToHuman(25276510208)).toBe("23.54 GiB");
    expect(bytesToHuman(512)).toBe("512 bytes");
    expect(uptimeString(3 * 86400 + 5)).toBe("3 days");
    expect(uptimeString(86400 + 3600)).toBe("1 day");
    expect(uptimeString(5 * 3600 + 32 * 60)).toBe("5:32 hours");
  });

  it("tells containers and hypervisors apart", () => {
    expect(detectVirtual({ dockerenv: true, cpuinfo: "flags : fpu hypervisor" })).toBe("docker");
    expect(detectVirtual({ cgroup: "12:pids:/docker/3f2a9c0b1d\n" })).toBe("docker");
    expect(detectVirtual({ cgroup: "0::/kubepods/besteffort/pod1\n" })).toBe("docker");
    expect(detectVirtual({ environ1: "PATH=/bin\0container=lxc\0" })).toBe("lxc");
    expect(detectVirtual({ environ1: "container=podman\0" })).toBe("podman");
    expect(detectVirtual({ environ1: "container=systemd-nspawn\0" })).toBe("systemd_nspawn");
    expect(detectVirtual({ productName: "KVM", sysVendor: "Red Hat" })).toBe("kvm");
    expect(detectVirtual({ productName: "Standard PC (Q35 + ICH9, 2009)", sysVendor: "QEMU" })).toBe("kvm");
    expect(detectVirtual({ productName: "VMware Virtual Platform", sysVendor: "VMware, Inc." })).toBe("vmware");
    expect(detectVirtual({ productName: "VirtualBox", sysVendor: "innotek GmbH" })).toBe("virtualbox");
    expect(detectVirtual({ productName: "Virtual Machine", sysVendor: "Microsoft Corporation" })).toBe("hyperv");
    expect(detectVirtual({ productName: "HVM domU", sysVendor: "Xen" })).toBe("xenhvm");
    expect(detectVirtual({ productName: "PowerEdge R640", sysVendor: "Dell Inc.", cpuinfo: "flags : fpu sse" })).toBe("physical");
  });
});

function facter(): Record<string, unknown> | undefined {
  // facter exits 1 here after a harmless permission error on /proc/1/environ; its JSON is complete.
  const r = spawnSync("facter", ["--json", "--show-legacy"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  try {
    return r.stdout ? (JSON.parse(r.stdout) as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const theirs = facter();

describe.skipIf(!theirs)("cfg's facts against facter's on this host", () => {
  it("agrees on every shared fact that does not change from second to second", async () => {
    const ours = await gatherFacts();
    const keys = [
      "os.name", "os.family", "os.release.full", "os.release.major", "os.release.minor", "os.distro.codename", "os.distro.description", "os.distro.id",
      "os.architecture", "os.hardware", "os.selinux.enabled", "kernel", "kernelrelease", "kernelversion", "kernelmajversion",
      "networking.hostname", "networking.fqdn", "networking.domain", "networking.ip", "networking.ip6", "networking.mac", "networking.netmask",
      "networking.network", "networking.primary", "networking.interfaces", "processors.count", "processors.models", "processors.physicalcount", "processors.speed",
      "memory.system.total", "memory.system.total_bytes", "identity", "timezone", "disks", "path",
      "operatingsystem", "osfamily", "operatingsystemrelease", "operatingsystemmajrelease", "lsbdistcodename", "hostname", "fqdn",
      "ipaddress", "ipaddress6", "macaddress", "architecture", "hardwaremodel", "processorcount", "memorysize", "interfaces", "id", "gid",
    ];
    const diff: string[] = [];
    for (const k of keys) {
      const a = factValue(ours, k);
      const b = factValue(theirs!, k);
      if (JSON.stringify(a) !== JSON.stringify(b)) diff.push(`${k}: cfg ${JSON.stringify(a)} facter ${JSON.stringify(b)}`);
    }
    expect(diff).toEqual([]);
  });
});
