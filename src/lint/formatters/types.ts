import type { SourceFile } from "../../source/source-file.js";
import type { RuleMeta } from "../rule.js";
import type { Finding } from "../runner.js";

export interface LintFileReport {
  /** The file (its text is empty when the format needs no code frames; use lineText). */
  readonly file: SourceFile;
  /** The text of a 1-based line of the file (kept for the lines findings are on). */
  lineText(line: number): string;
  /** Path as shown (relative to the working directory where possible). */
  readonly path: string;
  readonly findings: readonly Finding[];
  /** Problems --fix corrected (reported as FIXED). */
  readonly fixed?: readonly Finding[];
  /** Suppressed problems, shown with --show-ignored. */
  readonly ignored?: readonly Finding[];
}

export interface FormatInput {
  readonly files: readonly LintFileReport[];
  readonly rules: ReadonlyMap<string, RuleMeta>;
  readonly color?: boolean;
  readonly toolVersion: string;
}

/** The rendered report: one string, or pieces to write in order (a report too large for one string). */
export type Formatter = (input: FormatInput) => string | string[];

export function helpUri(check: string): string {
  return `https://github.com/cfg-lang/cfg/blob/main/docs/lint-checks.md#${check}`;
}

export function allFindings(input: FormatInput): { report: LintFileReport; finding: Finding }[] {
  const out: { report: LintFileReport; finding: Finding }[] = [];
  for (const report of input.files) for (const finding of report.findings) out.push({ report, finding });
  return out;
}
