// `cfg compile` as a command: facts in YAML (Puppet's name/values form), notices on stderr, the
// catalog on stdout or atomically in --output, --format summary, exit codes.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const fx = join(root, "tests", "fixtures", "compile");
const cfg = (...args: string[]) => spawnSync(process.execPath, [join(root, "bin", "cfg.mjs"), "compile", ...args], { encoding: "utf8" });
const built = existsSync(join(root, "dist"));

describe.skipIf(!built)("cfg compile", () => {
  it("compiles a manifest with YAML facts; notices go to stderr", () => {
    const r = cfg(join(fx, "site.pp"), "--node", "node1.example.com", "--facts", join(fx, "facts.yaml"));
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("Notice: Scope(Class[main]): family=Debian workers=8\n");
    const cat = JSON.parse(r.stdout);
    const file = cat.resources.find((x: { type: string }) => x.type === "File");
    expect(file.parameters).toEqual({ ensure: "file", mode: "0644", content: "workers=8\n" });
    expect(file.line).toBe(3);
  });
  it("writes --output and prints a summary", () => {
    const out = join(mkdtempSync(join(tmpdir(), "cfg-compile-")), "catalog.json");
    const r = cfg(join(fx, "site.pp"), "--node", "node1.example.com", "--facts", join(fx, "facts.yaml"), "--output", out);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(JSON.parse(readFileSync(out, "utf8")).name).toBe("node1.example.com");
    const s = cfg(join(fx, "site.pp"), "--node", "node1.example.com", "--facts", join(fx, "facts.yaml"), "--format", "summary");
    expect(s.stdout).toContain("resources: 3");
  });
  it("exits 1 with the location and code frame of an evaluation error", () => {
    const c = join(root, "tests", "conformance", "cases", "180-errors-reassign-variable");
    const r = cfg(c, "--node", "node1.example.com", "--facts", join(c, "facts.json"));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("site.pp:3:7");
    expect(r.stderr).toContain("Cannot reassign variable '$port'");
  });
  it("rejects an unknown format with exit 2", () => {
    expect(cfg(join(fx, "site.pp"), "--node", "n", "--format", "xml").status).toBe(2);
  });
});
