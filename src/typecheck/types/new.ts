// `T.new(args)` / `T(args)`: Puppet's conversions (section 4.4) with its error messages. The result
// is checked against the (possibly parameterised) type: "Converted value from Integer[1, 5].new() has
// wrong type, expects ...".
import { DEFAULT, PHash, PRegexp, PSensitive, type Value } from "../../compiler/values.js";
import { rubySprintf } from "../../compiler/functions/sprintf.js";
import { puppetQuote, valueToPuppetP, valueToPuppetString } from "../../compiler/value-ops.js";
import { describeMismatch, describeMismatchLabelled } from "./describe.js";
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
  PNamedObjectType,
  PVariantType,
  inferType,
  inferGeneralizedType,
  isInstance,
  resolveAlias,
} from "./model.js";
import { PuppetTypeError, makeRegexp } from "./parameterize.js";
import { newSemVer, newSemVerRange } from "./semver.js";

function typeOfValue(v: Value): string {
  const t = inferType(v);
  // "Value of type Array[Integer] cannot be converted" uses the reduced/generalized form
  return inferGeneralizedType(v).toString();
}

const INTEGER_PATTERN_LENIENT = /^[+-]?\s*(?:\d+|0[xX][0-9A-Fa-f]+|0[bB][01]+)$/;
const FLOAT_PATTERN = /^[+-]?\s*(?:(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE]-?\d+)?|0[xX][0-9A-Fa-f]+|0[0-7]+|0[bB][01]+)$/;

/** Ruby's Integer(str, radix?) for strings that passed Puppet's pattern (sign, spaces, prefixes). */
export function parseIntegerString(s: string, radix?: number): bigint | undefined {
  const m = /^([+-]?)\s*(.*)$/s.exec(s)!;
  const neg = m[1] === "-";
  const body = m[2]!;
  const invalid = (): never => {
    throw new PuppetTypeError(`invalid value for Integer(): "${s}"`);
  };
  let digits: string;
  let r: number;
  if (radix === undefined || radix === 10 && false) {
    if (/^0[xX][0-9a-fA-F]+$/.test(body)) return sign(BigInt(body.toLowerCase()), neg);
    if (/^0[bB][01]+$/.test(body)) return sign(BigInt(body.toLowerCase()), neg);
    if (/^0[oO]?[0-7]+$/.test(body)) return sign(BigInt(`0o${body.replace(/^0[oO]?/, "")}`), neg);
    if (/^0\d+$/.test(body)) return invalid();
    if (/^\d+$/.test(body)) return sign(BigInt(body), neg);
    return undefined;
  }
  r = radix;
  digits = body;
  if (r === 16) digits = digits.replace(/^0[xX]/, "");
  else if (r === 2) digits = digits.replace(/^0[bB]/, "");
  else if (r === 8) digits = digits.replace(/^0[oO]?(?=.)/, "");
  const ok = r === 16 ? /^[0-9a-fA-F]+$/ : r === 8 ? /^[0-7]+$/ : r === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!ok.test(digits)) return invalid();
  const prefix = r === 16 ? "0x" : r === 8 ? "0o" : r === 2 ? "0b" : "";
  return sign(BigInt(prefix + digits), neg);
}
function sign(n: bigint, neg: boolean): bigint {
  return neg ? -n : n;
}

/** Ruby's Float(str) for strings that passed Puppet's FLOAT_PATTERN. */
function parseFloatString(s: string): number {
  const t = s.replace(/^([+-]?)\s*/, "$1");
  const neg = t.startsWith("-");
  const body = t.replace(/^[+-]/, "");
  let v: number;
  if (/^0[bB]/.test(body)) v = Number(BigInt(body.toLowerCase()));
  else if (/^0[xX]/.test(body)) v = Number(BigInt(body.toLowerCase()));
  else v = Number(body);
  return neg ? -v : v;
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
    if (!INTEGER_PATTERN_LENIENT.test(v)) throw new PuppetTypeError(`'new' The string '${v}' cannot be converted to Integer`);
    const radix = radixArg === undefined || radixArg === DEFAULT || radixArg === null ? undefined : Number(radixArg);
    const p = parseIntegerString(v, radix);
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
    if (!FLOAT_PATTERN.test(v)) throw new PuppetTypeError(`'new_float' The string '${v}' cannot be converted to Float`);
    return parseFloatString(v);
  }
  throw new PuppetTypeError(`'new_float' Value of type ${typeOfValue(v)} cannot be converted to Float`);
}

function newNumeric(args: readonly Value[]): bigint | number {
  const v = args[0] ?? null;
  if (typeof v === "number" || typeof v === "bigint") return v;
  if (typeof v === "boolean") return v ? 1n : 0n;
  if (typeof v === "string") {
    if (!FLOAT_PATTERN.test(v)) throw new PuppetTypeError(`'new_numeric' The string '${v}' cannot be converted to Numeric`);
    const t = v.replace(/^([+-]?)\s*/, "$1");
    const neg = t.startsWith("-");
    const body = t.replace(/^[+-]/, "");
    if (/^0[bB]/.test(body) || /^0[xX]/.test(body)) return sign(BigInt(body.toLowerCase()), neg);
    if (/[.eE]/.test(body)) return parseFloatString(t);
    if (body.length > 1 && body.startsWith("0")) return sign(BigInt(`0o${body.slice(1)}`), neg);
    return sign(BigInt(body), neg);
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
  if (!/^%([\s[+#0{<(|-]*)([1-9][0-9]*)?(?:\.([0-9]+))?([a-zA-Z])$/.test(format)) {
    throw new PuppetTypeError(`The format '${format}' is not a valid format on the form '%<flags><width>.<prec><format>'`);
  }
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
  let v = args[0] ?? null;
  if (v instanceof PHash) return v;
  if (typeof v === "string") v = [...v];
  if (typeof v === "bigint" && v >= 0n) v = Array.from({ length: Number(v) }, (_, i) => BigInt(i));
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
  throw new PuppetTypeError(`Value of type ${typeOfValue(v)} cannot be converted to Hash`);
}

/**
 * `type.new(args)` / `Type(args)`. Returns the converted value; throws PuppetTypeError with
 * Puppet's message. The result must be an instance of `type` (Puppet asserts this).
 */
export function newFromType(type: PType, args: readonly Value[]): Value {
  const r = resolveAlias(type);
  const result = convert(r, args);
  if (!isInstance(result, type)) {
    throw new PuppetTypeError(describeMismatchLabelled(type, result, `Converted value from ${type.toString()}.new() has wrong type,`) ?? "");
  }
  return result;
}

function convert(t: PType, args: readonly Value[]): Value {
  if (t instanceof PNamedObjectType && t.name === "SemVer") return newSemVer(args);
  if (t instanceof PNamedObjectType && t.name === "SemVerRange") return newSemVerRange(args);
  const supported = t instanceof PIntegerType || t instanceof PFloatType || t instanceof PNumericType || t instanceof PBooleanType || t instanceof PStringType || t instanceof PArrayType || t instanceof PTupleType || t instanceof PHashType || t instanceof PStructType || t instanceof PSensitiveType || t instanceof PRegexpType || t instanceof POptionalType || t instanceof PNotUndefType || t instanceof PTypeAliasType;
  // Types without a conversion accept a value that already is an instance.
  if (!supported && args.length === 1 && isInstance(args[0]!, t)) return args[0]!;
  if (t instanceof PIntegerType) return newInteger(args);
  if (t instanceof PFloatType) return newFloat(args);
  if (t instanceof PNumericType) return newNumeric(args);
  if (t instanceof PBooleanType) return newBoolean(args);
  if (t instanceof PStringType) return newString(args[0] ?? null, args[1]);
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
    // (sic) Puppet names the wrong function in this message.
    throw new PuppetTypeError(`'new_float' parameter 'pattern' ${describeMismatch(PStringType.DEFAULT, v) ?? ""}`);
  }
  if (t instanceof POptionalType && (args[0] ?? null) === null) return null;
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

