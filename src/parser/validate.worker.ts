// Worker-thread entry for `cfg validate` (see validate-parallel.ts): reads and parses its share of
// the paths and posts back plain diagnostics.
import { parentPort, workerData } from "node:worker_threads";
import { validatePath, type PlainDiagnostic } from "./validate-parallel.js";
import { warmUpParser } from "./warm-up.js";

const data = workerData as { paths: string[] };
const out: PlainDiagnostic[] = [];
warmUpParser();
for (const path of data.paths) {
  for (const d of validatePath(path)) {
    out.push({ path: d.file?.path, code: d.code, severity: d.severity, message: d.message, span: d.span, help: d.help });
  }
}
parentPort?.postMessage(out);
