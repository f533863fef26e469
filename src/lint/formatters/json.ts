// cfg's native JSON: a versioned object; every finding has start and end positions and its fix edits.
import type { FormatInput } from "./types.js";

export const JSON_FORMAT_VERSION = "1.0";

export function formatJson(input: FormatInput): string {
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
  return `${JSON.stringify({ format_version: JSON_FORMAT_VERSION, diagnostics, summary }, null, 2)}\n`;
}
