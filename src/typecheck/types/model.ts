// Puppet's type model (section 4 of the language checklist): one class per type, each knowing its
// printed form (as Puppet's TypeFormatter prints it), its instances and what it accepts.
// Assignability between two types goes through `isAssignable(to, from)`, which unfolds aliases,
// Variant/Optional on the `from` side and then asks the `to` type.
import { DEFAULT, PHash, PObjectValue, PRegexp, PSensitive, type Value } from "../../compiler/values.js";
import { rubyFloatToString } from "../../util/ruby-float.js";

export abstract class PType {
  /** Puppet's type name as used in messages (`Integer`, `Resource`, `Class`...). */
  abstract readonly name: string;
  /** Puppet's printed form, e.g. `Integer[1, 10]`, `File['/etc/motd']`. */
  abstract toString(): string;
  /** Whether `v` is an instance of this type. */
  abstract isInstance(v: Value): boolean;
  /** Whether every instance of `o` is an instance of this (o is resolved: no alias, no Variant). */
  abstract accepts(o: PType): boolean;
  /** The name used in short mismatch messages ("expects an Integer value, got String"). */
  shortName(): string {
    return this.name;
  }
  /** The unparameterised type of the same kind (Puppet's `T::DEFAULT`). */
  defaultOfKind(): PType {
    return this;
  }
  /** `type(v, 'generalized')`: parameters that only describe one value dropped. */
  generalize(): PType {
    return this;
  }
  /** Structural equality (for `==` between types and hash keys). */
  equals(o: PType): boolean {
    return o === this || (o.constructor === this.constructor && o.toString() === this.toString());
  }
}

// ---------------------------------------------------------------- printing helpers
/** `/source/` with `/` escaped, as Puppet prints regexps (the source holds `/` unescaped). */
export function regexpLiteral(source: string): string {
  return `/${source.replace(/\\\//g, "/").replace(/\//g, "\\/")}/`;
}
export function quoteString(s: string): string {
  return `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}
function fmtInt(n: bigint | null): string {
  return n === null ? "default" : String(n);
}
function fmtFloat(n: number): string {
  return Number.isFinite(n) ? rubyFloatToString(n) : "default";
}
/** `[from, to]` of a size range: empty when unbounded, `[from]` when `to` is infinite. */
function sizeParts(min: number, max: number): string[] {
  if (min === 0 && max === Infinity) return [];
  if (max === Infinity) return [String(min)];
  return [String(min), String(max)];
}
function withParams(name: string, params: string[]): string {
  return params.length === 0 ? name : `${name}[${params.join(", ")}]`;
}
function rangeWithin(min: number, max: number, omin: number, omax: number): boolean {
  return omin >= min && omax <= max;
}
function valueSize(v: Value): number {
  return Array.isArray(v) ? v.length : v instanceof PHash ? v.size : typeof v === "string" ? [...v].length : -1;
}
export function stringLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** `Optional['foo']`: a String type made from a literal prints as that literal. */
function innerString(t: PType): string {
  return t instanceof PStringType && t.value !== undefined ? quoteString(t.value) : t.toString();
}

// ---------------------------------------------------------------- simple types
export class PAnyType extends PType {
  static readonly DEFAULT = new PAnyType();
  readonly name = "Any";
  toString(): string {
    return "Any";
  }
  isInstance(): boolean {
    return true;
  }
  accepts(): boolean {
    return true;
  }
}

export class PUndefType extends PType {
  static readonly DEFAULT = new PUndefType();
  readonly name = "Undef";
  toString(): string {
    return "Undef";
  }
  isInstance(v: Value): boolean {
    return v === null;
  }
  accepts(o: PType): boolean {
    return o instanceof PUndefType;
  }
}

export class PDefaultType extends PType {
  static readonly DEFAULT = new PDefaultType();
  readonly name = "Default";
  toString(): string {
    return "Default";
  }
  isInstance(v: Value): boolean {
    return v === DEFAULT;
  }
  accepts(o: PType): boolean {
    return o instanceof PDefaultType;
  }
}

export class PUnitType extends PType {
  static readonly DEFAULT = new PUnitType();
  readonly name = "Unit";
  toString(): string {
    return "Unit";
  }
  isInstance(): boolean {
    return true;
  }
  accepts(): boolean {
    return true;
  }
}

export class PBooleanType extends PType {
  static readonly DEFAULT = new PBooleanType();
  readonly name = "Boolean";
  constructor(readonly value?: boolean) {
    super();
  }
  toString(): string {
    return this.value === undefined ? "Boolean" : `Boolean[${this.value}]`;
  }
  isInstance(v: Value): boolean {
    return typeof v === "boolean" && (this.value === undefined || v === this.value);
  }
  accepts(o: PType): boolean {
    return o instanceof PBooleanType && (this.value === undefined || o.value === this.value);
  }
  override defaultOfKind(): PType {
    return PBooleanType.DEFAULT;
  }
  override generalize(): PType {
    return PBooleanType.DEFAULT;
  }
}

export class PIntegerType extends PType {
  static readonly DEFAULT = new PIntegerType(null, null);
  readonly name = "Integer";
  /** null = unbounded */
  constructor(
    readonly min: bigint | null,
    readonly max: bigint | null,
  ) {
    super();
  }
  toString(): string {
    if (this.min === null && this.max === null) return "Integer";
    if (this.max === null) return `Integer[${this.min}]`;
    return `Integer[${fmtInt(this.min)}, ${this.max}]`;
  }
  isInstance(v: Value): boolean {
    return typeof v === "bigint" && (this.min === null || v >= this.min) && (this.max === null || v <= this.max);
  }
  accepts(o: PType): boolean {
    if (!(o instanceof PIntegerType)) return false;
    if (this.min !== null && (o.min === null || o.min < this.min)) return false;
    if (this.max !== null && (o.max === null || o.max > this.max)) return false;
    return true;
  }
  /** Closed ranges are iterable (section 3.4c). */
  isFinite(): boolean {
    return this.min !== null && this.max !== null;
  }
  override defaultOfKind(): PType {
    return PIntegerType.DEFAULT;
  }
  override generalize(): PType {
    return PIntegerType.DEFAULT;
  }
}

export class PFloatType extends PType {
  static readonly DEFAULT = new PFloatType(-Infinity, Infinity);
  readonly name = "Float";
  constructor(
    readonly min: number,
    readonly max: number,
  ) {
    super();
  }
  toString(): string {
    if (this.min === -Infinity && this.max === Infinity) return "Float";
    if (this.max === Infinity) return `Float[${fmtFloat(this.min)}]`;
    return `Float[${fmtFloat(this.min)}, ${fmtFloat(this.max)}]`;
  }
  isInstance(v: Value): boolean {
    return typeof v === "number" && v >= this.min && v <= this.max;
  }
  accepts(o: PType): boolean {
    return o instanceof PFloatType && o.min >= this.min && o.max <= this.max;
  }
  override defaultOfKind(): PType {
    return PFloatType.DEFAULT;
  }
  override generalize(): PType {
    return PFloatType.DEFAULT;
  }
}

export class PNumericType extends PType {
  static readonly DEFAULT = new PNumericType();
  readonly name = "Numeric";
  toString(): string {
    return "Numeric";
  }
  isInstance(v: Value): boolean {
    return typeof v === "bigint" || typeof v === "number";
  }
  accepts(o: PType): boolean {
    return o instanceof PNumericType || o instanceof PIntegerType || o instanceof PFloatType;
  }
}

export class PStringType extends PType {
  static readonly DEFAULT = new PStringType(0, Infinity);
  readonly name = "String";
  /** `value` is set on inferred types (Puppet prints them as plain `String`). */
  constructor(
    readonly min: number,
    readonly max: number,
    readonly value?: string,
  ) {
    super();
  }
  static ofValue(s: string): PStringType {
    const n = stringLength(s);
    return new PStringType(n, n, s);
  }
  toString(): string {
    if (this.value !== undefined) return "String";
    return withParams("String", sizeParts(this.min, this.max));
  }
  isInstance(v: Value): boolean {
    if (typeof v !== "string") return false;
    if (this.value !== undefined) return v === this.value;
    if (this.min === 0 && this.max === Infinity) return true;
    const n = stringLength(v);
    return n >= this.min && n <= this.max;
  }
  accepts(o: PType): boolean {
    if (o instanceof PStringType) {
      if (this.value !== undefined) return o.value === this.value;
      return rangeWithin(this.min, this.max, o.min, o.max);
    }
    if (o instanceof PEnumType) {
      if (this.value !== undefined) return false;
      if (o.values.length === 0) return this.min === 0 && this.max === Infinity;
      return o.values.every((s) => {
        const n = stringLength(s);
        return n >= this.min && n <= this.max;
      });
    }
    if (o instanceof PPatternType) return this.value === undefined && this.min === 0 && this.max === Infinity;
    return false;
  }
  override defaultOfKind(): PType {
    return PStringType.DEFAULT;
  }
  override generalize(): PType {
    return PStringType.DEFAULT;
  }
}

export class PEnumType extends PType {
  static readonly DEFAULT = new PEnumType([], false);
  readonly name = "Enum";
  /** Puppet sorts and de-duplicates the values. */
  readonly values: readonly string[];
  constructor(
    values: readonly string[],
    readonly caseInsensitive: boolean,
  ) {
    super();
    this.values = [...new Set(values)].sort();
  }
  toString(): string {
    const parts = this.values.map(quoteString);
    if (this.caseInsensitive) parts.push("true");
    return withParams("Enum", parts);
  }
  isInstance(v: Value): boolean {
    if (typeof v !== "string") return false;
    if (this.caseInsensitive) {
      const l = v.toLowerCase();
      return this.values.some((s) => s.toLowerCase() === l);
    }
    return this.values.includes(v);
  }
  accepts(o: PType): boolean {
    if (o instanceof PStringType) return o.value !== undefined && this.isInstance(o.value);
    if (o instanceof PEnumType) return o.values.length > 0 && o.values.every((s) => this.isInstance(s));
    return false;
  }
  override defaultOfKind(): PType {
    return PEnumType.DEFAULT;
  }
  override generalize(): PType {
    if (this.values.length === 0) return PStringType.DEFAULT;
    const lens = this.values.map(stringLength);
    return new PStringType(Math.min(...lens), Math.max(...lens));
  }
}

export class PRegexpType extends PType {
  static readonly DEFAULT = new PRegexpType(undefined);
  readonly name = "Regexp";
  constructor(readonly pattern: PRegexp | undefined) {
    super();
  }
  toString(): string {
    return this.pattern === undefined ? "Regexp" : `Regexp[${regexpLiteral(this.pattern.source)}]`;
  }
  isInstance(v: Value): boolean {
    return v instanceof PRegexp && (this.pattern === undefined || v.source === this.pattern.source);
  }
  accepts(o: PType): boolean {
    return o instanceof PRegexpType && (this.pattern === undefined || o.pattern?.source === this.pattern.source);
  }
  override defaultOfKind(): PType {
    return PRegexpType.DEFAULT;
  }
}

export class PPatternType extends PType {
  static readonly DEFAULT = new PPatternType([]);
  readonly name = "Pattern";
  constructor(readonly patterns: readonly PRegexp[]) {
    super();
  }
  toString(): string {
    return withParams(
      "Pattern",
      this.patterns.map((p) => regexpLiteral(p.source)),
    );
  }
  isInstance(v: Value): boolean {
    if (typeof v !== "string") return false;
    if (this.patterns.length === 0) return true;
    return this.patterns.some((p) => {
      p.regexp.lastIndex = 0;
      return p.regexp.test(v);
    });
  }
  accepts(o: PType): boolean {
    if (this.patterns.length === 0) return o instanceof PStringType || o instanceof PEnumType || o instanceof PPatternType;
    if (o instanceof PStringType) return o.value !== undefined && this.isInstance(o.value);
    if (o instanceof PEnumType) return o.values.length > 0 && o.values.every((s) => this.isInstance(s));
    if (o instanceof PPatternType) return o.patterns.length > 0 && o.patterns.every((p) => this.patterns.some((q) => q.source === p.source));
    return false;
  }
  override defaultOfKind(): PType {
    return PPatternType.DEFAULT;
  }
}

function isStringish(o: PType): boolean {
  return o instanceof PStringType || o instanceof PEnumType || o instanceof PPatternType;
}

/** Object values whose type names make them Scalars (SemVer, Timespan, Timestamp). */
const SCALAR_OBJECTS = new Set(["SemVer", "Timespan", "Timestamp"]);

export class PScalarType extends PType {
  static readonly DEFAULT = new PScalarType();
  readonly name = "Scalar";
  toString(): string {
    return "Scalar";
  }
  isInstance(v: Value): boolean {
    return (
      typeof v === "string" ||
      typeof v === "bigint" ||
      typeof v === "number" ||
      typeof v === "boolean" ||
      v instanceof PRegexp ||
      (v instanceof PObjectValue && SCALAR_OBJECTS.has(v.typeName))
    );
  }
  accepts(o: PType): boolean {
    return (
      o instanceof PScalarType ||
      o instanceof PScalarDataType ||
      o instanceof PNumericType ||
      o instanceof PIntegerType ||
      o instanceof PFloatType ||
      isStringish(o) ||
      o instanceof PBooleanType ||
      o instanceof PRegexpType ||
      (o instanceof PNamedObjectType && SCALAR_OBJECTS.has(o.name))
    );
  }
}

export class PScalarDataType extends PType {
  static readonly DEFAULT = new PScalarDataType();
  readonly name = "ScalarData";
  toString(): string {
    return "ScalarData";
  }
  isInstance(v: Value): boolean {
    return typeof v === "string" || typeof v === "bigint" || typeof v === "number" || typeof v === "boolean";
  }
  accepts(o: PType): boolean {
    return o instanceof PScalarDataType || o instanceof PNumericType || o instanceof PIntegerType || o instanceof PFloatType || isStringish(o) || o instanceof PBooleanType;
  }
}

export class PDataType extends PType {
  static readonly DEFAULT = new PDataType();
  readonly name = "Data";
  toString(): string {
    return "Data";
  }
  isInstance(v: Value): boolean {
    if (v === null || typeof v === "string" || typeof v === "bigint" || typeof v === "number" || typeof v === "boolean") return true;
    if (Array.isArray(v)) return v.every((e) => this.isInstance(e));
    if (v instanceof PHash) {
      for (const [k, x] of v) if (typeof k !== "string" || !this.isInstance(x)) return false;
      return true;
    }
    return false;
  }
  accepts(o: PType): boolean {
    if (o instanceof PDataType || o instanceof PUndefType || PScalarDataType.DEFAULT.accepts(o)) return true;
    if (o instanceof PArrayType) return isAssignable(this, o.elementType);
    if (o instanceof PTupleType) return o.types.every((t) => isAssignable(this, t));
    if (o instanceof PHashType) return (o.max === 0 && o.min === 0) || (isAssignable(PStringType.DEFAULT, o.keyType) && isAssignable(this, o.valueType));
    if (o instanceof PStructType) return o.elements.every((e) => isAssignable(this, e.valueType));
    if (o instanceof PNotUndefType) return o.type === undefined ? false : isAssignable(this, o.type);
    return false;
  }
}

export class PRichDataType extends PType {
  static readonly DEFAULT = new PRichDataType();
  readonly name = "RichData";
  toString(): string {
    return "RichData";
  }
  isInstance(v: Value): boolean {
    return !(v instanceof PObjectValue && (v.typeName === "Callable" || v.typeName === "Iterator"));
  }
  /** Puppet: Variant[Scalar, SemVerRange, Binary, Sensitive, Type, TypeSet, URI, Object, Undef, Default, Hash[RichData, RichData], Array[RichData]]. */
  accepts(o: PType): boolean {
    if (o instanceof PRichDataType || o instanceof PDataType || PScalarType.DEFAULT.accepts(o)) return true;
    if (o instanceof PSensitiveType || o instanceof PTypeType || o instanceof PUndefType || o instanceof PDefaultType || o instanceof PNamedObjectType) return true;
    if (o instanceof PArrayType) return o.max === 0 || isAssignable(this, o.elementType);
    if (o instanceof PTupleType) return o.types.every((t) => isAssignable(this, t));
    if (o instanceof PHashType) return o.max === 0 || (isAssignable(this, o.keyType) && isAssignable(this, o.valueType));
    if (o instanceof PStructType) return o.elements.every((e) => isAssignable(this, e.valueType));
    if (o instanceof PNotUndefType) return o.type !== undefined && isAssignable(this, o.type);
    return false;
  }
}

// ---------------------------------------------------------------- collections
export class PCollectionType extends PType {
  static readonly DEFAULT = new PCollectionType(0, Infinity);
  readonly name = "Collection";
  constructor(
    readonly min: number,
    readonly max: number,
  ) {
    super();
  }
  toString(): string {
    return withParams("Collection", sizeParts(this.min, this.max));
  }
  isInstance(v: Value): boolean {
    if (!Array.isArray(v) && !(v instanceof PHash)) return false;
    const n = valueSize(v);
    return n >= this.min && n <= this.max;
  }
  accepts(o: PType): boolean {
    const r = collectionSizeRange(o);
    return r !== undefined && rangeWithin(this.min, this.max, r[0], r[1]);
  }
  override defaultOfKind(): PType {
    return PCollectionType.DEFAULT;
  }
  override generalize(): PType {
    return PCollectionType.DEFAULT;
  }
}

function collectionSizeRange(o: PType): [number, number] | undefined {
  if (o instanceof PArrayType || o instanceof PHashType || o instanceof PCollectionType) return [o.min, o.max];
  if (o instanceof PTupleType) return [o.sizeMin, o.sizeMax];
  if (o instanceof PStructType) {
    // Only keys written Optional[k] may be absent for the size range.
    const required = o.elements.filter((e) => e.keyKind !== "optional").length;
    return [required, o.elements.length];
  }
  return undefined;
}

export class PArrayType extends PType {
  static readonly DEFAULT = new PArrayType(PAnyType.DEFAULT, 0, Infinity);
  static readonly EMPTY = new PArrayType(PUnitType.DEFAULT, 0, 0);
  readonly name = "Array";
  constructor(
    readonly elementType: PType,
    readonly min: number,
    readonly max: number,
  ) {
    super();
  }
  toString(): string {
    if (this.max === 0) return "Array[0, 0]";
    const size = sizeParts(this.min, this.max);
    if (this.elementType instanceof PUnitType && size.length === 0) return "Array[Unit]";
    if (this.elementType instanceof PAnyType && size.length === 0) return "Array";
    return withParams("Array", [this.elementType.toString(), ...size]);
  }
  isInstance(v: Value): boolean {
    if (!Array.isArray(v)) return false;
    if (v.length < this.min || v.length > this.max) return false;
    if (this.elementType instanceof PAnyType) return true;
    return v.every((e) => isInstance(e, this.elementType));
  }
  accepts(o: PType): boolean {
    if (o instanceof PArrayType) {
      if (!rangeWithin(this.min, this.max, o.min, o.max)) return false;
      return o.max === 0 || isAssignable(this.elementType, o.elementType);
    }
    if (o instanceof PTupleType) {
      if (!rangeWithin(this.min, this.max, o.sizeMin, o.sizeMax)) return false;
      return o.types.every((t) => isAssignable(this.elementType, t));
    }
    return false;
  }
  override defaultOfKind(): PType {
    return PArrayType.DEFAULT;
  }
  override generalize(): PType {
    if (this.max === 0) return new PArrayType(PUnitType.DEFAULT, 0, Infinity);
    if (this.elementType instanceof PAnyType) return PArrayType.DEFAULT;
    return new PArrayType(this.elementType.generalize(), 0, Infinity);
  }
}

export class PHashType extends PType {
  static readonly DEFAULT = new PHashType(PAnyType.DEFAULT, PAnyType.DEFAULT, 0, Infinity);
  static readonly EMPTY = new PHashType(PUnitType.DEFAULT, PUnitType.DEFAULT, 0, 0);
  readonly name = "Hash";
  constructor(
    readonly keyType: PType,
    readonly valueType: PType,
    readonly min: number,
    readonly max: number,
  ) {
    super();
  }
  toString(): string {
    if (this.max === 0) return "Hash[0, 0]";
    const size = sizeParts(this.min, this.max);
    if (this.keyType instanceof PAnyType && this.valueType instanceof PAnyType && size.length === 0) return "Hash";
    return withParams("Hash", [this.keyType.toString(), this.valueType.toString(), ...size]);
  }
  isInstance(v: Value): boolean {
    if (!(v instanceof PHash)) return false;
    if (v.size < this.min || v.size > this.max) return false;
    const anyK = this.keyType instanceof PAnyType;
    const anyV = this.valueType instanceof PAnyType;
    if (anyK && anyV) return true;
    for (const [k, x] of v) {
      if (!anyK && !isInstance(k, this.keyType)) return false;
      if (!anyV && !isInstance(x, this.valueType)) return false;
    }
    return true;
  }
  accepts(o: PType): boolean {
    if (o instanceof PHashType) {
      if (!rangeWithin(this.min, this.max, o.min, o.max)) return false;
      return o.max === 0 || (isAssignable(this.keyType, o.keyType) && isAssignable(this.valueType, o.valueType));
    }
    if (o instanceof PStructType) {
      const r = collectionSizeRange(o)!;
      if (!rangeWithin(this.min, this.max, r[0], r[1])) return false;
      return o.elements.every((e) => isAssignable(this.keyType, PStringType.ofValue(e.name)) && isAssignable(this.valueType, e.valueType));
    }
    return false;
  }
  override defaultOfKind(): PType {
    return PHashType.DEFAULT;
  }
  override generalize(): PType {
    if (this.max === 0) return this;
    if (this.keyType instanceof PAnyType && this.valueType instanceof PAnyType) return PHashType.DEFAULT;
    return new PHashType(this.keyType.generalize(), this.valueType.generalize(), 0, Infinity);
  }
}

export class PTupleType extends PType {
  static readonly DEFAULT = new PTupleType([], undefined, undefined);
  readonly name = "Tuple";
  readonly sizeMin: number;
  readonly sizeMax: number;
  /** `min`/`max` as given (undefined = derived from the types). */
  constructor(
    readonly types: readonly PType[],
    readonly givenMin: number | undefined,
    readonly givenMax: number | undefined,
  ) {
    super();
    if (types.length === 0 && givenMin === undefined) {
      this.sizeMin = 0;
      this.sizeMax = Infinity;
    } else {
      this.sizeMin = givenMin ?? types.length;
      this.sizeMax = givenMax ?? (givenMin !== undefined ? Infinity : types.length);
    }
  }
  toString(): string {
    const parts = this.types.map((t) => t.toString());
    if (this.givenMin !== undefined) {
      parts.push(String(this.givenMin));
      if (this.givenMax !== undefined && this.givenMax !== Infinity) parts.push(String(this.givenMax));
    }
    return withParams("Tuple", parts);
  }
  typeAt(i: number): PType | undefined {
    if (this.types.length === 0) return PAnyType.DEFAULT;
    return i < this.types.length ? this.types[i] : this.types[this.types.length - 1];
  }
  isInstance(v: Value): boolean {
    if (!Array.isArray(v)) return false;
    if (v.length < this.sizeMin || v.length > this.sizeMax) return false;
    return v.every((e, i) => isInstance(e, this.typeAt(i)!));
  }
  accepts(o: PType): boolean {
    if (o instanceof PTupleType) {
      if (!rangeWithin(this.sizeMin, this.sizeMax, o.sizeMin, o.sizeMax)) return false;
      const n = Math.max(o.types.length, this.types.length);
      for (let i = 0; i < n; i++) {
        const ot = o.typeAt(i);
        if (ot && i < (o.sizeMax === Infinity ? n : o.sizeMax) && !isAssignable(this.typeAt(i)!, ot)) return false;
      }
      return true;
    }
    if (o instanceof PArrayType) {
      if (!rangeWithin(this.sizeMin, this.sizeMax, o.min, o.max)) return false;
      if (this.types.length === 0) return true;
      return o.max === 0 || this.types.every((t) => isAssignable(t, o.elementType));
    }
    return false;
  }
  override defaultOfKind(): PType {
    return PTupleType.DEFAULT;
  }
  override generalize(): PType {
    return new PTupleType(
      this.types.map((t) => t.generalize()),
      this.givenMin,
      this.givenMax,
    );
  }
}

export type StructKeyKind = "plain" | "optional" | "notundef";

export class PStructElement {
  constructor(
    readonly name: string,
    readonly keyKind: StructKeyKind,
    readonly valueType: PType,
  ) {}
  /** A key may be left out when written `Optional[k]` or when its value type accepts undef. */
  optional(): boolean {
    if (this.keyKind === "optional") return true;
    if (this.keyKind === "notundef") return false;
    return isAssignable(this.valueType, PUndefType.DEFAULT);
  }
  toString(): string {
    const k = quoteString(this.name);
    const key = this.keyKind === "optional" ? `Optional[${k}]` : this.keyKind === "notundef" ? `NotUndef[${k}]` : k;
    return `${key} => ${this.valueType.toString()}`;
  }
}

export class PStructType extends PType {
  static readonly DEFAULT = new PStructType([]);
  readonly name = "Struct";
  constructor(readonly elements: readonly PStructElement[]) {
    super();
  }
  toString(): string {
    if (this.elements.length === 0) return "Struct";
    return `Struct[{${this.elements.map((e) => e.toString()).join(", ")}}]`;
  }
  element(name: string): PStructElement | undefined {
    return this.elements.find((e) => e.name === name);
  }
  isInstance(v: Value): boolean {
    if (!(v instanceof PHash)) return false;
    if (this.elements.length === 0) return true;
    let matched = 0;
    for (const e of this.elements) {
      if (!v.has(e.name)) {
        if (!e.optional()) return false;
        continue;
      }
      matched++;
      if (!isInstance(v.get(e.name)!, e.valueType)) return false;
    }
    return matched === v.size;
  }
  accepts(o: PType): boolean {
    if (this.elements.length === 0) return o instanceof PStructType && o.elements.length === 0;
    if (o instanceof PStructType) {
      for (const e of this.elements) {
        const oe = o.element(e.name);
        if (!oe) {
          if (!e.optional()) return false;
        } else {
          if (oe.optional() && !e.optional()) return false;
          if (!isAssignable(e.valueType, oe.valueType)) return false;
        }
      }
      return o.elements.every((oe) => this.element(oe.name) !== undefined);
    }
    if (o instanceof PHashType) return o.max === 0 && this.elements.every((e) => e.optional());
    return false;
  }
  override defaultOfKind(): PType {
    return PStructType.DEFAULT;
  }
  override generalize(): PType {
    return new PStructType(this.elements.map((e) => new PStructElement(e.name, e.keyKind, e.valueType.generalize())));
  }
}

// ---------------------------------------------------------------- combinators
export class POptionalType extends PType {
  static readonly DEFAULT = new POptionalType(undefined);
  readonly name = "Optional";
  constructor(readonly type: PType | undefined) {
    super();
  }
  toString(): string {
    return this.type === undefined ? "Optional" : `Optional[${innerString(this.type)}]`;
  }
  isInstance(v: Value): boolean {
    return v === null || this.type === undefined || isInstance(v, this.type);
  }
  accepts(o: PType): boolean {
    return o instanceof PUndefType || this.type === undefined || isAssignable(this.type, o);
  }
  override defaultOfKind(): PType {
    return POptionalType.DEFAULT;
  }
  override generalize(): PType {
    return this.type === undefined ? this : new POptionalType(this.type.generalize());
  }
}

export class PNotUndefType extends PType {
  static readonly DEFAULT = new PNotUndefType(undefined);
  readonly name = "NotUndef";
  constructor(readonly type: PType | undefined) {
    super();
  }
  toString(): string {
    return this.type === undefined ? "NotUndef" : `NotUndef[${innerString(this.type)}]`;
  }
  isInstance(v: Value): boolean {
    return v !== null && (this.type === undefined || isInstance(v, this.type));
  }
  accepts(o: PType): boolean {
    if (o instanceof PUndefType) return false;
    if (o instanceof PAnyType) return false;
    if (o instanceof PNotUndefType) return this.type === undefined || (o.type !== undefined && isAssignable(this.type, o.type));
    if (o instanceof POptionalType || o instanceof PDataType || o instanceof PRichDataType) return false;
    return this.type === undefined || isAssignable(this.type, o);
  }
  override defaultOfKind(): PType {
    return PNotUndefType.DEFAULT;
  }
  override generalize(): PType {
    return this.type === undefined ? this : new PNotUndefType(this.type.generalize());
  }
}

export class PVariantType extends PType {
  static readonly DEFAULT = new PVariantType([]);
  readonly name = "Variant";
  constructor(readonly types: readonly PType[]) {
    super();
  }
  toString(): string {
    return withParams(
      "Variant",
      this.types.map((t) => t.toString()),
    );
  }
  isInstance(v: Value): boolean {
    return this.types.some((t) => isInstance(v, t));
  }
  accepts(o: PType): boolean {
    return this.types.some((t) => isAssignable(t, o));
  }
  override defaultOfKind(): PType {
    return PVariantType.DEFAULT;
  }
}

export class PTypeType extends PType {
  static readonly DEFAULT = new PTypeType(undefined);
  readonly name = "Type";
  constructor(readonly type: PType | undefined) {
    super();
  }
  toString(): string {
    return this.type === undefined ? "Type" : `Type[${this.type.toString()}]`;
  }
  override shortName(): string {
    return this.toString();
  }
  override generalize(): PType {
    return this.type === undefined ? this : new PTypeType(this.type.generalize());
  }
  isInstance(v: Value): boolean {
    return v instanceof PType && (this.type === undefined || isAssignable(this.type, v));
  }
  accepts(o: PType): boolean {
    return o instanceof PTypeType && (this.type === undefined || (o.type !== undefined && isAssignable(this.type, o.type)));
  }
  override defaultOfKind(): PType {
    return PTypeType.DEFAULT;
  }
}

export class PSensitiveType extends PType {
  static readonly DEFAULT = new PSensitiveType(undefined);
  readonly name = "Sensitive";
  constructor(readonly type: PType | undefined) {
    super();
  }
  toString(): string {
    return this.type === undefined ? "Sensitive" : `Sensitive[${this.type.toString()}]`;
  }
  override shortName(): string {
    return this.toString();
  }
  isInstance(v: Value): boolean {
    return v instanceof PSensitive && (this.type === undefined || isInstance(v.value, this.type));
  }
  accepts(o: PType): boolean {
    return o instanceof PSensitiveType && (this.type === undefined || (o.type !== undefined && isAssignable(this.type, o.type)));
  }
  override defaultOfKind(): PType {
    return PSensitiveType.DEFAULT;
  }
  override generalize(): PType {
    return this.type === undefined ? this : new PSensitiveType(this.type.generalize());
  }
}

export class PIterableType extends PType {
  static readonly DEFAULT = new PIterableType(undefined);
  readonly name = "Iterable";
  constructor(readonly type: PType | undefined) {
    super();
  }
  toString(): string {
    return this.type === undefined ? "Iterable" : `Iterable[${this.type.toString()}]`;
  }
  isInstance(v: Value): boolean {
    if (typeof v === "string" || Array.isArray(v) || v instanceof PHash) return this.type === undefined || iterableElements(v).every((e) => isInstance(e, this.type!));
    if (typeof v === "bigint") return v >= 0n && (this.type === undefined || isAssignable(this.type, PIntegerType.DEFAULT));
    if (v instanceof PObjectValue && v.typeName === "Iterator") return true;
    return false;
  }
  accepts(o: PType): boolean {
    if (o instanceof PIterableType || o instanceof PIteratorType) return this.type === undefined || (o.type !== undefined && isAssignable(this.type, o.type));
    if (this.type !== undefined) {
      if (o instanceof PArrayType) return isAssignable(this.type, o.elementType);
      if (o instanceof PTupleType) return o.types.every((t) => isAssignable(this.type!, t));
      return false;
    }
    return o instanceof PArrayType || o instanceof PHashType || o instanceof PTupleType || o instanceof PStructType || o instanceof PStringType || o instanceof PEnumType || o instanceof PCollectionType || o instanceof PIntegerType;
  }
  override defaultOfKind(): PType {
    return PIterableType.DEFAULT;
  }
}

/**
 * `Iterable` as function dispatch checks it: Puppet's iteration functions also take finite
 * `Integer[a, b]` and `Enum[...]` type values (section 3.4c), though `=~ Iterable` is false for them.
 */
export class PIterableArgType extends PIterableType {
  constructor() {
    super(undefined);
  }
  override isInstance(v: Value): boolean {
    return super.isInstance(v) || (v instanceof PIntegerType && v.isFinite()) || v instanceof PEnumType;
  }
}

function iterableElements(v: Value): Value[] {
  if (typeof v === "string") return [...v];
  if (Array.isArray(v)) return v;
  if (v instanceof PHash) return [...v.entries()].map(([k, x]) => [k, x]);
  return [];
}

export class PIteratorType extends PType {
  static readonly DEFAULT = new PIteratorType(undefined);
  readonly name = "Iterator";
  constructor(readonly type: PType | undefined) {
    super();
  }
  toString(): string {
    return this.type === undefined ? "Iterator" : `Iterator[${this.type.toString()}]`;
  }
  isInstance(v: Value): boolean {
    return v instanceof PObjectValue && v.typeName === "Iterator";
  }
  accepts(o: PType): boolean {
    return o instanceof PIteratorType && (this.type === undefined || (o.type !== undefined && isAssignable(this.type, o.type)));
  }
  override defaultOfKind(): PType {
    return PIteratorType.DEFAULT;
  }
}

export class PCallableType extends PType {
  static readonly DEFAULT = new PCallableType([], undefined, undefined, undefined, undefined);
  readonly name = "Callable";
  constructor(
    readonly paramTypes: readonly PType[],
    readonly min: number | undefined,
    readonly max: number | undefined,
    readonly blockType: PType | undefined,
    readonly returnType: PType | undefined,
    /** The form `Callable[[params], Return]` */
    readonly listForm = false,
  ) {
    super();
  }
  toString(): string {
    if (this.paramTypes.length === 0 && this.min === undefined && this.blockType === undefined && this.returnType === undefined) return "Callable";
    const parts = this.paramTypes.map((t) => t.toString());
    if (this.min !== undefined) parts.push(String(this.min));
    if (this.max !== undefined) parts.push(this.max === Infinity ? "default" : String(this.max));
    if (this.blockType) parts.push(this.blockType.toString());
    if (this.listForm || this.returnType) return `Callable[[${parts.join(", ")}]${this.returnType ? `, ${this.returnType.toString()}` : ""}]`;
    return `Callable[${parts.join(", ")}]`;
  }
  isInstance(v: Value): boolean {
    return v instanceof PObjectValue && v.typeName === "Callable";
  }
  accepts(o: PType): boolean {
    return o instanceof PCallableType && (this === PCallableType.DEFAULT || o.toString() === this.toString());
  }
  override defaultOfKind(): PType {
    return PCallableType.DEFAULT;
  }
}

// ---------------------------------------------------------------- catalog types
export class PCatalogEntryType extends PType {
  static readonly DEFAULT = new PCatalogEntryType();
  readonly name = "CatalogEntry";
  toString(): string {
    return "CatalogEntry";
  }
  isInstance(): boolean {
    return false;
  }
  accepts(o: PType): boolean {
    return o instanceof PCatalogEntryType || o instanceof PResourceType || o instanceof PClassType;
  }
}

/** Capitalises each `::` segment: `foo::bar` -> `Foo::Bar` (Puppet's resource type name form). */
export function capitalizeTypeName(name: string): string {
  return name
    .replace(/^::/, "")
    .split("::")
    .map((s) => (s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1)))
    .join("::");
}

/**
 * `Resource`, `Resource[File]` (= `File`), `File['/x']` (a resource reference). The evaluator uses
 * `typeName` (capitalised, e.g. `File`, `Foo::Bar`) and `title` to build references and edges.
 */
export class PResourceType extends PType {
  static readonly DEFAULT = new PResourceType(undefined, undefined);
  readonly name = "Resource";
  constructor(
    readonly typeName: string | undefined,
    readonly title: string | undefined,
  ) {
    super();
  }
  toString(): string {
    if (this.typeName === undefined) return "Resource";
    return this.title === undefined ? this.typeName : `${this.typeName}[${quoteString(this.title)}]`;
  }
  /** `File[/x]` as in catalogs, relationships and interpolation. */
  referenceString(): string {
    return this.title === undefined ? this.toString() : `${this.typeName}[${this.title}]`;
  }
  isInstance(): boolean {
    return false;
  }
  accepts(o: PType): boolean {
    if (this.typeName === undefined) return o instanceof PResourceType;
    if (o instanceof PResourceType) {
      if (o.typeName === undefined || o.typeName.toLowerCase() !== this.typeName.toLowerCase()) return false;
      return this.title === undefined || o.title === this.title;
    }
    if (o instanceof PClassType && this.typeName === "Class") return this.title === undefined || o.className === this.title;
    return false;
  }
  override equals(o: PType): boolean {
    return o instanceof PResourceType && o.typeName?.toLowerCase() === this.typeName?.toLowerCase() && o.title === this.title;
  }
  override defaultOfKind(): PType {
    return PResourceType.DEFAULT;
  }
}

/** `Class`, `Class[foo::bar]` (a class reference; `className` is lower case without leading `::`). */
export class PClassType extends PType {
  static readonly DEFAULT = new PClassType(undefined);
  readonly name = "Class";
  constructor(readonly className: string | undefined) {
    super();
  }
  toString(): string {
    return this.className === undefined ? "Class" : `Class[${this.className}]`;
  }
  /** `Class[Foo::Bar]` as in catalogs and relationships. */
  referenceString(): string {
    return this.className === undefined ? "Class" : `Class[${capitalizeTypeName(this.className)}]`;
  }
  isInstance(): boolean {
    return false;
  }
  accepts(o: PType): boolean {
    return o instanceof PClassType && (this.className === undefined || o.className === this.className);
  }
  override defaultOfKind(): PType {
    return PClassType.DEFAULT;
  }
}

// ---------------------------------------------------------------- other named types
export class PRuntimeType extends PType {
  static readonly DEFAULT = new PRuntimeType(undefined, undefined);
  readonly name = "Runtime";
  constructor(
    readonly runtime: string | undefined,
    readonly runtimeName: string | undefined,
  ) {
    super();
  }
  toString(): string {
    if (this.runtime === undefined) return "Runtime";
    return `Runtime[${this.runtime}${this.runtimeName !== undefined ? `, ${quoteString(this.runtimeName)}` : ""}]`;
  }
  isInstance(): boolean {
    return false;
  }
  accepts(o: PType): boolean {
    return o instanceof PRuntimeType && (this.runtime === undefined || o.toString() === this.toString());
  }
}

/**
 * Named types whose values are PObjectValue subclasses (Timespan, Timestamp, SemVer, SemVerRange,
 * Binary, URI, Error, Deferred, Object...), with optional printed parameters.
 */
export class PNamedObjectType extends PType {
  constructor(
    readonly name: string,
    readonly params: readonly string[] = [],
  ) {
    super();
  }
  toString(): string {
    if (this.name === "Object" && this.params.length === 0) return "Object[{}]";
    return withParams(this.name, [...this.params]);
  }
  isInstance(v: Value): boolean {
    if (this.name === "Object") return v instanceof PObjectValue;
    return v instanceof PObjectValue && v.typeName === this.name && (this.params.length === 0 || inferType(v).toString() === this.toString());
  }
  accepts(o: PType): boolean {
    if (this.name === "Object") return o instanceof PNamedObjectType;
    return o instanceof PNamedObjectType && o.name === this.name && (this.params.length === 0 || o.toString() === this.toString());
  }
  override defaultOfKind(): PType {
    return new PNamedObjectType(this.name);
  }
  override generalize(): PType {
    return this;
  }
}

export class PInitType extends PType {
  static readonly DEFAULT = new PInitType(undefined, []);
  readonly name = "Init";
  constructor(
    readonly type: PType | undefined,
    readonly args: readonly Value[],
  ) {
    super();
  }
  toString(): string {
    if (this.type === undefined) return "Init";
    return `Init[${[this.type.toString(), ...this.args.map((a) => (typeof a === "string" ? quoteString(a) : String(a)))].join(", ")}]`;
  }
  isInstance(v: Value): boolean {
    return this.type === undefined || isInstance(v, this.type) || true;
  }
  accepts(o: PType): boolean {
    return o instanceof PInitType;
  }
}

/**
 * A named alias (`type Foo::Port = Integer[0, 65535]`). Resolution is lazy so aliases can refer to
 * themselves (recursive types); `resolve` is called at most once.
 */
export class PTypeAliasType extends PType {
  private resolvedType: PType | undefined;
  private resolving = false;
  constructor(
    readonly name: string,
    private readonly resolver: () => PType,
  ) {
    super();
  }
  get resolved(): PType {
    if (this.resolvedType === undefined) {
      if (this.resolving) return PAnyType.DEFAULT; // self-reference while resolving: treat as Any
      this.resolving = true;
      try {
        this.resolvedType = this.resolver();
      } finally {
        this.resolving = false;
      }
    }
    return this.resolvedType;
  }
  toString(): string {
    if (aliasExpansion !== undefined && !aliasExpansion.has(this.name)) {
      aliasExpansion.add(this.name);
      return `${this.name} = ${this.resolved.toString()}`;
    }
    return this.name;
  }
  /** `Name = Expansion` (nested aliases expanded once each), as in mismatch messages. */
  expandedString(): string {
    return typeToExpandedString(this);
  }
  private depth = 0;
  isInstance(v: Value): boolean {
    if (this.depth > 100) return false;
    this.depth++;
    try {
      return isInstance(v, this.resolved);
    } finally {
      this.depth--;
    }
  }
  accepts(o: PType): boolean {
    if (this.depth > 100) return true;
    this.depth++;
    try {
      return isAssignable(this.resolved, o);
    } finally {
      this.depth--;
    }
  }
}

/** Set while printing with alias expansion (Puppet's to_alias_expanded_s). */
let aliasExpansion: Set<string> | undefined;

/** Prints `t` with every alias expanded once: `Foo::Host = Variant[Foo::Port = Integer[0, 65535], ...]`. */
export function typeToExpandedString(t: PType): string {
  const outer = aliasExpansion;
  aliasExpansion = new Set();
  try {
    return t.toString();
  } finally {
    aliasExpansion = outer;
  }
}

// ---------------------------------------------------------------- generic operations
export function resolveAlias(t: PType): PType {
  let r = t;
  for (let i = 0; r instanceof PTypeAliasType && i < 100; i++) r = r.resolved;
  return r;
}

/** Whether `v` is an instance of `t`. */
export function isInstance(v: Value, t: PType): boolean {
  return t.isInstance(v);
}

/** Whether every instance of `from` is an instance of `to` (Puppet's `to.assignable?(from)`). */
export function isAssignable(to: PType, from: PType): boolean {
  const t = resolveAlias(to);
  const f = resolveAlias(from);
  if (t === f) return true;
  if (t instanceof PAnyType) return true;
  if (f instanceof PVariantType) return f.types.length === 0 ? true : f.types.every((x) => isAssignable(t, x));
  if (f instanceof POptionalType) return isAssignable(t, PUndefType.DEFAULT) && (f.type === undefined ? t instanceof POptionalType && t.type === undefined : isAssignable(t, f.type));
  if (f instanceof PUnitType) return true;
  if (f instanceof PNotUndefType && f.type !== undefined && !(t instanceof PNotUndefType)) return isAssignable(t, f.type);
  if (f instanceof PTypeAliasType) return isAssignable(t, f.resolved);
  return t.accepts(f);
}

/** The common supertype of several types, roughly as Puppet's TypeCalculator#common_type. */
export function commonType(types: readonly PType[], reduced = false): PType {
  if (types.length === 0) return PUnitType.DEFAULT;
  let acc = types[0]!;
  for (const t of types.slice(1)) acc = common2(acc, t, reduced);
  return acc;
}

function common2(a: PType, b: PType, reduced: boolean): PType {
  if (a instanceof PUnitType) return b;
  if (b instanceof PUnitType) return a;
  if (isAssignable(a, b)) return a;
  if (isAssignable(b, a)) return b;
  if (a instanceof PIntegerType && b instanceof PIntegerType) {
    if (!reduced) return PIntegerType.DEFAULT;
    const min = a.min === null || b.min === null ? null : a.min < b.min ? a.min : b.min;
    const max = a.max === null || b.max === null ? null : a.max > b.max ? a.max : b.max;
    return new PIntegerType(min, max);
  }
  if (a instanceof PFloatType && b instanceof PFloatType) return reduced ? new PFloatType(Math.min(a.min, b.min), Math.max(a.max, b.max)) : PFloatType.DEFAULT;
  if (a instanceof PRegexpType && b instanceof PRegexpType) return PRegexpType.DEFAULT;
  if (a instanceof PUndefType) return b;
  if (b instanceof PUndefType) return a;
  if (a instanceof PNamedObjectType && b instanceof PNamedObjectType && a.name === b.name) return new PNamedObjectType(a.name);
  if (isStringish(a) && isStringish(b)) {
    if (reduced) {
      if (a instanceof PStringType && b instanceof PStringType && a.value !== undefined && b.value !== undefined) return new PEnumType([a.value, b.value], false);
      if (a instanceof PEnumType && b instanceof PStringType && b.value !== undefined) return new PEnumType([...a.values, b.value], false);
    }
    if (a instanceof PStringType && b instanceof PStringType) return new PStringType(Math.min(a.min, b.min), Math.max(a.max, b.max));
    if (a instanceof PEnumType && b instanceof PEnumType) return new PEnumType([...a.values, ...b.values], a.caseInsensitive && b.caseInsensitive);
    return PStringType.DEFAULT;
  }
  if (PNumericType.DEFAULT.accepts(a) && PNumericType.DEFAULT.accepts(b)) return PNumericType.DEFAULT;
  if (PScalarDataType.DEFAULT.accepts(a) && PScalarDataType.DEFAULT.accepts(b)) return PScalarDataType.DEFAULT;
  if (PScalarType.DEFAULT.accepts(a) && PScalarType.DEFAULT.accepts(b)) return PScalarType.DEFAULT;
  if (a instanceof PTypeType && b instanceof PTypeType) return a.type && b.type ? new PTypeType(common2(a.type, b.type, reduced)) : PTypeType.DEFAULT;
  if (a instanceof PResourceType && b instanceof PResourceType) {
    return a.typeName !== undefined && a.typeName.toLowerCase() === b.typeName?.toLowerCase() ? new PResourceType(a.typeName, undefined) : PResourceType.DEFAULT;
  }
  if (a instanceof PClassType && b instanceof PClassType) return PClassType.DEFAULT;
  if ((a instanceof PArrayType || a instanceof PTupleType) && (b instanceof PArrayType || b instanceof PTupleType)) {
    return new PArrayType(common2(arrayElementType(a), arrayElementType(b), reduced), 0, Infinity);
  }
  if ((a instanceof PHashType || a instanceof PStructType) && (b instanceof PHashType || b instanceof PStructType)) {
    const [ka, va] = hashKeyValueTypes(a);
    const [kb, vb] = hashKeyValueTypes(b);
    return new PHashType(common2(ka, kb, reduced), common2(va, vb, reduced), 0, Infinity);
  }
  if (isAssignable(PDataType.DEFAULT, a) && isAssignable(PDataType.DEFAULT, b)) return PDataType.DEFAULT;
  return PAnyType.DEFAULT;
}

function arrayElementType(t: PArrayType | PTupleType): PType {
  if (t instanceof PArrayType) return t.elementType;
  return t.types.length === 0 ? PAnyType.DEFAULT : commonType(t.types);
}

function hashKeyValueTypes(t: PHashType | PStructType): [PType, PType] {
  if (t instanceof PHashType) return [t.keyType, t.valueType];
  if (t.elements.length === 0) return [PAnyType.DEFAULT, PAnyType.DEFAULT];
  return [commonType(t.elements.map((e) => PStringType.ofValue(e.name))), commonType(t.elements.map((e) => e.valueType))];
}

/** Puppet's inference: the most specific type of a value (`Integer[250, 250]`, `Tuple[...]`). */
export function inferType(v: Value): PType {
  if (v === null) return PUndefType.DEFAULT;
  if (v === DEFAULT) return PDefaultType.DEFAULT;
  switch (typeof v) {
    case "boolean":
      return new PBooleanType(v);
    case "bigint":
      return new PIntegerType(v, v);
    case "number":
      return new PFloatType(v, v);
    case "string":
      return PStringType.ofValue(v);
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return PArrayType.EMPTY;
    return new PTupleType(v.map(inferType), undefined, undefined);
  }
  if (v instanceof PHash) {
    if (v.size === 0) return PHashType.EMPTY;
    const keys = [...v.keys()];
    if (keys.every((k) => typeof k === "string")) return new PStructType([...v.entries()].map(([k, x]) => new PStructElement(k as string, "plain", inferType(x))));
    return new PHashType(commonType(keys.map(inferType)), commonType([...v.values()].map(inferType)), 0, Infinity);
  }
  if (v instanceof PRegexp) return new PRegexpType(v);
  if (v instanceof PSensitive) return new PSensitiveType(inferType(v.value).generalize());
  if (v instanceof PType) return new PTypeType(v);
  if (v instanceof PObjectValue) {
    if (v.typeName === "Iterator") return PIteratorType.DEFAULT;
    if (v.typeName === "Callable") return PCallableType.DEFAULT;
    if (v.typeName === "SemVer") return new PNamedObjectType("SemVer", [quoteString(`${v.toString()} - ${v.toString()}`)]);
    return new PNamedObjectType(v.typeName);
  }
  return PAnyType.DEFAULT;
}

/**
 * `type(v, 'generalized')`: arrays become Array[common element type], hashes Hash[common key,
 * common value] (integer and float ranges dropped, string sizes kept as ranges), scalars lose their
 * value-specific parameters.
 */
export function inferGeneralizedType(v: Value): PType {
  if (Array.isArray(v)) {
    if (v.length === 0) return new PArrayType(PUnitType.DEFAULT, 0, Infinity);
    return new PArrayType(lightGeneralize(commonType(v.map(inferType))), 0, Infinity);
  }
  if (v instanceof PHash) {
    if (v.size === 0) return PHashType.EMPTY;
    return new PHashType(lightGeneralize(commonType([...v.keys()].map(inferType))), lightGeneralize(commonType([...v.values()].map(inferType))), 0, Infinity);
  }
  if (v instanceof PSensitive) return new PSensitiveType(inferGeneralizedType(v.value));
  if (v instanceof PObjectValue && v.typeName !== "Iterator" && v.typeName !== "Callable") return new PNamedObjectType(v.typeName);
  return inferType(v).generalize();
}

/** Generalisation of a common element type: value-specific scalars lose parameters, sizes stay. */
function lightGeneralize(t: PType): PType {
  if (t instanceof PStringType) return t.value !== undefined ? PStringType.DEFAULT : t;
  if (t instanceof PIntegerType || t instanceof PFloatType || t instanceof PBooleanType) return t.defaultOfKind();
  if (t instanceof PTupleType) return new PArrayType(t.types.length === 0 ? PAnyType.DEFAULT : lightGeneralize(commonType(t.types)), 0, Infinity);
  if (t instanceof PStructType) {
    if (t.elements.length === 0) return PHashType.DEFAULT;
    return new PHashType(lightGeneralize(commonType(t.elements.map((e) => PStringType.ofValue(e.name)))), lightGeneralize(commonType(t.elements.map((e) => e.valueType))), 0, Infinity);
  }
  if (t instanceof PArrayType) return t.max === 0 ? new PArrayType(PUnitType.DEFAULT, 0, Infinity) : new PArrayType(lightGeneralize(t.elementType), 0, Infinity);
  if (t instanceof PHashType) return t.max === 0 ? t : new PHashType(lightGeneralize(t.keyType), lightGeneralize(t.valueType), 0, Infinity);
  if (t instanceof PTypeType) return t.generalize();
  if (t instanceof PNamedObjectType) return new PNamedObjectType(t.name);
  return t;
}

/** `type(v, 'reduced')`: Puppet's infer_set reduced form (arrays -> Array[common, n, n]). */
export function inferReducedType(v: Value): PType {
  if (Array.isArray(v)) {
    if (v.length === 0) return PArrayType.EMPTY;
    return new PArrayType(commonType(v.map(inferReducedType), true), v.length, v.length);
  }
  if (v instanceof PHash) {
    if (v.size === 0) return PHashType.EMPTY;
    return new PHashType(commonType([...v.keys()].map(inferReducedType), true), commonType([...v.values()].map(inferReducedType), true), v.size, v.size);
  }
  return inferType(v);
}

/** Puppet's `==` on types. */
export function typesEqual(a: PType, b: PType): boolean {
  return a.equals(b);
}
