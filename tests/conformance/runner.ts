// Runs one conformance case through cfg's compiler and compares with Puppet's recorded outputs,
// using compare.mjs's normalisation and comparison (copied verbatim from ../shared/reference).
// The comparison is made with --order (Puppet's resource, class and hash-key order also count), stricter
// than the suite's bar; CFG_CONFORMANCE_NO_ORDER=1 turns that off.
import { readFileSync, existsSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { compile, stringifyCatalog } from "../../src/compiler/compile.js";
// @ts-expect-error plain ESM module without types
import { parseJSON, normalize, compareCatalogs } from "./compare.mjs";

export interface CaseResult {
  name: string;
  pass: boolean;
  problems: string[];
}

export const CASES_DIR = join(import.meta.dirname, "cases");
/** Extra cases written for cfg (same layout, expected outputs made by make-expected.sh with Puppet 7.23). */
export const EXTRA_CASES_DIR = join(import.meta.dirname, "..", "compile-extra", "cases");

function rel(text: string, dir: string): string {
  const real = realpathSync(dir);
  return text.split(real + "/").join("").split(dir + "/").join("");
}

export function runCase(name: string, casesDir = CASES_DIR): CaseResult {
  const dir = join(casesDir, name);
  const meta = JSON.parse(readFileSync(join(dir, "case.json"), "utf8")) as { node: string; expect: string };
  const facts = JSON.parse(readFileSync(join(dir, "facts.json"), "utf8")) as Record<string, unknown>;
  const r = compile({ path: dir, nodeName: meta.node, facts });
  const problems: string[] = [];
  if (meta.expect === "error") {
    const expected = readFileSync(join(dir, "expected", "error.txt"), "utf8").trim();
    const got = rel(r.puppetError ?? "(no error)", dir);
    if (got !== expected) problems.push(`error: expected\n  ${expected}\ngot\n  ${got}`);
  } else {
    if (!r.catalog) {
      problems.push(`compile failed: ${rel(r.puppetError ?? r.diagnostics.map((d) => d.message).join("; "), dir)}`);
    } else {
      const exp = normalize(parseJSON(readFileSync(join(dir, "expected", "catalog.json"), "utf8")), [dir, realpathSync(dir)]);
      const got = normalize(parseJSON(stringifyCatalog(r.catalog)), [dir, realpathSync(dir)]);
      const diff = compareCatalogs(exp, got, { order: process.env.CFG_CONFORMANCE_NO_ORDER !== "1" }) as { equal?: boolean; lines?: string[] } | string[] | { diffs: string[] };
      const lines = ((diff as { count: number; lines: string[] }).count ? (diff as { lines: string[] }).lines : []);
      if (lines.length) problems.push(...lines);
    }
    const logPath = join(dir, "expected", "log.txt");
    const expLog = existsSync(logPath) ? readFileSync(logPath, "utf8").split("\n").filter((l) => l !== "") : [];
    const gotLog = r.log.flatMap((l) => rel(l, dir).split("\n")).filter((l) => l !== "");
    if (expLog.join("\n") !== gotLog.join("\n")) problems.push(`log: expected\n${expLog.join("\n")}\ngot\n${gotLog.join("\n")}`);
  }
  return { name, pass: problems.length === 0, problems };
}
