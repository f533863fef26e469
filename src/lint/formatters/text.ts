// Human output: one code frame per finding (shared renderer), then a summary line.
import { renderDiagnosticText } from "../../diagnostics/render-text.js";
import type { FormatInput } from "./types.js";

export function formatText(input: FormatInput): string {
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let fixed = 0;
  for (const r of input.files) {
    for (const f of r.fixed ?? []) {
      fixed++;
      out.push(`${r.path}:${f.line}:${f.column} FIXED ${f.check} ${f.message}`);
    }
    for (const f of r.findings) {
      if (f.severity === "error") errors++;
      else warnings++;
      out.push(
        renderDiagnosticText(
          { code: f.check, check: f.check, severity: f.severity, message: f.message, file: r.file, span: { start: f.start, end: f.end } },
          { color: input.color },
        ).replace(r.file.path, r.path),
      );
    }
    for (const f of r.ignored ?? []) out.push(`${r.path}:${f.line}:${f.column} IGNORED ${f.check} ${f.message}${f.ignoredReason ? ` (${f.ignoredReason})` : ""}`);
  }
  const total = errors + warnings;
  const parts = [`${total} problem${total === 1 ? "" : "s"} (${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"})`];
  if (fixed) parts.push(`${fixed} fixed`);
  if (total || fixed) out.push(`\n${parts.join(", ")} in ${input.files.length} file${input.files.length === 1 ? "" : "s"}`);
  return out.length ? `${out.join("\n\n").replace(/\n\n\n/g, "\n\n")}\n` : "";
}
