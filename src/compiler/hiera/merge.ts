// Hiera merge strategies: first, unique, hash, deep (DeepMerge gem semantics) and their options.
import { PHash, type Value } from "../values.js";
import { puppetEquals, compareValues } from "../value-ops.js";
import { HieraDataError } from "./data.js";

export type StrategyName = "first" | "unique" | "hash" | "deep";

export interface MergeStrategy {
  readonly strategy: StrategyName;
  readonly knockoutPrefix?: string;
  readonly sortMergedArrays?: boolean;
  readonly mergeHashArrays?: boolean;
}

export const FIRST: MergeStrategy = { strategy: "first" };

/** From `'deep'`, `{ strategy => 'deep', knockout_prefix => '--' }`, undef (= first). */
export function parseMerge(v: Value | undefined): MergeStrategy {
  if (v === undefined || v === null) return FIRST;
  if (typeof v === "string") return { strategy: checkName(v) };
  if (v instanceof PHash) {
    const s = v.get("strategy");
    if (typeof s !== "string") throw new HieraDataError("merge strategy hash must have a 'strategy' entry");
    const ko = v.get("knockout_prefix");
    return {
      strategy: checkName(s),
      knockoutPrefix: typeof ko === "string" ? ko : undefined,
      sortMergedArrays: v.get("sort_merged_arrays") === true,
      mergeHashArrays: v.get("merge_hash_arrays") === true,
    };
  }
  throw new HieraDataError(`Unknown merge strategy: ${String(v)}`);
}

function checkName(s: string): StrategyName {
  if (s === "first" || s === "unique" || s === "hash" || s === "deep") return s;
  throw new HieraDataError(`Unknown merge strategy: '${s}'`);
}

function uniqueValues(list: Value[]): Value[] {
  const out: Value[] = [];
  for (const v of list) if (!out.some((o) => puppetEqualsStrict(o, v))) out.push(v);
  return out;
}

/** Ruby's Array#uniq uses eql?: case-sensitive and 1 != 1.0. */
function puppetEqualsStrict(a: Value, b: Value): boolean {
  if (typeof a === "string" || typeof b === "string") return a === b;
  if (typeof a !== typeof b) return false;
  return puppetEquals(a, b);
}

/**
 * Merges `higher` (more specific, found first) with `lower`, as Puppet's merge strategies do when
 * folding the found values from most to least specific.
 */
export function mergeTwo(s: MergeStrategy, higher: Value, lower: Value): Value {
  switch (s.strategy) {
    case "first":
      return higher;
    case "unique": {
      const a: Value[] = Array.isArray(higher) ? (higher.flat(1) as Value[]) : [higher];
      const b: Value[] = Array.isArray(lower) ? (lower.flat(1) as Value[]) : [lower];
      let r = uniqueValues([...a, ...b]);
      if (s.sortMergedArrays) r = [...r].sort((x, y) => compareValues(x, y));
      return r;
    }
    case "hash": {
      if (!(higher instanceof PHash) || !(lower instanceof PHash)) return higher;
      const h = lower.clone();
      for (const [k, v] of higher) h.set(k, v);
      return h;
    }
    case "deep":
      return deepMerge(higher, lower, s);
  }
}

/** DeepMerge.deep_merge!(source, dest): source wins, hashes merge recursively, arrays union. */
export function deepMerge(source: Value, dest: Value, s: MergeStrategy): Value {
  if (source instanceof PHash && dest instanceof PHash) {
    const h = dest.clone();
    for (const [k, v] of source) {
      if (s.knockoutPrefix && typeof v === "string" && v === s.knockoutPrefix) {
        h.set(k, "");
        continue;
      }
      if (typeof k === "string" && s.knockoutPrefix && k.startsWith(s.knockoutPrefix)) {
        h.delete(k.slice(s.knockoutPrefix.length));
        continue;
      }
      h.set(k, h.has(k) ? deepMerge(v, h.get(k)!, s) : v);
    }
    return h;
  }
  if (Array.isArray(source) && Array.isArray(dest)) {
    let src = source;
    let dst = dest;
    if (s.knockoutPrefix) {
      const ko = s.knockoutPrefix;
      const removed = src.filter((x) => typeof x === "string" && x.startsWith(ko)).map((x) => (x as string).slice(ko.length));
      src = src.filter((x) => !(typeof x === "string" && x.startsWith(ko)));
      dst = dst.filter((x) => !removed.some((r) => r === x));
    }
    if (s.mergeHashArrays && src.every((x) => x instanceof PHash) && dst.every((x) => x instanceof PHash)) {
      const out: Value[] = [...dst];
      src.forEach((x, i) => {
        out[i] = i < out.length ? deepMerge(x, out[i]!, s) : x;
      });
      return out;
    }
    let r = uniqueValues([...dst, ...src]);
    if (s.sortMergedArrays) r = [...r].sort((x, y) => compareValues(x, y));
    return r;
  }
  return source;
}
