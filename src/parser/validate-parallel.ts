// Validates many files on both cores: the main thread takes one share, a worker thread (the bundled
// dist/validate.worker.mjs) the other. Small inputs stay on one thread (a worker costs ~30 ms to start).
// Workers return plain diagnostics (no SourceFile); they are re-attached to the files here.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { availableParallelism } from "node:os";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../source/source-file.js";
import { parseEpp, parseManifest } from "./parse.js";

export interface PlainDiagnostic {
  fileIndex: number;
  code: string;
  severity: Diagnostic["severity"];
  message: string;
  span?: { start: number; end: number };
  help?: string;
}

export function validateOne(file: SourceFile): Diagnostic[] {
  return (file.path.endsWith(".epp") ? parseEpp(file) : parseManifest(file)).diagnostics;
}

/** Below this many bytes a second thread does not pay for its start-up. */
const PARALLEL_MIN_BYTES = 1_000_000;

function workerPath(): string | undefined {
  for (const rel of ["../validate.worker.mjs", "./validate.worker.mjs"]) {
    try {
      const p = fileURLToPath(new URL(rel, import.meta.url));
      if (existsSync(p)) return p;
    } catch {
      // not a file: URL (e.g. under a test runner)
    }
  }
  return undefined;
}

export async function validateFiles(files: readonly SourceFile[]): Promise<Diagnostic[]> {
  const total = files.reduce((n, f) => n + f.text.length, 0);
  const wp = total >= PARALLEL_MIN_BYTES && availableParallelism() > 1 ? workerPath() : undefined;
  if (!wp) return files.flatMap(validateOne);
  // Split by size: the worker takes every other file of a size-sorted list (balanced shares).
  const order = files.map((f, i) => i).sort((a, b) => files[b]!.text.length - files[a]!.text.length);
  const mine: number[] = [];
  const theirs: number[] = [];
  order.forEach((idx, k) => (k % 2 === 0 ? theirs : mine).push(idx));
  const { Worker } = await import("node:worker_threads");
  const worker = new Worker(wp, { workerData: { files: theirs.map((i) => ({ index: i, path: files[i]!.path, text: files[i]!.text })) } });
  const fromWorker = new Promise<PlainDiagnostic[]>((resolve, reject) => {
    worker.once("message", (m: PlainDiagnostic[]) => resolve(m));
    worker.once("error", reject);
  });
  const out: Diagnostic[] = [];
  for (const i of mine) out.push(...validateOne(files[i]!));
  let plain: PlainDiagnostic[];
  try {
    plain = await fromWorker;
  } catch {
    // The worker failed (internal problem): do its share here instead.
    plain = [];
    for (const i of theirs) out.push(...validateOne(files[i]!));
  }
  await worker.terminate();
  for (const p of plain) out.push({ code: p.code, severity: p.severity, message: p.message, file: files[p.fileIndex], span: p.span, help: p.help });
  return out;
}
