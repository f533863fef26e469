// The Puppet lexer: a hand-written port of Puppet's lexer2 (pops/parser/lexer2.rb and its
// slurp/interpolation/heredoc/EPP support), because Puppet's lexing is context sensitive:
// `[`/`(` change kind after whitespace, `{` after `?`, `/` is a regex only where an operand may start,
// strings interpolate expressions that are lexed as ordinary tokens, heredoc bodies are taken from
// the lines after the one that opens them. See README.md for the token kinds and modes.
import type { SourceFile } from "../source/source-file.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";

export interface Token {
  /** Puppet's token name: NAME, CLASSREF, VARIABLE, STRING, DQPRE, LBRACE, FARROW, ... (README.md). */
  readonly kind: string;
  /** The exact source text of the token ("" for synthetic tokens). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Processed value: string content with escapes applied, variable name, number text, regex pattern, heredoc syntax. */
  readonly value?: unknown;
}

/**
 * A token whose `text` is sliced from the source on demand: most tokens' text is never read, and
 * not holding a string per token saves memory and GC time on big files. JSON shows `text`.
 */
class SourceToken implements Token {
  readonly #source: string;
  constructor(
    readonly kind: string,
    readonly start: number,
    readonly end: number,
    readonly value: unknown,
    source: string,
  ) {
    this.#source = source;
  }
  get text(): string {
    return this.#source.slice(this.start, this.end);
  }
  toJSON(): object {
    return { kind: this.kind, text: this.text, start: this.start, end: this.end, value: this.value };
  }
  /** The same source text as another kind of token (`${x}`: a NAME becomes a VARIABLE). */
  retyped(kind: string, value: unknown): SourceToken {
    return new SourceToken(kind, this.start, this.end, value, this.#source);
  }
}

export interface LexResult {
  tokens: Token[];
  comments: Token[];
  diagnostics: Diagnostic[];
}

export const KEYWORDS: Readonly<Record<string, string>> = {
  case: "CASE",
  class: "CLASS",
  default: "DEFAULT",
  define: "DEFINE",
  if: "IF",
  elsif: "ELSIF",
  else: "ELSE",
  inherits: "INHERITS",
  node: "NODE",
  and: "AND",
  or: "OR",
  undef: "UNDEF",
  false: "BOOLEAN",
  true: "BOOLEAN",
  in: "IN",
  unless: "UNLESS",
  function: "FUNCTION",
  type: "TYPE",
  attr: "ATTR",
  private: "PRIVATE",
};

const PATTERN_CLASSREF = /(?:(?:::)?[A-Z]\w*)+/y;
const PATTERN_NAME = /^(?:(?:::)?[a-z]\w*)(?:::[a-z]\w*)*$/;
const PATTERN_BARE_WORD = /(?:(?:::)?(?:[a-z_](?:[\w-]*\w)?))+/y;
const PATTERN_DOLLAR_VAR = /\$(?:::)?(?:\w+::)*\w+/y;
const PATTERN_VARIABLE = /(?:::)?(?:\w+::)*\w+/y;
const PATTERN_NUMBER = /\b(?:0[xX][0-9A-Fa-f]+|0?\d+(?:\.\d+)?(?:[eE]-?\d+)?)\b/y;

/**
 * Length of a sticky pattern's match at `pos` (-1 if none). test() plus lastIndex instead of exec():
 * no match array per token (exec's arrays were the lexer's largest source of garbage).
 */
function matchLength(re: RegExp, text: string, pos: number): number {
  re.lastIndex = pos;
  return re.test(text) ? re.lastIndex - pos : -1;
}

/** Puppet's whitespace between tokens (Ruby's [[:blank:]] plus \r\f\v), newline excluded. */
function isWhitespace(c: number): boolean {
  return (
    c === 32 || c === 9 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000
  );
}
const PATTERN_HEREDOC = /^@\(([^:/\r\n)]+)(?::[ \t]*([a-z][a-zA-Z0-9_+]+)[ \t]*)?(?:\/((?:\w|[$])*)[ \t]*)?\)$/;

const SQ_ESCAPES = ["\\", "'"];
const DQ_ESCAPES = ["\\", "$", "'", '"', "r", "n", "t", "s", "u", "\r\n", "\n"];


interface Ctx {
  after: string | undefined;
  braceCount: number;
  lineLexicalStart: number;
  newlineJump: number | undefined;
  eppMode: "text" | "epp" | "expr" | undefined;
  eppOpen: number | undefined;
}

class LexError extends Error {
  constructor(
    readonly diagnostic: Diagnostic,
    readonly resumeAt: number,
  ) {
    super(diagnostic.message);
  }
}

/** Maps offsets of a processed (sub) string back to the original file (heredoc bodies). */
type OffsetMap = (subOffset: number) => number;

/**
 * The character at `i`, or "" at and past the end. charAt past the end also gives "", but V8's
 * optimized code assumes it stays in bounds and is thrown away (and compiled again) the first time
 * it does not: hot code that can read past the end checks first.
 */
function charAtOrEnd(t: string, i: number): string {
  return i < t.length ? t.charAt(i) : "";
}

export class Lexer {
  private pos = 0;
  private readonly queue: Token[] = [];
  readonly tokens: Token[] = [];
  readonly comments: Token[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private ctx: Ctx = { after: undefined, braceCount: 0, lineLexicalStart: 0, newlineJump: undefined, eppMode: undefined, eppOpen: undefined };

  constructor(
    private readonly file: SourceFile,
    private readonly text: string,
    private readonly map: OffsetMap | undefined = undefined,
    private readonly uq?: { escapes: readonly string[]; interpolate: boolean },
  ) {}

  private abs(offset: number): number {
    return this.map ? this.map(offset) : offset;
  }

  private tok(kind: string, start: number, end: number, value?: unknown): Token {
    const s = this.abs(start);
    const e = this.map ? this.map(end) : end;
    return new SourceToken(kind, s, e, value, this.file.text);
  }

  private error(message: string, at: number, len = 1, resumeAt?: number): never {
    const start = this.abs(at);
    throw new LexError(
      createDiagnostic("CFG1000", { file: this.file, span: { start, end: Math.min(this.file.text.length, start + Math.max(len, 1)) }, args: { message } }),
      resumeAt ?? at + Math.max(len, 1),
    );
  }

  // ------------------------------------------------------------------ drivers

  /** Lexes a whole manifest. Errors are recorded and lexing resumes after the bad character. */
  scanAll(): void {
    this.skipWs();
    while (this.queue.length > 0 || this.pos < this.text.length) {
      let t: Token | undefined;
      try {
        t = this.queue.shift() ?? this.lexToken();
      } catch (e) {
        if (!(e instanceof LexError)) throw e;
        this.diagnostics.push(e.diagnostic);
        this.queue.length = 0;
        this.pos = Math.max(e.resumeAt, this.pos + 0);
        if (e.resumeAt <= this.pos && e.resumeAt >= this.text.length) break;
        continue;
      }
      if (t) {
        this.ctx.after = t.kind;
        this.tokens.push(t);
      }
    }
  }

  /** Lexes an EPP template: text becomes RENDER_STRING, `<%= %>` RENDER_EXPR ... EPP_END. */
  scanEpp(): void {
    this.ctx.eppMode = "text";
    this.queue.push(this.tok("EPP_START", 0, 0));
    try {
      this.interpolateEpp(false);
    } catch (e) {
      if (!(e instanceof LexError)) throw e;
      this.diagnostics.push(e.diagnostic);
      return;
    }
    while (this.queue.length > 0 || this.pos < this.text.length) {
      let t: Token | undefined;
      try {
        t = this.queue.shift() ?? this.lexToken();
      } catch (e) {
        if (!(e instanceof LexError)) throw e;
        this.diagnostics.push(e.diagnostic);
        this.queue.length = 0;
        this.pos = e.resumeAt;
        continue;
      }
      if (t) {
        this.ctx.after = t.kind;
        this.tokens.push(t);
      }
    }
    if (this.ctx.eppOpen !== undefined) {
      this.diagnostics.push(
        createDiagnostic("CFG1000", {
          file: this.file,
          // Puppet reports it where it gave up: at the end of the text.
          span: { start: this.abs(this.text.length), end: this.abs(this.text.length) },
          args: { message: "Unbalanced epp tag, reached <eof> without closing tag." },
        }),
      );
    }
  }

  private skipWs(): boolean {
    const start = this.pos;
    const text = this.text;
    let p = start;
    while (p < text.length && isWhitespace(text.charCodeAt(p))) p++;
    this.pos = p;
    return p > start;
  }

  private peek(n = 0): string {
    return charAtOrEnd(this.text, this.pos + n);
  }

  private emit(kind: string, len: number, value?: unknown): Token {
    const start = this.pos;
    this.pos += len;
    return this.tok(kind, start, this.pos, value);
  }

  // ------------------------------------------------------------------ one token

  lexToken(): Token | undefined {
    const c = this.text.charAt(this.pos);
    const n = charAtOrEnd(this.text, this.pos + 1);
    switch (c) {
      case ".":
        return this.emit("DOT", 1);
      case ",":
        return this.emit("COMMA", 1);
      case "[": {
        const before = this.pos;
        const prev = before === 0 ? "" : this.text.charAt(before - 1);
        return this.emit(before === 0 || /[ \t\r\n\f\v]/.test(prev) ? "LISTSTART" : "LBRACK", 1);
      }
      case "]":
        return this.emit("RBRACK", 1);
      case "(": {
        const ls = this.ctx.lineLexicalStart;
        const between = this.text.slice(ls, this.pos);
        return this.emit(this.pos === ls || /^[ \t\r]+$/.test(between) ? "WSLPAREN" : "LPAREN", 1);
      }
      case ")":
        return this.emit("RPAREN", 1);
      case ";":
        return this.emit("SEMIC", 1);
      case "?":
        return this.emit("QMARK", 1);
      case "*":
        return this.emit("TIMES", 1);
      case "%":
        if (n === ">" && this.ctx.eppMode) {
          const before = this.pos;
          this.pos += 2;
          if (this.ctx.eppMode === "expr") this.queue.push(this.tok("EPP_END", before, this.pos));
          this.ctx.eppMode = "text";
          this.interpolateEpp(false);
          return undefined;
        }
        return this.emit("MODULO", 1);
      case "{":
        this.ctx.braceCount++;
        return this.emit(this.ctx.after === "QMARK" ? "SELBRACE" : "LBRACE", 1);
      case "}":
        this.ctx.braceCount--;
        return this.emit("RBRACE", 1);
      case "@":
        if (n === "@") return this.emit("ATAT", 2);
        if (n === "(") return this.heredoc();
        return this.emit("AT", 1);
      case "|":
        if (n === ">") return this.emit(this.peek(2) === ">" ? "RRCOLLECT" : "RCOLLECT", this.peek(2) === ">" ? 3 : 2);
        return this.emit("PIPE", 1);
      case "=":
        if (n === "=") return this.emit("ISEQUAL", 2);
        if (n === ">") return this.emit("FARROW", 2);
        if (n === "~") return this.emit("MATCH", 2);
        return this.emit("EQUALS", 1);
      case "+":
        if (n === "=") return this.emit("APPENDS", 2);
        if (n === ">") return this.emit("PARROW", 2);
        return this.emit("PLUS", 1);
      case "-":
        if (this.ctx.eppMode && n === "%" && this.peek(2) === ">") {
          const before = this.pos;
          this.pos += 3;
          if (this.ctx.eppMode === "expr") this.queue.push(this.tok("EPP_END_TRIM", before, this.pos));
          this.ctx.eppMode = "text";
          this.interpolateEpp(true);
          return undefined;
        }
        if (n === ">") return this.emit("IN_EDGE", 2);
        if (n === "=") return this.emit("DELETES", 2);
        return this.emit("MINUS", 1);
      case "!":
        if (n === "=") return this.emit("NOTEQUAL", 2);
        if (n === "~") return this.emit("NOMATCH", 2);
        return this.emit("NOT", 1);
      case "~":
        if (n === ">") return this.emit("IN_EDGE_SUB", 2);
        return this.emit("TILDE", 1);
      case "#": {
        const start = this.pos;
        let e = this.text.indexOf("\n", start);
        if (e < 0) e = this.text.length;
        this.pos = e;
        this.comments.push(this.tok("Comment", start, e));
        return undefined;
      }
      case "/":
        return this.slash();
      case "<": {
        const n2 = this.peek(2);
        if (n === "<") return n2 === "|" ? this.emit("LLCOLLECT", 3) : this.emit("LSHIFT", 2);
        if (n === "=") return this.emit("LESSEQUAL", 2);
        if (n === "|") return this.emit("LCOLLECT", 2);
        if (n === "-") return this.emit("OUT_EDGE", 2);
        if (n === "~") return this.emit("OUT_EDGE_SUB", 2);
        return this.emit("LESSTHAN", 1);
      }
      case ">":
        if (n === ">") return this.emit("RSHIFT", 2);
        if (n === "=") return this.emit("GREATEREQUAL", 2);
        return this.emit("GREATERTHAN", 1);
      case ":":
        return this.colon();
      case "$": {
        const len = matchLength(PATTERN_DOLLAR_VAR, this.text, this.pos);
        if (len > 0) return this.emit("VARIABLE", len, this.text.slice(this.pos + 1, this.pos + len));
        return this.emit("VARIABLE", 1, "");
      }
      case '"':
        return this.interpolateDq();
      case "'":
        return this.sqString();
      case "\n":
        if (this.ctx.newlineJump !== undefined) {
          this.pos = this.ctx.newlineJump;
          this.ctx.newlineJump = undefined;
        } else {
          this.pos++;
        }
        this.ctx.lineLexicalStart = this.pos;
        return undefined;
      case "":
        this.pos = this.text.length;
        return undefined;
    }
    const code = c.charCodeAt(0);
    if (code >= 48 && code <= 57) return this.number();
    if ((code >= 97 && code <= 122) || c === "_") return this.word();
    if (code >= 65 && code <= 90) {
      const len = matchLength(PATTERN_CLASSREF, this.text, this.pos);
      if (len > 0 && !this.text.startsWith("::", this.pos + len)) {
        return this.emit("CLASSREF", len, this.text.slice(this.pos, this.pos + len));
      }
      // Puppet moves to the faulty position (one past the match) before reporting.
      this.error("Illegal class reference", this.pos + (len > 0 ? len + 1 : 0));
    }
    if (this.skipWs()) return undefined;
    // Puppet emits OTHER for anything else; the parser reports it as a syntax error.
    const cp = this.text.codePointAt(this.pos)!;
    return this.emit("OTHER", cp > 0xffff ? 2 : 1);
  }

  private word(): Token {
    const len = matchLength(PATTERN_BARE_WORD, this.text, this.pos);
    if (len < 0) {
      const fq = this.text.startsWith("::", this.pos + 1);
      this.error(fq ? "Illegal fully qualified name" : "Illegal name or bare word", this.pos);
    }
    const v = this.text.slice(this.pos, this.pos + len);
    if (PATTERN_NAME.test(v)) {
      const kw = KEYWORDS[v];
      if (kw) return this.emit(kw, v.length, kw === "BOOLEAN" ? v === "true" : v);
      return this.emit("NAME", v.length, v);
    }
    return this.emit("WORD", v.length, v);
  }

  private colon(): Token {
    const la = charAtOrEnd(this.text, this.pos + 1);
    if (la !== ":") return this.emit("COLON", 1);
    const la2 = charAtOrEnd(this.text, this.pos + 2);
    if (la2 >= "A" && la2 <= "Z") {
      const len = matchLength(PATTERN_CLASSREF, this.text, this.pos);
      if (len > 0 && !this.text.startsWith("::", this.pos + len)) return this.emit("CLASSREF", len, this.text.slice(this.pos, this.pos + len));
      this.error("Illegal fully qualified class reference", this.pos + (len > 0 ? len + 3 : 0));
    }
    const len = matchLength(PATTERN_BARE_WORD, this.text, this.pos);
    if (len > 0) {
      const v = this.text.slice(this.pos, this.pos + len);
      return this.emit(PATTERN_NAME.test(v) ? "NAME" : "WORD", len, v);
    }
    this.error("Illegal fully qualified name", this.pos, 2);
  }

  private number(): Token {
    const len = matchLength(PATTERN_NUMBER, this.text, this.pos);
    if (len > 0) {
      const v = this.text.slice(this.pos, this.pos + len);
      this.assertNumeric(v, this.pos);
      return this.emit("NUMBER", len, v);
    }
    // Not a number: report the whole run of word characters as Puppet does.
    const rest = /^\w+/.exec(this.text.slice(this.pos));
    const v = rest ? rest[0] : charAtOrEnd(this.text, this.pos);
    this.assertNumeric(v, this.pos);
    this.error(`Illegal number '${v}'`, this.pos, v.length);
  }

  private assertNumeric(v: string, at: number): void {
    if (/^0[xX]/.test(v)) {
      if (!/^0[xX][0-9A-Fa-f]+$/.test(v)) this.error(`Not a valid hex number ${v}`, at, v.length);
    } else if (/^0[^.]/.test(v)) {
      if (!/^0[0-7]+$/.test(v)) this.error(`Not a valid octal number ${v}`, at, v.length);
    } else if (/^\d+[eE.]/.test(v)) {
      if (!/^\d+(?:\.\d+)?(?:[eE]-?\d+)?$/.test(v)) this.error(`Not a valid decimal number ${v}`, at, v.length);
    } else if (!/^\d+$/.test(v)) {
      this.error(`Illegal number '${v}'`, at, v.length);
    }
  }

  private regexpAcceptable(): boolean {
    switch (this.ctx.after) {
      case "RPAREN":
      case "RBRACK":
      case "RRCOLLECT":
      case "RCOLLECT":
      case "NAME":
      case "CLASSREF":
      case "NUMBER":
      case "STRING":
      case "BOOLEAN":
      case "DQPRE":
      case "DQMID":
      case "DQPOST":
      case "HEREDOC":
      case "REGEX":
      case "VARIABLE":
      case "WORD":
        return false;
      default:
        return true;
    }
  }

  private slash(): Token | undefined {
    const start = this.pos;
    if (this.peek(1) === "*") {
      const e = this.text.indexOf("*/", start + 2);
      if (e < 0) this.error("Unclosed multiline comment", start, 2, this.text.length);
      this.pos = e + 2;
      this.comments.push(this.tok("Comment", start, this.pos));
      return undefined;
    }
    if (this.regexpAcceptable()) {
      let e = this.text.indexOf("/", start + 1);
      if (e >= 0) {
        // A regex ends at the first '/' not escaped by an odd number of backslashes.
        while (e >= 0 && escapedEnd(this.text.slice(start, e + 1))) e = this.text.indexOf("/", e + 1);
        if (e >= 0) {
          const raw = this.text.slice(start + 1, e);
          const pattern = raw.replace(/\\\//g, "/");
          this.pos = e + 1;
          return this.tok("REGEX", start, this.pos, pattern);
        }
      }
    }
    return this.emit("DIV", 1);
  }

  // ------------------------------------------------------------------ strings

  private sqString(): Token {
    const start = this.pos;
    let i = start + 1;
    let out = "";
    const t = this.text;
    // As in slurp (double quotes): a leading quote followed by a quote is content: `'''` is "'".
    if (t.charCodeAt(i) === 39 && t.charCodeAt(i + 1) === 39) {
      out += "'";
      i++;
    }
    // Plain text is copied in runs (one slice per run, not one concatenation per character).
    let run = i;
    for (;;) {
      if (i >= t.length) this.error(`Unclosed quote after "'" followed by '${followedBy(t, start + 1)}'`, start + 1, 1, t.length);
      const c = t.charCodeAt(i);
      if (c === 92 /* \ */) {
        const d = t.charCodeAt(i + 1);
        if (d === 92 || d === 39) {
          out += t.slice(run, i);
          run = i + 1; // the escaped character starts the next run
          i += 2;
          continue;
        }
        i++;
        continue;
      }
      if (c === 39) break;
      i++;
    }
    out += t.slice(run, i);
    this.pos = i + 1;
    return this.tok("STRING", start, this.pos, out);
  }

  /**
   * Reads string text up to a terminator: `"` (dq), `${`, `$` or end of input (uq, heredocs).
   * Applies escapes. Returns the text and the terminator ("" at end of input), or undefined when a
   * dq string is unterminated.
   */
  private slurp(escapes: readonly string[], dq: boolean, interpolate: boolean): { text: string; term: string } | undefined {
    const t = this.text;
    let i = this.pos;
    let out = "";
    // Puppet slurps with /(?:[^\\]|^)(?:[\\]{2})*(["]|[$]\{?)/ from here; its first alternative makes
    // a leading '"' content when a '"' or '$' follows: `""${x}"` is '"' + x, `"""` is '"', and the
    // same after an interpolation: `"${x}""` is x + '"'.
    if (dq && charAtOrEnd(t, i) === '"' && (charAtOrEnd(t, i + 1) === '"' || charAtOrEnd(t, i + 1) === "$")) {
      out += '"';
      i++;
    }
    // Plain text is copied in runs: `run` is where the current run of plain characters started.
    let run = i;
    for (;;) {
      const c = charAtOrEnd(t, i);
      if (c === "") {
        if (dq) return undefined;
        this.pos = i;
        return { text: out + t.slice(run, i), term: "" };
      }
      if (c === "\\") {
        out += t.slice(run, i);
        const d = charAtOrEnd(t, i + 1);
        if (d === "") {
          out += c;
          i++;
          run = i;
          continue;
        }
        if (d === "u" && escapes.includes("u")) {
          const m = /^\\u(?:([\da-fA-F]{4})|\{([\da-fA-F]{1,6})\})/.exec(t.slice(i, i + 10));
          if (m) {
            const cp = parseInt(m[1] ?? m[2]!, 16);
            out += cp <= 0x10ffff ? String.fromCodePoint(cp) : "\ufffd";
            i += m[0].length;
            run = i;
            continue;
          }
          // Puppet warns (illegal unicode escape) and keeps the text.
          out += "\\u";
          i += 2;
          run = i;
          continue;
        }
        const pair = d === "\r" && charAtOrEnd(t, i + 2) === "\n" ? "\r\n" : d;
        if (escapes.includes(pair)) {
          switch (pair) {
            case "r":
              out += "\r";
              break;
            case "n":
              out += "\n";
              break;
            case "t":
              out += "\t";
              break;
            case "s":
              out += " ";
              break;
            case "\n":
            case "\r\n":
              break;
            default:
              out += pair;
          }
        } else {
          out += "\\" + pair;
        }
        i += 1 + pair.length;
        run = i;
        continue;
      }
      if (dq && c === '"') {
        this.pos = i + 1;
        return { text: out + t.slice(run, i), term: '"' };
      }
      if (interpolate && c === "$") {
        out += t.slice(run, i);
        if (charAtOrEnd(t, i + 1) === "{") {
          this.pos = i + 2;
          return { text: out, term: "${" };
        }
        this.pos = i + 1;
        return { text: out, term: "$" };
      }
      i++;
    }
  }

  /** A double-quoted string: STRING, or DQPRE (expr tokens) DQMID ... DQPOST. */
  private interpolateDq(): Token | undefined {
    const before = this.pos;
    const base = this.queue.length;
    this.pos++;
    this.interpolate(before, true, DQ_ESCAPES, true, "STRING");
    return this.fromQueue(base);
  }

  /**
   * The tokens a string or heredoc pushed onto the queue from index `base`. At top level (empty
   * queue before) the first is returned and the rest follow from the queue. Inside an interpolation
   * (`"${ "nested" }"`: enqueueUntil is filling the queue) they are already in place, in order.
   */
  private fromQueue(base: number): Token | undefined {
    if (base === 0) return this.queue.shift();
    this.ctx.after = this.queue[this.queue.length - 1]?.kind ?? this.ctx.after;
    return undefined;
  }

  /**
   * Shared by dq strings and unquoted (heredoc) text. `first` is the kind for an uninterpolated
   * result (STRING); interpolated text produces DQPRE, the expression's tokens, DQMID..., DQPOST.
   */
  private interpolate(before: number, dq: boolean, escapes: readonly string[], interpolate: boolean, _first: string): void {
    let pre = true;
    let segStart = before;
    let text = "";
    // Puppet reports an unclosed string where its last slurp began, after the scanner's last match:
    // the opening quote, an interpolated variable's name, the last token inside a `${...}`, or nothing
    // after a lone `$`.
    let lastMatched = '"';
    for (;;) {
      const slurpStart = this.pos;
      const r = this.slurp(escapes, dq, interpolate);
      if (!r) {
        this.error(`Unclosed quote after '${lastMatched}' followed by '${followedBy(this.text, slurpStart)}'`, slurpStart, 1, this.text.length);
      }
      text += r.text;
      if (r.term === '"' || r.term === "") {
        this.queue.push(this.tok(pre ? "STRING" : "DQPOST", segStart, this.pos, text));
        return;
      }
      if (r.term === "${") {
        this.queue.push(this.tok(pre ? "DQPRE" : "DQMID", segStart, this.pos, text));
        const count = this.ctx.braceCount;
        this.ctx.braceCount++;
        this.enqueueUntil(count);
        lastMatched = this.queue[this.queue.length - 1]?.text ?? "";
        pre = false;
        segStart = this.pos;
        text = "";
        continue;
      }
      // '$' followed by a variable name, or a literal '$'
      const dollarAt = this.pos - 1;
      PATTERN_VARIABLE.lastIndex = this.pos;
      const m = PATTERN_VARIABLE.exec(this.text);
      if (m) {
        this.queue.push(this.tok(pre ? "DQPRE" : "DQMID", segStart, dollarAt, text));
        this.pos += m[0].length;
        this.queue.push(this.tok("VARIABLE", dollarAt, this.pos, m[0]));
        lastMatched = m[0];
        pre = false;
        segStart = this.pos;
        text = "";
        continue;
      }
      text += "$";
      lastMatched = "";
    }
  }

  /** Lexes the tokens of `${ ... }` into the queue, up to the matching `}`. */
  private enqueueUntil(braceCount: number): void {
    const q = this.queue;
    const base = q.length;
    this.skipWs();
    const savedAfter = this.ctx.after;
    while (this.pos < this.text.length) {
      const t = this.lexToken();
      if (!t) {
        this.skipWs();
        continue;
      }
      this.ctx.after = t.kind;
      if (t.kind === "RBRACE" && this.ctx.braceCount === braceCount) {
        const qlength = q.length - base;
        if (qlength === 1) q[q.length - 1] = toVariable(q[q.length - 1]!);
        else if (qlength > 1 && (q[base + 1]!.kind === "DOT" || q[base + 1]!.kind === "LBRACK")) q[base] = toVariable(q[base]!);
        this.ctx.after = savedAfter;
        return;
      }
      q.push(t);
    }
    this.error("Unclosed quote: an interpolation '${' is not closed with '}'", this.pos - 1, 1, this.text.length);
  }

  // ------------------------------------------------------------------ heredoc

  private heredoc(): Token | undefined {
    const t = this.text;
    const before = this.pos;
    const close = t.indexOf(")", before);
    if (close < 0) this.error("Unclosed parenthesis after '@(' followed by '" + followedBy(t, before + 2) + "'", before, 2, t.length);
    const posAfter = close + 1;
    const str = t.slice(before, posAfter);
    const md = PATTERN_HEREDOC.exec(str);
    if (!md) this.error("Invalid syntax in heredoc expected @(endtag[:syntax][/escapes])", before, posAfter - before, posAfter);
    let endtag = md[1]!.trim();
    const syntax = md[2] ?? "";
    let escapesSpec = md[3];
    let dqStyle = false;
    const q = /^"(.*)"$/.exec(endtag);
    if (q) {
      dqStyle = true;
      endtag = q[1]!.trim();
    }
    if (endtag.length < 1) this.error("Missing endtag in heredoc", before, posAfter - before, posAfter);
    let escapes: string[] = [];
    if (escapesSpec !== undefined) {
      if (escapesSpec.length < 1) escapesSpec = "trnsuL$";
      const list = escapesSpec.split("");
      if (new Set(list).size !== list.length) this.error(`An escape char for @() may only appear once. Got '${list.join(", ")}'`, before, posAfter - before, posAfter);
      escapes = ["\\"];
      for (const e of list) {
        if ("trnsu$".includes(e)) escapes.push(e);
        else if (e === "L") escapes.push("\n", "\r\n");
        else this.error(`Invalid heredoc escape char. Only t, r, n, s,  u, L, $ allowed. Got '${e}'`, before, posAfter - before, posAfter);
      }
    }
    const heredocToken = this.tok("HEREDOC", before, posAfter, syntax);
    // The body starts on the line after the one that holds the tag (or after the previous heredoc's body).
    let bodyStart: number;
    if (this.ctx.newlineJump !== undefined) {
      bodyStart = this.ctx.newlineJump;
    } else {
      const nl = t.indexOf("\n", posAfter);
      if (nl < 0) this.error("Heredoc without any following lines of text", before, posAfter - before, t.length);
      bodyStart = nl + 1;
    }
    const endRe = new RegExp(`^([ \\t]*)(?:([|])[ \\t]*)?(?:(-)[ \\t]*)?${escapeRegExp(endtag)}[ \\t]*\\r?(?:\\n|$)`);
    const lines: { start: number; text: string }[] = [];
    let p = bodyStart;
    while (p < t.length) {
      let e = t.indexOf("\n", p);
      e = e < 0 ? t.length : e + 1;
      const line = t.slice(p, e);
      const m = endRe.exec(line);
      if (m) {
        const leading = m[1]!;
        const hasMargin = m[2] === "|";
        const removeBreak = m[3] === "-";
        this.ctx.newlineJump = e;
        // Build the processed text and a map from its offsets back to the file.
        const pieces: { subStart: number; fileStart: number; len: number }[] = [];
        let body = "";
        for (const l of lines) {
          let lineText = l.text;
          let skip = 0;
          if (hasMargin && leading.length > 0 && lineText.startsWith(leading)) {
            skip = leading.length;
            lineText = lineText.slice(skip);
          }
          pieces.push({ subStart: body.length, fileStart: l.start + skip, len: lineText.length });
          body += lineText;
        }
        if (removeBreak) body = body.replace(/\r?\n$/, "");
        const map: OffsetMap = (o) => {
          let lo = 0;
          let hi = pieces.length - 1;
          if (hi < 0) return bodyStart;
          while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (pieces[mid]!.subStart <= o) lo = mid;
            else hi = mid - 1;
          }
          const pc = pieces[lo]!;
          return pc.fileStart + Math.min(o - pc.subStart, pc.len);
        };
        const sub = new Lexer(this.file, body, map, { escapes, interpolate: dqStyle });
        const subTokens = sub.lexUnquoted();
        this.diagnostics.push(...sub.diagnostics);
        const base = this.queue.length;
        this.queue.push(heredocToken, ...subTokens);
        this.pos = posAfter;
        return this.fromQueue(base);
      }
      lines.push({ start: p, text: line });
      p = e;
    }
    this.error(`Heredoc without end-tagged line`, bodyStart, 1, t.length);
  }

  /** Lexes this lexer's whole text as heredoc body text (STRING, or DQPRE ... DQPOST). */
  lexUnquoted(): Token[] {
    const { escapes, interpolate } = this.uq!;
    try {
      this.interpolate(0, false, escapes, interpolate, "STRING");
    } catch (e) {
      if (!(e instanceof LexError)) throw e;
      this.diagnostics.push(e.diagnostic);
    }
    return this.queue.splice(0);
  }

  // ------------------------------------------------------------------ EPP

  private interpolateEpp(skipLeading: boolean): void {
    const before = this.pos;
    const r = this.eppScanText(skipLeading);
    switch (r.mode) {
      case "text":
        // Trailing text that trimming (`-%>`) emptied still renders (Ruby's "" is truthy); no text at all does not.
        if (r.text !== undefined) this.queue.push(this.tok("RENDER_STRING", before, this.pos, r.text));
        this.ctx.eppOpen = undefined;
        return;
      case "epp":
        if (r.text) this.queue.push(this.tok("RENDER_STRING", before, this.pos, r.text));
        this.ctx.eppMode = "epp";
        this.ctx.eppOpen = this.pos;
        return;
      case "expr":
        if (r.text) this.queue.push(this.tok("RENDER_STRING", before, this.pos, r.text));
        this.queue.push(this.tok("RENDER_EXPR", before, before));
        this.ctx.eppMode = "expr";
        this.ctx.eppOpen = this.pos;
        return;
      case "error":
        this.error(r.issue!, r.at ?? before, 1, this.text.length);
    }
  }

  private eppScanText(skipLeadingIn: boolean): { mode: "text" | "epp" | "expr" | "error"; text: string | undefined; issue?: string; at?: number } {
    const t = this.text;
    let skipLeading = skipLeadingIn;
    if (this.pos >= t.length) return { mode: "text", text: undefined };
    let s = "";
    while (this.pos < t.length) {
      let idx = t.indexOf("<%", this.pos);
      let part: string;
      if (idx < 0) {
        part = t.slice(this.pos);
        this.pos = t.length;
      } else {
        part = t.slice(this.pos, idx + 2);
        this.pos = idx + 2;
      }
      if (skipLeading) {
        part = part.replace(/^[ \t]*\r?(?:\n|$)?/, "");
        skipLeading = false;
      }
      part = part.replace(/%%>/g, "%>");
      s += part;
      const next = charAtOrEnd(t, this.pos);
      if (next === "") {
        if (s.endsWith("<%")) return { mode: "error", text: s, issue: "Unbalanced embedded expression - opening <% and reaching end of input" };
        return { mode: "text", text: s };
      }
      if (idx < 0) return { mode: "text", text: s };
      if (next === "-") {
        this.pos++;
        s = s.replace(/[ \t]*<%$/, "");
        return { mode: "epp", text: s };
      }
      if (next === "%") {
        this.pos++;
        continue;
      }
      if (next === "=") {
        this.pos++;
        s = s.slice(0, -2);
        return { mode: "expr", text: s };
      }
      if (next === "#") {
        s = s.slice(0, -2);
        const m = /[^%]%>/g;
        m.lastIndex = this.pos;
        const mm = m.exec(t);
        if (!mm) return { mode: "error", text: s, issue: "Reaching end after opening <%# without seeing %>", at: this.pos };
        const commentText = t.slice(this.pos, mm.index + mm[0].length);
        this.pos = mm.index + mm[0].length;
        if (commentText.charAt(1) === "-") s = s.replace(/[ \t]*$/, "");
        if (commentText.endsWith("-%>")) skipLeading = true;
        idx = -1;
        continue;
      }
      s = s.slice(0, -2);
      return { mode: "epp", text: s };
    }
    return { mode: "text", text: s };
  }
}

function toVariable(t: Token): Token {
  if (t.kind === "NUMBER" || t.kind === "NAME" || t.kind === "WORD" || KEYWORDS[t.text] !== undefined) {
    return t instanceof SourceToken ? t.retyped("VARIABLE", t.text) : { ...t, kind: "VARIABLE", value: t.text };
  }
  return t;
}

function escapedEnd(value: string): boolean {
  if (!value.endsWith("\\/")) return false;
  let escaped = false;
  for (const ch of value.slice(1, -1)) {
    if (ch === "\\") escaped = !escaped;
    else escaped = false;
  }
  return escaped;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

/** Puppet's "followed by" excerpt in unclosed-quote messages. */
function followedBy(text: string, at: number): string {
  const rest = text.slice(at);
  if (rest.length === 0) return "<eof>";
  const s = rest.slice(0, 5) + "...";
  return s.replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");
}

export function tokenize(file: SourceFile, opts: { epp?: boolean } = {}): LexResult {
  const lexer = new Lexer(file, file.text);
  if (file.text.charCodeAt(0) === 0xfeff) {
    return {
      tokens: [],
      comments: [],
      diagnostics: [createDiagnostic("CFG1000", { file, span: { start: 0, end: 1 }, args: { message: "Illegal UTF-8 Byte Order mark at beginning of input: [EF BB BF] - remove these from the puppet source" } })],
    };
  }
  if (opts.epp) lexer.scanEpp();
  else lexer.scanAll();
  return { tokens: lexer.tokens, comments: lexer.comments, diagnostics: lexer.diagnostics };
}
