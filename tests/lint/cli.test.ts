// End-to-end `cfg lint` (needs `npm run build`, which `npm test` runs first).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const BIN = resolve(import.meta.dirname, "../../bin/cfg.mjs");
const run = (cwd: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BIN, "lint", ...args], { cwd, encoding: "utf8", env: { ...process.env, GITHUB_ACTION: "", ...env } });

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "cfg-lint-"));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, ".."), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

const CLEAN = "# Docs\nclass mymod {\n  file { '/tmp/a':\n    ensure => file,\n  }\n}\n";
const WARN = "# Docs\nclass mymod {\n  $x = \"a\"\n}\n";
const ERR = "# Docs\nclass mymod {\n  $x =\t1\n}\n";

describe("cfg lint", () => {
  it("exit 0 when clean, 0 with warnings, 1 with errors", () => {
    expect(run(project({ "mymod/manifests/init.pp": CLEAN }), []).status).toBe(0);
    expect(run(project({ "mymod/manifests/init.pp": WARN }), []).status).toBe(0);
    const r = run(project({ "mymod/manifests/init.pp": ERR }), []);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("mymod/manifests/init.pp:3:7 error hard_tabs tab character found");
  });
  it("--max-warnings and --fail-on-warnings turn warnings into exit 1", () => {
    const dir = project({ "mymod/manifests/init.pp": WARN });
    expect(run(dir, ["--max-warnings", "0"]).status).toBe(1);
    expect(run(dir, ["--max-warnings", "1"]).status).toBe(0);
    expect(run(dir, ["--fail-on-warnings"]).status).toBe(1);
  });
  it("exit 2 for usage and config errors, with a clear message", () => {
    const dir = project({ "mymod/manifests/init.pp": CLEAN, ".cfg-lint.json": '{"checks": {"hard_tab": "off"}}' });
    const r = run(dir, []);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Unknown check 'hard_tab'; did you mean 'hard_tabs'?");
    expect(run(dir, ["--no-config", "--format", "xml"]).status).toBe(2);
    expect(run(dir, ["--no-config", "--only-checks", "nope"]).status).toBe(2);
    expect(run(dir, ["--no-config", "missing.pp"]).status).toBe(2);
  });
  it("--no-<check>-check, --<check>-check and --only-checks", () => {
    const dir = project({ "mymod/manifests/init.pp": ERR });
    expect(run(dir, ["--no-hard_tabs-check"]).status).toBe(0);
    const json = (args: string[]) => JSON.parse(run(dir, ["--format", "json", ...args]).stdout).diagnostics.map((d: { check: string }) => d.check);
    expect(json(["--only-checks", "hard_tabs"])).toEqual(["hard_tabs"]);
    expect(json(["--code_on_top_scope-check"])).toEqual(["hard_tabs"]);
  });
  it("every output format renders", () => {
    const dir = project({ "mymod/manifests/init.pp": ERR });
    const out = (f: string) => run(dir, ["--format", f]).stdout;
    const j = JSON.parse(out("json"));
    expect(j.format_version).toBe("1.0");
    expect(j.diagnostics[0]).toMatchObject({ file: "mymod/manifests/init.pp", line: 3, column: 7, endLine: 3, endColumn: 8, severity: "error", check: "hard_tabs", code: "hard_tabs", message: "tab character found" });
    const sarif = JSON.parse(out("sarif"));
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.region).toEqual({ startLine: 3, startColumn: 7, endLine: 3, endColumn: 8 });
    expect(out("github")).toBe("::error file=mymod/manifests/init.pp,line=3,endLine=3,col=7,endColumn=8,title=hard_tabs::tab character found (check: hard_tabs)\n");
    expect(out("junit")).toContain('<failure type="error" message="tab character found">');
    expect(out("checkstyle")).toContain('<error line="3" column="7" severity="error" message="tab character found" source="cfg-lint.hard_tabs"/>');
    expect(JSON.parse(out("codeclimate"))[0]).toMatchObject({ check_name: "hard_tabs", severity: "major", location: { path: "mymod/manifests/init.pp", lines: { begin: 3, end: 3 } } });
  });
  it("--fix rewrites, --fix-dry-run only shows the diff", () => {
    const dir = project({ "mymod/manifests/init.pp": ERR });
    const dry = run(dir, ["--fix-dry-run"]);
    expect(dry.stdout).toContain("-  $x =\t1\n+  $x =  1\n");
    expect(readFileSync(join(dir, "mymod/manifests/init.pp"), "utf8")).toBe(ERR);
    const r = run(dir, ["--fix"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("FIXED hard_tabs");
    expect(readFileSync(join(dir, "mymod/manifests/init.pp"), "utf8")).toBe("# Docs\nclass mymod {\n  $x =  1\n}\n");
  });
  it("respects .gitignore, default excludes and ignore globs", () => {
    const dir = project({ "mymod/manifests/init.pp": CLEAN, "build/x.pp": ERR, "vendor/y.pp": ERR, "other/z.pp": ERR, ".gitignore": "build/\n" });
    expect(run(dir, ["--ignore-paths", "other/**"]).status).toBe(0);
    expect(run(dir, []).status).toBe(1);
  });
  it("reads stdin with '-'", () => {
    const r = spawnSync(process.execPath, [BIN, "lint", "--format", "json", "-"], { input: "$x = \"a\"\n", encoding: "utf8" });
    expect(JSON.parse(r.stdout).diagnostics.map((d: { check: string }) => d.check)).toEqual(["double_quoted_strings"]);
    const named = spawnSync(process.execPath, [BIN, "lint", "--format", "json", "--stdin-filename", "mod/manifests/init.pp", "-"], { input: "# Docs\nclass other {\n}\n", encoding: "utf8" });
    expect(JSON.parse(named.stdout).diagnostics.map((d: { file: string; check: string }) => `${d.file} ${d.check}`)).toEqual(["mod/manifests/init.pp autoloader_layout"]);
  });
});
