// THE table of diagnostic codes. Every diagnostic cfg emits has its code here.
// Codes are never renumbered or reused; keep the table sorted by code.
//   CFG1xxx lexing and syntax       CFG2xxx binding and types    CFG3xxx evaluation
//   CFG4xxx catalog and graph       CFG5xxx CLI, config, facts   CFG6xxx apply and providers
// Lint findings use their check name as code (see src/lint).
import type { Severity } from "./diagnostic.js";

export interface CodeDefinition {
  readonly severity: Severity;
  /** Message template; `{name}` placeholders are filled from the diagnostic's args. */
  readonly message: string;
  readonly help?: string;
}

function defineCodes<T extends Record<string, CodeDefinition>>(t: T): T {
  return t;
}

export const DIAGNOSTIC_CODES = defineCodes({
  // ---- CFG1xxx: lexing and syntax
  CFG1000: { severity: "error", message: "{message}" },
  CFG1001: { severity: "error", message: "The file is not valid UTF-8", help: "Puppet reads manifests as UTF-8; re-encode the file" },
  CFG1100: { severity: "error", message: "{message}" },
  CFG1101: { severity: "error", message: "The input is nested too deeply to parse", help: "split the expression into smaller parts" },
  CFG1200: { severity: "error", message: "{message}" },
  CFG1201: { severity: "warning", message: "{message}" },

  // ---- CFG2000-2499: types, functions and Hiera (src/typecheck, src/compiler/functions, src/compiler/hiera)
  CFG2000: { severity: "error", message: "{message}", help: "the value does not match the declared type" },
  CFG2001: { severity: "error", message: "{message}", help: "check the type's parameters (see Puppet's type reference)" },
  CFG2002: { severity: "error", message: "{message}", help: "see the conversion rules of the type's new() function" },
  CFG2100: { severity: "error", message: "{message}", help: "check the function's arguments" },
  CFG2101: { severity: "error", message: "Unknown function: '{name}'" },
  CFG2200: { severity: "error", message: "{message}", help: "check hiera.yaml (version 5) and the data files it names" },
  CFG2201: { severity: "error", message: "{message}", help: "add the key to the Hiera data or give lookup() a default value" },

  // ---- CFG3xxx: evaluation
  CFG3000: { severity: "error", message: "{message}" },
  CFG3001: { severity: "error", message: "Could not parse for environment {environment}: {message}" },
  CFG3002: { severity: "error", message: "{message}", help: "declared where the evaluation path shows" },

  // ---- CFG4xxx: catalog and graph
  CFG4000: { severity: "error", message: "{message}" },
  CFG4001: { severity: "error", message: "{message}", help: "declare the resource or fix the reference" },

  // ---- CFG5xxx: CLI, config and facts
  CFG5000: { severity: "error", message: "{message}" },
  CFG5001: { severity: "error", message: "Cannot read {path}: {reason}" },
  // CFG5100-5199: cfg lint (config file, command line, discovery)
  CFG5100: { severity: "error", message: "Invalid JSON in lint config {path}: {reason}", help: "the config file is plain JSON (no comments or trailing commas)" },
  CFG5101: { severity: "error", message: "Invalid lint config {path}: {reason}", help: "see docs/lint.md for the config file format" },
  CFG5102: { severity: "error", message: "Unknown check '{name}'{suggestion}", help: "`cfg lint --list-checks` lists every check" },
  CFG5103: { severity: "error", message: "Unknown output format '{name}'", help: "formats: text, json, sarif, github, junit, checkstyle, codeclimate" },
  CFG5104: { severity: "error", message: "No such file or directory: {path}" },
  CFG5105: { severity: "warning", message: "--fix left {path} unchanged: the fixed text did not parse ({reason})", help: "report this as a cfg bug with the file" },
  CFG5106: { severity: "error", message: "{message}" },
  CFG5107: { severity: "error", message: "The {format} report of {count} findings is too large to render", help: "lint fewer files at once, or use --format json (written in pieces)" },
  // CFG5300-5399: cfg compile (command line, environment, facts)
  CFG5300: { severity: "error", message: "{message}" },
  CFG5301: { severity: "error", message: "Cannot read facts {path}: {reason}", help: "facts are a JSON or YAML map, or Puppet's {\"name\": ..., \"values\": {...}} form" },

  // ---- CFG6xxx: apply and providers
  CFG6000: { severity: "error", message: "{message}" },
  CFG6001: { severity: "error", message: "Invalid catalog JSON in {path}: {reason}", help: "a catalog is what `cfg compile` or `puppet catalog compile` prints" },
});

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
