// Lints (or fixes) many files, on several threads when the input is big enough to pay for a
// worker's start-up (~30 ms): the main thread takes one share, dist/lint.worker.mjs the others.
// Workers read their own files and send back plain findings (no SourceFile objects).
import { existsSync, readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { decodeUtf8 } from "../cli/read-input.js";
import { readFileBytes } from "../util/read-file-bytes.js";
import { SourceFile } from "../source/source-file.js";
import { fixSource } from "./fix.js";
import type { LintLevel, LintSettings } from "./rule.js";
import { RULES_BY_NAME } from "./rules/index.js";
import { lintSource, type EnabledRule, type Finding } from "./runner.js";
import { WARM_UP_MIN_FILES } from "../parser/warm-up.js";
import { WARM_UP_LINT_MANIFEST } from "./warm-up.js";

export interface RuleSpec {
  readonly name: string;
  readonly level: LintLevel;
  readonly options: Readonly<Record<string, unknown>>;
}

export interface LintJob {
  readonly rules: readonly RuleSpec[];
  readonly settings: LintSettings;
  readonly fix: boolean;
  /** `--stdin-filename`: the path stdin's text stands for (messages and autoloader_layout). */
  readonly stdinPath?: string;
  /**
   * False when the report needs no code frames (json, sarif, junit, ...): a file's text is then not
   * kept, only the lines its findings are on, so a huge tree full of findings fits in memory.
   */
  readonly keepText?: boolean;
}

export interface FileOutcome {
  readonly index: number;
  readonly path: string;
  /** The original text (kept only when needed for display or fixing). */
  readonly text: string;
  /** When the text is not kept: the text of each line a finding is on. */
  readonly lines?: Readonly<Record<number, string>>;
  readonly findings: Finding[];
  readonly ignored: Finding[];
  readonly fixed: Finding[];
  readonly fixedText?: string;
  readonly refused?: string;
  readonly readError?: string;
  readonly parsed: boolean;
}

export function toEnabledRules(specs: readonly RuleSpec[]): EnabledRule[] {
  return specs.map((s) => ({ rule: RULES_BY_NAME.get(s.name)!, level: s.level, options: s.options }));
}

export function lintOne(index: number, path: string, text: string | undefined, job: LintJob, rules: readonly EnabledRule[]): FileOutcome {
  let src = text;
  if (src === undefined) {
    try {
      src = decodeUtf8(readFileBytes(path)).text;
    } catch (e) {
      return { index, path, text: "", findings: [], ignored: [], fixed: [], readError: (e as Error).message, parsed: false };
    }
  }
  const shownPath = path === "-" && job.stdinPath ? job.stdinPath : path;
  const file = new SourceFile(shownPath, src);
  const fullpath = shownPath === "-" ? "" : resolve(shownPath);
  if (job.fix) {
    const r = fixSource(file, fullpath, rules, job.settings);
    return {
      index, path, text: src, findings: r.result.findings, ignored: r.result.ignored, fixed: r.fixed,
      fixedText: r.changed ? r.text : undefined, refused: r.refused, parsed: r.result.parsed,
    };
  }
  const r = lintSource(file, fullpath, rules, job.settings);
  if (job.keepText === false) {
    // Copies, not slices: a sliced string keeps the whole file text alive.
    const lines: Record<number, string> = {};
    for (const f of r.findings) lines[f.line] ??= detach(file.lineText(f.line));
    for (const f of r.ignored) lines[f.line] ??= detach(file.lineText(f.line));
    return { index, path, text: "", lines, findings: r.findings.map(detachFinding), ignored: r.ignored.map(detachFinding), fixed: [], parsed: r.parsed };
  }
  return { index, path, text: src, findings: r.findings, ignored: r.ignored, fixed: [], parsed: r.parsed };
}

/**
 * A copy of a string that does not share memory with the string it was cut from. V8 represents
 * `slice()` results (and concatenations) as views of their source, so a finding's message or a
 * line's text would keep the whole file's text alive.
 */
function detach(s: string): string {
  return s.length < 13 ? s : (" " + s).slice(1);
}

function detachFinding(f: Finding): Finding {
  const fix = f.fix?.map((e) => ({ ...e, text: detach(e.text) }));
  return { ...f, message: detach(f.message), ...(fix ? { fix } : {}) };
}

/**
 * Lints the warm-up manifest once and discards the result, so that V8 has type feedback for every
 * branch of the lexer, parser and rules before the batch (see src/parser/warm-up.ts).
 */
export function warmUpLint(job: LintJob, rules: readonly EnabledRule[]): void {
  lintSource(new SourceFile("/warm-up/manifests/init.pp", WARM_UP_LINT_MANIFEST), "/warm-up/manifests/init.pp", rules, job.settings);
}

/** Below this many files a worker does not pay for its start-up. */
const PARALLEL_MIN_FILES = 40;

function workerPath(): string | undefined {
  for (const rel of ["../lint.worker.mjs", "./lint.worker.mjs"]) {
    try {
      const p = fileURLToPath(new URL(rel, import.meta.url));
      if (existsSync(p)) return p;
    } catch {
      // not a file: URL (e.g. under a test runner)
    }
  }
  return undefined;
}

export async function lintFiles(paths: readonly string[], job: LintJob, stdinText?: string, jobs?: number): Promise<FileOutcome[]> {
  const rules = toEnabledRules(job.rules);
  // Without --jobs, use the cores that are idle: on a busy machine a worker only adds start-up
  // and JIT warm-up cost (measured: 2 threads slower than 1 when the load average is near the core count).
  const idle = availableParallelism() - Math.floor(loadavg()[0] ?? 0);
  const threads = Math.max(1, Math.min(jobs ?? idle, 8));
  const wp = paths.length >= PARALLEL_MIN_FILES && threads > 1 ? workerPath() : undefined;
  if (paths.length >= WARM_UP_MIN_FILES) warmUpLint(job, rules);
  if (!wp) return paths.map((p, i) => lintOne(i, p, p === "-" ? stdinText : undefined, job, rules));
  // Interleave so every thread gets a similar mix of big and small files.
  const shares: number[][] = Array.from({ length: threads }, () => []);
  paths.forEach((_, i) => shares[i % threads]!.push(i));
  const workers = shares.slice(1).map((share) => {
    const w = new Worker(wp, { workerData: { job, files: share.map((i) => ({ index: i, path: paths[i]! })) } });
    const done = new Promise<FileOutcome[]>((res, rej) => {
      w.once("message", (m: FileOutcome[]) => res(m));
      w.once("error", rej);
    });
    return { w, share, done };
  });
  const out: FileOutcome[] = [];
  for (const i of shares[0]!) out.push(lintOne(i, paths[i]!, paths[i] === "-" ? stdinText : undefined, job, rules));
  for (const { w, share, done } of workers) {
    try {
      out.push(...(await done));
    } catch {
      for (const i of share) out.push(lintOne(i, paths[i]!, undefined, job, rules));
    }
    void w.terminate();
  }
  out.sort((a, b) => a.index - b.index);
  return out;
}
