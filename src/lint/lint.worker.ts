// Worker-thread entry for `cfg lint` (see lint-files.ts): lints its share of the files and posts
// back plain results. File text is sent back only where the main thread needs it (findings, fixes).
import { parentPort, workerData } from "node:worker_threads";
import { lintOne, toEnabledRules, warmUpLint, type FileOutcome, type LintJob } from "./lint-files.js";

const data = workerData as { job: LintJob; files: { index: number; path: string }[] };
const rules = toEnabledRules(data.job.rules);
warmUpLint(data.job, rules);
const out: FileOutcome[] = [];
for (const f of data.files) {
  const r = lintOne(f.index, f.path, undefined, data.job, rules);
  out.push(r.findings.length || r.ignored.length || r.fixed.length ? r : { ...r, text: "" });
}
parentPort?.postMessage(out);
