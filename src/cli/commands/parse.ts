// `cfg parse FILE... [--format json|pn]`: the AST. `pn` prints byte for byte what
// `puppet parser dump --format pn FILE...` prints (each file headed `--- FILE`, no separator).
import type { Command } from "commander";
import { readSources } from "../read-input.js";
import { parseEpp, parseManifest } from "../../parser/parse.js";
import { dumpPn } from "../../ast/dump-pn.js";
import { renderDiagnosticsText } from "../../diagnostics/render-text.js";
import { EXIT_INPUT_ERROR, EXIT_OK, EXIT_USAGE } from "../exit-codes.js";

export function register(program: Command): void {
  program
    .command("parse")
    .description("print the syntax tree of manifests or EPP templates")
    .argument("<files...>", "files to parse ('-' for stdin)")
    .option("--format <format>", "json or pn (Puppet's `parser dump --format pn`)", "json")
    .action((paths: string[], opts: { format: string }) => {
      if (opts.format !== "json" && opts.format !== "pn") {
        process.stderr.write(`cfg parse: unknown format '${opts.format}' (expected json or pn)\n`);
        process.exitCode = EXIT_USAGE;
        return;
      }
      const { files, diagnostics } = readSources(paths, ["pp", "epp"]);
      let failed = diagnostics.length > 0;
      let out = "";
      const json: unknown[] = [];
      for (const f of files) {
        const epp = f.path.endsWith(".epp");
        const r = epp ? parseEpp(f, { validate: false }) : parseManifest(f, { validate: false });
        const errors = r.diagnostics.filter((d) => d.severity === "error");
        if (errors.length) {
          failed = true;
          process.stderr.write(renderDiagnosticsText(errors, { color: process.stderr.isTTY }) + "\n");
          continue;
        }
        // `puppet epp dump --header` puts a newline after the header, and no header for a single file.
        if (opts.format === "pn") out += epp ? (files.length > 1 ? `--- ${f.path}\n` : "") + dumpPn(r.program) : `--- ${f.path}${dumpPn(r.program)}`;
        else json.push({ file: f.path, ast: r.program });
      }
      if (diagnostics.length) process.stderr.write(renderDiagnosticsText(diagnostics) + "\n");
      if (opts.format === "pn") process.stdout.write(out + "\n");
      else process.stdout.write(JSON.stringify(json, (_k, v) => (typeof v === "bigint" ? v.toString() : v), 2) + "\n");
      process.exitCode = failed ? EXIT_INPUT_ERROR : EXIT_OK;
    });
}
