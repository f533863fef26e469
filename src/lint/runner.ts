// Runs the enabled rules over one file and applies the control comments
// (`# lint:ignore:<check> [reason]`, `# lint:endignore`), as puppet-lint does, plus what it lacks:
// a warning for a suppression that suppresses nothing and for unbalanced control comments.
import type { Node, Program } from "../ast/nodes.js";
import { collectNodes, forEachChild } from "../ast/walk.js";
import type { TextEdit } from "../diagnostics/diagnostic.js";
import type { Token } from "../lexer/lexer.js";
import { parseManifest } from "../parser/parse.js";
import type { SourceFile } from "../source/source-file.js";
import { buildLayoutTokens, type LayoutToken } from "./layout-tokens.js";
import type { LintLevel, LintRule, LintSettings, Report, RuleContext } from "./rule.js";

export interface Finding {
  readonly check: string;
  readonly severity: LintLevel;
  readonly message: string;
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly fix?: readonly TextEdit[];
  /** Set when a control comment suppressed the finding: its reason text ("" when none). */
  readonly ignoredReason?: string;
}

export interface EnabledRule {
  readonly rule: LintRule;
  readonly level: LintLevel;
  readonly options: Readonly<Record<string, unknown>>;
}

export interface FileLintResult {
  readonly findings: Finding[];
  /** Findings suppressed by control comments (for --show-ignored). */
  readonly ignored: Finding[];
  /** False when the file has syntax errors (then only the `syntax` finding is reported). */
  readonly parsed: boolean;
}

/** Checks about the control comments themselves (not puppet-lint checks). */
export const CONTROL_CHECKS = {
  unused: "unused_lint_ignore",
  malformed: "lint_control_comment",
} as const;

export function lintSource(file: SourceFile, fullpath: string, rules: readonly EnabledRule[], settings: LintSettings = {}): FileLintResult {
  const parsed = parseManifest(file, { validate: false });
  const errors = parsed.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    const d = errors[0]!;
    const start = d.span?.start ?? 0;
    return {
      findings: [mkFinding(file, "syntax", "error", `Syntax error (try running \`puppet parser validate <file>\`): ${d.message}`, start, d.span?.end ?? start)],
      ignored: [],
      parsed: false,
    };
  }
  return lintParsed(file, fullpath, parsed.program, parsed.tokens, parsed.comments, rules, settings);
}

/**
 * What the rules see of one file. A class, so that `report`, `layout`, `nodes` and `parentOf` are
 * the same functions for every file: per-file closures made V8 discard each rule's optimised code
 * once per new closure ("wrong call target"), and recompile it.
 */
class FileContext implements RuleContext {
  options: Readonly<Record<string, unknown>> = {};
  current: EnabledRule | undefined = undefined;
  readonly raw: Finding[] = [];
  #layout: LayoutToken[] | undefined = undefined;
  #nodes: Node[] | undefined = undefined;
  #parents: Map<Node, Node> | undefined = undefined;
  constructor(
    readonly file: SourceFile,
    readonly fullpath: string,
    readonly tokens: readonly Token[],
    readonly comments: readonly Token[],
    readonly program: Program,
    readonly settings: LintSettings,
  ) {}
  get layout(): LayoutToken[] {
    return (this.#layout ??= buildLayoutTokens(this.file, this.tokens, this.comments));
  }
  get nodes(): Node[] {
    return (this.#nodes ??= collectNodes(this.program));
  }
  parentOf(n: Node): Node | undefined {
    if (this.#parents === undefined) {
      const walk = { map: new Map<Node, Node>(), parent: this.program as Node };
      for (const node of this.nodes) {
        walk.parent = node;
        forEachChild(node, setParent, walk);
      }
      this.#parents = walk.map;
    }
    return this.#parents.get(n);
  }
  report(r: Report): void {
    const er = this.current!;
    this.raw.push(mkFinding(this.file, er.rule.meta.name, r.level ?? er.level, r.message, r.start, r.end ?? r.start, r.fix));
  }
}

function setParent(child: Node, c: { map: Map<Node, Node>; parent: Node }): void {
  c.map.set(child, c.parent);
}

export function lintParsed(
  file: SourceFile,
  fullpath: string,
  program: Program,
  tokens: readonly Token[],
  comments: readonly Token[],
  rules: readonly EnabledRule[],
  settings: LintSettings,
): FileLintResult {
  // One context for all rules (a file can have dozens of rules; no per-rule closures).
  const ctx = new FileContext(file, fullpath, tokens, comments, program, settings);
  for (const er of rules) {
    ctx.current = er;
    ctx.options = er.options;
    er.rule.check(ctx);
  }
  const enabled = new Set(rules.map((r) => r.rule.meta.name));
  return applyControlComments(file, comments, ctx.raw, enabled);
}

export function mkFinding(file: SourceFile, check: string, severity: LintLevel, message: string, start: number, end: number, fix?: readonly TextEdit[]): Finding {
  const s = file.position(start);
  const e = file.position(Math.max(start, end));
  return { check, severity, message, start, end: Math.max(start, end), line: s.line, column: s.column, endLine: e.line, endColumn: e.column, fix };
}

interface Suppression {
  readonly check: string;
  readonly fromLine: number;
  toLine: number;
  readonly reason: string;
  readonly comment: Token;
  used: boolean;
}

const CONTROL_RE = /^lint:(ignore:[\w\d]+|endignore)/;

function applyControlComments(file: SourceFile, comments: readonly Token[], raw: Finding[], enabled: ReadonlySet<string>): FileLintResult {
  const suppressions: Suppression[] = [];
  const extra: Finding[] = [];
  const stack: Suppression[][] = [];
  for (const c of comments) {
    const body = (c.text.startsWith("/*") ? c.text.slice(2, -2) : c.text.slice(1)).trim();
    if (!CONTROL_RE.test(body)) continue;
    const words = body.split(/\s+/);
    const controls: string[] = [];
    let reasonWords: string[] = [];
    for (let i = 0; i < words.length; i++) {
      if (/^lint:(ignore|endignore)/.test(words[i]!)) controls.push(words[i]!);
      else {
        reasonWords = words.slice(i);
        break;
      }
    }
    const reason = reasonWords.join(" ");
    const line = file.line(c.start);
    const lineStart = file.lineStarts[line - 1]!;
    const trailing = file.text.slice(lineStart, c.start).trim() !== "";
    const opened: Suppression[] = [];
    for (const control of controls) {
      const parts = control.split(":");
      if (parts[1] === "ignore" && parts[2]) {
        const s: Suppression = { check: parts[2], fromLine: line, toLine: trailing ? line : Infinity, reason, comment: c, used: false };
        suppressions.push(s);
        if (!trailing) opened.push(s);
      } else if (parts[1] === "endignore") {
        const top = stack.pop();
        if (!top) extra.push(mkFinding(file, CONTROL_CHECKS.malformed, "warning", "lint:endignore comment with no opening lint:ignore:<check> comment", c.start, c.end));
        else for (const s of top) s.toLine = line;
      } else {
        extra.push(mkFinding(file, CONTROL_CHECKS.malformed, "warning", `malformed control comment '${control}'`, c.start, c.end));
      }
    }
    if (opened.length) stack.push(opened);
  }
  for (const open of stack) {
    const s = open[0]!;
    extra.push(mkFinding(file, CONTROL_CHECKS.malformed, "warning", `lint:ignore:${s.check} comment with no closing lint:endignore comment`, s.comment.start, s.comment.end));
  }
  const findings: Finding[] = [];
  const ignored: Finding[] = [];
  for (const f of raw) {
    const s = suppressions.find((x) => x.check === f.check && f.line >= x.fromLine && f.line <= x.toLine);
    if (s) {
      s.used = true;
      ignored.push({ ...f, ignoredReason: s.reason });
    } else findings.push(f);
  }
  for (const s of suppressions) {
    if (s.used || !enabled.has(s.check)) continue;
    extra.push(mkFinding(file, CONTROL_CHECKS.unused, "warning", `lint:ignore:${s.check} suppresses nothing`, s.comment.start, s.comment.end));
  }
  const all = [...findings, ...extra.filter((f) => enabled.has(f.check))];
  all.sort((a, b) => a.start - b.start || (a.check < b.check ? -1 : a.check > b.check ? 1 : 0));
  return { findings: all, ignored, parsed: true };
}
