import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const cfg = (args: string[], input?: string) =>
  spawnSync(process.execPath, ["bin/cfg.mjs", ...args], { encoding: "utf8", input });

describe("cfg CLI", () => {
  it("prints its version", () => {
    const r = cfg(["--version"]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe((JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version);
  });

  it("starts from the code cache that the build made (dist/cli.<build id>.cache)", () => {
    const r = spawnSync(process.execPath, ["bin/cfg.mjs", "--version"], { encoding: "utf8", env: { ...process.env, CFG_DEBUG_CODE_CACHE: "1" } });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("cfg: code cache used\n");
  });

  it("exits 2 on an unknown command", () => {
    const r = cfg(["no-such-command"]);
    expect(r.status).toBe(2);
  });

  it("stops quietly when the reader of its output goes away (| head)", () => {
    // ~2 MB of JSON into a pipe whose reader exits after one byte: EPIPE, not an internal error.
    const r = spawnSync("sh", ["-c", `"${process.execPath}" bin/cfg.mjs lint --no-config --format json tests/fixtures/parser/corpus | head -c 1 >/dev/null`], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
