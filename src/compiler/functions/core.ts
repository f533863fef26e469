// Puppet's core functions (section 5) that do not touch the catalog: strings, collections, numbers,
// iteration, types, logging, digests, lookup. Semantics follow lib/puppet/functions/*.rb of Puppet 7.
import { createHash } from "../../util/lazy-crypto.js";
import { DEFAULT, PHash, PRegexp, PSensitive, type Value } from "../values.js";
import {
  PType,
  PTypeAliasType,
  describeMismatchLabelled,
  inferReducedType,
  inferType,
  inferGeneralizedType,
  isInstance,
  makeRegexp,
  newFromType,
  parseTypeString,
  toJsRegExp,
  PuppetTypeError,
  PSemVerValue,
  compareSemVer,
} from "../../typecheck/types.js";
import { compareValues, isTruthy, puppetEquals, rubyInspect, valueToString, valueTypeName } from "../value-ops.js";
import { BreakSignal, FunctionError, NextSignal, PIteratorValue, ReturnSignal, defineFunction, sig, type CallContext, type PLambda } from "./api.js";
import { forEachElement, iterableElements, mapStrings, rubyCompare, rubyStrip, toNumber, withBreak } from "./helpers.js";
import { rubySprintf } from "./sprintf.js";
import { md5Seed, rubyRandomInt } from "./ruby-random.js";

const ITERABLE = "Iterable";

function lambdaOf(l: PLambda | undefined): PLambda {
  if (!l) throw new FunctionError("expects a block");
  return l;
}

function typeArg(v: Value, ctx: CallContext): PType {
  if (v instanceof PType) return v;
  if (typeof v === "string") return parseTypeString(v, (n) => ctx.lookupType?.(n));
  throw new FunctionError(`expects a Type value, got ${valueTypeName(v)}`);
}

function wrapTypeErrors<T>(prefix: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof PuppetTypeError) throw new FunctionError(prefix + e.message);
    throw e;
  }
}

// ---------------------------------------------------------------- logging and control flow
const LEVELS = ["debug", "info", "notice", "warning", "err", "alert", "emerg", "crit"] as const;
for (const level of LEVELS) {
  defineFunction(
    level,
    sig("Any *values", (args, ctx) => {
      ctx.log(level, args.map(valueToString).join(" "));
      return null;
    }),
  );
}

defineFunction(
  "fail",
  sig("Any *values", (args) => {
    throw new FunctionError(args.map(valueToString).join(" "));
  }),
);
defineFunction(
  "break",
  sig("", () => {
    throw new BreakSignal();
  }),
);
defineFunction(
  "next",
  sig("Any value?", (args) => {
    throw new NextSignal(args[0] ?? null);
  }),
);
defineFunction(
  "return",
  sig("Any value?", (args) => {
    throw new ReturnSignal(args[0] ?? null);
  }),
);

// ---------------------------------------------------------------- strings
// sprintf is a 3.x function in Puppet: its own arity message, and a String format.
defineFunction(
  "sprintf",
  sig("Any *args", (args) => {
    if (args.length === 0) throw new FunctionError("sprintf(): Wrong number of arguments given (0 for minimum 1)");
    return rubySprintf(valueToString(args[0]!), args.slice(1));
  }),
);

/** Ruby's String#split(regexp) (trailing empty strings removed). */
export function rubySplit(s: string, re: RegExp): string[] {
  if (s === "") return [];
  const r = new RegExp(re.source, re.flags.replace("g", ""));
  const parts = s.split(r).map((x) => (x === undefined ? "" : x));
  while (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
  return parts;
}

defineFunction(
  "split",
  sig("String str, Variant[String, Regexp, Type[Regexp]] pattern", (args) => {
    const p = args[1]!;
    const re = typeof p === "string" ? toJsRegExp(p) : p instanceof PRegexp ? p.regexp : toJsRegExp((p as { pattern?: PRegexp }).pattern?.source ?? "");
    return rubySplit(args[0] as string, re);
  }),
);

function joinValue(v: Value, sep: string): string {
  return (v as Value[]).map((x) => (Array.isArray(x) ? joinValue(x, sep) : valueToString(x))).join(sep);
}
defineFunction(
  "join",
  sig("Array arg, String delimiter?", (args) => joinValue(args[0]!, (args[1] as string | undefined) ?? "")),
);

const STRINGISH = "Variant[String, Numeric, Boolean, Undef, Array, Hash, Default, Type, Regexp, Sensitive]";
function stringFn(name: string, f: (s: string) => string): void {
  defineFunction(
    name,
    sig(`${STRINGISH} arg`, (args) => mapStrings(args[0]!, f)),
  );
}
stringFn("upcase", (s) => s.toUpperCase());
stringFn("downcase", (s) => s.toLowerCase());
stringFn("capitalize", (s) => (s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1).toLowerCase()));
stringFn("camelcase", (s) =>
  s
    .split("_")
    .map((w) => (w.length === 0 ? w : w[0]!.toUpperCase() + w.slice(1).toLowerCase()))
    .join(""),
);
stringFn("strip", (s) => rubyStrip(s));
stringFn("lstrip", (s) => rubyStrip(s, true, false));
stringFn("rstrip", (s) => rubyStrip(s, false, true));
stringFn("chomp", (s) => s.replace(/(\r\n|\n|\r)$/, ""));
stringFn("chop", (s) => (s.endsWith("\r\n") ? s.slice(0, -2) : [...s].slice(0, -1).join("")));

/** Ruby gsub/sub replacement string: \0-\9, \&, \k<name>, \\, \` and \'. */
function rubyReplacement(repl: string): (match: string, ...rest: unknown[]) => string {
  return (match: string, ...rest: unknown[]) => {
    const last = rest[rest.length - 1];
    const hasGroups = typeof last === "object" && last !== null;
    const groups = hasGroups ? (last as Record<string, string | undefined>) : undefined;
    const caps = rest.slice(0, hasGroups ? -3 : -2) as (string | undefined)[];
    const offset = rest[hasGroups ? rest.length - 3 : rest.length - 2] as number;
    const input = rest[hasGroups ? rest.length - 2 : rest.length - 1] as string;
    let out = "";
    for (let i = 0; i < repl.length; i++) {
      const c = repl[i]!;
      if (c !== "\\" || i + 1 >= repl.length) {
        out += c;
        continue;
      }
      const d = repl[i + 1]!;
      i++;
      if (/\d/.test(d)) out += d === "0" ? match : (caps[Number(d) - 1] ?? "");
      else if (d === "&") out += match;
      else if (d === "\\") out += "\\";
      else if (d === "`") out += input.slice(0, offset);
      else if (d === "'") out += input.slice(offset + match.length);
      else if (d === "k" && repl[i + 1] === "<") {
        const end = repl.indexOf(">", i);
        out += groups?.[repl.slice(i + 2, end)] ?? "";
        i = end;
      } else out += `\\${d}`;
    }
    return out;
  };
}

function regsubstOne(target: string, pattern: Value, repl: string, flags: string): string {
  let extra = "";
  if (flags.includes("I")) extra += "i";
  const src = pattern instanceof PRegexp ? pattern.source : (pattern as string);
  let source = src;
  if (flags.includes("E")) source = `(?x)${source}`;
  const base = toJsRegExp(source, extra + (flags.includes("M") ? "s" : ""));
  const re = new RegExp(base.source, base.flags + (flags.includes("G") ? "g" : ""));
  return target.replace(re, rubyReplacement(repl));
}

defineFunction(
  "regsubst",
  sig("Variant[Array[Variant[String, Sensitive[String]]], Sensitive[Array[Variant[String, Sensitive[String]]]], Variant[String, Sensitive[String]]] target, Variant[String, Regexp] pattern, Variant[String, Hash[String, String]] replacement, Optional[Optional[Pattern[/^[GEIM]*$/]]] flags?, Optional[Enum['N', 'E', 'S', 'U']] encoding?", (args) => {
    const [target, pattern, repl] = args as [Value, Value, Value];
    const flags = typeof args[3] === "string" ? args[3] : "";
    const r = typeof repl === "string" ? repl : "";
    const one = (t: Value): Value => (t instanceof PSensitive ? new PSensitive(one(t.value)) : regsubstOne(t as string, pattern, r, flags));
    if (Array.isArray(target)) return target.map(one);
    return one(target);
  }),
);

function matchOne(s: string, re: RegExp): Value {
  const r = new RegExp(re.source, re.flags.replace("g", ""));
  const m = r.exec(s);
  if (!m) return null;
  return [...m].map((x) => (x === undefined ? null : x));
}
defineFunction(
  "match",
  sig("Variant[String, Array[Variant[String, Array]]] string, Variant[Any] pattern", (args) => {
    const p = args[1]!;
    let re: RegExp;
    if (p instanceof PRegexp) re = p.regexp;
    else if (typeof p === "string") re = toJsRegExp(p);
    else if (p instanceof PType && "patterns" in p) re = ((p as unknown as { patterns: PRegexp[] }).patterns[0] ?? makeRegexp("")).regexp;
    else if (p instanceof PType && "pattern" in p) re = ((p as unknown as { pattern?: PRegexp }).pattern ?? makeRegexp("")).regexp;
    else throw new FunctionError(`'match' parameter 'pattern' expects a value of type String, Regexp, Type[Pattern], or Type[Regexp], got ${valueTypeName(p)}`);
    const doMatch = (v: Value): Value => (Array.isArray(v) ? v.map(doMatch) : matchOne(v as string, re));
    return doMatch(args[0]!);
  }),
);

/** Puppet::Util::Package.versioncmp */
export function versioncmp(a: string, b: string): number {
  const vre = /[-.]|\d+|[^-.\d]+/g;
  const ax = a.match(vre) ?? [];
  const bx = b.match(vre) ?? [];
  const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  while (ax.length > 0 && bx.length > 0) {
    const x = ax.shift()!;
    const y = bx.shift()!;
    if (x === y) continue;
    if (x === "-" && y === "-") continue;
    if (x === "-") return -1;
    if (y === "-") return 1;
    if (x === "." && y === ".") continue;
    if (x === ".") return -1;
    if (y === ".") return 1;
    if (/^\d+$/.test(x) && /^\d+$/.test(y)) {
      if (x.startsWith("0") || y.startsWith("0")) return cmp(x.toUpperCase(), y.toUpperCase());
      const bx2 = BigInt(x);
      const by2 = BigInt(y);
      return bx2 < by2 ? -1 : bx2 > by2 ? 1 : 0;
    }
    return cmp(x.toUpperCase(), y.toUpperCase());
  }
  return cmp(a, b);
}
defineFunction(
  "versioncmp",
  sig("String a, String b, Boolean ignore_trailing_zeroes?", (args) => {
    let a = args[0] as string;
    let b = args[1] as string;
    if (args[2] === true) {
      a = a.replace(/([.]0+)+$/, "");
      b = b.replace(/([.]0+)+$/, "");
    }
    return BigInt(versioncmp(a, b));
  }),
);

/** Puppet's shellquote (3.x function). */
export function shellquote(words: string[]): string {
  const safe = /^[a-zA-Z0-9@%_+=:,./-]+$/;
  const dangerous = /[!"`$\\]/;
  return words
    .map((w) => {
      if (w.length !== 0 && safe.test(w)) return w;
      if (!dangerous.test(w)) return `"${w}"`;
      if (!w.includes("'")) return `'${w}'`;
      let r = '"';
      for (const c of w) {
        if (/[!"`$\\]/.test(c)) r += "\\";
        r += c;
      }
      return `${r}"`;
    })
    .join(" ");
}
function flattenDeep(v: Value[]): Value[] {
  const out: Value[] = [];
  for (const x of v) if (Array.isArray(x)) out.push(...flattenDeep(x));
  else out.push(x);
  return out;
}
defineFunction(
  "shellquote",
  sig("Any *args", (args) => shellquote(flattenDeep(args).map((x) => (x === null ? "" : valueToString(x))))),
);

// ---------------------------------------------------------------- digests
function digestFn(name: string, algo: string): void {
  defineFunction(
    name,
    sig("Any *args", (args) => {
      const s = args.length === 1 ? valueToString(args[0]!) : args.map(valueToString).join("");
      return createHash(algo).update(s, "utf8").digest("hex");
    }),
  );
}
digestFn("md5", "md5");
digestFn("sha1", "sha1");
digestFn("sha256", "sha256");

// ---------------------------------------------------------------- collections
defineFunction(
  "keys",
  sig("Hash hsh", (args) => [...(args[0] as PHash).keys()]),
);
defineFunction(
  "values",
  sig("Hash hsh", (args) => [...(args[0] as PHash).values()]),
);

function sizeOf(v: Value): bigint {
  if (typeof v === "string") return BigInt([...v].length);
  if (Array.isArray(v)) return BigInt(v.length);
  if (v instanceof PHash) return BigInt(v.size);
  return 0n;
}
defineFunction(
  "size",
  sig("Variant[Collection, String, Binary] arg", (args) => sizeOf(args[0]!)),
);
defineFunction(
  "length",
  sig("Variant[Collection, String, Binary] arg", (args) => sizeOf(args[0]!)),
);
defineFunction(
  "empty",
  sig("Variant[Collection, String, Binary, Numeric, Undef, Sensitive[String], Boolean] arg", (args) => {
    const v = args[0]!;
    if (v === null) return true;
    if (v instanceof PSensitive) return typeof v.value === "string" && v.value.length === 0;
    if (typeof v === "string") return v.length === 0;
    if (Array.isArray(v)) return v.length === 0;
    if (v instanceof PHash) return v.size === 0;
    return false;
  }),
);

defineFunction(
  "flatten",
  sig("Any *args", (args) => flattenDeep(args)),
);

function uniqueBy(list: Value[], key: (v: Value) => Value): Value[] {
  const out: Value[] = [];
  const keys: Value[] = [];
  for (const v of list) {
    const k = key(v);
    if (keys.some((x) => strictEql(x, k))) continue;
    keys.push(k);
    out.push(v);
  }
  return out;
}
/** Ruby eql?: case-sensitive strings, 1 != 1.0. */
function strictEql(a: Value, b: Value): boolean {
  if (typeof a !== typeof b) return false;
  if (typeof a === "string") return a === b;
  return puppetEquals(a, b);
}
defineFunction(
  "unique",
  sig("String string", (args) => [...new Set([...(args[0] as string)])].join("")),
  sig("Hash hash, &?", (args, ctx, l) => {
    const h = args[0] as PHash;
    const groups = new PHash();
    const order: Value[] = [];
    for (const [k, v] of h) {
      const key = l ? ctx.callLambda(l, [v]) : v;
      const found = order.find((o) => strictEql(o, key));
      if (found === undefined) {
        order.push(key);
        groups.set(key, [[k], v]);
      } else {
        const g = groups.get(found) as [Value[], Value];
        g[0].push(k);
      }
    }
    const out = new PHash();
    for (const [, g] of groups) {
      const [ks, v] = g as [Value[], Value];
      out.set(ks, v);
    }
    return out;
  }),
  sig("Iterable iterable, &?", (args, ctx, l) => uniqueBy(iterableElements(args[0]!, "unique"), (v) => (l ? ctx.callLambda(l, [v]) : v))),
);

defineFunction(
  "sort",
  sig("Variant[String, Array] x, &?", (args, ctx, l) => {
    const v = args[0]!;
    const list = typeof v === "string" ? [...v] : [...(v as Value[])];
    const cmp = l ? (a: Value, b: Value) => Number(ctx.callLambda(l, [a, b]) as bigint) : rubyCompare;
    const sorted = mergeSort(list, cmp);
    return typeof v === "string" ? sorted.join("") : sorted;
  }),
);

/** Stable merge sort calling cmp(earlier, later) (so Ruby-like error messages name them in order). */
function mergeSort(list: Value[], cmp: (a: Value, b: Value) => number): Value[] {
  if (list.length <= 1) return list;
  const mid = list.length >> 1;
  const a = mergeSort(list.slice(0, mid), cmp);
  const b = mergeSort(list.slice(mid), cmp);
  const out: Value[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(cmp(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

function minMax(name: "min" | "max", args: Value[], ctx: CallContext, l: PLambda | undefined): Value {
  let list = args;
  if (list.length === 1 && Array.isArray(list[0])) list = list[0];
  if (list.length === 0) throw new FunctionError(`${name}(): Wrong number of arguments need at least one`);
  const numericLike = (v: Value): boolean => /^-?\d+([._eE]\d+)?$/.test(valueToString(v));
  const cmp = (a: Value, b: Value): number => {
    if (l) return Number(ctx.callLambda(l, [a, b]) as bigint);
    const na = typeof a === "bigint" || typeof a === "number";
    const nb = typeof b === "bigint" || typeof b === "number";
    if (na && nb) return rubyCompare(a, b);
    if (numericLike(a) && numericLike(b)) return rubyCompare(Number(valueToString(a)), Number(valueToString(b)));
    const as = typeof a === "string" ? a : valueToString(a);
    const bs = typeof b === "string" ? b : valueToString(b);
    return as < bs ? -1 : as > bs ? 1 : 0;
  };
  let best: Value = list[0]!;
  for (const v of list.slice(1)) {
    const c = cmp(v, best);
    if (name === "max" ? c > 0 : c < 0) best = v;
  }
  return best;
}
defineFunction(
  "min",
  sig("Any *values, &?", (args, ctx, l) => minMax("min", args, ctx, l)),
);
defineFunction(
  "max",
  sig("Any *values, &?", (args, ctx, l) => minMax("max", args, ctx, l)),
);

defineFunction(
  "compare",
  sig("Any a, Any b, Boolean ignore_case?", (args) => {
    const [a, b] = args as [Value, Value];
    const ic = args[2] !== false;
    if (typeof a === "string" && typeof b === "string") {
      const x = ic ? a.toLowerCase() : a;
      const y = ic ? b.toLowerCase() : b;
      return x < y ? -1n : x > y ? 1n : 0n;
    }
    const na = typeof a === "bigint" || typeof a === "number";
    const nb = typeof b === "bigint" || typeof b === "number";
    if (na && nb) return BigInt(rubyCompare(a, b));
    if (a instanceof PType && b instanceof PType) return BigInt(compareValues(a, b));
    if (a instanceof PSemVerValue && b instanceof PSemVerValue) return BigInt(compareSemVer(a, b));
    throw new FunctionError(`compare(): Non comparable type. Only values of the types Numeric, String, Semver, Timestamp and Timestamp can be compared. Got ${valueTypeName(a)} and ${valueTypeName(b)}`);
  }),
);

// ---------------------------------------------------------------- numbers
function numFromString(s: string, fname: string): number | bigint {
  if (/^-?\d+\.\d+$/.test(s)) return Number(s);
  if (/^-?\d+$/.test(s)) return BigInt(s);
  throw new FunctionError(`${fname}(): Requires float or integer to work with - was given non decimal string`);
}
defineFunction(
  "abs",
  sig("Variant[Numeric, String] val", (args) => {
    let v = args[0]!;
    if (typeof v === "string") v = numFromString(v, "abs");
    if (typeof v === "bigint") return v < 0n ? -v : v;
    return Math.abs(v as number);
  }),
);
defineFunction(
  "round",
  sig("Numeric val", (args) => {
    const v = args[0]!;
    if (typeof v === "bigint") return v;
    const x = v as number;
    return BigInt(x < 0 ? -Math.round(-x) : Math.round(x));
  }),
);
defineFunction(
  "ceiling",
  sig("Variant[Numeric, String] val", (args) => {
    const v = args[0]!;
    const n = typeof v === "string" ? numFromString(v, "ceiling") : v;
    return typeof n === "bigint" ? n : BigInt(Math.ceil(n as number));
  }),
);
defineFunction(
  "floor",
  sig("Variant[Numeric, String] val", (args) => {
    const v = args[0]!;
    const n = typeof v === "string" ? numFromString(v, "floor") : v;
    return typeof n === "bigint" ? n : BigInt(Math.floor(n as number));
  }),
);

// ---------------------------------------------------------------- iteration
defineFunction(
  "each",
  sig(
    `${ITERABLE} collection, &`,
    (args, ctx, l) => {
      forEachElement(ctx, args[0]!, lambdaOf(l), "each", () => undefined);
      return args[0]!;
    },
    [1, 2],
  ),
);
defineFunction(
  "map",
  sig(
    `${ITERABLE} collection, &`,
    (args, ctx, l) => {
      const out: Value[] = [];
      forEachElement(ctx, args[0]!, lambdaOf(l), "map", (r) => out.push(r));
      return out;
    },
    [1, 2],
  ),
);
defineFunction(
  "filter",
  sig(
    `${ITERABLE} collection, &`,
    (args, ctx, l) => {
      const c = args[0]!;
      if (c instanceof PHash) {
        const h = new PHash();
        forEachElement(ctx, c, lambdaOf(l), "filter", (r, e) => {
          if (isTruthy(r)) h.set((e as Value[])[0]!, (e as Value[])[1]!);
        });
        return h;
      }
      const out: Value[] = [];
      forEachElement(ctx, c, lambdaOf(l), "filter", (r, e) => {
        if (isTruthy(r)) out.push(e);
      });
      return out;
    },
    [1, 2],
  ),
);
defineFunction(
  "any",
  sig(
    `${ITERABLE} collection, &`,
    (args, ctx, l) => {
      let found = false;
      try {
        forEachElement(ctx, args[0]!, lambdaOf(l), "any", (r) => {
          if (isTruthy(r)) {
            found = true;
            throw new BreakSignal();
          }
        });
      } catch (e) {
        if (!(e instanceof BreakSignal)) throw e;
      }
      return found;
    },
    [1, 2],
  ),
);
defineFunction(
  "all",
  sig(
    `${ITERABLE} collection, &`,
    (args, ctx, l) => {
      let ok = true;
      forEachElement(ctx, args[0]!, lambdaOf(l), "all", (r) => {
        if (!isTruthy(r)) {
          ok = false;
          throw new BreakSignal();
        }
      });
      return ok;
    },
    [1, 2],
  ),
);
defineFunction(
  "reduce",
  sig(
    `${ITERABLE} enumerable, Any memo?, &`,
    (args, ctx, l) => {
      const elems = iterableElements(args[0]!, "reduce");
      const lambda = lambdaOf(l);
      let memo: Value;
      let start = 0;
      if (args.length > 1) memo = args[1]!;
      else {
        if (elems.length === 0) return null;
        memo = elems[0]!;
        start = 1;
      }
      withBreak(() => {
        for (let i = start; i < elems.length; i++) memo = ctx.callLambda(lambda, [memo, elems[i]!]);
      });
      return memo;
    },
    [2, 2],
  ),
);
defineFunction(
  "with",
  sig("Any *arg, &", (args, ctx, l) => ctx.callLambda(lambdaOf(l), args)),
);
defineFunction(
  "then",
  sig("Any arg, &", (args, ctx, l) => (args[0] === null ? null : ctx.callLambda(lambdaOf(l), [args[0]!])), [1, 1]),
);
defineFunction(
  "lest",
  sig("Any arg, &", (args, ctx, l) => (args[0] === null ? ctx.callLambda(lambdaOf(l), []) : args[0]!), [0, 0]),
);
defineFunction(
  "slice",
  sig("Variant[Hash[Any, Any], Iterable] collection, Integer[1, default] size, &?", (args, ctx, l) => {
    const n = Number(args[1] as bigint);
    const elems = iterableElements(args[0]!, "slice");
    const slices: Value[] = [];
    for (let i = 0; i < elems.length; i += n) slices.push(elems.slice(i, i + n));
    if (!l) return slices;
    withBreak(() => {
      for (const s of slices) {
        if (l.parameterCount <= 1) ctx.callLambda(l, [s]);
        else {
          const a = [...(s as Value[])];
          while (a.length < l.parameterCount) a.push(null);
          ctx.callLambda(l, a.slice(0, l.parameterCount));
        }
      }
    });
    return args[0]!;
  }),
);
defineFunction(
  "step",
  sig("Iterable iterable, Integer[1] step, &?", (args, ctx, l) => {
    const n = Number(args[1] as bigint);
    const produce = (): Value[] => iterableElements(args[0]!, "step").filter((_, i) => i % n === 0);
    if (!l) return new PIteratorValue(produce);
    withBreak(() => {
      for (const e of produce()) ctx.callLambda(l, [e]);
    });
    return null;
  }),
);
defineFunction(
  "reverse_each",
  sig("Iterable iterable, &?", (args, ctx, l) => {
    const produce = (): Value[] => [...iterableElements(args[0]!, "reverse_each")].reverse();
    if (!l) return new PIteratorValue(produce);
    withBreak(() => {
      for (const e of produce()) ctx.callLambda(l, [e]);
    });
    return null;
  }),
);
defineFunction(
  "index",
  sig("Variant[String, Array, Hash, Iterable] collection, Any value", (args) => {
    const [c, v] = args as [Value, Value];
    if (typeof c === "string" && typeof v === "string") {
      const i = c.indexOf(v);
      return i < 0 ? null : BigInt([...c.slice(0, i)].length);
    }
    if (c instanceof PHash) {
      for (const [k, x] of c) if (puppetEquals(x, v)) return k;
      return null;
    }
    const elems = iterableElements(c, "index");
    const i = elems.findIndex((x) => puppetEquals(x, v));
    return i < 0 ? null : BigInt(i);
  }),
  sig(
    "Iterable collection, &",
    (args, ctx, l) => {
      let result: Value = null;
      const c = args[0]!;
      forEachElement(ctx, c, lambdaOf(l), "index", (r, e, i) => {
        if (isTruthy(r)) {
          result = c instanceof PHash ? (e as Value[])[0]! : BigInt(i);
          throw new BreakSignal();
        }
      });
      return result;
    },
    [1, 2],
  ),
);
defineFunction(
  "group_by",
  sig(
    "Iterable collection, &",
    (args, ctx, l) => {
      const out = new PHash();
      forEachElement(ctx, args[0]!, lambdaOf(l), "group_by", (r, e) => {
        const list = (out.get(r) as Value[] | undefined) ?? [];
        list.push(e);
        out.set(r, list);
      });
      return out;
    },
    [1, 2],
  ),
);
defineFunction(
  "partition",
  sig(
    "Iterable collection, &",
    (args, ctx, l) => {
      const yes: Value[] = [];
      const no: Value[] = [];
      forEachElement(ctx, args[0]!, lambdaOf(l), "partition", (r, e) => (isTruthy(r) ? yes : no).push(e));
      return [yes, no];
    },
    [1, 2],
  ),
);

/** tree_each: containers and values of a nested structure with their paths (depth or breadth first). */
function treeEntries(root: Value, opts: PHash | undefined): [Value[], Value][] {
  const get = (k: string, d: Value): Value => (opts?.has(k) ? opts.get(k)! : d);
  const breadth = get("order", "depth_first") === "breadth_first";
  const includeContainers = isTruthy(get("include_containers", true));
  const includeValues = isTruthy(get("include_values", true));
  const includeRoot = isTruthy(get("include_root", true));
  const isContainer = (v: Value): boolean => Array.isArray(v) || v instanceof PHash;
  const children = (v: Value): [Value, Value][] => (Array.isArray(v) ? v.map((x, i) => [BigInt(i), x] as [Value, Value]) : v instanceof PHash ? [...v.entries()] : []);
  const out: [Value[], Value][] = [];
  const emit = (path: Value[], v: Value): void => {
    if (path.length === 0 && !includeRoot) return;
    if (isContainer(v) ? includeContainers : includeValues) out.push([path, v]);
  };
  if (breadth) {
    let level: [Value[], Value][] = [[[], root]];
    while (level.length > 0) {
      const next: [Value[], Value][] = [];
      for (const [p, v] of level) {
        emit(p, v);
        if (isContainer(v)) for (const [k, c] of children(v)) next.push([[...p, k], c]);
      }
      level = next;
    }
  } else {
    const walk = (p: Value[], v: Value): void => {
      emit(p, v);
      if (isContainer(v)) for (const [k, c] of children(v)) walk([...p, k], c);
    };
    walk([], root);
  }
  return out;
}
defineFunction(
  "tree_each",
  sig("Variant[Iterator, Array, Hash] tree, Hash options?, &?", (args, ctx, l) => {
    const entries = treeEntries(args[0]!, args[1] instanceof PHash ? args[1] : undefined);
    if (!l) return new PIteratorValue(() => entries.map(([p, v]) => [p, v]));
    withBreak(() => {
      for (const [p, v] of entries) ctx.callLambda(l, l.parameterCount >= 2 ? [p, v] : [[p, v]]);
    });
    return args[0]!;
  }),
);

// ---------------------------------------------------------------- types and values
defineFunction(
  "type",
  sig("Any value, Enum['detailed', 'reduced', 'generalized'] inference_method?", (args) => {
    const v = args[0]!;
    const m = (args[1] as string | undefined) ?? "detailed";
    if (m === "reduced") return inferReducedType(v);
    if (m === "generalized") return inferGeneralizedType(v);
    return inferType(v);
  }),
);
defineFunction(
  "assert_type",
  sig("Type type, Any value, &?", (args, ctx, l) => assertType(args[0] as PType, args[1]!, ctx, l)),
  sig("String type_string, Any value, &?", (args, ctx, l) => assertType(typeArg(args[0]!, ctx), args[1]!, ctx, l)),
);
function assertType(t: PType, v: Value, ctx: CallContext, l: PLambda | undefined): Value {
  if (isInstance(v, t)) return v;
  if (l) return ctx.callLambda(l, [t, inferType(v)]);
  throw new FunctionError(describeMismatchLabelled(t, v, "assert_type():") ?? "");
}
defineFunction(
  "new",
  sig("Type type, Any *args, &?", (args, ctx, l) => {
    const r = wrapTypeErrors("", () => newFromType(args[0] as PType, args.slice(1)));
    return l ? ctx.callLambda(l, [r]) : r;
  }),
);
defineFunction(
  "convert_to",
  sig("Any value, Type type, Any *args, &?", (args, ctx, l) => {
    const r = wrapTypeErrors("", () => newFromType(args[1] as PType, [args[0]!, ...args.slice(2)]));
    return l ? ctx.callLambda(l, [r]) : r;
  }),
);
defineFunction(
  "unwrap",
  sig("Any arg, &?", (args, ctx, l) => {
    const v = args[0]!;
    const r = v instanceof PSensitive ? v.value : v;
    return l ? ctx.callLambda(l, [r]) : r;
  }),
);
defineFunction(
  "call",
  sig("String function_name, Any *arguments, &?", (args, ctx, l) => ctx.callFunction(args[0] as string, args.slice(1), l)),
);

function digValue(v: Value, keys: Value[]): Value {
  let cur: Value = v;
  for (const k of keys) {
    if (cur === null) return null;
    if (cur instanceof PHash) cur = cur.get(k) ?? null;
    else if (Array.isArray(cur) && typeof k === "bigint") cur = cur[Number(k < 0n ? BigInt(cur.length) + k : k)] ?? null;
    else throw new FunctionError(`The given data does not contain a Collection at ${keys.indexOf(k) === 0 ? "[]" : "[...]"}, got '${valueTypeName(cur)}'`);
  }
  return cur;
}
defineFunction(
  "dig",
  sig("Optional[Collection] data, Any *args", (args) => digValue(args[0]!, args.slice(1))),
);
/** `get(v, 'a.0.b', default)`: dotted path with integer segments indexing arrays. */
defineFunction(
  "get",
  sig("Any value, String dotted_string, Any default_value?, &?", (args, ctx, l) => {
    const path = (args[1] as string) === "" ? [] : splitDotted(args[1] as string);
    let cur: Value = args[0]!;
    for (const seg of path) {
      if (cur instanceof PHash) cur = cur.get(seg) ?? null;
      else if (Array.isArray(cur) && /^-?\d+$/.test(seg)) cur = cur[Number(seg)] ?? null;
      else if (cur === null) break;
      else {
        if (l) return ctx.callLambda(l, [null]);
        throw new FunctionError(`The given data does not contain a Collection at '${seg}', got '${valueTypeName(cur)}'`);
      }
      if (cur === null) break;
    }
    return cur === null && args.length > 2 ? args[2]! : cur;
  }),
);
function splitDotted(s: string): string[] {
  const out: string[] = [];
  let cur = "";
  let q: string | undefined;
  for (const c of s) {
    if (q) {
      if (c === q) q = undefined;
      else cur += c;
    } else if (c === "'" || c === '"') q = c;
    else if (c === ".") {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out;
}
defineFunction(
  "getvar",
  sig("Pattern[/\\A(?:::)?(?:[a-z]\\w*::)*[a-z_]\\w*(?:\\.|\\Z)/] variable_name, Any default_value?", (args, ctx) => {
    const parts = splitDotted(args[0] as string);
    const v = ctx.lookupVariable?.(parts[0]!);
    if (v === undefined) return args.length > 1 ? args[1]! : null;
    let cur: Value = v;
    for (const seg of parts.slice(1)) {
      if (cur instanceof PHash) cur = cur.get(seg) ?? null;
      else if (Array.isArray(cur) && /^\d+$/.test(seg)) cur = cur[Number(seg)] ?? null;
      else cur = null;
      if (cur === null) break;
    }
    return cur === null && args.length > 1 ? args[1]! : cur;
  }),
);

// ---------------------------------------------------------------- fqdn_rand (3.x function)
function nodeFqdn(ctx: CallContext): string {
  const f = ctx.nodeFacts?.();
  const net = f instanceof PHash ? f.get("networking") : undefined;
  const fqdn = net instanceof PHash ? net.get("fqdn") : undefined;
  return typeof fqdn === "string" ? fqdn : "";
}
defineFunction(
  "fqdn_rand",
  sig("Any *args", (args, ctx) => {
    const maxArg = args[0] ?? null;
    const max = typeof maxArg === "bigint" ? maxArg : typeof maxArg === "string" && /^\s*-?\d/.test(maxArg) ? BigInt(/-?\d+/.exec(maxArg)![0]) : 0n;
    const seed = args[1] === undefined || args[1] === null ? "" : valueToString(args[1]);
    let fqdn = nodeFqdn(ctx);
    if (isTruthy(args[2] ?? null)) fqdn = fqdn.toLowerCase();
    if (max <= 0n) return 0n;
    return BigInt(rubyRandomInt(md5Seed(`${fqdn}:${max}:${seed}`), Number(max)));
  }),
);

// ---------------------------------------------------------------- lookup (delegates to Hiera)
defineFunction(
  "lookup",
  sig("Any *args, &?", (args, ctx, l) => {
    if (args.length < 1 || args.length > 4) throw new FunctionError(`'lookup' expects between 1 and 4 arguments, got ${args.length === 0 ? "none" : args.length}`);
    if (!ctx.hieraLookup) throw new FunctionError("lookup() is not available in this context");
    return ctx.hieraLookup(args, l);
  }),
);
for (const [name, merge] of [
  ["hiera", null],
  ["hiera_array", "unique"],
  ["hiera_hash", "hash"],
] as const) {
  defineFunction(
    name,
    sig("Any *args, &?", (args, ctx, l) => {
      if (!ctx.hieraLookup) throw new FunctionError(`${name}() is not available in this context`);
      const key = args[0] ?? null;
      const lookupArgs: Value[] = [key, null, merge];
      if (args.length > 1) lookupArgs.push(args[1]!);
      return ctx.hieraLookup(lookupArgs, l);
    }),
  );
}

// Re-exported for tests.
export { rubyInspect, DEFAULT, PTypeAliasType, toNumber };
