import type { SourceFile, Span } from "../source/source-file.js";
import { DIAGNOSTIC_CODES, type CodeDefinition, type DiagnosticCode } from "./codes.js";

export type Severity = "error" | "warning" | "info";

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface RelatedSpan {
  readonly file?: SourceFile;
  readonly span: Span;
  readonly message: string;
}

/**
 * A problem found in user input. Diagnostics are values: phases return them, they never throw them.
 * `file` + `span` locate it; both are absent only for CLI- or config-level problems.
 */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file?: SourceFile;
  readonly span?: Span;
  readonly related?: readonly RelatedSpan[];
  readonly help?: string;
  readonly fix?: readonly TextEdit[];
  /** Lint only: the check name (puppet-lint's name where one exists). */
  readonly check?: string;
}

/** Fills a template from codes.ts: `{name}` is replaced by args.name. */
export function formatMessage(template: string, args: Readonly<Record<string, unknown>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in args ? String(args[k]) : m));
}

export interface DiagnosticOptions {
  readonly file?: SourceFile;
  readonly span?: Span;
  readonly args?: Readonly<Record<string, unknown>>;
  readonly related?: readonly RelatedSpan[];
  readonly help?: string;
  readonly severity?: Severity;
}

export function createDiagnostic(code: DiagnosticCode, opts: DiagnosticOptions = {}): Diagnostic {
  const def: CodeDefinition = DIAGNOSTIC_CODES[code];
  return {
    code,
    severity: opts.severity ?? def.severity,
    message: formatMessage(def.message, opts.args),
    file: opts.file,
    span: opts.span,
    related: opts.related,
    help: opts.help ?? (def.help ? formatMessage(def.help, opts.args) : undefined),
  };
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === "error");
}

/** Sorts by file, then offset; stable for equal positions. */
export function sortDiagnostics(diags: readonly Diagnostic[]): Diagnostic[] {
  return [...diags].sort((a, b) => {
    const fa = a.file?.path ?? "";
    const fb = b.file?.path ?? "";
    if (fa !== fb) return fa < fb ? -1 : 1;
    return (a.span?.start ?? 0) - (b.span?.start ?? 0);
  });
}
