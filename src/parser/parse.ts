// Entry points of the syntax phase: source -> tokens -> AST, with diagnostics as values.
// One Parser object per file (they are cheap: no tables to build), never an exception for bad input.
import type { Program } from "../ast/nodes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { createDiagnostic } from "../diagnostics/diagnostic.js";
import { tokenize, type Token } from "../lexer/lexer.js";
import type { SourceFile } from "../source/source-file.js";
import { Parser, ParseAbort } from "./parser.js";
import { validateProgram } from "./validate.js";

export interface ParseResult {
  program: Program;
  diagnostics: Diagnostic[];
  tokens: readonly Token[];
  comments: readonly Token[];
}

export interface ParseOptions {
  /** Run Puppet's static validation (checker4_0) after a clean parse. Default true. */
  validate?: boolean;
}

function run(file: SourceFile, epp: boolean, opts: ParseOptions): ParseResult {
  const lexed = tokenize(file, { epp });
  const parser = new Parser(file, lexed.tokens);
  let program: Program;
  try {
    program = epp ? parser.parseEppProgram() : parser.parseProgram();
  } catch (e) {
    if (e instanceof ParseAbort) {
      parser.diagnostics.push(e.diagnostic);
    } else if (e instanceof RangeError) {
      // Stack exhaustion on pathological input: report, never crash.
      parser.diagnostics.push(createDiagnostic("CFG1101", { file, span: { start: 0, end: 0 } }));
    } else throw e;
    program = { kind: "Program", span: { start: 0, end: file.text.length }, body: [], definitions: [] };
  }
  // A lexical error leaves the token stream cut short; parser errors after it are consequences.
  const firstLexError = lexed.diagnostics.length ? Math.min(...lexed.diagnostics.map((d) => d.span?.start ?? 0)) : Infinity;
  // Puppet lexes on demand, so an error at the token just before the lexical error (which cfg's
  // two-token look-ahead can report) never happens there: the lexer fails first.
  const tokens = lexed.tokens;
  const beforeLexError = (at: number): boolean => {
    let lo = 0;
    let hi = tokens.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (tokens[mid]!.start <= at) lo = mid;
      else hi = mid - 1;
    }
    const next = tokens[lo + 1];
    return tokens[lo] !== undefined && tokens[lo]!.start === at && (next === undefined || next.start > firstLexError);
  };
  const diagnostics = [
    ...lexed.diagnostics,
    ...parser.diagnostics.filter((d) => {
      const at = d.span?.start ?? 0;
      return at < firstLexError && !(firstLexError !== Infinity && beforeLexError(at));
    }),
  ];
  if (diagnostics.length === 0 && opts.validate !== false) diagnostics.push(...validateProgram(file, program, { epp }));
  diagnostics.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
  return { program, diagnostics, tokens: lexed.tokens, comments: lexed.comments };
}

export function parseManifest(file: SourceFile, opts: ParseOptions = {}): ParseResult {
  return run(file, false, opts);
}

export function parseEpp(file: SourceFile, opts: ParseOptions = {}): ParseResult {
  return run(file, true, opts);
}
