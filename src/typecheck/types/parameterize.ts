// `T[args]`: type parameterisation with Puppet's argument rules and error messages, and the
// resolver from a type name (`Integer`, `File`, `Foo::Bar`) to a type.
import { DEFAULT, PHash, PRegexp, type Value } from "../../compiler/values.js";
import { toJsRegExp } from "./ruby-regexp.js";
import {
  PAnyType,
  PArrayType,
  PBooleanType,
  PCallableType,
  PCatalogEntryType,
  PClassType,
  PCollectionType,
  PDataType,
  PDefaultType,
  PEnumType,
  PFloatType,
  PHashType,
  PInitType,
  PIntegerType,
  PIterableType,
  PIteratorType,
  PNamedObjectType,
  PNotUndefType,
  PNumericType,
  POptionalType,
  PPatternType,
  PRegexpType,
  PResourceType,
  PRichDataType,
  PRuntimeType,
  PScalarDataType,
  PScalarType,
  PSensitiveType,
  PStringType,
  PStructElement,
  PStructType,
  PTupleType,
  PType,
  PTypeAliasType,
  PTypeType,
  PUndefType,
  PUnitType,
  PVariantType,
  capitalizeTypeName,
  inferType,
  resolveAlias,
  typeToExpandedString,
  type StructKeyKind,
} from "./model.js";

/** A type-system error with Puppet's message; the evaluator turns it into a diagnostic. */
export class PuppetTypeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PuppetTypeError";
  }
}

export function makeRegexp(source: string): PRegexp {
  return new PRegexp(source, toJsRegExp(source));
}

/** A regexp from a `/.../` literal as written (`\/` in the text is a plain `/` in the source). */
export function regexpFromLiteral(written: string): PRegexp {
  return makeRegexp(written.replace(/\\\//g, "/"));
}

const CORE_TYPES: Record<string, PType> = {
  Any: PAnyType.DEFAULT,
  Undef: PUndefType.DEFAULT,
  Default: PDefaultType.DEFAULT,
  Unit: PUnitType.DEFAULT,
  Boolean: PBooleanType.DEFAULT,
  Integer: PIntegerType.DEFAULT,
  Float: PFloatType.DEFAULT,
  Numeric: PNumericType.DEFAULT,
  String: PStringType.DEFAULT,
  Enum: PEnumType.DEFAULT,
  Pattern: PPatternType.DEFAULT,
  Regexp: PRegexpType.DEFAULT,
  Scalar: PScalarType.DEFAULT,
  ScalarData: PScalarDataType.DEFAULT,
  Data: PDataType.DEFAULT,
  RichData: PRichDataType.DEFAULT,
  Array: PArrayType.DEFAULT,
  Hash: PHashType.DEFAULT,
  Tuple: PTupleType.DEFAULT,
  Struct: PStructType.DEFAULT,
  Collection: PCollectionType.DEFAULT,
  Optional: POptionalType.DEFAULT,
  NotUndef: PNotUndefType.DEFAULT,
  Variant: PVariantType.DEFAULT,
  Type: PTypeType.DEFAULT,
  Callable: PCallableType.DEFAULT,
  Iterable: PIterableType.DEFAULT,
  Iterator: PIteratorType.DEFAULT,
  CatalogEntry: PCatalogEntryType.DEFAULT,
  Resource: PResourceType.DEFAULT,
  Class: PClassType.DEFAULT,
  Sensitive: PSensitiveType.DEFAULT,
  Runtime: PRuntimeType.DEFAULT,
  Init: PInitType.DEFAULT,
};
const OBJECT_TYPES = ["Object", "TypeSet", "Timespan", "Timestamp", "SemVer", "SemVerRange", "Binary", "URI", "Error", "Deferred"];
for (const n of OBJECT_TYPES) CORE_TYPES[n] = new PNamedObjectType(n);

export const CORE_TYPE_NAMES: readonly string[] = Object.keys(CORE_TYPES);

export function isCoreTypeName(name: string): boolean {
  return Object.hasOwn(CORE_TYPES, name);
}

/**
 * Resolves a type name as written in code. Core types first, then `lookupAlias` (type aliases,
 * by the name as written), else a resource type `Resource[Name]` (the evaluator checks that the
 * resource type exists and reports "Resource type not found: Foo" otherwise).
 */
export function resolveTypeName(name: string, lookupAlias?: (name: string) => PType | undefined): PType {
  const core = CORE_TYPES[name];
  if (core) return core;
  const alias = lookupAlias?.(name);
  if (alias) return alias;
  return new PResourceType(capitalizeTypeName(name), undefined);
}

/** Defines an alias type; `resolve` is called lazily (aliases may be recursive). */
export function defineAlias(name: string, resolve: () => PType): PTypeAliasType {
  return new PTypeAliasType(name, resolve);
}

// ---------------------------------------------------------------- helpers
function typeNameOf(v: Value): string {
  return inferType(v).generalize().shortName();
}
function aAn(s: string): string {
  return /^[AEIOU]/i.test(s) ? `an ${s}` : `a ${s}`;
}

function asInt(v: Value, typeName: string): bigint | null {
  if (v === DEFAULT) return null;
  if (typeof v === "bigint") return v;
  throw new PuppetTypeError(`${typeName}-Type [] requires all arguments to be integers (or default). Got ${typeNameOf(v)}`);
}

function asFloat(v: Value, which: "min" | "max"): number {
  if (v === DEFAULT) return which === "min" ? -Infinity : Infinity;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "number") return v;
  throw new PuppetTypeError(`Float-Type[] requires all arguments to be floats, or integers (or default). Got ${typeNameOf(v)}`);
}

/** Size arguments (`Array[T, 1, 2]`, `String[1]`, `Hash[K, V, Integer[1, 2]]`). */
function sizeRange(args: readonly Value[]): [number, number] {
  if (args.length === 1 && args[0] instanceof PIntegerType) {
    const t = args[0];
    return [t.min === null ? 0 : Number(t.min), t.max === null ? Infinity : Number(t.max)];
  }
  const nums = args.map((a) => {
    if (a === DEFAULT) return null;
    if (typeof a === "bigint") return Number(a);
    throw new PuppetTypeError(`A Type's size constraint arguments must be a single Integer type, or 1-2 integers (or default). Got ${aAn(typeNameOf(a))}`);
  });
  const min = nums[0] ?? 0;
  const max = nums.length > 1 ? (nums[1] ?? Infinity) : Infinity;
  if (min > max) throw new PuppetTypeError(`'from' must be less or equal to 'to'. Got (${min}, ${max})`);
  return [min, max];
}

function asType(v: Value, typeName: string): PType {
  if (v instanceof PType) return v;
  throw new PuppetTypeError(`${typeName}-Type[] arguments must be types. Got ${typeNameOf(v)}`);
}

function arity(name: string, args: readonly Value[], min: number, max: number): void {
  if (args.length >= min && args.length <= max) return;
  const expect = min === max ? `${min} argument${min === 1 ? "" : "s"}` : `${min} to ${max} arguments`;
  throw new PuppetTypeError(`${name}-Type[] accepts ${expect}. Got ${args.length}`);
}

function specializationError(art: string, name: string, got: Value, expected: string): PuppetTypeError {
  return new PuppetTypeError(`Error creating type specialization of ${art} ${name}-Type, Cannot use ${typeNameOf(got)} where ${expected} is expected`);
}

function notApplicable(t: PType): PuppetTypeError {
  return new PuppetTypeError(`Operator '[]' is not applicable to ${aAn(`${t.name}-Type`)}.`);
}

function flattenArgs(args: readonly Value[]): Value[] {
  const out: Value[] = [];
  for (const a of args) if (Array.isArray(a)) out.push(...flattenArgs(a));
  else out.push(a);
  return out;
}

function titleOf(v: Value): string {
  if (typeof v === "string") return v;
  if (typeof v === "bigint" || typeof v === "number" || typeof v === "boolean") return String(v);
  throw new PuppetTypeError(`A Resource title must be a String. Got ${typeNameOf(v)}`);
}

function normalizeClassName(v: Value): string {
  if (typeof v === "string") return v.toLowerCase().replace(/^::/, "");
  if (v instanceof PClassType && v.className !== undefined) return v.className;
  const art = aAn(typeNameOf(v));
  throw new PuppetTypeError(`Illegal Class name in class reference. ${art[0]!.toUpperCase()}${art.slice(1)} cannot be used where a String is expected`);
}

// ---------------------------------------------------------------- parameterize
/**
 * `type[args]`. Returns a type, or an array of references for `File['a', 'b']` / `Class[a, b]`.
 * Throws PuppetTypeError with Puppet's message on bad arguments.
 */
export function parameterize(type: PType, args: readonly Value[]): Value {
  // Parameter types such as `Integer[1, 10]` are evaluated at every declaration: memoise those
  // whose arguments are plain values or types (not resource references, which are many).
  if (!(type instanceof PResourceType) && !(type instanceof PClassType)) {
    const key = cacheKey(type, args);
    if (key !== undefined) {
      const hit = paramCache.get(key);
      if (hit !== undefined) return hit;
      const r = parameterizeUncached(type, args);
      if (paramCache.size < 10000) paramCache.set(key, r);
      return r;
    }
  }
  return parameterizeUncached(type, args);
}

const paramCache = new Map<string, Value>();

function cacheKey(type: PType, args: readonly Value[]): string | undefined {
  let k = `${type.name}|${type.toString()}`;
  for (const a of args) {
    if (typeof a === "bigint") k += `|i${a}`;
    else if (typeof a === "number") k += `|f${a}`;
    else if (typeof a === "string") k += `|s${a.length}:${a}`;
    else if (typeof a === "boolean") k += `|b${a}`;
    else if (a === DEFAULT) k += "|d";
    else if (a instanceof PType && !(a instanceof PTypeAliasType)) {
      const printed = a.toString();
      // Aliases inside would make the key depend on their (environment's) definitions.
      if (typeToExpandedString(a) !== printed) return undefined;
      k += `|t${a.constructor.name}:${printed}`;
    }
    else return undefined;
  }
  return k;
}

function parameterizeUncached(type: PType, args: readonly Value[]): Value {
  const t = type;
  if (t instanceof PTypeAliasType) throw notApplicable(resolveAlias(t));
  if (t instanceof PIntegerType) {
    if (t !== PIntegerType.DEFAULT) throw notApplicable(t);
    arity("Integer", args, 1, 2);
    const min = asInt(args[0]!, "Integer");
    const max = args.length > 1 ? asInt(args[1]!, "Integer") : null;
    // Puppet's message lacks the closing parenthesis.
    if (min !== null && max !== null && min > max) throw new PuppetTypeError(`'from' must be less or equal to 'to'. Got (${min}, ${max}`);
    return new PIntegerType(min, max);
  }
  if (t instanceof PFloatType) {
    arity("Float", args, 1, 2);
    const min = asFloat(args[0]!, "min");
    const max = args.length > 1 ? asFloat(args[1]!, "max") : Infinity;
    if (min > max) throw new PuppetTypeError(`'from' must be less or equal to 'to'. Got (${min}, ${max})`);
    return new PFloatType(min, max);
  }
  if (t instanceof PStringType) {
    if (args.length < 1 || args.length > 2) throw new PuppetTypeError(`String supports [] with one or two arguments. Got ${args.length}`);
    const [min, max] = sizeRange(args);
    return new PStringType(min, max);
  }
  if (t instanceof PEnumType) {
    let ci = false;
    const list = flattenArgs(args);
    if (list.length > 0 && typeof list[list.length - 1] === "boolean") ci = list.pop() as boolean;
    const values = list.map((v) => {
      if (typeof v === "string") return v;
      if (v instanceof PEnumType) return v.values;
      throw specializationError("an", "Enum", v, "String");
    });
    return new PEnumType(values.flat(), ci);
  }
  if (t instanceof PPatternType) {
    const pats: PRegexp[] = [];
    for (const v of flattenArgs(args)) {
      if (typeof v === "string") pats.push(makeRegexp(v));
      else if (v instanceof PRegexp) pats.push(v);
      else if (v instanceof PRegexpType && v.pattern) pats.push(v.pattern);
      else if (v instanceof PPatternType) pats.push(...v.patterns);
      else throw specializationError("a", "Pattern", v, "String or Regexp or Pattern-Type or Regexp-Type");
    }
    return new PPatternType(pats);
  }
  if (t instanceof PRegexpType) {
    arity("Regexp", args, 1, 1);
    const v = args[0]!;
    if (typeof v === "string") return new PRegexpType(makeRegexp(v));
    if (v instanceof PRegexp) return new PRegexpType(v);
    throw specializationError("a", "Regexp", v, "String or Regexp");
  }
  if (t instanceof PBooleanType) {
    arity("Boolean", args, 1, 1);
    const v = args[0]!;
    if (typeof v !== "boolean") throw specializationError("a", "Boolean", v, "TrueClass or FalseClass");
    return new PBooleanType(v);
  }
  if (t instanceof PArrayType) {
    arity("Array", args, 1, 3);
    if (args[0] instanceof PType && !(args.length === 1 && args[0] instanceof PIntegerType && false)) {
      const [min, max] = args.length > 1 ? sizeRange(args.slice(1)) : [0, Infinity];
      return new PArrayType(args[0], min, max);
    }
    const [min, max] = sizeRange(args);
    return new PArrayType(PAnyType.DEFAULT, min, max);
  }
  if (t instanceof PHashType) {
    if (args.length === 2 && (typeof args[0] === "bigint" || args[0] === DEFAULT)) {
      const [min, max] = sizeRange(args);
      return new PHashType(PAnyType.DEFAULT, PAnyType.DEFAULT, min, max);
    }
    if (args.length === 1 && (typeof args[0] === "bigint" || args[0] === DEFAULT)) throw new PuppetTypeError(`Hash-Type[] arguments must be types. Got ${typeNameOf(args[0]!)}`);
    arity("Hash", args, 2, 4);
    const k = asType(args[0]!, "Hash");
    const v = asType(args[1]!, "Hash");
    const [min, max] = args.length > 2 ? sizeRange(args.slice(2)) : [0, Infinity];
    return new PHashType(k, v, min, max);
  }
  if (t instanceof PCollectionType) {
    arity("Collection", args, 1, 2);
    const [min, max] = sizeRange(args);
    return new PCollectionType(min, max);
  }
  if (t instanceof PTupleType) {
    const types: PType[] = [];
    let i = 0;
    for (; i < args.length && args[i] instanceof PType && !(args[i] instanceof PIntegerType && i === args.length - 1 && false); i++) types.push(args[i] as PType);
    const rest = args.slice(i);
    if (types.length === 0) throw new PuppetTypeError(`A Tuple-Type[] accepts 1 or more arguments. Got ${types.length}`);
    if (rest.length > 2) throw new PuppetTypeError(`Tuple-Type[] accepts 1 to ${types.length + 2} arguments. Got ${args.length}`);
    if (rest.length === 0) return new PTupleType(types, undefined, undefined);
    const [min, max] = sizeRange(rest);
    return new PTupleType(types, min, rest.length > 1 ? max : undefined);
  }
  if (t instanceof PStructType) {
    arity("Struct", args, 1, 1);
    const h = args[0]!;
    if (!(h instanceof PHash)) throw specializationError("a", "Struct", h, "Hash");
    const elems: PStructElement[] = [];
    for (const [k, v] of h) {
      let kind: StructKeyKind = "plain";
      let key: Value = k;
      const rk = key instanceof PType ? resolveAlias(key) : key;
      if (rk instanceof POptionalType && rk.type instanceof PStringType && rk.type.value !== undefined) {
        kind = "optional";
        key = rk.type.value;
      } else if (rk instanceof PNotUndefType && rk.type instanceof PStringType && rk.type.value !== undefined) {
        kind = "notundef";
        key = rk.type.value;
      } else if (rk instanceof PEnumType && rk.values.length === 1) {
        key = rk.values[0]!;
      }
      if (typeof key !== "string") throw new PuppetTypeError(`Illegal Struct member key type. Expected NotUndef, Optional, String, or Enum. Got: ${typeNameOf(key)}`);
      const vt = v instanceof PType ? v : typeof v === "bigint" || typeof v === "number" ? inferType(v).generalize() : asType(v, "Struct");
      elems.push(new PStructElement(key, kind, vt));
    }
    return new PStructType(elems);
  }
  if (t instanceof POptionalType) {
    arity("Optional", args, 1, 1);
    const v = args[0]!;
    if (typeof v === "string") return new POptionalType(PStringType.ofValue(v));
    return new POptionalType(asType(v, "Optional"));
  }
  if (t instanceof PNotUndefType) {
    arity("NotUndef", args, 1, 1);
    const v = args[0]!;
    if (typeof v === "string") return new PNotUndefType(PStringType.ofValue(v));
    return new PNotUndefType(asType(v, "NotUndef"));
  }
  if (t instanceof PVariantType) {
    return new PVariantType(flattenArgs(args).map((a) => asType(a, "Variant")));
  }
  if (t instanceof PTypeType) {
    arity("Type", args, 1, 1);
    const v = args[0]!;
    if (typeof v === "string") return new PTypeType(resolveTypeName(v));
    return new PTypeType(asType(v, "Type"));
  }
  if (t instanceof PSensitiveType) {
    arity("Sensitive", args, 1, 1);
    return new PSensitiveType(asType(args[0]!, "Sensitive"));
  }
  if (t instanceof PIterableType) {
    arity("Iterable", args, 1, 1);
    return new PIterableType(asType(args[0]!, "Iterable"));
  }
  if (t instanceof PIteratorType) {
    arity("Iterator", args, 1, 1);
    return new PIteratorType(asType(args[0]!, "Iterator"));
  }
  if (t instanceof PCallableType) return parameterizeCallable(args);
  if (t instanceof PRuntimeType) {
    if (args.length !== 2) throw new PuppetTypeError(`A Runtime-Type[] accepts 1 to 2 arguments. Got ${args.length}`);
    return new PRuntimeType(String(args[0]), String(args[1]));
  }
  if (t instanceof PInitType) {
    if (args.length < 1) throw new PuppetTypeError(`Init-Type[] accepts 1 or more arguments. Got 0`);
    return new PInitType(asType(args[0]!, "Init"), args.slice(1));
  }
  if (t instanceof PClassType) {
    if (t.className !== undefined) throw notApplicable(t);
    const names = flattenArgs(args).map(normalizeClassName);
    if (names.length === 1 && !Array.isArray(args[0])) return new PClassType(names[0]);
    return names.map((n) => new PClassType(n));
  }
  if (t instanceof PResourceType) {
    if (t.title !== undefined) throw new PuppetTypeError(`Resource reference ${t.toString()} cannot be parameterized again`);
    let typeName = t.typeName;
    let rest = args;
    if (typeName === undefined) {
      const first = args[0];
      if (typeof first === "string") typeName = capitalizeTypeName(first);
      else if (first instanceof PResourceType && first.typeName !== undefined && first.title === undefined) typeName = first.typeName;
      else if (first instanceof PClassType) typeName = "Class";
      else throw new PuppetTypeError(`First argument to Resource[] must be a resource type or a String. Got ${typeNameOf(first ?? null)}.`);
      rest = args.slice(1);
      if (rest.length === 0) return new PResourceType(typeName, undefined);
    }
    const flat = flattenArgs(rest);
    if (typeName === "Class") {
      const refs = flat.map((n) => new PClassType(normalizeClassName(n)));
      return refs.length === 1 && !Array.isArray(rest[0]) ? refs[0]! : refs;
    }
    const refs = flat.map((x) => new PResourceType(typeName, titleOf(x)));
    return refs.length === 1 && !Array.isArray(rest[0]) ? refs[0]! : refs;
  }
  if (t instanceof PNamedObjectType) {
    if (t.params.length > 0) throw notApplicable(t);
    return new PNamedObjectType(
      t.name,
      args.map((a) => (typeof a === "string" ? `'${a}'` : String(a))),
    );
  }
  throw notApplicable(t);
}

function parameterizeCallable(args: readonly Value[]): PType {
  // Callable[[params...], Return] form
  if (args.length >= 1 && Array.isArray(args[0])) {
    const inner = args[0];
    const c = parameterizeCallable(inner) as PCallableType;
    const ret = args[1] instanceof PType ? args[1] : undefined;
    return new PCallableType(c.paramTypes, c.min, c.max, c.blockType, ret, true);
  }
  const types: PType[] = [];
  let i = 0;
  for (; i < args.length && args[i] instanceof PType; i++) types.push(args[i] as PType);
  let min: number | undefined;
  let max: number | undefined;
  let block: PType | undefined;
  const rest = args.slice(i);
  const nums: Value[] = [];
  for (const r of rest) {
    if (r instanceof PType) block = r;
    else nums.push(r);
  }
  if (nums.length > 0) min = nums[0] === DEFAULT ? 0 : Number(nums[0]);
  if (nums.length > 1) max = nums[1] === DEFAULT ? Infinity : Number(nums[1]);
  // a trailing Callable type among the leading types is the block type
  if (block === undefined && types.length > 0 && nums.length === 0) {
    const last = resolveAlias(types[types.length - 1]!);
    if (last instanceof PCallableType || (last instanceof POptionalType && last.type instanceof PCallableType)) {
      block = types.pop();
    }
  }
  return new PCallableType(types, min, max, block, undefined);
}
