// `cfg compile [MANIFEST|ENVDIR] --node NAME --facts FILE`: Puppet's catalog JSON on stdout (or
// --output, written atomically); notices and warnings on stderr as Puppet prints them.
import type { Command } from "commander";
import { existsSync, readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { renderDiagnosticsText } from "../../diagnostics/render-text.js";
import { createDiagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { writeFileAtomic } from "../../util/atomic-write.js";
import { writeChunksAtomic, writeChunksSync } from "../../util/write-chunks.js";
import { EXIT_INPUT_ERROR, EXIT_OK, EXIT_USAGE } from "../exit-codes.js";

interface Opts {
  node?: string;
  facts?: string;
  modulepath?: string;
  environment?: string;
  output?: string;
  format: string;
}

/** Reads facts as JSON or YAML, a plain map or Puppet's {"name": ..., "values": {...}} form. */
export function readFacts(path: string): Record<string, unknown> {
  const text = readFileSync(path, "utf8");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = parseYaml(text, { intAsBigInt: false });
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) throw new Error("not a map of facts");
  const o = data as Record<string, unknown>;
  if (o.values && typeof o.values === "object" && typeof o.name === "string") return o.values as Record<string, unknown>;
  return o;
}

function summary(catalog: {
  resources: { type: string; title: string }[];
  edges: unknown[];
  classes: string[];
  name: string;
}): string {
  const byType = new Map<string, number>();
  for (const r of catalog.resources) byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
  const lines = [`Catalog for ${catalog.name}`, `  classes:   ${catalog.classes.length}${catalog.classes.length ? ` (${catalog.classes.slice(0, 8).join(", ")}${catalog.classes.length > 8 ? ", ..." : ""})` : ""}`, `  resources: ${catalog.resources.length}`];
  const w = Math.max(...[...byType.keys()].map((k) => k.length));
  for (const [t, n] of [...byType].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) lines.push(`    ${t.padEnd(w)}  ${n}`);
  lines.push(`  edges:     ${catalog.edges.length}`);
  return lines.join("\n") + "\n";
}

/** The catalog's JSON pieces and the final newline. */
function* withNewline(chunks: Iterable<string>): Generator<string> {
  yield* chunks;
  yield "\n";
}

/** Prints a failed compile's errors: located ones with a code frame, others as Puppet prints them. */
export function printCompileFailure(r: { diagnostics: readonly Diagnostic[]; puppetError?: string }): void {
  const located = r.diagnostics.filter((d) => d.file);
  if (located.length) process.stderr.write(renderDiagnosticsText(located, { color: process.stderr.isTTY }) + "\n");
  else if (r.puppetError) process.stderr.write(r.puppetError + "\n");
  else process.stderr.write(renderDiagnosticsText(r.diagnostics) + "\n");
}

export function register(program: Command): void {
  program
    .command("compile")
    .description("compile a manifest or environment into Puppet's catalog JSON")
    .argument("[path]", "site manifest or environment directory", ".")
    .option("--node <name>", "node name (certname)")
    .option("--facts <file>", "facts file (JSON or YAML)")
    .option("--modulepath <dirs>", "module directories separated by ':'")
    .option("--environment <name>", "environment name", "production")
    .option("--output <file>", "write the catalog to FILE (atomically) instead of stdout")
    .option("--format <format>", "json or summary", "json")
    .action(async (path: string, opts: Opts) => {
      if (opts.format !== "json" && opts.format !== "summary") {
        process.stderr.write(`cfg compile: unknown format '${opts.format}' (expected json or summary)\n`);
        process.exitCode = EXIT_USAGE;
        return;
      }
      let facts: Record<string, unknown> = {};
      if (opts.facts) {
        try {
          facts = readFacts(opts.facts);
        } catch (e) {
          process.stderr.write(renderDiagnosticsText([createDiagnostic("CFG5301", { args: { path: opts.facts, reason: (e as Error).message } })]) + "\n");
          process.exitCode = EXIT_USAGE;
          return;
        }
      }
      const nodeName = opts.node ?? (typeof facts.clientcert === "string" ? facts.clientcert : typeof facts.fqdn === "string" ? facts.fqdn : undefined);
      if (!nodeName) {
        process.stderr.write("cfg compile: --node NAME is required (or a clientcert/fqdn fact)\n");
        process.exitCode = EXIT_USAGE;
        return;
      }
      if (!facts.clientcert) facts = { ...facts, clientcert: nodeName };
      if (!existsSync(path)) {
        process.stderr.write(renderDiagnosticsText([createDiagnostic("CFG5300", { args: { message: `No such manifest or environment: ${path}` } })]) + "\n");
        process.exitCode = EXIT_INPUT_ERROR;
        return;
      }
      const { compile, catalogChunks } = await import("../../compiler/compile.js");
      const r = compile({
        path,
        nodeName,
        facts,
        modulepath: opts.modulepath ? opts.modulepath.split(":").filter(Boolean) : undefined,
        environment: opts.environment,
      });
      for (const l of r.log) process.stderr.write(l + "\n");
      if (!r.catalog) {
        printCompileFailure(r);
        process.exitCode = EXIT_INPUT_ERROR;
        return;
      }
      if (opts.format === "summary") {
        const text = summary(r.catalog as Parameters<typeof summary>[0]);
        if (opts.output) writeFileAtomic(opts.output, text);
        else process.stdout.write(text);
      } else if (opts.output) writeChunksAtomic(opts.output, withNewline(catalogChunks(r.catalog)));
      else writeChunksSync(1, withNewline(catalogChunks(r.catalog)));
      process.exitCode = EXIT_OK;
    });
}
