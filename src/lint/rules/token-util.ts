// Token-range helpers ported from puppet-lint's PuppetLint::Data (resource_indexes and friends),
// used by the layout checks that must agree with puppet-lint token for token.
import type { Expression } from "../../ast/nodes.js";
import { layoutOfType, type LayoutToken } from "../layout-tokens.js";

const RBRACE = ["RBRACE"];
const RBRACK = ["RBRACK"];
const RPAREN = ["RPAREN"];
const BODY_END = ["SEMIC", "RBRACE"];
const NAME = ["NAME"];
const LBRACE = ["LBRACE"];
const LBRACK = ["LBRACK"];
const LPAREN = ["LPAREN"];

/** puppet-lint's find_token_of(:next, types) (it always skips nested blocks). */
export function nextTokenOf(t: LayoutToken, types: readonly string[], value?: string): LayoutToken | undefined {
  let it = t.next;
  while (it) {
    if (types.includes(it.type) && (value === undefined || it.value === value)) return it;
    if (it.type === "LBRACE") it = nextTokenOf(it, RBRACE);
    else if (it.type === "LBRACK") it = nextTokenOf(it, RBRACK);
    else if (it.type === "LPAREN") it = nextTokenOf(it, RPAREN);
    if (!it) return undefined;
    it = it.next;
  }
  return undefined;
}

export interface ResourceIndex {
  readonly start: number;
  readonly end: number;
  readonly tokens: LayoutToken[];
  readonly type: LayoutToken | undefined;
  readonly paramTokens: LayoutToken[];
}

/** A resource body's range; its token list, type and parameters are built on first use. */
class LazyResourceIndex implements ResourceIndex {
  #tokens: LayoutToken[] | undefined;
  #params: LayoutToken[] | undefined;
  readonly start: number;
  constructor(
    private readonly all: readonly LayoutToken[],
    /** Index of the title's colon. */
    private readonly colon: number,
    readonly end: number,
  ) {
    this.start = colon + 1;
  }
  get tokens(): LayoutToken[] {
    return (this.#tokens ??= this.all.slice(this.colon, this.end + 1));
  }
  get type(): LayoutToken | undefined {
    return resourceTypeToken(this.all, this.colon);
  }
  get paramTokens(): LayoutToken[] {
    return (this.#params ??= paramTokensOf(this.tokens));
  }
}

const cache = new WeakMap<readonly LayoutToken[], ResourceIndex[]>();

/** Resource bodies: from a title's colon to the `;` or `}` that ends the body. */
export function resourceIndexes(tokens: readonly LayoutToken[]): ResourceIndex[] {
  const hit = cache.get(tokens);
  if (hit) return hit;
  const out: ResourceIndex[] = [];
  let marker = 0;
  for (const colon of tokens) {
    if (colon.type !== "COLON") continue;
    if (!colon.nextCode || colon.nextCode.type === "LBRACE") continue;
    if (colon.index < marker) continue;
    const endTok = nextTokenOf(colon, BODY_END);
    if (!endTok) break;
    marker = endTok.index;
    out.push(new LazyResourceIndex(tokens, colon.index, marker));
  }
  cache.set(tokens, out);
  return out;
}

function resourceTypeToken(tokens: readonly LayoutToken[], index: number): LayoutToken | undefined {
  for (let i = index; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.type === "LBRACE" && t.prevCode?.type !== "QMARK") return t.prevCode;
  }
  return undefined;
}

function paramTokensOf(toks: readonly LayoutToken[]): LayoutToken[] {
  const out: LayoutToken[] = [];
  const first = toks[0]!.index;
  const last = toks[toks.length - 1]!.index;
  let it: LayoutToken | undefined = toks[0]!.prev;
  while (it) {
    it = nextTokenOf(it, NAME);
    if (!it || it.index < first || it.index > last) break;
    if (it.nextCode?.type === "FARROW") out.push(it);
  }
  return out;
}

/** Line text split as puppet-lint does (`content.split("\n", -1)`). */
export function manifestLines(text: string): string[] {
  return text.split("\n");
}

export interface DefinitionIndex {
  readonly start: number;
  readonly end: number;
  readonly tokens: LayoutToken[];
  readonly paramTokens: LayoutToken[] | undefined;
  readonly type: "CLASS" | "DEFINE" | "NODE";
  readonly nameToken: LayoutToken | undefined;
  readonly inheritedToken: LayoutToken | undefined;
}

const defCache = new WeakMap<readonly LayoutToken[], Map<string, DefinitionIndex[]>>();

/** puppet-lint's class_indexes / defined_type_indexes / node_indexes; `tokens` is a file's whole layout. */
export function definitionIndexes(tokens: readonly LayoutToken[], type: "CLASS" | "DEFINE" | "NODE"): DefinitionIndex[] {
  let m = defCache.get(tokens);
  if (!m) defCache.set(tokens, (m = new Map()));
  const hit = m.get(type);
  if (hit) return hit;
  const out: DefinitionIndex[] = [];
  for (const token of layoutOfType(tokens, type)) {
    const i = token.index;
    let brace = 0;
    let paren = 0;
    let inParams = false;
    let inherited: LayoutToken | undefined;
    for (let j = i + 1; j < tokens.length; j++) {
      const d = tokens[j]!;
      if (d.type === "INHERITS") inherited = d.nextCode;
      else if (d.type === "LPAREN") {
        if (paren === 0) inParams = true;
        paren++;
      } else if (d.type === "RPAREN") {
        if (paren === 1) inParams = false;
        paren--;
      } else if (d.type === "LBRACE") brace++;
      else if (d.type === "RBRACE") {
        brace--;
        if (brace === 0 && !inParams) {
          if (token.nextCode?.type !== "LBRACE") {
            const toks = tokens.slice(i, j + 1);
            out.push({ start: i, end: j, tokens: toks, paramTokens: paramTokensOfDefinition(toks), type, nameToken: token.nextCode, inheritedToken: inherited });
          }
          break;
        }
      }
    }
  }
  m.set(type, out);
  return out;
}

function paramTokensOfDefinition(toks: readonly LayoutToken[]): LayoutToken[] | undefined {
  let depth = 0;
  let lp: number | undefined;
  let rp: number | undefined;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.type === "LPAREN") {
      depth++;
      if (depth === 1) lp = i;
    } else if (t.type === "RPAREN") {
      depth--;
      if (depth === 0) {
        rp = i;
        break;
      }
    } else if (t.type === "LBRACE" && depth === 0) break;
  }
  return lp === undefined || rp === undefined ? undefined : toks.slice(lp + 1, rp);
}

/** puppet-lint's prev_token_of (skipping nested blocks backwards). */
export function prevTokenOf(t: LayoutToken, types: readonly string[], stopIndex = 0): LayoutToken | undefined {
  let it = t.prev;
  while (it && it.index >= stopIndex) {
    if (types.includes(it.type)) return it;
    if (it.type === "RBRACE") it = prevTokenOf(it, LBRACE, stopIndex);
    else if (it.type === "RBRACK") it = prevTokenOf(it, LBRACK, stopIndex);
    else if (it.type === "RPAREN") it = prevTokenOf(it, LPAREN, stopIndex);
    if (!it) return undefined;
    it = it.prev;
  }
  return undefined;
}

export function classAndDefineIndexes(tokens: readonly LayoutToken[]): DefinitionIndex[] {
  return [...definitionIndexes(tokens, "CLASS"), ...definitionIndexes(tokens, "DEFINE")];
}

/** The layout token that starts at or covers `offset` (binary search; layout tokens are sorted). */
export function tokenAt(tokens: readonly LayoutToken[], offset: number): LayoutToken | undefined {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid]!;
    if (t.end <= offset) lo = mid + 1;
    else if (t.start > offset) hi = mid - 1;
    else return t;
  }
  return tokens[lo];
}

/** The whitespace that indents the line holding `offset`. */
export function indentOf(text: string, offset: number): string {
  const ls = text.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(ls, offset))![0];
}

/** The resource type name of a ResourceExpression (`file`, `foo::bar`, `class`), lowercased. */
export function resourceTypeName(typeName: Expression): string | undefined {
  return typeName.kind === "QualifiedName" ? typeName.value.toLowerCase() : undefined;
}

/** Offset of the next character that is not whitespace or part of a comment. */
export function skipTrivia(text: string, offset: number): number {
  let p = offset;
  for (;;) {
    while (p < text.length && /\s/.test(text[p]!)) p++;
    if (text[p] === "#") {
      const nl = text.indexOf("\n", p);
      p = nl < 0 ? text.length : nl;
    } else if (text[p] === "/" && text[p + 1] === "*") {
      const e = text.indexOf("*/", p + 2);
      p = e < 0 ? text.length : e + 2;
    } else return p;
  }
}
