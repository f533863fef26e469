// cfg's native JSON: a versioned object; every finding has start and end positions and its fix edits.
import type { FormatInput } from "./types.js";

export const JSON_FORMAT_VERSION = "1.0";

export function formatJson(input: FormatInput): string[] {
  const diagnostics = [];
  for (const r of input.files) {
    for (const f of r.findings) {
      diagnostics.push({
        file: r.path,
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        severity: f.severity,
        check: f.check,
        code: f.check,
        message: f.message,
        ...(f.fix ? { fix: f.fix.map((e) => ({ start: e.start, end: e.end, text: e.text })) } : {}),
      });
    }
  }
  const summary = {
    files: input.files.length,
    errors: diagnostics.filter((d) => d.severity === "error").length,
    warnings: diagnostics.filter((d) => d.severity === "warning").length,
    fixed: input.files.reduce((n, r) => n + (r.fixed?.length ?? 0), 0),
  };
  // Pieces, byte for byte what JSON.stringify(report, null, 2) gives, so that a report with
  // millions of findings never has to fit in one string.
  const indent = (text: string): string => text.replace(/\n/g, "\n    ");
  const pieces = [`{\n  "format_version": ${JSON.stringify(JSON_FORMAT_VERSION)},\n  "diagnostics": ${diagnostics.length ? "[\n" : "[]"}`];
  diagnostics.forEach((d, i) => pieces.push(`    ${indent(JSON.stringify(d, null, 2))}${i + 1 < diagnostics.length ? "," : ""}\n`));
  pieces.push(`${diagnostics.length ? "  ]" : ""},\n  "summary": ${JSON.stringify(summary, null, 2).replace(/\n/g, "\n  ")}\n}\n`);
  return pieces;
}
