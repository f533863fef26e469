// Safe autofix: each pass collects the fixes of the current findings, keeps a set of
// non-overlapping ones (a finding's edits are all-or-nothing), applies them, and re-parses.
// A pass whose result does not parse is discarded and fixing stops, so a file is never left
// broken; a file that does not parse to begin with is never touched. Passes repeat until
// nothing changes (at most MAX_PASSES), because one fix can enable or move another.
import type { TextEdit } from "../diagnostics/diagnostic.js";
import { parseManifest } from "../parser/parse.js";
import { SourceFile } from "../source/source-file.js";
import type { LintSettings } from "./rule.js";
import { lintSource, type EnabledRule, type FileLintResult, type Finding } from "./runner.js";

const MAX_PASSES = 10;

export interface FixResult {
  readonly text: string;
  readonly changed: boolean;
  readonly fixed: Finding[];
  /** The lint result of the final text. */
  readonly result: FileLintResult;
  readonly file: SourceFile;
  /** Set when a pass produced unparsable text (a cfg bug): the reason, and that pass was dropped. */
  readonly refused?: string;
}

/** Applies edits (sorted, non-overlapping) to text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = "";
  let pos = 0;
  for (const e of sorted) {
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** Chooses findings whose edits do not overlap each other (first come, first served). */
export function chooseFixes(findings: readonly Finding[]): { edits: TextEdit[]; chosen: Finding[] } {
  const taken: TextEdit[] = [];
  const chosen: Finding[] = [];
  const overlaps = (a: TextEdit, b: TextEdit): boolean =>
    a.start < b.end && b.start < a.end ? true : a.start === b.start && (a.start === a.end || b.start === b.end);
  for (const f of findings) {
    if (!f.fix || f.fix.length === 0) continue;
    if (f.fix.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    if (f.fix.some((e, i) => f.fix!.some((o, j) => i !== j && overlaps(e, o)))) continue;
    taken.push(...f.fix);
    chosen.push(f);
  }
  return { edits: taken, chosen };
}

export function fixSource(file: SourceFile, fullpath: string, rules: readonly EnabledRule[], settings: LintSettings = {}): FixResult {
  let current = file;
  let result = lintSource(current, fullpath, rules, settings);
  const fixed: Finding[] = [];
  let refused: string | undefined;
  if (!result.parsed) return { text: file.text, changed: false, fixed, result, file };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const { edits, chosen } = chooseFixes(result.findings);
    if (edits.length === 0) break;
    const text = applyEdits(current.text, edits);
    if (text === current.text) break;
    const next = new SourceFile(file.path, text);
    const reparsed = parseManifest(next, { validate: false });
    const err = reparsed.diagnostics.find((d) => d.severity === "error");
    if (err) {
      refused = err.message;
      break;
    }
    fixed.push(...chosen);
    current = next;
    result = lintSource(current, fullpath, rules, settings);
  }
  return { text: current.text, changed: current.text !== file.text, fixed, result, file: current, refused };
}

/** A unified diff of two texts (for --fix-dry-run), 3 lines of context. */
export function unifiedDiff(path: string, a: string, b: string): string {
  if (a === b) return "";
  const x = a.split("\n");
  const y = b.split("\n");
  let pre = 0;
  while (pre < x.length && pre < y.length && x[pre] === y[pre]) pre++;
  let suf = 0;
  while (suf < x.length - pre && suf < y.length - pre && x[x.length - 1 - suf] === y[y.length - 1 - suf]) suf++;
  const xs = x.slice(pre, x.length - suf);
  const ys = y.slice(pre, y.length - suf);
  // LCS table over the changed middle only.
  const n = xs.length;
  const m = ys.length;
  const ops: { t: " " | "-" | "+"; s: string }[] = [];
  if (n * m > 4_000_000) {
    for (const s of xs) ops.push({ t: "-", s });
    for (const s of ys) ops.push({ t: "+", s });
  } else {
    const L = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) L[i]![j] = xs[i] === ys[j] ? L[i + 1]![j + 1]! + 1 : Math.max(L[i + 1]![j]!, L[i]![j + 1]!);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && xs[i] === ys[j]) {
        ops.push({ t: " ", s: xs[i]! });
        i++;
        j++;
      } else if (i < n && (j >= m || L[i + 1]![j]! >= L[i]![j + 1]!)) ops.push({ t: "-", s: xs[i++]! });
      else ops.push({ t: "+", s: ys[j++]! });
    }
  }
  const all = [...x.slice(0, pre).map((s) => ({ t: " " as const, s })), ...ops, ...x.slice(x.length - suf).map((s) => ({ t: " " as const, s }))];
  // Group into hunks with 3 lines of context.
  const out = [`--- a/${path}`, `+++ b/${path}`];
  const changed = all.map((o, k) => (o.t !== " " ? k : -1)).filter((k) => k >= 0);
  let k = 0;
  while (k < changed.length) {
    const startIdx = Math.max(0, changed[k]! - 3);
    let endIdx = changed[k]! + 3;
    while (k + 1 < changed.length && changed[k + 1]! - 3 <= endIdx + 1) {
      k++;
      endIdx = changed[k]! + 3;
    }
    endIdx = Math.min(all.length - 1, endIdx);
    let aLine = 1;
    let bLine = 1;
    for (let q = 0; q < startIdx; q++) {
      if (all[q]!.t !== "+") aLine++;
      if (all[q]!.t !== "-") bLine++;
    }
    const hunk = all.slice(startIdx, endIdx + 1);
    const aCount = hunk.filter((o) => o.t !== "+").length;
    const bCount = hunk.filter((o) => o.t !== "-").length;
    out.push(`@@ -${aLine},${aCount} +${bLine},${bCount} @@`);
    for (const o of hunk) out.push(`${o.t}${o.s}`);
    k++;
  }
  return `${out.join("\n")}\n`;
}
