// Machine output: one object per diagnostic with stable keys (file, line, column, endLine, endColumn,
// severity, code, message, then optional check, help, related).
import type { Diagnostic } from "./diagnostic.js";

export interface JsonDiagnostic {
  file: string | null;
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
  severity: string;
  code: string;
  message: string;
  check?: string;
  help?: string;
  related?: { file: string | null; line: number; column: number; message: string }[];
}

export function toJsonDiagnostic(d: Diagnostic): JsonDiagnostic {
  const start = d.file && d.span ? d.file.position(d.span.start) : undefined;
  const end = d.file && d.span ? d.file.position(d.span.end) : undefined;
  const o: JsonDiagnostic = {
    file: d.file?.path ?? null,
    line: start?.line ?? null,
    column: start?.column ?? null,
    endLine: end?.line ?? null,
    endColumn: end?.column ?? null,
    severity: d.severity,
    code: d.code,
    message: d.message,
  };
  if (d.check) o.check = d.check;
  if (d.help) o.help = d.help;
  if (d.related?.length) {
    o.related = d.related.map((r) => {
      const f = r.file ?? d.file;
      const p = f?.position(r.span.start);
      return { file: f?.path ?? null, line: p?.line ?? 0, column: p?.column ?? 0, message: r.message };
    });
  }
  return o;
}

export function renderDiagnosticsJson(diags: readonly Diagnostic[]): string {
  return JSON.stringify(diags.map(toJsonDiagnostic), null, 2);
}
