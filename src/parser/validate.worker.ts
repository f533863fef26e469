// Worker-thread entry for `cfg validate` (see validate-parallel.ts): parses its share of the files
// and posts back plain diagnostics.
import { parentPort, workerData } from "node:worker_threads";
import { SourceFile } from "../source/source-file.js";
import { validateOne, type PlainDiagnostic } from "./validate-parallel.js";

const data = workerData as { files: { index: number; path: string; text: string }[] };
const out: PlainDiagnostic[] = [];
for (const f of data.files) {
  for (const d of validateOne(new SourceFile(f.path, f.text))) {
    out.push({ fileIndex: f.index, code: d.code, severity: d.severity, message: d.message, span: d.span, help: d.help });
  }
}
parentPort?.postMessage(out);
