// The host state a catalog's noop output depends on (tests/apply-examples-noop.test.ts). Also run by
// scripts/record-host-state.mjs when Puppet's output for such a fixture is recorded.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";

interface Res {
  type: string;
  title: string;
  parameters?: Record<string, unknown>;
}

/**
 * The state of everything a catalog manages, as far as its noop output depends on it: a fixture
 * records it next to Puppet's output (state.json), and a case runs only where the host matches.
 */
export function hostState(catalogPath: string): Record<string, string> {
  const { resources } = JSON.parse(readFileSync(catalogPath, "utf8")) as { resources: Res[] };
  const db = (f: string) => (existsSync(f) ? readFileSync(f, "utf8").split("\n") : []);
  const passwd = db("/etc/passwd");
  const group = db("/etc/group");
  const state: Record<string, string> = {};
  for (const r of resources) {
    const key = `${r.type}[${r.title}]`;
    if (r.type === "Package") {
      const q = spawnSync("dpkg-query", ["-W", "--showformat", "${Status} ${Version}", String(r.parameters?.name ?? r.title)], { encoding: "utf8" });
      state[key] = q.stdout.trim();
    } else if (r.type === "User") state[key] = passwd.find((l) => l.startsWith(`${r.title}:`)) ?? "absent";
    else if (r.type === "Group") state[key] = group.find((l) => l.startsWith(`${r.title}:`)) ?? "absent";
    else if (r.type === "File") {
      const p = String(r.parameters?.path ?? r.title);
      state[key] = !existsSync(p) ? "absent" : statSync(p).isFile() ? createHash("sha256").update(readFileSync(p)).digest("hex") : "present";
    } else if (r.type === "Service") state[key] = existsSync(`/etc/init.d/${r.title}`) ? "script" : "none";
  }
  return state;
}

