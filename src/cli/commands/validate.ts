// `cfg validate PATH...`: like `puppet parser validate`, but every error of a file is reported, not
// only the first. Directories are walked for *.pp and *.epp; `-` reads stdin (as a manifest).
// Exit 0 when every file is valid, 1 when any is not (or cannot be read), 2 for a usage error.
import type { Command } from "commander";
import { expandPaths } from "../read-input.js";
import { renderDiagnosticsText } from "../../diagnostics/render-text.js";
import { renderDiagnosticsJson } from "../../diagnostics/render-json.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { EXIT_INPUT_ERROR, EXIT_OK, EXIT_USAGE } from "../exit-codes.js";

export function register(program: Command): void {
  program
    .command("validate")
    .description("check the syntax of manifests and EPP templates (every error, not only the first)")
    .argument("<paths...>", "files or directories ('-' for stdin)")
    .option("--format <format>", "text or json", "text")
    .action(async (paths: string[], opts: { format: string }) => {
      if (opts.format !== "text" && opts.format !== "json") {
        process.stderr.write(`cfg validate: unknown format '${opts.format}' (expected text or json)\n`);
        process.exitCode = EXIT_USAGE;
        return;
      }
      const expanded = expandPaths(paths, ["pp", "epp"]);
      const all: Diagnostic[] = [...expanded.diagnostics];
      const { validatePaths } = await import("../../parser/validate-parallel.js");
      all.push(...(await validatePaths(expanded.paths)));
      const sorted = sortDiagnostics(all);
      if (opts.format === "json") process.stdout.write(renderDiagnosticsJson(sorted) + "\n");
      else if (sorted.length) process.stderr.write(renderDiagnosticsText(sorted, { color: process.stderr.isTTY }) + "\n");
      process.exitCode = hasErrors(sorted) ? EXIT_INPUT_ERROR : EXIT_OK;
    });
}
