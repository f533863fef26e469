// Operations on runtime values with Puppet's semantics: equality, comparison, truthiness and the
// string forms (interpolation, `String(v)` / `%p`, Ruby inspect for sprintf's `%s` of containers).
import { DEFAULT, PHash, PObjectValue, PRegexp, PSensitive, type Value } from "./values.js";
import { PSemVerValue, PType, PResourceType, PTypeAliasType, compareSemVer, isAssignable, isInstance, inferType, regexpLiteral, typeToExpandedString } from "../typecheck/types.js";
import { rubyFloatToString } from "../util/ruby-float.js";
export { toJsRegExp, translateRubyRegExp } from "../typecheck/types/ruby-regexp.js";

/** A Puppet evaluation error with Puppet's message (the caller adds location and context). */
export class PuppetEvalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PuppetEvalError";
  }
}

/** Falsy: undef and false only. */
export function isTruthy(v: Value): boolean {
  return v !== null && v !== false;
}

/** ASCII-only lower-casing, as Puppet's string equality uses (`casecmp`-like on a-z). */
function lowerAscii(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/** Puppet's `==`: case-insensitive strings, 1 == 1.0, deep arrays/hashes, regexps by source. */
export function puppetEquals(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  const ta = typeof a;
  const tb = typeof b;
  if (ta === "string") return tb === "string" && (a === b || lowerAscii(a as string) === lowerAscii(b as string));
  if (ta === "bigint" || ta === "number") {
    if (tb !== "bigint" && tb !== "number") return false;
    if (ta === "bigint" && tb === "bigint") return a === b;
    // Integer == Float by value
    return Number(a) === Number(b) && (ta === "number" ? Number.isInteger(a) && BigInt(a as number) === b : Number.isInteger(b) && BigInt(b as number) === a);
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!puppetEquals(a[i]!, b[i]!)) return false;
    return true;
  }
  if (a instanceof PHash) {
    if (!(b instanceof PHash) || a.size !== b.size) return false;
    for (const [k, v] of a) {
      if (!hashHasKey(b, k)) return false;
      if (!puppetEquals(v, hashGet(b, k)!)) return false;
    }
    return true;
  }
  if (a instanceof PRegexp) return b instanceof PRegexp && a.source === b.source;
  if (a instanceof PType) return b instanceof PType && a.equals(b);
  if (a instanceof PSensitive) return false;
  if (a instanceof PObjectValue) return b instanceof PObjectValue && a.typeName === b.typeName && a.toString() === b.toString();
  return false;
}

/** Hash key lookup with Puppet's key semantics (exact first, then `==` for strings' case). */
function hashHasKey(h: PHash, k: Value): boolean {
  if (h.has(k)) return true;
  return false;
}
function hashGet(h: PHash, k: Value): Value | undefined {
  return h.get(k);
}

function typeLabel(v: Value): string {
  return inferType(v).generalize().shortName();
}

/**
 * Puppet's `<=>` for `< <= > >=`: numbers, strings (case-insensitive), types (subtype is smaller),
 * else an error "Comparison of: String < Integer, is not possible. Caused by '...'.".
 * Returns negative, zero or positive, or NaN when both are types that are unrelated (Puppet then
 * answers false for every operator). `op` is only used in the error message.
 */
export function compareValues(a: Value, b: Value, op = "<"): number {
  const na = typeof a === "bigint" || typeof a === "number";
  const nb = typeof b === "bigint" || typeof b === "number";
  if (na && nb) {
    if (typeof a === "bigint" && typeof b === "bigint") return a < b ? -1 : a > b ? 1 : 0;
    const x = Number(a);
    const y = Number(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === "string" && typeof b === "string") {
    const x = lowerAscii(a);
    const y = lowerAscii(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (a instanceof PSemVerValue && b instanceof PSemVerValue) return compareSemVer(a, b);
  if (a instanceof PType && b instanceof PType) {
    if (a.equals(b)) return 0;
    if (isAssignable(b, a)) return -1;
    if (isAssignable(a, b)) return 1;
    return NaN; // unrelated types: every comparison is false
  }
  if (a instanceof PType) return NaN;
  let cause: string;
  if (typeof a === "string") cause = "A String is not comparable to a non String";
  else if (na) cause = "A Numeric is not comparable to non Numeric";
  else cause = "Only Strings, Numbers, Timespans, Timestamps, and Versions are comparable";
  throw new PuppetEvalError(`Comparison of: ${comparisonLabel(a)} ${op} ${comparisonLabel(b)}, is not possible. Caused by '${cause}'.`);
}

/** The type label Puppet uses in comparison errors (`Array`, `Hash`, `Undef Value`). */
function comparisonLabel(v: Value): string {
  if (v === null) return "Undef Value";
  if (v instanceof PType) return `${v.toString()}-Type`;
  if (v === DEFAULT) return "Default Value";
  if (Array.isArray(v)) return "Array";
  if (v instanceof PHash) return "Hash";
  return typeLabel(v);
}

/**
 * Puppet's `in` (section 3.2): String in String is a case-insensitive substring test; a Regexp
 * matches a String, any String element of an Array, or any String key of a Hash; a Type matches any
 * element (or key) that is an instance; otherwise `==` against array elements or hash keys.
 * `onMatch` receives the match of a Regexp (for the evaluator's `$0..$n`).
 */
export function puppetIn(a: Value, b: Value, onMatch?: (m: RegExpExecArray) => void): boolean {
  if (a instanceof PRegexp) {
    const test = (x: Value): boolean => {
      if (typeof x !== "string") return false;
      const m = new RegExp(a.regexp.source, a.regexp.flags.replace("g", "")).exec(x);
      if (m && onMatch) onMatch(m);
      return m !== null;
    };
    if (typeof b === "string") return test(b);
    if (Array.isArray(b)) return b.some(test);
    if (b instanceof PHash) return [...b.keys()].some(test);
    return false;
  }
  if (typeof a === "string" && typeof b === "string") return lowerAscii(b).includes(lowerAscii(a));
  if (a instanceof PType) {
    if (Array.isArray(b)) return b.some((x) => isInstance(x, a));
    if (b instanceof PHash) return [...b.keys()].some((x) => isInstance(x, a));
    return false;
  }
  if (Array.isArray(b)) return b.some((x) => puppetEquals(a, x));
  if (b instanceof PHash) return [...b.keys()].some((x) => puppetEquals(a, x));
  return false;
}

// ---------------------------------------------------------------- string forms

/** Interpolation / notice form (section 3.4): undef -> '', arrays `[a, b]`, hashes `{k => v}`. */
export function valueToString(v: Value): string {
  if (v === null) return "";
  if (v === DEFAULT) return "default";
  switch (typeof v) {
    case "string":
      return v;
    case "bigint":
      return v.toString();
    case "number":
      return rubyFloatToString(v);
    case "boolean":
      return v ? "true" : "false";
  }
  if (Array.isArray(v)) return `[${v.map(valueToString).join(", ")}]`;
  if (v instanceof PHash) return `{${[...v.entries()].map(([k, x]) => `${valueToString(k)} => ${valueToString(x)}`).join(", ")}}`;
  if (v instanceof PRegexp) return regexpLiteral(v.source);
  if (v instanceof PSensitive) return "Sensitive [value redacted]";
  if (v instanceof PTypeAliasType) return typeToExpandedString(v);
  if (v instanceof PType) return v.toString();
  return String(v);
}

/** Puppet's `%p` / `String(v)` form: like interpolation but strings inside containers are quoted. */
export function valueToPuppetString(v: Value, top = true): string {
  if (typeof v === "string") return top ? v : puppetQuote(v);
  if (v === null) return top ? "" : "undef";
  if (Array.isArray(v)) return `[${v.map((x) => valueToPuppetString(x, false)).join(", ")}]`;
  if (v instanceof PHash) return `{${[...v.entries()].map(([k, x]) => `${valueToPuppetString(k, false)} => ${valueToPuppetString(x, false)}`).join(", ")}}`;
  return valueToString(v);
}

/** `String(v, '%p')`: every value in its Puppet source form (`undef`, `'x'`, `1.0e+20`). */
export function valueToPuppetP(v: Value): string {
  if (v instanceof PSensitive) return "#<Sensitive [value redacted]>";
  return valueToPuppetString(v, false);
}

/** Puppet's quoting of a string in `%p` form (StringConverter#puppet_quote). */
export function puppetQuote(s: string): string {
  let out = "'";
  let escaped = false;
  for (const c of s) {
    const code = c.codePointAt(0)!;
    if (code < 0x20) return puppetDoubleQuote(s);
    if (escaped) {
      out += `\\${c}`;
      escaped = false;
    } else if (c === "'") out += "\\'";
    else if (c === "\\") escaped = true;
    else out += c;
  }
  if (escaped) out += "\\";
  return `${out}'`;
}

function puppetDoubleQuote(s: string): string {
  let out = '"';
  for (const c of s) {
    const code = c.codePointAt(0)!;
    switch (c) {
      case "\t":
        out += "\\t";
        break;
      case "\n":
        out += "\\n";
        break;
      case "\r":
        out += "\\r";
        break;
      case '"':
        out += '\\"';
        break;
      case "$":
        out += "\\$";
        break;
      case "\\":
        out += "\\\\";
        break;
      default:
        out += code < 0x20 ? `\\u{${code.toString(16).toUpperCase()}}` : c;
    }
  }
  return `${out}"`;
}

/** Ruby's String#inspect (double quotes, escapes). */
export function rubyInspectString(s: string): string {
  let out = '"';
  for (const c of s) {
    switch (c) {
      case '"':
        out += '\\"';
        break;
      case "\\":
        out += "\\\\";
        break;
      case "\n":
        out += "\\n";
        break;
      case "\t":
        out += "\\t";
        break;
      case "\r":
        out += "\\r";
        break;
      case "\x1b":
        out += "\\e";
        break;
      case "#": {
        out += "#";
        break;
      }
      default: {
        const code = c.codePointAt(0)!;
        out += code < 0x20 || code === 0x7f ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}` : c;
      }
    }
  }
  return `${out}"`;
}

/** Ruby's `inspect` of a value (what sprintf's `%s` shows for arrays and hashes: `[1, "a"]`). */
export function rubyInspect(v: Value): string {
  if (v === null) return "nil";
  if (v === DEFAULT) return ":default";
  if (typeof v === "string") return rubyInspectString(v);
  if (Array.isArray(v)) return `[${v.map(rubyInspect).join(", ")}]`;
  if (v instanceof PHash) return `{${[...v.entries()].map(([k, x]) => `${rubyInspect(k)}=>${rubyInspect(x)}`).join(", ")}}`;
  if (v instanceof PRegexp) return regexpLiteral(v.source);
  return valueToString(v);
}

/** Ruby's `to_s` of a value (sprintf `%s`): strings as-is, nil as '', containers inspected. */
export function rubyToS(v: Value): string {
  if (v === null) return "";
  if (Array.isArray(v) || v instanceof PHash) return rubyInspect(v);
  return valueToString(v);
}

/** `File[/x]`: the catalog/relationship form of a resource reference. */
export function referenceString(t: PType): string {
  if (t instanceof PResourceType) return t.referenceString();
  return t.toString();
}

/** The type name Puppet uses in "expects a String value, got Integer"-style error messages. */
export function valueTypeName(v: Value): string {
  return typeLabel(v);
}
