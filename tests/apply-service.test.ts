// A file notifying a service (base provider around tests/fixtures/apply/service/daemon.sh), applied
// by cfg and compared with what puppet apply printed: a start is not followed by a restart, a quiet
// run stays quiet, and a content change restarts the service (a new process).
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const fixtures = "tests/fixtures/apply/service";
const root = "/tmp/cfg-svc"; // the manifest's own path
const facts = `${root}-facts.json`;

function apply() {
  return spawnSync(process.execPath, ["bin/cfg.mjs", "apply", `${fixtures}/site.pp`, "--node", "vm", "--facts", facts, "--vardir", `${root}-var`, "--detailed-exitcodes"], { encoding: "utf8" });
}

function comparable(text: string): string[] {
  const lines = text.split("\n").filter(Boolean).map((l) => l.replace(/ in \d+\.\d+ seconds$/, ""));
  return lines.slice(0, lines.findIndex((l) => l.startsWith("Notice: Applied catalog")) + 1);
}

const pid = (): string => (existsSync(`${root}/pid`) ? readFileSync(`${root}/pid`, "utf8").trim() : "");

describe("a service notified by a file, against puppet apply", () => {
  beforeAll(() => {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root);
    cpSync(`${fixtures}/daemon.sh`, `${root}/daemon.sh`);
    cpSync(`${fixtures}/ctl`, `${root}/ctl`);
    writeFileSync(facts, JSON.stringify({ networking: { fqdn: "vm" } }));
  });
  afterAll(() => {
    spawnSync(`${root}/ctl`, ["stop"]);
    for (const p of [root, facts, `${root}-var`]) rmSync(p, { recursive: true, force: true });
  });

  it("starts, stays quiet, restarts on change", () => {
    let r = apply();
    expect(r.stderr).toBe("");
    expect(r.status).toBe(2);
    expect(comparable(r.stdout)).toEqual(comparable(readFileSync(`${fixtures}/puppet-run1.txt`, "utf8")));
    const first = pid();
    expect(first).not.toBe("");
    r = apply();
    expect(r.status).toBe(0);
    expect(comparable(r.stdout)).toEqual(comparable(readFileSync(`${fixtures}/puppet-run2.txt`, "utf8")));
    expect(pid()).toBe(first);
    appendFileSync(`${root}/conf`, "extra\n");
    r = apply();
    expect(r.status).toBe(2);
    expect(comparable(r.stdout)).toEqual(comparable(readFileSync(`${fixtures}/puppet-changed.txt`, "utf8")));
    expect(pid()).not.toBe(first);
    expect(pid()).not.toBe("");
  });
});
