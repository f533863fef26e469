// The examples' catalogs, compiled by real Puppet, applied with --noop by cfg: the output (both
// streams) is line for line what `puppet apply --noop` printed for the same catalog on a host
// in the same state (state.json: packages, users, groups, files, init scripts the catalog manages).
// Containment through `contain`, stages, classes notifying classes, services, packages, users,
// defined types, missing sources (failures). A case is skipped on a host in another state.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { hostState } from "./support/host-state.js";
import { describe, expect, it } from "vitest";

function sameHost(dir: string): boolean {
  if (!existsSync(`${dir}/state.json`)) return false;
  return JSON.stringify(hostState(`${dir}/puppet-catalog.json`)) === readFileSync(`${dir}/state.json`, "utf8").trim();
}

const strip = (t: string) => t.split("\n").filter((l) => l && !l.startsWith("Notice: Compiled catalog") && !l.startsWith("Notice: Applied catalog") && !l.startsWith("Summary:") && !l.startsWith("  "));

// ntp-module: `include ntp` with Debian's puppetlabs-ntp and stdlib, compiled by Puppet.
for (const name of ["webserver", "database", "repos-and-stages", "ntp-module"]) {
  const dir = `tests/fixtures/apply/${name}-noop`;
  describe.skipIf(!sameHost(dir))(`${name} in noop against puppet apply --noop`, () => {
    it("prints the same lines", () => {
      const r = spawnSync(process.execPath, ["bin/cfg.mjs", "apply", "--catalog", `${dir}/puppet-catalog.json`, "--noop", "--vardir", "/tmp/cfg-examples-noop-var"], { encoding: "utf8" });
      // Errors and warnings go to stderr; Puppet's recording interleaves them by time. Compare as
      // the two streams merged in cfg's order: every line is printed as it happens.
      const merged = spawnSync("/bin/sh", ["-c", `"${process.execPath}" bin/cfg.mjs apply --catalog ${dir}/puppet-catalog.json --noop --vardir /tmp/cfg-examples-noop-var 2>&1`], { encoding: "utf8" });
      expect(r.status).toBe(0);
      expect(strip(merged.stdout)).toEqual(strip(readFileSync(`${dir}/puppet-noop.txt`, "utf8")));
    });
  });
}
