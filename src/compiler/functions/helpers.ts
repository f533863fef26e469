// Shared helpers for function implementations: iteration over Puppet iterables, lambda calling in
// the 1- and 2-parameter forms, and Ruby string semantics.
import { PHash, type Value } from "../values.js";
import { PEnumType, PIntegerType, PType } from "../../typecheck/types.js";
import { valueTypeName } from "../value-ops.js";
import { BreakSignal, FunctionError, PIteratorValue, type CallContext, type PLambda } from "./api.js";

/** Elements of an iterable value (section 3.4c); hashes give [k, v] pairs. */
export function iterableElements(v: Value, fname: string): Value[] {
  if (Array.isArray(v)) return v;
  if (v instanceof PHash) return [...v.entries()].map(([k, x]) => [k, x]);
  if (typeof v === "string") return [...v];
  if (typeof v === "bigint") {
    const out: Value[] = [];
    for (let i = 0n; i < v; i++) out.push(i);
    return out;
  }
  if (v instanceof PIntegerType && v.isFinite()) {
    const out: Value[] = [];
    for (let i = v.min!; i <= v.max!; i++) out.push(i);
    return out;
  }
  if (v instanceof PEnumType) return [...v.values];
  if (v instanceof PIteratorValue) return v.toArray();
  throw new FunctionError(`'${fname}' parameter 'collection' expects an Iterable value, got ${valueTypeName(v)}`);
}

export function isIterable(v: Value): boolean {
  return Array.isArray(v) || v instanceof PHash || typeof v === "string" || (typeof v === "bigint" && v >= 0n) || (v instanceof PIntegerType && v.isFinite()) || v instanceof PEnumType || v instanceof PIteratorValue;
}

/**
 * Calls `lambda` for each element in Puppet's 1- or 2-parameter form: arrays give (elem) or
 * (index, elem), hashes ([k, v]) or (k, v). `visit` gets the lambda's result; a `break()` stops.
 * Returns false when stopped by break.
 */
export function forEachElement(
  ctx: CallContext,
  collection: Value,
  lambda: PLambda,
  fname: string,
  visit: (result: Value, element: Value, index: number) => void,
): boolean {
  const isHash = collection instanceof PHash;
  const elems = iterableElements(collection, fname);
  const two = lambda.parameterCount >= 2;
  try {
    elems.forEach((e, i) => {
      let args: Value[];
      if (two) args = isHash ? [(e as Value[])[0]!, (e as Value[])[1]!] : [BigInt(i), e];
      else args = [e];
      visit(ctx.callLambda(lambda, args), e, i);
    });
  } catch (err) {
    if (err instanceof BreakSignal) return false;
    throw err;
  }
  return true;
}

/** Runs `body`, treating a `break()` as a normal stop. */
export function withBreak(body: () => void): void {
  try {
    body();
  } catch (err) {
    if (!(err instanceof BreakSignal)) throw err;
  }
}

/** Ruby's String#strip whitespace set. */
export function rubyStrip(s: string, left = true, right = true): string {
  let a = 0;
  let b = s.length;
  if (left) while (a < b && /[ \t\n\v\f\r\0]/.test(s[a]!)) a++;
  if (right) while (b > a && /[ \t\n\v\f\r\0]/.test(s[b - 1]!)) b--;
  return s.slice(a, b);
}

/** Applies a string function to strings, recursively into arrays and hash values; others as-is. */
export function mapStrings(v: Value, f: (s: string) => string): Value {
  if (typeof v === "string") return f(v);
  if (Array.isArray(v)) return v.map((x) => mapStrings(x, f));
  if (v instanceof PHash) {
    const h = new PHash();
    for (const [k, x] of v) h.set(mapStrings(k, f), mapStrings(x, f));
    return h;
  }
  return v;
}

/** Ruby's `<=>` for sort/min/max on same-kind values; error text as Ruby's for mixed kinds. */
export function rubyCompare(a: Value, b: Value): number {
  const na = typeof a === "bigint" || typeof a === "number";
  const nb = typeof b === "bigint" || typeof b === "number";
  if (na && nb) {
    if (typeof a === "bigint" && typeof b === "bigint") return a < b ? -1 : a > b ? 1 : 0;
    return Number(a) < Number(b) ? -1 : Number(a) > Number(b) ? 1 : 0;
  }
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof PType && b instanceof PType) return a.toString() < b.toString() ? -1 : 1;
  throw new FunctionError(`comparison of ${rubyClassName(a)} with ${rubyClassName(b)} failed`);
}

export function rubyClassName(v: Value): string {
  if (v === null) return "nil";
  if (typeof v === "bigint") return "Integer";
  if (typeof v === "number") return "Float";
  if (typeof v === "string") return "String";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (Array.isArray(v)) return "Array";
  if (v instanceof PHash) return "Hash";
  return valueTypeName(v);
}

export function toNumber(v: Value): number {
  return typeof v === "bigint" ? Number(v) : (v as number);
}
