// Reading user files for commands: never throws for a user's mistake; unreadable paths become diagnostics.
import { readFileSync, statSync } from "node:fs";
import fg from "fast-glob";
import { SourceFile } from "../source/source-file.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";

export interface ReadResult {
  files: SourceFile[];
  diagnostics: Diagnostic[];
}

/** Decodes UTF-8; invalid sequences become U+FFFD (and are reported by the caller if it cares). */
export function decodeUtf8(buf: Buffer): { text: string; invalid: boolean } {
  const text = new TextDecoder("utf-8", { fatal: false }).decode(buf);
  let invalid = false;
  if (text.includes("\ufffd")) {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(buf);
    } catch {
      invalid = true;
    }
  }
  return { text, invalid };
}

/** Expands files and directories (walked for the given extensions) and reads them; `-` is stdin. */
export function readSources(paths: readonly string[], extensions: readonly string[]): ReadResult {
  const files: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const p of paths) {
    if (p === "-") {
      files.push(new SourceFile("-", decodeUtf8(readFileSync(0)).text));
      continue;
    }
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      diagnostics.push(createDiagnostic("CFG5001", { args: { path: p, reason: (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or directory" : (e as Error).message } }));
      continue;
    }
    const list = st.isDirectory()
      ? fg.sync(extensions.map((e) => `**/*.${e}`), { cwd: p, absolute: false, dot: false, followSymbolicLinks: false, onlyFiles: true }).sort().map((f) => `${p.replace(/\/+$/, "")}/${f}`)
      : [p];
    for (const f of list) {
      try {
        const { text, invalid } = decodeUtf8(readFileSync(f));
        const sf = new SourceFile(f, text);
        if (invalid) {
          const at = text.indexOf("\ufffd");
          diagnostics.push(createDiagnostic("CFG1001", { file: sf, span: { start: at, end: at + 1 } }));
        }
        files.push(sf);
      } catch (e) {
        diagnostics.push(createDiagnostic("CFG5001", { args: { path: f, reason: (e as Error).message } }));
      }
    }
  }
  return { files, diagnostics };
}
