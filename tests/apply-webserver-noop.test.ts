// examples/webserver's catalog, compiled by real Puppet, applied with --noop by cfg: the output is
// line for line what `puppet apply --noop` printed on a host without those packages, users, files
// and services (containment through `contain`, classes notifying classes, services, packages,
// users, defined types). Skipped where the host already has any of them.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const fixtures = "tests/fixtures/apply/webserver-noop";

function pristine(): boolean {
  const q = spawnSync("dpkg-query", ["-W", "--showformat", "${Status}\\n", "htop", "ntp", "nginx"], { encoding: "utf8" });
  if (q.stdout.includes("install ok installed")) return false;
  const passwd = existsSync("/etc/passwd") ? readFileSync("/etc/passwd", "utf8") : "";
  if (/^(alice|bob):/m.test(passwd)) return false;
  return !["/etc/ntp.conf", "/etc/nginx", "/etc/monitoring", "/var/www/www.example.com", "/srv/static", "/etc/init.d/nginx", "/etc/init.d/ntp"].some((p) => existsSync(p));
}

describe.skipIf(!pristine())("examples/webserver in noop against puppet apply --noop", () => {
  it("prints the same lines", () => {
    const r = spawnSync(process.execPath, ["bin/cfg.mjs", "apply", "--catalog", `${fixtures}/puppet-catalog.json`, "--noop", "--vardir", "/tmp/cfg-ws-noop-var"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    const strip = (t: string) => t.split("\n").filter((l) => l && !l.startsWith("Notice: Compiled catalog") && !l.startsWith("Notice: Applied catalog"));
    const cfgLines = strip(r.stdout.slice(0, r.stdout.indexOf("Summary:")));
    expect(cfgLines).toEqual(strip(readFileSync(`${fixtures}/puppet-noop.txt`, "utf8")));
  });
});
