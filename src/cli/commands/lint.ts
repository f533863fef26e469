// `cfg lint [paths...]`: puppet-lint's checks (same names, levels and defaults) plus community and
// cfg checks, on the real parser's tokens and AST. See docs/lint.md.
// Exit 0 when clean (warnings allowed), 1 on errors or warnings past --max-warnings /
// --fail-on-warnings, 2 for usage or config errors.
import { Option, type Command } from "commander";
import { relative, resolve, isAbsolute } from "node:path";
import { readFileSync } from "node:fs";
import { createDiagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { renderDiagnosticsText } from "../../diagnostics/render-text.js";
import { EXIT_INPUT_ERROR, EXIT_OK, EXIT_USAGE } from "../exit-codes.js";
import { SourceFile } from "../../source/source-file.js";
import { writeFileAtomic } from "../../util/atomic-write.js";
import { writeChunksAtomic, writeChunksSync } from "../../util/write-chunks.js";
import { ALL_RULES, RULES_BY_NAME } from "../../lint/rules/index.js";
import { EMPTY_CONFIG, findConfigFile, loadConfig, selectRules, suggestCheck, type LintConfig } from "../../lint/config.js";
import { discoverFiles } from "../../lint/discover.js";
import { FORMATTERS } from "../../lint/formatters/index.js";
import type { LintFileReport } from "../../lint/formatters/types.js";
import { formatGithub } from "../../lint/formatters/github.js";
import { unifiedDiff } from "../../lint/fix.js";
import type { ModuleIndex, RuleMeta } from "../../lint/rule.js";

/** Checks that need the modulepath index (built only when one of them is enabled). */
const NEEDS_MODULES = new Set(["unknown_class", "unknown_resource_type", "unknown_function", "unknown_parameter", "missing_required_parameter", "parameter_type_mismatch", "unknown_relationship_target"]);

interface LintOptions {
  format: string;
  json?: boolean;
  sarif?: boolean;
  outputFile?: string;
  onlyChecks?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  maxWarnings?: string;
  failOnWarnings?: boolean;
  errorLevel: string;
  showIgnored?: boolean;
  relative?: boolean;
  ignorePaths?: string;
  config?: string | boolean;
  listChecks?: boolean;
  color?: boolean;
  jobs?: string;
  modulepath?: string;
  stdinFilename?: string;
  [k: string]: unknown;
}

const camel = (s: string): string => s.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

function usage(diags: Diagnostic[]): void {
  process.stderr.write(`${renderDiagnosticsText(diags, { color: process.stderr.isTTY })}\n`);
  process.exitCode = EXIT_USAGE;
}

export function register(program: Command): void {
  const cmd = program
    .command("lint")
    .description("check manifests for style and correctness problems (puppet-lint's checks and more)")
    .argument("[paths...]", "files or directories (default: .); '-' reads stdin")
    .option("--format <format>", `output format: ${Object.keys(FORMATTERS).join(", ")}`, "text")
    .option("--json", "same as --format json")
    .option("--sarif", "same as --format sarif")
    .option("-o, --output-file <file>", "write the formatted report to a file (text still goes to stdout)")
    .option("--only-checks <checks>", "comma-separated list of the only checks to run")
    .option("-f, --fix", "apply safe fixes in place (files that do not parse are never touched)")
    .option("--fix-dry-run", "show the fixes as a diff without writing")
    .option("--max-warnings <n>", "exit 1 when there are more than n warnings")
    .option("--fail-on-warnings", "exit 1 on any warning")
    .option("--error-level <level>", "which problems to show: all, warning or error", "all")
    .option("--show-ignored", "also list problems suppressed by lint:ignore comments")
    .option("--relative", "check autoloader_layout relative to the module root")
    .option("--ignore-paths <globs>", "comma-separated globs of paths to skip")
    .option("-c, --config <file>", "config file (default: nearest .cfg-lint.json)")
    .option("--no-config", "do not read a config file")
    .option("--list-checks", "list every check with its level and default")
    .option("--color", "force colour")
    .option("--no-color", "no colour")
    .option("-j, --jobs <n>", "threads to use (default: all cores)")
    .option("--stdin-filename <path>", "the path that stdin ('-') stands for, in messages and autoloader_layout")
    .option("--modulepath <dirs>", "modulepath for the typecheck checks, ':'-separated (default: inferred from the linted paths)");
  for (const r of ALL_RULES) {
    cmd.addOption(new Option(`--${r.meta.name}-check`).hideHelp());
    cmd.addOption(new Option(`--no-${r.meta.name}-check`).hideHelp());
  }
  cmd.action(async (paths: string[], opts: LintOptions) => {
    process.exitCode = await runLint(paths, opts, cmd);
  });
}

function listChecks(): string {
  const rows = ALL_RULES.map((r) => `${r.meta.name.padEnd(36)} ${r.meta.level.padEnd(8)} ${(r.meta.enabled ? "on" : "off").padEnd(4)} ${r.meta.fixable ? "fix" : "   "} ${r.meta.origin.padEnd(11)} ${r.meta.description}`);
  return `${"check".padEnd(36)} ${"level".padEnd(8)} ${"def".padEnd(4)} fix origin      description\n${rows.join("\n")}\n`;
}

async function runLint(paths: string[], opts: LintOptions, cmd: Command): Promise<number> {
  if (opts.listChecks) {
    process.stdout.write(listChecks());
    return EXIT_OK;
  }
  const format = opts.json ? "json" : opts.sarif ? "sarif" : opts.format;
  const formatter = FORMATTERS[format];
  if (!formatter) {
    usage([createDiagnostic("CFG5103", { args: { name: format } })]);
    return EXIT_USAGE;
  }
  if (!["all", "warning", "error"].includes(opts.errorLevel)) {
    usage([createDiagnostic("CFG5106", { args: { message: `--error-level must be all, warning or error, not '${opts.errorLevel}'` } })]);
    return EXIT_USAGE;
  }
  let maxWarnings: number | undefined;
  if (opts.maxWarnings !== undefined) {
    maxWarnings = Number(opts.maxWarnings);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) {
      usage([createDiagnostic("CFG5106", { args: { message: `--max-warnings must be a non-negative integer, not '${opts.maxWarnings}'` } })]);
      return EXIT_USAGE;
    }
  }
  // Config file.
  let config: LintConfig = EMPTY_CONFIG;
  if (opts.config !== false) {
    const path = typeof opts.config === "string" ? opts.config : findConfigFile(process.cwd());
    if (path) {
      const loaded = loadConfig(path);
      if (loaded.diagnostics.length) {
        usage(loaded.diagnostics);
        return EXIT_USAGE;
      }
      config = loaded.value;
    }
  }
  // Check selection.
  const bad: Diagnostic[] = [];
  let only: string[] | undefined;
  if (opts.onlyChecks !== undefined) {
    only = opts.onlyChecks.split(",").map((s) => s.trim()).filter(Boolean);
    for (const n of only) if (!RULES_BY_NAME.has(n)) bad.push(createDiagnostic("CFG5102", { args: { name: n, suggestion: suggestCheck(n) } }));
  }
  if (bad.length) {
    usage(bad);
    return EXIT_USAGE;
  }
  const toggles: Record<string, boolean> = {};
  const sources = cmd.opts();
  for (const r of ALL_RULES) {
    const key = camel(`${r.meta.name}-check`);
    const v = sources[key];
    if (typeof v === "boolean" && cmd.getOptionValueSource(key) === "cli") toggles[r.meta.name] = v;
  }
  const enabled = selectRules(config, { only, toggles });
  // Files.
  const ignore = [...config.ignore, ...(opts.ignorePaths ? opts.ignorePaths.split(",").map((s) => s.trim()).filter(Boolean) : [])];
  const { files, diagnostics } = discoverFiles(paths.length ? paths : ["."], ignore);
  if (diagnostics.length) {
    usage(diagnostics);
    return EXIT_USAGE;
  }
  const stdinText = files.includes("-") ? readFileSync(0, "utf8") : undefined;
  const fix = Boolean(opts.fix || opts.fixDryRun);
  let modules: ModuleIndex | undefined;
  if (enabled.some((e) => NEEDS_MODULES.has(e.rule.meta.name))) {
    const { buildModuleIndex, inferModulepath } = await import("../../typecheck/binder.js");
    const roots = opts.modulepath ? opts.modulepath.split(":").filter(Boolean) : inferModulepath(files.map((f) => resolve(f)));
    const index = buildModuleIndex(roots);
    // Linted files outside the modulepath (site.pp, a control repo's manifests) declare things too.
    const { indexManifest } = await import("../../typecheck/binder.js");
    for (const f of files) {
      const abs = resolve(f);
      if (f === "-" || roots.some((r) => abs.startsWith(`${resolve(r)}/`))) continue;
      try {
        indexManifest(index, f, readFileSync(f, "utf8"));
      } catch {
        // unreadable files are reported by the lint pass
      }
    }
    modules = index;
  }
  const { lintFiles } = await import("../../lint/lint-files.js");
  const outcomes = await lintFiles(
    files,
    { rules: enabled.map((e) => ({ name: e.rule.meta.name, level: e.level, options: e.options })), settings: { relative: opts.relative ?? config.relative, modules }, fix, stdinPath: opts.stdinFilename,
      // Code frames (text output, also printed beside --output-file) need the whole text; the other formats only finding lines.
      keepText: format === "text" || !!opts.outputFile },
    stdinText,
    opts.jobs ? Number(opts.jobs) : undefined,
  );
  const cwd = process.cwd();
  const display = (p: string): string => (p === "-" ? (opts.stdinFilename ?? "-") : isAbsolute(p) ? p : relative(cwd, resolve(p)) || p);
  const reports: LintFileReport[] = [];
  const notes: Diagnostic[] = [];
  const diffs: string[] = [];
  const showKind = (s: string): boolean => opts.errorLevel === "all" || opts.errorLevel === s;
  for (const o of outcomes) {
    if (o.readError) {
      notes.push(createDiagnostic("CFG5001", { args: { path: o.path, reason: o.readError } }));
      continue;
    }
    const file = new SourceFile(o.path, o.fixedText ?? o.text);
    if (o.fixedText !== undefined) {
      if (opts.fixDryRun || o.path === "-") diffs.push(unifiedDiff(display(o.path), o.text, o.fixedText));
      else writeFileAtomic(o.path, o.fixedText);
    }
    if (o.refused) notes.push(createDiagnostic("CFG5105", { args: { path: o.path, reason: o.refused } }));
    const lines = o.lines;
    reports.push({
      file,
      lineText: lines ? (line: number) => lines[line] ?? "" : (line: number) => file.lineText(line),
      path: display(o.path),
      findings: o.findings.filter((f) => showKind(f.severity)),
      fixed: opts.fixDryRun ? [] : o.fixed,
      ignored: opts.showIgnored ? o.ignored : [],
    });
  }
  const rules = new Map<string, RuleMeta>(ALL_RULES.map((r) => [r.meta.name, { ...r.meta, level: enabled.find((e) => e.rule === r)?.level ?? r.meta.level }]));
  rules.set("syntax", { name: "syntax", level: "error", enabled: true, fixable: false, origin: "puppet-lint", description: "The file does not parse." });
  const VERSION = (cmd.parent?.version() as string | undefined) ?? "0.0.0";
  const input = { files: reports, rules, color: opts.color ?? process.stdout.isTTY, toolVersion: VERSION };
  let rendered: string | string[];
  try {
    rendered = formatter(input);
  } catch (e) {
    // Past V8's largest string (~512 MB): say so instead of crashing.
    if (!(e instanceof RangeError)) throw e;
    const count = reports.reduce((n, r) => n + r.findings.length, 0);
    process.stderr.write(`${renderDiagnosticsText([createDiagnostic("CFG5107", { args: { format, count } })], { color: process.stderr.isTTY })}\n`);
    return EXIT_USAGE;
  }
  const pieces = typeof rendered === "string" ? [rendered] : rendered;
  if (diffs.length) process.stdout.write(diffs.join(""));
  if (opts.outputFile) {
    writeChunksAtomic(opts.outputFile, pieces);
    if (format !== "text") process.stdout.write(FORMATTERS.text!(input) as string);
  } else writeChunksSync(1, pieces);
  if (format === "text" && process.env.GITHUB_ACTION) process.stdout.write(formatGithub(input));
  if (notes.length) process.stderr.write(`${renderDiagnosticsText(notes, { color: process.stderr.isTTY })}\n`);
  // Exit status counts every finding, not only the shown ones.
  let errors = 0;
  let warnings = 0;
  for (const o of outcomes) for (const f of o.findings) f.severity === "error" ? errors++ : warnings++;
  const limit = maxWarnings ?? config.maxWarnings;
  if (errors > 0 || notes.some((n) => n.severity === "error")) return EXIT_INPUT_ERROR;
  if (opts.failOnWarnings && warnings > 0) return EXIT_INPUT_ERROR;
  if (limit !== undefined && warnings > limit) return EXIT_INPUT_ERROR;
  return EXIT_OK;
}
