// Reading user files for commands: never throws for a user's mistake; unreadable paths become diagnostics.
import { readFileSync, statSync } from "node:fs";
import fg from "fast-glob";
import { SourceFile } from "../source/source-file.js";
import { readFileBytes } from "../util/read-file-bytes.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";

export interface ReadResult {
  files: SourceFile[];
  diagnostics: Diagnostic[];
}

const lenientUtf8 = new TextDecoder("utf-8", { fatal: false });
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Decodes UTF-8 (a leading BOM is dropped); invalid sequences become U+FFFD (and are reported by the caller if it cares). */
export function decodeUtf8(buf: Uint8Array): { text: string; invalid: boolean } {
  const text = lenientUtf8.decode(buf);
  let invalid = false;
  if (text.includes("\ufffd")) {
    try {
      strictUtf8.decode(buf);
    } catch {
      invalid = true;
    }
  }
  return { text, invalid };
}

/**
 * Expands files and directories (walked for the given extensions) into paths, without reading them;
 * `-` (stdin) stays as is. A path that does not exist becomes a diagnostic.
 */
export function expandPaths(paths: readonly string[], extensions: readonly string[]): { paths: string[]; diagnostics: Diagnostic[] } {
  const out: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const p of paths) {
    if (p === "-") {
      out.push(p);
      continue;
    }
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      diagnostics.push(createDiagnostic("CFG5001", { args: { path: p, reason: (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or directory" : (e as Error).message } }));
      continue;
    }
    if (st.isDirectory()) {
      const base = p.replace(/\/+$/, "");
      for (const f of fg.sync(extensions.map((e) => `**/*.${e}`), { cwd: p, absolute: false, dot: false, followSymbolicLinks: false, onlyFiles: true }).sort()) out.push(`${base}/${f}`);
    } else out.push(p);
  }
  return { paths: out, diagnostics };
}

/** Reads one path (`-` is stdin) as UTF-8; invalid UTF-8 and read failures become diagnostics. */
export function readSource(f: string): { file?: SourceFile; diagnostics: Diagnostic[] } {
  try {
    const { text, invalid } = decodeUtf8(f === "-" ? readFileSync(0) : readFileBytes(f));
    const sf = new SourceFile(f, text);
    if (!invalid) return { file: sf, diagnostics: [] };
    const at = text.indexOf("\ufffd");
    return { file: sf, diagnostics: [createDiagnostic("CFG1001", { file: sf, span: { start: at, end: at + 1 } })] };
  } catch (e) {
    return { diagnostics: [createDiagnostic("CFG5001", { args: { path: f, reason: (e as Error).message } })] };
  }
}

/** Expands files and directories (walked for the given extensions) and reads them; `-` is stdin. */
export function readSources(paths: readonly string[], extensions: readonly string[]): ReadResult {
  const expanded = expandPaths(paths, extensions);
  const files: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [...expanded.diagnostics];
  for (const f of expanded.paths) {
    const r = readSource(f);
    if (r.file) files.push(r.file);
    diagnostics.push(...r.diagnostics);
  }
  return { files, diagnostics };
}
