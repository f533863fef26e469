import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";

const cfg = (args: string[], input?: string) =>
  spawnSync(process.execPath, ["bin/cfg.mjs", ...args], { encoding: "utf8", input });

describe("cfg CLI", () => {
  it("prints its version", () => {
    const r = cfg(["--version"]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("exits 2 on an unknown command", () => {
    const r = cfg(["no-such-command"]);
    expect(r.status).toBe(2);
  });
});
