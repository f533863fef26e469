// Code-frame renderer (Biome/TypeScript style):
//   site.pp:12:3 error CFG4001 Duplicate declaration ...
//     11 | class motd {
//   > 12 |   file { '/etc/motd': ensure => file }
//        |   ^^^^
//     = help: ...
import type { Diagnostic } from "./diagnostic.js";

export interface TextRenderOptions {
  /** Colour (ANSI) output; the CLI turns it on only for a terminal. */
  readonly color?: boolean;
  /** Lines of context before the primary line. */
  readonly contextLines?: number;
}

const ansi = {
  red: (s: string) => `\u001b[31m${s}\u001b[39m`,
  yellow: (s: string) => `\u001b[33m${s}\u001b[39m`,
  cyan: (s: string) => `\u001b[36m${s}\u001b[39m`,
  dim: (s: string) => `\u001b[2m${s}\u001b[22m`,
  bold: (s: string) => `\u001b[1m${s}\u001b[22m`,
};
const plain = { red: id, yellow: id, cyan: id, dim: id, bold: id };
function id(s: string): string {
  return s;
}

export function renderDiagnosticText(d: Diagnostic, opts: TextRenderOptions = {}): string {
  const c = opts.color ? ansi : plain;
  const sevColor = d.severity === "error" ? c.red : d.severity === "warning" ? c.yellow : c.cyan;
  const out: string[] = [];
  let where = "";
  if (d.file && d.span) {
    const p = d.file.position(d.span.start);
    where = `${d.file.path}:${p.line}:${p.column} `;
  } else if (d.file) {
    where = `${d.file.path} `;
  }
  out.push(`${c.bold(where)}${sevColor(d.severity)} ${c.dim(d.code)} ${d.message}`);
  if (d.file && d.span) out.push(...codeFrame(d, opts, c));
  for (const r of d.related ?? []) {
    const f = r.file ?? d.file;
    const loc = f ? `${f.path}:${f.position(r.span.start).line}:${f.position(r.span.start).column}` : "";
    out.push(`  ${c.cyan("i")} ${r.message}${loc ? `: ${loc}` : ""}`);
  }
  if (d.help) out.push(`  = help: ${d.help}`);
  return out.join("\n");
}

function codeFrame(d: Diagnostic, opts: TextRenderOptions, c: typeof plain): string[] {
  const file = d.file!;
  const span = d.span!;
  const start = file.position(span.start);
  const end = file.position(Math.max(span.start, span.end - 1));
  const ctx = opts.contextLines ?? 1;
  const first = Math.max(1, start.line - ctx);
  const width = String(start.line).length;
  const lines: string[] = [];
  for (let ln = first; ln <= start.line; ln++) {
    const text = sanitize(file.lineText(ln));
    const gutter = String(ln).padStart(width);
    lines.push(`${ln === start.line ? c.red(">") : " "} ${c.dim(`${gutter} |`)} ${text}`);
  }
  const lineText = file.lineText(start.line);
  const caretEnd = end.line === start.line ? end.column + 1 : lineText.length + 1;
  const count = Math.max(1, Math.min(caretEnd, lineText.length + 1) - start.column);
  const pad = sanitize(lineText.slice(0, start.column - 1)).replace(/[^\t]/g, " ");
  lines.push(`  ${c.dim(`${" ".repeat(width)} |`)} ${pad}${c.red("^".repeat(count))}`);
  return lines;
}

/** Control characters (binary input) would corrupt a terminal; show them as U+FFFD. */
function sanitize(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "\ufffd");
}

export function renderDiagnosticsText(diags: readonly Diagnostic[], opts: TextRenderOptions = {}): string {
  return diags.map((d) => renderDiagnosticText(d, opts)).join("\n\n");
}
