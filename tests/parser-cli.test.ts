// `cfg validate` and `cfg parse` as commands (needs the build: `npm test` builds first).
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const cfg = (args: string[], input?: string) =>
  spawnSync(process.execPath, [join(root, "bin/cfg.mjs"), ...args], { encoding: "utf8", input, cwd: root });
const errDir = "tests/fixtures/parser/errors";
const pnDir = "tests/fixtures/parser/pn";

describe("cfg validate", () => {
  it("exit 0 for valid files, nothing printed", () => {
    const r = cfg(["validate", `${pnDir}/resources.pp`, `${pnDir}/calls.pp`]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
  });

  it("exit 1 and every error of a file, as JSON with positions", () => {
    const r = cfg(["validate", "--format", "json", `${errDir}/three-errors.pp`]);
    expect(r.status).toBe(1);
    const diags = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(diags.map((d) => [d.line, d.column, d.code, d.message])).toEqual([
      [1, 11, "CFG1100", "Syntax error at ')'"],
      [3, 1, "CFG1100", "Syntax error at 'class'"],
      [5, 1, "CFG1100", "Syntax error at end of input"],
    ]);
    for (const d of diags) {
      for (const k of ["file", "line", "column", "endLine", "endColumn", "severity", "code", "message"]) expect(d).toHaveProperty(k);
    }
  });

  it("text output: file:line:column, the source line and a caret", () => {
    const r = cfg(["validate", `${errDir}/assign-match-var.pp`]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${errDir}/assign-match-var.pp:1:1 error CFG1200 Illegal attempt to assign to the numeric match result variable '$0'. Numeric variables are not assignable`);
    expect(r.stderr).toContain("> 1 | $0 = 1");
    expect(r.stderr).toContain("^^");
  });

  it("walks directories for .pp and .epp", () => {
    const r = cfg(["validate", "--format", "json", errDir]);
    expect(r.status).toBe(1);
    const files = new Set((JSON.parse(r.stdout) as { file: string }[]).map((d) => d.file));
    expect(files.has(`${errDir}/bad-octal.pp`)).toBe(true);
    expect(files.has(`${errDir}/extra-brace.pp`)).toBe(true);
  });

  it("reads stdin for '-'", () => {
    expect(cfg(["validate", "-"], "notice(1)\n").status).toBe(0);
    const r = cfg(["validate", "--format", "json", "-"], "$x = 08\n");
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ file: "-", line: 1, column: 6, message: "Not a valid octal number 08" });
  });

  it("exit 2 for usage errors, 1 for a missing file", () => {
    expect(cfg(["validate"]).status).toBe(2);
    expect(cfg(["validate", "--format", "xml", `${pnDir}/misc.pp`]).status).toBe(2);
    expect(cfg(["validate", "no/such/file.pp"]).status).toBe(1);
  });
});

describe("cfg parse", () => {
  it("--format pn prints what puppet parser dump prints for several files", () => {
    const files = [`${pnDir}/misc.pp`, `${pnDir}/calls.pp`];
    const r = cfg(["parse", "--format", "pn", ...files]);
    expect(r.status).toBe(0);
    // Each fixture is Puppet's output for the file alone, headed `--- NAME`: rebase the header.
    const expected = files.map((f) => readFileSync(join(root, f + ".pn"), "utf8").replace(/^--- [^(\n]*/, `--- ${f}`).replace(/\n$/, "")).join("") + "\n";
    expect(r.stdout).toBe(expected);
  });

  it("--format json prints the AST with bigints as strings", () => {
    const r = cfg(["parse", "-"], "$x = 0x10\n");
    expect(r.status).toBe(0);
    const [entry] = JSON.parse(r.stdout) as { ast: { body: { right: { value: string; radix: number } }[] } }[];
    expect(entry!.ast.body[0]!.right).toMatchObject({ value: "16", radix: 16 });
  });
});
