import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const cfg = (args: string[]) => spawnSync(process.execPath, ["bin/cfg.mjs", "facts", ...args], { encoding: "utf8" });

describe("cfg facts", () => {
  it("prints every fact as JSON, keys sorted, with facter's structured and legacy names", () => {
    const r = cfg([]);
    expect(r.status).toBe(0);
    const facts = JSON.parse(r.stdout);
    expect(Object.keys(facts)).toEqual([...Object.keys(facts)].sort());
    for (const k of ["os", "kernel", "networking", "processors", "memory", "identity", "path", "timezone", "system_uptime", "virtual", "is_virtual", "osfamily", "ipaddress", "hostname"]) expect(facts).toHaveProperty(k);
    expect(facts.kernel).toBe("Linux");
    expect(facts.identity.uid).toBe(process.getuid!());
  });

  it("prints one named fact bare, several as name => value, and maps with --format", () => {
    expect(cfg(["kernel"]).stdout).toBe("Linux\n");
    expect(cfg(["kernel", "identity.uid"]).stdout).toBe(`kernel => Linux\nidentity.uid => ${process.getuid!()}\n`);
    expect(JSON.parse(cfg(["--format", "json", "kernel", "nosuch"]).stdout)).toEqual({ kernel: "Linux", nosuch: null });
    expect(parse(cfg(["--format", "yaml", "kernel"]).stdout)).toEqual({ kernel: "Linux" });
    expect(cfg(["--format", "xml"]).status).toBe(2);
  });
});
