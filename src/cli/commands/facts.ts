// `cfg facts [--format json|yaml] [NAME...]`: this host's facts with facter's names and shapes.
// Like facter: one NAME prints its bare value, several print "name => value" lines, and with
// --format json/yaml the named facts come as a map (null for an unknown one).
import type { Command } from "commander";
import { stringify as toYaml } from "yaml";
import { EXIT_OK, EXIT_USAGE } from "../exit-codes.js";

function bare(v: unknown): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "string") return v;
  return typeof v === "object" ? JSON.stringify(v, null, 2) : String(v);
}

export function register(program: Command): void {
  program
    .command("facts")
    .description("print this host's facts (facter's names and shapes)")
    .argument("[names...]", "facts to print (dotted names reach inside: os.release.major)")
    .option("--format <format>", "json or yaml (default: json for all facts, facter's plain style for named ones)")
    .action(async (names: string[], opts: { format?: string }) => {
      if (opts.format !== undefined && opts.format !== "json" && opts.format !== "yaml") {
        process.stderr.write(`cfg facts: unknown format '${opts.format}' (expected json or yaml)\n`);
        process.exitCode = EXIT_USAGE;
        return;
      }
      const { gatherFacts, factValue } = await import("../../facts/index.js");
      const facts = await gatherFacts();
      let data: unknown = facts;
      if (names.length) {
        const picked: Record<string, unknown> = {};
        for (const n of names) picked[n] = factValue(facts, n) ?? null;
        if (!opts.format) {
          if (names.length === 1) process.stdout.write(bare(picked[names[0]!]) + "\n");
          else for (const n of names) process.stdout.write(`${n} => ${bare(picked[n])}\n`);
          process.exitCode = EXIT_OK;
          return;
        }
        data = picked;
      }
      if (opts.format === "yaml") {
        process.stdout.write(toYaml(data));
      } else process.stdout.write(JSON.stringify(data, null, 2) + "\n");
      process.exitCode = EXIT_OK;
    });
}
