// `T.new(args)` / `T(args)`: Puppet's conversions (section 4.4) with its error messages. The result
// is checked against the (possibly parameterised) type: "Converted value from Integer[1, 5].new() has
// wrong type, expects ...".
import { DEFAULT, PHash, PRegexp, PSensitive, type Value } from "../../compiler/values.js";
import { rubySprintf } from "../../compiler/functions/sprintf.js";
import { puppetQuote, valueToPuppetP, valueToPuppetString } from "../../compiler/value-ops.js";
import { describeMismatch } from "./describe.js";
import {
  PArrayType,
  PBooleanType,
  PEnumType,
  PFloatType,
  PHashType,
  PIntegerType,
  PNotUndefType,
  PNumericType,
  POptionalType,
  PRegexpType,
  PResourceType,
  PClassType,
  PSensitiveType,
  PStringType,
  PStructType,
  PTupleType,
  PType,
  PTypeAliasType,
  PScalarDataType,
  PScalarType,
  PDataType,
  PIterableType,
  PVariantType,
  inferType,
  inferGeneralizedType,
  isInstance,
  resolveAlias,
} from "./model.js";
import { PuppetTypeError, makeRegexp } from "./parameterize.js";

function typeOfValue(v: Value): string {
  const t = inferType(v);
  // "Value of type Array[Integer] cannot be converted" uses the reduced/generalized form
  return inferGeneralizedType(v).toString();
}

/** Parses Puppet's integer string forms: decimal, 0x hex, 0b binary, leading-0 octal, with sign. */
export function parseIntegerString(s: string, radix?: number): bigint | undefined {
  const m = /^([+-]?)(.*)$/s.exec(s)!;
  const neg = m[1] === "-";
  let body = m[2]!;
  let r = radix;
  if (r === undefined) {
    if (/^0[xX][0-9a-fA-F]+$/.test(body)) return sign(BigInt(body.toLowerCase()), neg);
    if (/^0[bB][01]+$/.test(body)) return sign(BigInt(body.toLowerCase()), neg);
    if (/^0[0-9]+$/.test(body)) {
      if (!/^0[0-7]+$/.test(body)) throw new PuppetTypeError(`invalid value for Integer(): "${s}"`);
      return sign(BigInt(`0o${body.slice(1)}`), neg);
    }
    if (/^[0-9]+$/.test(body)) return sign(BigInt(body), neg);
    return undefined;
  }
  if (r === 16) body = body.replace(/^0[xX]/, "");
  else if (r === 2) body = body.replace(/^0[bB]/, "");
  else if (r === 8) body = body.replace(/^0[oO]?/, "") || "0";
  const digits = r === 16 ? /^[0-9a-fA-F]+$/ : r === 8 ? /^[0-7]+$/ : r === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!digits.test(body)) return undefined;
  if (r === 16 && !/^[0-9]/.test(m[2]!)) return undefined; // Ruby's Integer('ff', 16) fails
  const prefix = r === 16 ? "0x" : r === 8 ? "0o" : r === 2 ? "0b" : "";
  return sign(BigInt(prefix + body), neg);
}
function sign(n: bigint, neg: boolean): bigint {
  return neg ? -n : n;
}

function parseFloatString(s: string): number | undefined {
  const t = s.trim();
  if (/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(t)) return Number(t);
  if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(t)) return Number(BigInt(t.replace(/^([+-]?)0x/i, "$10x").replace(/^\+/, "")));
  return undefined;
}

function newInteger(args: readonly Value[]): bigint {
  const v = args[0] ?? null;
  const radixArg = args[1];
  const abs = args[2] === true;
  let r: bigint;
  if (typeof v === "bigint") r = v;
  else if (typeof v === "number") r = BigInt(Math.trunc(v));
  else if (typeof v === "boolean") r = v ? 1n : 0n;
  else if (typeof v === "string") {
    const radix = radixArg === undefined || radixArg === DEFAULT ? undefined : Number(radixArg);
    const p = parseIntegerString(v, radix === 10 ? 10 : radix);
    if (p === undefined) throw new PuppetTypeError(`'new' The string '${v}' cannot be converted to Integer`);
    r = p;
  } else throw new PuppetTypeError(`'new' Value of type ${typeOfValue(v)} cannot be converted to Integer`);
  return abs && r < 0n ? -r : r;
}

function newFloat(args: readonly Value[]): number {
  const v = args[0] ?? null;
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    const f = parseFloatString(v);
    if (f === undefined) throw new PuppetTypeError(`'new_float' The string '${v}' cannot be converted to Float`);
    return f;
  }
  throw new PuppetTypeError(`'new_float' Value of type ${typeOfValue(v)} cannot be converted to Float`);
}

function newNumeric(args: readonly Value[]): bigint | number {
  const v = args[0] ?? null;
  if (typeof v === "number" || typeof v === "bigint") return v;
  if (typeof v === "boolean") return v ? 1n : 0n;
  if (typeof v === "string") {
    let i: bigint | undefined;
    try {
      i = parseIntegerString(v.trim());
    } catch {
      i = undefined;
    }
    if (i !== undefined) return i;
    const f = parseFloatString(v);
    if (f !== undefined) return f;
    throw new PuppetTypeError(`'new_numeric' The string '${v}' cannot be converted to Numeric`);
  }
  throw new PuppetTypeError(`'new_numeric' Value of type ${typeOfValue(v)} cannot be converted to Numeric`);
}

function newBoolean(args: readonly Value[]): boolean {
  const v = args[0] ?? null;
  if (typeof v === "boolean") return v;
  if (typeof v === "bigint") return v !== 0n;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") {
    const l = v.toLowerCase();
    if (l === "true" || l === "yes" || l === "y") return true;
    if (l === "false" || l === "no" || l === "n") return false;
    throw new PuppetTypeError(`'new_boolean' The string '${v}' cannot be converted to Boolean`);
  }
  throw new PuppetTypeError(`'new_boolean' Value of type ${typeOfValue(v)} cannot be converted to Boolean`);
}

/** Puppet's String.new(value, format?) */
export function newString(v: Value, format?: Value): string {
  if (format === undefined || format === null || format === DEFAULT) {
    if (v instanceof PRegexp) return v.source;
    if (typeof v === "number") return floatDefault(v);
    return valueToPuppetString(v);
  }
  if (typeof format !== "string") return valueToPuppetString(v);
  if (/^%p$/.test(format)) return valueToPuppetP(v);
  if (v instanceof PRegexp && /^%s$/.test(format)) return v.source;
  if (typeof v === "string") {
    if (/%[-#0+ ]*\d*p/.test(format)) return format.replace(/%([-#0+ ]*\d*)p/, (_m, f: string) => rubySprintf(`%${f}s`, [puppetQuote(v)]));
    return rubySprintf(format.replace(/%([-#0+ ]*\d*(?:\.\d+)?)[dxXobeEfgG]/, "%$1s"), [v]);
  }
  if (typeof v === "bigint" || typeof v === "number") {
    if (/%[-#0+ ]*\d*p/.test(format)) return format.replace(/%([-#0+ ]*\d*)p/, (_m, f: string) => rubySprintf(`%${f}s`, [String(v)]));
    return rubySprintf(format, [v]);
  }
  if (typeof v === "boolean") return rubySprintf(format.replace(/%([-#0+ ]*\d*)[tTyYp]/, "%$1s"), [String(v)]);
  return valueToPuppetString(v);
}

function floatDefault(v: number): string {
  // Puppet's default Float format is `%p` at the top level, which Ruby prints as `%f`-like here.
  return rubySprintf("%f", [v]);
}

function newArray(args: readonly Value[]): Value[] {
  const v = args[0] ?? null;
  const wrap = args[1] === true;
  if (Array.isArray(v)) return v;
  if (wrap) return [v];
  if (v instanceof PHash) return [...v.entries()].map(([k, x]) => [k, x]);
  if (typeof v === "string") return [...v];
  if (typeof v === "bigint" && v >= 0n) {
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
  if (v !== null && typeof v === "object" && "typeName" in v && (v as { typeName: string }).typeName === "Iterator") {
    const it = v as unknown as { toArray(): Value[] };
    if (typeof it.toArray === "function") return it.toArray();
  }
  throw new PuppetTypeError(`'new_array' Value of type ${typeOfValue(v)} cannot be converted to Array`);
}

function newHash(args: readonly Value[]): PHash {
  const v = args[0] ?? null;
  if (v instanceof PHash) return v;
  if (Array.isArray(v)) {
    const h = new PHash();
    if (v.every((e) => Array.isArray(e) && e.length === 2)) {
      for (const e of v as Value[][]) h.set(e[0]!, e[1]!);
      return h;
    }
    if (v.some((e) => Array.isArray(e)) || v.length % 2 !== 0) throw new PuppetTypeError("odd number of arguments for Hash");
    for (let i = 0; i < v.length; i += 2) h.set(v[i]!, v[i + 1]!);
    return h;
  }
  if (v === null) throw new PuppetTypeError(`'new_hash' Value of type Undef cannot be converted to Hash`);
  throw new PuppetTypeError("odd number of arguments for Hash");
}

/**
 * `type.new(args)` / `Type(args)`. Returns the converted value; throws PuppetTypeError with
 * Puppet's message. The result must be an instance of `type` (Puppet asserts this).
 */
export function newFromType(type: PType, args: readonly Value[]): Value {
  const r = resolveAlias(type);
  const result = convert(r, args);
  if (!isInstance(result, type)) {
    const d = describeMismatch(type, result);
    throw new PuppetTypeError(`Converted value from ${type.toString()}.new() has wrong type, ${d}`);
  }
  return result;
}

function convert(t: PType, args: readonly Value[]): Value {
  if (t instanceof PIntegerType) return newInteger(args);
  if (t instanceof PFloatType) return newFloat(args);
  if (t instanceof PNumericType) return newNumeric(args);
  if (t instanceof PBooleanType) return newBoolean(args);
  if (t instanceof PStringType || t instanceof PEnumType) return newString(args[0] ?? null, args[1]);
  if (t instanceof PArrayType || t instanceof PTupleType) return newArray(args);
  if (t instanceof PHashType || t instanceof PStructType) return newHash(args);
  if (t instanceof PSensitiveType) {
    const v = args[0] ?? null;
    return v instanceof PSensitive ? v : new PSensitive(v);
  }
  if (t instanceof PRegexpType) {
    const v = args[0] ?? null;
    if (v instanceof PRegexp) return v;
    if (typeof v === "string") return makeRegexp(v);
    throw new PuppetTypeError(`'new_regexp' Value of type ${typeOfValue(v)} cannot be converted to Regexp`);
  }
  if (t instanceof POptionalType || t instanceof PNotUndefType) {
    if (t.type === undefined) throw new PuppetTypeError(`Creation of new instance of type '${t.toString()}' is not supported`);
    return convert(resolveAlias(t.type), args);
  }
  if (t instanceof PTypeAliasType) return convert(t.resolved, args);
  if (t instanceof PVariantType || t instanceof PScalarType || t instanceof PScalarDataType || t instanceof PDataType || t instanceof PIterableType || t instanceof PResourceType || t instanceof PClassType) {
    throw new PuppetTypeError(`Creation of new instance of type '${t.toString()}' is not supported`);
  }
  throw new PuppetTypeError(`Creation of new instance of type '${t.toString()}' is not supported`);
}

