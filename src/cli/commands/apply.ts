// `cfg apply [MANIFEST|ENVDIR|--catalog FILE]`: compile (or read a catalog) and make this host match
// it. Everything is checked before anything changes; then each change is printed as Puppet prints
// it, and a summary says what changed, failed or was skipped. Exit codes are Puppet's.
import { Option, type Command } from "commander";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createDiagnostic } from "../../diagnostics/diagnostic.js";
import { renderDiagnosticsText } from "../../diagnostics/render-text.js";
import { writeFileAtomic } from "../../util/atomic-write.js";
import { VERSION } from "../version.js";
import { EXIT_INPUT_ERROR, EXIT_OK, EXIT_USAGE } from "../exit-codes.js";
import type { LogEntry } from "../../apply/transaction.js";

interface Opts {
  catalog?: string;
  execute?: string;
  facts?: string;
  node?: string;
  modulepath?: string;
  environment: string;
  noop?: boolean;
  showDiff?: boolean;
  detailedExitcodes?: boolean;
  report?: string;
  graph?: string;
  vardir: string;
  verbose?: boolean;
  test?: boolean;
  logdest: string[];
  tags?: string;
  skip_tags?: string;
  debug?: boolean;
  color?: boolean;
}

const LEVEL_LABEL = { debug: "Debug", info: "Info", notice: "Notice", warning: "Warning", err: "Error" } as const;

function fail(code: Parameters<typeof createDiagnostic>[0], args: Record<string, unknown>, exit = EXIT_INPUT_ERROR): void {
  process.stderr.write(renderDiagnosticsText([createDiagnostic(code, { args })], { color: process.stderr.isTTY }) + "\n");
  process.exitCode = exit;
}

export function register(program: Command): void {
  program
    .command("apply")
    .description("apply a manifest, environment or catalog to this host (as puppet apply)")
    .argument("[path]", "site manifest or environment directory")
    .option("--catalog <file>", "apply a catalog JSON file (from cfg compile or Puppet); '-' for stdin")
    .option("-e, --execute <code>", "apply this Puppet code")
    .option("--facts <file>", "facts file (JSON or YAML); default: this host's facts")
    .option("--node <name>", "node name (default: the fqdn fact)")
    .option("--modulepath <dirs>", "module directories separated by ':'")
    .option("--environment <name>", "environment name", "production")
    .option("--noop", "change nothing; say what would change")
    .option("--tags <tags>", "apply only resources with one of these tags (comma-separated: class names, types, titles)")
    .option("--skip_tags <tags>", "skip resources with one of these tags")
    .option("--show-diff", "print a diff of each file content change")
    .addOption(new Option("--show_diff", "Puppet's spelling of --show-diff").hideHelp())
    .option("--detailed-exitcodes", "exit 2 when changes were made, 4 on failures, 6 for both")
    .option("--report <file>", "write the run report (Puppet's report format 12, JSON) to FILE")
    .option("--graph <dir>", "write the resource graph as Graphviz DOT into DIR")
    .option("--vardir <dir>", "state directory (file backups go to its clientbucket)", "/var/lib/cfg")
    .option("-t, --test", "as puppet apply --test: --verbose --detailed-exitcodes --show-diff")
    .option("--logdest <dest>", "also write the log to FILE (.json: a JSON array, .jsonl: JSON lines, else text); repeatable; 'console' is the default", (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option("-v, --verbose", "also print info messages")
    .option("-d, --debug", "also print debug messages")
    .option("--no-color", "no colour in the output")
    .action(async (path: string | undefined, opts: Opts) => {
      process.exitCode = await runApply(path, opts);
    });
}

async function runApply(path: string | undefined, opts: Opts): Promise<number> {
  if ((opts as { show_diff?: boolean }).show_diff) opts.showDiff = true;
  if (opts.test) {
    opts.verbose = true;
    opts.detailedExitcodes = true;
    opts.showDiff = true;
  }
  const start = new Date();
  const t0 = performance.now();
  const sources = [path !== undefined, opts.catalog !== undefined, opts.execute !== undefined].filter(Boolean).length;
  if (sources !== 1) {
    fail("CFG6000", { message: "cfg apply needs exactly one of: a manifest or environment path, --catalog FILE, or -e CODE" }, EXIT_USAGE);
    return EXIT_USAGE;
  }
  const { loadCatalog } = await import("../../apply/catalog.js");
  let catalogData: unknown;
  let compiledMessage: string | undefined;
  let compiledTime: string | undefined;
  let modulepath: string[] = opts.modulepath ? opts.modulepath.split(":").filter(Boolean) : [];
  let environmentDir: string | undefined;

  if (opts.catalog !== undefined) {
    let text: string;
    try {
      text = opts.catalog === "-" ? readFileSync(0, "utf8") : readFileSync(opts.catalog, "utf8");
    } catch (e) {
      fail("CFG5001", { path: opts.catalog, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message }, EXIT_INPUT_ERROR);
      return EXIT_INPUT_ERROR;
    }
    try {
      catalogData = JSON.parse(text);
    } catch (e) {
      fail("CFG6001", { path: opts.catalog, reason: (e as Error).message });
      return EXIT_INPUT_ERROR;
    }
  } else {
    // Compile first, with the given facts or this host's.
    let facts: Record<string, unknown>;
    if (opts.facts) {
      const { readFacts } = await import("./compile.js");
      try {
        facts = readFacts(opts.facts);
      } catch (e) {
        fail("CFG5301", { path: opts.facts, reason: (e as Error).message }, EXIT_USAGE);
        return EXIT_USAGE;
      }
    } else {
      const { gatherFacts } = await import("../../facts/index.js");
      facts = await gatherFacts();
    }
    const networking = facts.networking as Record<string, unknown> | undefined;
    const nodeName = opts.node ?? (typeof facts.clientcert === "string" ? facts.clientcert : undefined) ?? (typeof networking?.fqdn === "string" ? networking.fqdn : undefined) ?? (typeof facts.fqdn === "string" ? facts.fqdn : undefined);
    if (!nodeName) {
      fail("CFG6000", { message: "cannot tell the node name: give --node NAME (or a clientcert/fqdn fact)" }, EXIT_USAGE);
      return EXIT_USAGE;
    }
    if (!facts.clientcert) facts = { ...facts, clientcert: nodeName };
    let tmp: string | undefined;
    let manifest = path;
    if (opts.execute !== undefined) {
      tmp = mkdtempSync(join(tmpdir(), "cfg-apply-"));
      manifest = join(tmp, "execute.pp");
      writeFileSync(manifest, opts.execute);
    }
    if (!manifest || !existsSync(manifest)) {
      fail("CFG5300", { message: `No such manifest or environment: ${manifest}` });
      return EXIT_INPUT_ERROR;
    }
    if (!manifest.endsWith(".pp")) environmentDir = manifest;
    const { compile, catalogData: plainCatalog } = await import("../../compiler/compile.js");
    const r = compile({ path: manifest, nodeName, facts, modulepath: modulepath.length ? modulepath : undefined, environment: opts.environment });
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    for (const l of r.log) process.stderr.write(l + "\n");
    if (!r.catalog) {
      const { printCompileFailure } = await import("./compile.js");
      printCompileFailure(r);
      return EXIT_INPUT_ERROR;
    }
    // The compiler's catalog holds exact numbers; the applier reads it as its JSON text would parse.
    catalogData = plainCatalog(r.catalog);
    if (!modulepath.length && environmentDir) modulepath = [join(environmentDir, "modules")];
    const seconds = ((performance.now() - t0) / 1000).toFixed(2);
    compiledMessage = `Compiled catalog for ${nodeName} in environment ${opts.environment} in ${seconds} seconds`;
    compiledTime = new Date().toISOString();
    process.stdout.write(`Notice: ${compiledMessage}\n`);
  }
  const configRetrievalSeconds = (performance.now() - t0) / 1000;

  const { catalog, problems } = loadCatalog(catalogData);
  if (!catalog || problems.length) {
    process.stderr.write(`Error: the catalog cannot be applied; nothing was changed:\n${problems.map((p) => `  ${p.file ? `${p.file}${p.line ? `:${p.line}` : ""}: ` : ""}${p.message}`).join("\n")}\n`);
    return EXIT_INPUT_ERROR;
  }
  const { applyCatalog } = await import("../../apply/transaction.js");
  const { RESOURCE_TYPES } = await import("../../resources/registry.js");
  const { buildReport, summarize, detailedExitCode } = await import("../../apply/report.js");
  const { renderSummary } = await import("../../apply/console.js");
  const { default: chalk } = await import("chalk");
  const color = opts.color !== false && process.stdout.isTTY;
  const paint = (level: LogEntry["level"], text: string): string => {
    if (!color) return text;
    return level === "err" ? chalk.red(text) : level === "warning" ? chalk.yellow(text) : level === "notice" ? chalk.cyan(text) : text;
  };

  const fileLogs: LogEntry[] = [];
  const logToFiles = opts.logdest.some((d) => d !== "console");
  // Puppet's log destinations also get its own "Compiled catalog" and "Applied catalog" notices.
  if (compiledMessage !== undefined && logToFiles) fileLogs.push(puppetNotice(compiledMessage, compiledTime!));
  const result = await applyCatalog(catalog, {
    noop: !!opts.noop,
    showDiff: !!opts.showDiff,
    modulepath,
    environmentDir,
    bucketDir: join(opts.vardir, "clientbucket"),
    types: RESOURCE_TYPES,
    logLevel: opts.debug ? "debug" : opts.verbose ? "info" : "notice",
    tags: opts.tags ? opts.tags.split(",").map((t) => t.trim()).filter(Boolean) : undefined,
    skipTags: opts.skip_tags ? opts.skip_tags.split(",").map((t) => t.trim()).filter(Boolean) : undefined,
    // Only entries at logLevel and above arrive here.
    onLog: (e) => {
      if (logToFiles) fileLogs.push(e);
      const line = paint(e.level, `${LEVEL_LABEL[e.level]}: ${e.source === "Puppet" ? "" : `${e.source}: `}${e.message}`) + "\n";
      if (e.level === "err" || e.level === "warning") process.stderr.write(line);
      else process.stdout.write(line);
    },
  });

  if (!result.refused) {
    // As in Puppet's report and log destinations (the console line is printed with the summary).
    const applied = puppetNotice(`Applied catalog in ${result.evaluationSeconds.toFixed(2)} seconds`, new Date().toISOString());
    result.logs.push(applied);
    if (logToFiles) fileLogs.push(applied);
  }
  // --logdest FILE: Puppet's JSON log shape (level, message, source, tags, time, file, line).
  for (const dest of opts.logdest) {
    if (dest === "console") continue;
    const text = dest.endsWith(".json") ? JSON.stringify(fileLogs, null, 2) + "\n" : dest.endsWith(".jsonl") ? fileLogs.map((l) => JSON.stringify(l)).join("\n") + (fileLogs.length ? "\n" : "") : fileLogs.map((l) => `${l.time} ${l.source} (${l.level}): ${l.message}`).join("\n") + (fileLogs.length ? "\n" : "");
    writeFileAtomic(dest, text);
  }
  if (opts.graph && result.graph) {
    const { graphToDot, cyclesToDot, resourcesToDot, expandedToDot } = await import("../../apply/graph.js");
    mkdirSync(opts.graph, { recursive: true });
    // The three files Puppet's graph setting writes, plus cycles.dot when there is a cycle.
    writeFileAtomic(join(opts.graph, "resources.dot"), resourcesToDot(catalog));
    writeFileAtomic(join(opts.graph, "relationships.dot"), graphToDot(catalog, result.graph));
    if (!result.graph.cycles.length) writeFileAtomic(join(opts.graph, "expanded_relationships.dot"), expandedToDot(catalog, result.graph));
    if (result.graph.cycles.length) writeFileAtomic(join(opts.graph, "cycles.dot"), cyclesToDot(catalog, result.graph));
  }
  if (result.refused) {
    process.stderr.write(`Error: the catalog cannot be applied; nothing was changed (${result.refused.length} problem${result.refused.length === 1 ? "" : "s"}):\n`);
    for (const p of result.refused) process.stderr.write(`  ${p.file ? `${p.file}${p.line ? `:${p.line}` : ""}: ` : ""}${p.message.split("\n").join("\n  ")}\n`);
    return EXIT_INPUT_ERROR;
  }
  const totalSeconds = (performance.now() - t0) / 1000;
  const summary = summarize(result);
  process.stdout.write(renderSummary(result, summary, { noop: !!opts.noop, seconds: result.evaluationSeconds }));
  if (opts.report) {
    const report = buildReport(catalog, result, { noop: !!opts.noop, configRetrievalSeconds, totalSeconds, startTime: start, cfgVersion: VERSION });
    writeFileAtomic(opts.report, JSON.stringify(report, null, 2) + "\n");
  }
  return opts.detailedExitcodes ? detailedExitCode(summary) : EXIT_OK;
}

/** One of Puppet's own notices ("Compiled catalog ...", "Applied catalog ..."), as its logs hold them. */
function puppetNotice(message: string, time: string): LogEntry {
  return { level: "notice", message, source: "Puppet", tags: ["notice"], time, file: null, line: null };
}
