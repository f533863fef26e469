// Runtime values of the Puppet language, as the evaluator, functions, Hiera and the type system
// share them. Chosen so that Puppet's distinctions survive:
//   undef            -> null
//   default          -> DEFAULT (a unique object)
//   Boolean          -> boolean
//   Integer          -> bigint   (exact over the 64-bit range; distinct from Float)
//   Float            -> number
//   String           -> string
//   Array            -> Value[]  (treat as immutable once built)
//   Hash             -> PHash    (insertion-ordered; keys compared by Puppet equality of their key form)
//   Regexp           -> PRegexp
//   Sensitive        -> PSensitive
//   Type (incl. resource and class references such as File['/x'], Class['foo']) -> PType
//   Binary, Timespan, Timestamp, SemVer, ... -> PObjectValue subclasses where implemented
import type { PType } from "../typecheck/types.js";

export const DEFAULT: unique symbol = Symbol.for("puppet.default");
export type PDefault = typeof DEFAULT;

export class PRegexp {
  /** The JavaScript translation of `source` (Ruby syntax), compiled once. */
  constructor(
    readonly source: string,
    readonly regexp: RegExp,
  ) {}
}

export class PSensitive {
  constructor(readonly value: Value) {}
  toString(): string {
    return "Sensitive [value redacted]";
  }
}

/** Values of Puppet's other object types (Binary, Timespan, SemVer...). */
export abstract class PObjectValue {
  abstract readonly typeName: string;
  abstract toString(): string;
}

export type Value =
  | null
  | PDefault
  | boolean
  | bigint
  | number
  | string
  | Value[]
  | PHash
  | PRegexp
  | PSensitive
  | PType
  | PObjectValue;

/**
 * An insertion-ordered hash. Keys are Values; string, integer, boolean and undef keys are looked up
 * by identity of their key form, other keys (arrays, hashes) by a canonical string of their content.
 */
export class PHash {
  private readonly map = new Map<unknown, [Value, Value]>();

  static from(entries: Iterable<readonly [Value, Value]>): PHash {
    const h = new PHash();
    for (const [k, v] of entries) h.set(k, v);
    return h;
  }

  static fromObject(o: Readonly<Record<string, Value>>): PHash {
    const h = new PHash();
    for (const k of Object.keys(o)) h.set(k, o[k]!);
    return h;
  }

  get size(): number {
    return this.map.size;
  }
  get(key: Value): Value | undefined {
    return this.map.get(hashKey(key))?.[1];
  }
  has(key: Value): boolean {
    return this.map.has(hashKey(key));
  }
  /** Mutates: only while building a new hash. */
  set(key: Value, value: Value): this {
    const k = hashKey(key);
    const existing = this.map.get(k);
    if (existing) existing[1] = value;
    else this.map.set(k, [key, value]);
    return this;
  }
  delete(key: Value): boolean {
    return this.map.delete(hashKey(key));
  }
  *entries(): IterableIterator<[Value, Value]> {
    for (const e of this.map.values()) yield [e[0], e[1]];
  }
  *keys(): IterableIterator<Value> {
    for (const e of this.map.values()) yield e[0];
  }
  *values(): IterableIterator<Value> {
    for (const e of this.map.values()) yield e[1];
  }
  /** Calls `f` for each entry in order: no generator, for hot code. */
  forEach(f: (value: Value, key: Value) => void): void {
    this.map.forEach((e) => f(e[1], e[0]));
  }
  [Symbol.iterator](): IterableIterator<[Value, Value]> {
    return this.entries();
  }
  clone(): PHash {
    return PHash.from(this.entries());
  }
}

/** The identity of a hash key: primitives as themselves, anything else by a canonical string. */
function hashKey(key: Value): unknown {
  if (key === null || typeof key === "string" || typeof key === "bigint" || typeof key === "boolean" || typeof key === "number" || typeof key === "symbol") return key;
  return `\u0000${canonicalKey(key)}`;
}

function canonicalKey(v: Value): string {
  if (v === null) return "u";
  if (v === DEFAULT) return "d";
  switch (typeof v) {
    case "string":
      return `s${JSON.stringify(v)}`;
    case "bigint":
      return `i${v}`;
    case "number":
      return `f${v}`;
    case "boolean":
      return v ? "t" : "F";
  }
  if (Array.isArray(v)) return `[${v.map(canonicalKey).join(",")}]`;
  if (v instanceof PHash) return `{${[...v.entries()].map(([k, x]) => `${canonicalKey(k)}:${canonicalKey(x)}`).join(",")}}`;
  if (v instanceof PRegexp) return `r${v.source}`;
  return `o${String(v)}`;
}

export function isHash(v: Value | undefined): v is PHash {
  return v instanceof PHash;
}
export function isArray(v: Value | undefined): v is Value[] {
  return Array.isArray(v);
}
