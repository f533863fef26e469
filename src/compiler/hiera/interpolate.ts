// Hiera interpolation: `%{facts.os.family}`, `%{::x}`, `%{trusted.certname}`, `%{x}`,
// `%{scope('x')}`, `%{lookup('k')}` / `%{hiera('k')}`, `%{alias('k')}` (keeps the value's type;
// must be the whole string), `%{literal('%')}`.
import { PHash, type Value } from "../values.js";
import { rubyToS } from "../value-ops.js";
import { HieraDataError } from "./data.js";

export interface HieraScope {
  /**
   * A variable by the name written in the interpolation, with a leading `::` kept (`facts`,
   * `trusted`, `::osfamily`, `x`, `mod::x`); undefined when the variable does not exist.
   */
  variable(name: string): Value | undefined;
}

/** `lookup('k')` from inside interpolation; returns undefined when not found. */
export type InterpolationLookup = (key: string) => Value | undefined;

const INTERP = /%\{([^}]*)\}/g;

/** Splits a dotted key `a.b."c.d".0` into segments (quotes keep dots). */
export function splitDottedKey(key: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quote: string | undefined;
  for (const c of key) {
    if (quote) {
      if (c === quote) quote = undefined;
      else cur += c;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ".") {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** Digs into a value with the remaining segments (hash keys, or array indexes when numeric). */
export function dig(v: Value | undefined, segments: readonly string[]): Value | undefined {
  let cur = v;
  for (const s of segments) {
    if (cur instanceof PHash) {
      cur = cur.has(s) ? cur.get(s) : /^-?\d+$/.test(s) && cur.has(BigInt(s)) ? cur.get(BigInt(s)) : undefined;
    } else if (Array.isArray(cur) && /^\d+$/.test(s)) {
      cur = cur[Number(s)];
    } else return undefined;
    if (cur === undefined) return undefined;
  }
  return cur;
}

function variableValue(expr: string, scope: HieraScope): Value | undefined {
  const segs = splitDottedKey(expr.trim());
  const head = segs[0]!;
  let v = scope.variable(head);
  if (v === undefined && head.startsWith("::")) v = scope.variable(head.slice(2));
  return dig(v, segs.slice(1));
}

function evalExpr(expr: string, scope: HieraScope, lookup: InterpolationLookup, whole: boolean): Value | undefined {
  const m = /^\s*(\w+)\(\s*(['"])(.*)\2\s*\)\s*$/s.exec(expr);
  if (m) {
    const fn = m[1]!;
    const arg = m[3]!;
    switch (fn) {
      case "literal":
        return arg;
      case "scope":
        return variableValue(arg, scope);
      case "lookup":
      case "hiera":
        return lookup(arg);
      case "alias":
        if (!whole) throw new HieraDataError(`'alias' interpolation is only permitted if the expression is equal to the entire string`);
        return lookup(arg);
      default:
        throw new HieraDataError(`Unknown interpolation method '${fn}'`);
    }
  }
  if (expr.trim() === "") return "";
  return variableValue(expr, scope);
}

/** Interpolates one string; `%{alias('k')}` as the whole string returns k's value with its type. */
export function interpolateString(s: string, scope: HieraScope, lookup: InterpolationLookup): Value {
  if (!s.includes("%{")) return s;
  const whole = /^%\{([^}]*)\}$/.exec(s);
  if (whole && /^\s*alias\(/.test(whole[1]!)) {
    const v = evalExpr(whole[1]!, scope, lookup, true);
    return v === undefined ? null : v;
  }
  return s.replace(INTERP, (_m, expr: string) => {
    const v = evalExpr(expr, scope, lookup, false);
    return v === undefined || v === null ? "" : rubyToS(v);
  });
}

/** Interpolates every string inside a value (keys and values of hashes, array elements). */
export function interpolateValue(v: Value, scope: HieraScope, lookup: InterpolationLookup): Value {
  if (typeof v === "string") return interpolateString(v, scope, lookup);
  if (Array.isArray(v)) return v.map((x) => interpolateValue(x, scope, lookup));
  if (v instanceof PHash) {
    const h = new PHash();
    for (const [k, x] of v) h.set(typeof k === "string" ? interpolateString(k, scope, lookup) : k, interpolateValue(x, scope, lookup));
    return h;
  }
  return v;
}

/** Whether a template only reads node-global variables (facts, trusted, top scope): cacheable. */
export function isGlobalTemplate(s: string): boolean {
  let global = globalTemplates.get(s);
  if (global === undefined) {
    global = true;
    for (const m of s.matchAll(INTERP)) {
      const e = m[1]!.trim().replace(/^scope\(\s*['"](.*)['"]\s*\)$/, "$1");
      if (!/^(::|facts\b|trusted\b|server_facts\b|literal\()/.test(e)) global = false;
    }
    globalTemplates.set(s, global);
  }
  return global;
}
/** Memo of isGlobalTemplate: a hierarchy's few paths are asked about on every lookup. */
const globalTemplates = new Map<string, boolean>();
