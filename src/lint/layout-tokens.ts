// A puppet-lint-shaped view of a file's tokens, for the layout checks (whitespace, alignment, arrows,
// string quoting). cfg's lexer does not produce whitespace tokens and keeps comments apart; this
// merges code tokens and comments in source order and synthesises WHITESPACE / INDENT / NEWLINE
// tokens from the text between them, outside strings, comments and heredoc bodies. Token types
// follow puppet-lint's names (SSTRING, UNENC_VARIABLE, HEREDOC, FUNCTION_NAME, TYPE ...) so that
// the layout checks can be ported from puppet-lint and agree with it line for line.
import type { Token } from "../lexer/lexer.js";
import type { SourceFile, Span } from "../source/source-file.js";

/** One token of the layout view. A class (fixed shape, text computed on demand) because a big
 * corpus makes about a million of them. */
/** What the layout tokens of one file share: the source text and the token list. */
interface LayoutFile {
  readonly text: string;
  readonly tokens: LayoutToken[];
}

export class LayoutToken {
  line = 0;
  column = 0;
  /** Position in the file's token list (prev/next are its neighbours there, not fields). */
  index = 0;
  readonly #value: string | undefined;
  constructor(
    readonly type: string,
    /** See `value`; undefined when the value is the source text (whitespace: not sliced unless read). */
    value: string | undefined,
    readonly start: number,
    readonly end: number,
    private readonly shared: LayoutFile,
  ) {
    this.#value = value;
  }
  get prev(): LayoutToken | undefined {
    return this.index > 0 ? this.shared.tokens[this.index - 1] : undefined;
  }
  get next(): LayoutToken | undefined {
    const tokens = this.shared.tokens;
    // Checked: reading past the end of an array makes V8 throw away the optimised code.
    return this.index + 1 < tokens.length ? tokens[this.index + 1] : undefined;
  }
  /** puppet-lint's value: comment text without `#`, string contents without quotes, variable name without `$`. */
  get value(): string {
    return this.#value ?? this.shared.text.slice(this.start, this.end);
  }
  /** The nearest token before this one that is not whitespace or a comment (found on demand:
   * a field per token cost more, in memory and GC time, than the short walk). */
  get prevCode(): LayoutToken | undefined {
    let it = this.prev;
    while (it !== undefined && FORMATTING_TYPES.has(it.type)) it = it.prev;
    return it;
  }
  /** The nearest token after this one that is not whitespace or a comment. */
  get nextCode(): LayoutToken | undefined {
    let it = this.next;
    while (it !== undefined && FORMATTING_TYPES.has(it.type)) it = it.next;
    return it;
  }
  /** Exact source text. */
  get text(): string {
    return this.shared.text.slice(this.start, this.end);
  }
}

export const FORMATTING_TYPES: ReadonlySet<string> = new Set(["WHITESPACE", "NEWLINE", "COMMENT", "MLCOMMENT", "SLASH_COMMENT", "INDENT"]);

/** Puppet's built-in data types: puppet-lint lexes these as TYPE rather than CLASSREF. */
const TYPE_NAMES = new Set([
  "Any", "Array", "Binary", "Boolean", "Callable", "CatalogEntry", "Class", "Collection", "Data", "Default", "Deferred",
  "Enum", "Error", "Float", "Hash", "Init", "Integer", "Iterable", "Iterator", "NotUndef", "Numeric", "Object", "Optional",
  "Pattern", "Regexp", "Resource", "RichData", "Runtime", "Scalar", "ScalarData", "SemVer", "SemVerRange", "Sensitive",
  "String", "Struct", "Timespan", "Timestamp", "Tuple", "Type", "TypeSet", "Undef", "URI", "Variant",
]);

const KIND_MAP: Readonly<Record<string, string>> = {
  LISTSTART: "LBRACK",
  SELBRACE: "LBRACE",
  WSLPAREN: "LPAREN",
};

/** The heredoc bodies of a file: [start, end) from the line after the opener to the end of the tag line. */
export function heredocBodies(text: string, tokens: readonly Token[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let lastEnd = 0;
  for (const t of tokens) {
    if (t.kind !== "HEREDOC") continue;
    const m = /^@\(\s*"?([^":/)]+?)"?\s*(?::[^/)]*)?(?:\/[^)]*)?\)$/.exec(t.text);
    if (!m) continue;
    const tag = m[1]!.trim();
    let nl = text.indexOf("\n", t.end);
    if (nl < 0) continue;
    let pos = Math.max(nl + 1, lastEnd);
    let end = -1;
    while (pos < text.length) {
      nl = text.indexOf("\n", pos);
      const lineEnd = nl < 0 ? text.length : nl;
      const line = text.slice(pos, lineEnd).replace(/\r$/, "");
      if (line.replace(/^\s*\|?\s*-?\s*/, "").trimEnd() === tag) {
        end = nl < 0 ? text.length : nl;
        break;
      }
      pos = lineEnd + 1;
    }
    if (end < 0) continue;
    out.push({ start: Math.max(text.indexOf("\n", t.end) + 1, lastEnd), end });
    lastEnd = end + 1;
  }
  return out;
}

/**
 * Builds the layout token list. `comments` are cfg's comment tokens (`#...`, `/*...*\/`).
 * Each phase is its own small function: V8 optimises (and, on new input shapes, re-optimises) a
 * function as a whole, and one big function here was recompiled a dozen times on the corpus.
 */
export function buildLayoutTokens(file: SourceFile, tokens: readonly Token[], comments: readonly Token[]): LayoutToken[] {
  const text = file.text;
  const all: LayoutToken[] = [];
  const shared: LayoutFile = { text, tokens: all };
  const code = codeTokens(shared, tokens);
  const merged = comments.length ? mergeComments(shared, code, comments) : code;
  fillGaps(shared, merged, heredocBodies(text, tokens));
  setPositions(all, file.lineStarts);
  return all;
}

/** Code tokens, renamed to puppet-lint's types, in source order. */
function codeTokens(shared: LayoutFile, tokens: readonly Token[]): LayoutToken[] {
  const text = shared.text;
  const raw: LayoutToken[] = [];
  // `// text` is not a comment to Puppet (it lexes an empty regex); puppet-lint calls it SLASH_COMMENT.
  let slashUntil = -1;
  let isSorted = true;
  for (let i = 1; i < tokens.length && isSorted; i++) if (tokens[i]!.start < tokens[i - 1]!.start) isSorted = false;
  const sorted = isSorted ? tokens : [...tokens].sort((a, b) => a.start - b.start);
  // A value of undefined means "the source text": sliced only if a rule reads it.
  for (let i = 0; i < sorted.length; i++) {
    const t = sorted[i]!;
    if (t.start < slashUntil) continue;
    if (t.end === t.start) continue;
    const kind = t.kind;
    let type = KIND_MAP[kind] ?? kind;
    let value: string | undefined = typeof t.value === "string" ? t.value : undefined;
    if (kind === "REGEX" && t.end - t.start === 2 && text.startsWith("//", t.start)) {
      let e = text.indexOf("\n", t.start);
      if (e < 0) e = text.length;
      if (text[e - 1] === "\r") e--;
      raw.push(new LayoutToken("SLASH_COMMENT", text.slice(t.start + 2, e), t.start, e, shared));
      slashUntil = e;
      continue;
    }
    if (kind === "STRING") {
      const quote = text.charCodeAt(t.start);
      if (quote === 39 /* ' */) {
        type = "SSTRING";
        value = typeof t.value === "string" ? t.value : t.value != null ? String(t.value) : text.slice(t.start + 1, t.end - 1);
      } else if (quote === 34 /* " */) {
        type = "STRING";
        value = text.slice(t.start + 1, t.end - 1);
      } else {
        type = "HEREDOC";
        value = undefined;
      }
    } else if (kind === "DQPRE" || kind === "DQMID" || kind === "DQPOST") {
      const opener = kind === "DQPRE" ? t : dqOpenerOf(sorted, i);
      const heredoc = opener === undefined || text.charCodeAt(opener.start) !== 34;
      const suffix = kind === "DQPRE" ? "PRE" : kind === "DQMID" ? "MID" : "POST";
      type = heredoc ? `HEREDOC_${suffix}` : kind;
      value = String(t.value ?? "");
    } else if (kind === "VARIABLE") {
      value = String(t.value ?? t.text.replace(/^\$/, ""));
      const prev = i > 0 ? sorted[i - 1] : undefined;
      if (prev && (prev.kind === "DQPRE" || prev.kind === "DQMID") && prev.end === t.start && !(prev.end - prev.start >= 2 && text.startsWith("${", prev.end - 2))) type = "UNENC_VARIABLE";
    } else if (kind === "CLASSREF" && TYPE_NAMES.has(value ?? t.text)) {
      type = "TYPE";
    } else if (kind === "NAME" && text.charCodeAt(t.end) === 40 /* ( */) {
      type = "FUNCTION_NAME";
    } else if (kind === "HEREDOC") {
      type = "HEREDOC_OPEN";
    }
    raw.push(new LayoutToken(type, value, t.start, t.end, shared));
  }
  return raw;
}

/** Comments merged in by position (both lists are in source order; a code token first on a tie). */
function mergeComments(shared: LayoutFile, code: readonly LayoutToken[], comments: readonly Token[]): LayoutToken[] {
  const text = shared.text;
  const commentTokens: LayoutToken[] = [];
  for (const c of comments) {
    commentTokens.push(
      text.startsWith("/*", c.start)
        ? new LayoutToken("MLCOMMENT", text.slice(c.start + 2, c.end - 2), c.start, c.end, shared)
        : new LayoutToken("COMMENT", text.slice(c.start + 1, c.end), c.start, c.end, shared),
    );
  }
  let ordered = true;
  for (let i = 1; i < commentTokens.length && ordered; i++) if (commentTokens[i]!.start < commentTokens[i - 1]!.start) ordered = false;
  if (!ordered) commentTokens.sort((a, b) => a.start - b.start);
  const merged: LayoutToken[] = [];
  let a = 0;
  let b = 0;
  while (a < code.length && b < commentTokens.length) merged.push(code[a]!.start <= commentTokens[b]!.start ? code[a++]! : commentTokens[b++]!);
  while (a < code.length) merged.push(code[a++]!);
  while (b < commentTokens.length) merged.push(commentTokens[b++]!);
  return merged;
}

/** Fills shared.tokens: the code and comment tokens with formatting tokens from the gaps between them. */
function fillGaps(shared: LayoutFile, merged: readonly LayoutToken[], bodies: readonly Span[]): void {
  const all = shared.tokens;
  let pos = 0;
  for (let i = 0; i < merged.length; i++) {
    const t = merged[i]!;
    if (t.start < pos) continue; // overlapping (should not happen)
    if (t.start > pos) gapTokens(shared, pos, t.start, bodies);
    all.push(t);
    pos = t.end;
  }
  if (pos < shared.text.length) gapTokens(shared, pos, shared.text.length, bodies);
}

/** The heredoc body containing `off`, if any. */
function bodyAt(bodies: readonly Span[], off: number): Span | undefined {
  for (let i = 0; i < bodies.length; i++) if (off >= bodies[i]!.start && off < bodies[i]!.end) return bodies[i];
  return undefined;
}

/** NEWLINE, INDENT and WHITESPACE tokens for the text [from, to) (never inside a heredoc body). */
function gapTokens(shared: LayoutFile, from: number, to: number, bodies: readonly Span[]): void {
  const text = shared.text;
  const all = shared.tokens;
  const heredocs = bodies.length > 0;
  let p = from;
  while (p < to) {
    const body = heredocs ? bodyAt(bodies, p) : undefined;
    if (body !== undefined) {
      p = Math.min(to, body.end);
      continue;
    }
    const ch = text.charCodeAt(p);
    if (ch === 10) {
      all.push(new LayoutToken("NEWLINE", "\n", p, p + 1, shared));
      p++;
    } else if (ch === 13 && text.charCodeAt(p + 1) === 10) {
      all.push(new LayoutToken("NEWLINE", "\r\n", p, p + 2, shared));
      p += 2;
    } else if (!isBlank(ch)) {
      p++; // e.g. the `}` closing an interpolation: not a token in puppet-lint either
    } else {
      let q = p;
      while (q < to && isBlank(text.charCodeAt(q)) && !(text.charCodeAt(q) === 13 && text.charCodeAt(q + 1) === 10) && !(heredocs && bodyAt(bodies, q) !== undefined)) q++;
      const atLineStart = p === 0 || text.charCodeAt(p - 1) === 10;
      all.push(new LayoutToken(atLineStart ? "INDENT" : "WHITESPACE", undefined, p, q, shared));
      p = q;
    }
  }
}

/** Index (prev/next follow from it), line and column of every token. */
function setPositions(all: readonly LayoutToken[], starts: readonly number[]): void {
  let line = 0; // 0-based index into starts
  for (let i = 0; i < all.length; i++) {
    const t = all[i]!;
    t.index = i;
    while (line + 1 < starts.length && starts[line + 1]! <= t.start) line++;
    t.line = line + 1;
    t.column = t.start - starts[line]! + 1;
  }
}

/** The DQPRE that opens the string a DQMID/DQPOST at `i` belongs to. */
function dqOpenerOf(tokens: readonly Token[], i: number): Token | undefined {
  let depth = 0;
  for (let j = i - 1; j >= 0; j--) {
    const k = tokens[j]!.kind;
    if (k === "DQPOST") depth++;
    else if (k === "DQPRE") {
      if (depth === 0) return tokens[j];
      depth--;
    }
  }
  return undefined;
}

/** Whitespace other than a line feed. */
function isBlank(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 13 || ch === 12 || ch === 11 || ch === 0xa0;
}

const byTypeCache = new WeakMap<readonly LayoutToken[], Map<string, LayoutToken[]>>();
const NONE: readonly LayoutToken[] = [];

/**
 * The tokens of the given types, in source order. Most layout checks look at a few token types;
 * one pass files every token by type (on first use per file) instead of each check scanning all of
 * the ~800k tokens of a large corpus again.
 */
export function layoutOfType(layout: readonly LayoutToken[], ...types: string[]): readonly LayoutToken[] {
  let byType = byTypeCache.get(layout);
  if (byType === undefined) {
    byType = new Map();
    for (let i = 0; i < layout.length; i++) {
      const t = layout[i]!;
      const list = byType.get(t.type);
      if (list === undefined) byType.set(t.type, [t]);
      else list.push(t);
    }
    byTypeCache.set(layout, byType);
  }
  let out: readonly LayoutToken[] = NONE;
  for (const type of types) out = mergeByIndex(out, byType.get(type) ?? NONE);
  return out;
}

/** Two token lists in source order merged into one (linear; no sort). */
function mergeByIndex(a: readonly LayoutToken[], b: readonly LayoutToken[]): readonly LayoutToken[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: LayoutToken[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i]!.index < b[j]!.index ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}
