// The most used puppetlabs-stdlib (8.x) functions that need no catalog access. Catalog functions
// (ensure_packages, ensure_resource(s), create_resources, defined_with_params, getparam) are the
// evaluator's. Error texts follow stdlib's Ruby sources.
import { createHash } from "../../util/lazy-crypto.js";
import { stringify as yamlStringify } from "yaml";
import { PHash, PSensitive, type Value } from "../values.js";
import { PType, inferType, isInstance, parseTypeString, describeMismatch } from "../../typecheck/types.js";
import { puppetEquals, rubyInspect, valueToString, valueTypeName } from "../value-ops.js";
import { FunctionError, defineFunction, sig, type CallContext, type PLambda } from "./api.js";
import { jsToValue, parseYamlValue } from "../hiera/data.js";
import { parseDocument } from "yaml";
import { md5Seed, rubyRandomInt } from "./ruby-random.js";

function isEmptyish(v: Value): boolean {
  return v === null || v === "";
}

function rubyClass(v: Value): string {
  if (v === null) return "NilClass";
  if (typeof v === "string") return "String";
  if (typeof v === "bigint") return "Integer";
  if (typeof v === "number") return "Float";
  if (typeof v === "boolean") return v ? "TrueClass" : "FalseClass";
  if (Array.isArray(v)) return "Array";
  if (v instanceof PHash) return "Hash";
  return valueTypeName(v);
}

defineFunction(
  "pick",
  sig("Any *values", (args) => {
    const v = args.find((a) => !isEmptyish(a));
    if (v === undefined) throw new FunctionError("pick(): must receive at least one non empty value");
    return v;
  }),
);
defineFunction(
  "pick_default",
  sig("Any *values", (args) => {
    if (args.length === 0) throw new FunctionError("Must receive at least one argument.");
    const v = args.slice(0, -1).find((a) => !isEmptyish(a));
    return v === undefined ? args[args.length - 1]! : v;
  }),
);
defineFunction(
  "any2array",
  sig("Any *values", (args) => {
    if (args.length === 0) return [];
    if (args.length > 1) return args;
    const a = args[0]!;
    if (Array.isArray(a)) return a;
    if (a === "" || a === null) return [];
    if (a instanceof PHash) {
      const out: Value[] = [];
      for (const [k, v] of a) out.push(k, v);
      return out;
    }
    return [a];
  }),
);
defineFunction(
  "str2bool",
  sig("Any *values", (args) => {
    if (args.length === 0) throw new FunctionError("str2bool(): Wrong number of arguments given (0 for 1)");
    const s = args[0]!;
    if (typeof s === "boolean") return s;
    if (typeof s !== "string") throw new FunctionError("str2bool(): Requires string to work with");
    if (s === "") return false;
    if (/^(1|t|y|true|yes)$/i.test(s)) return true;
    if (/^(0|f|n|false|no)$/i.test(s)) return false;
    if (/^(undef|undefined)$/.test(s)) return false;
    throw new FunctionError("str2bool(): Unknown type of boolean given");
  }),
);
defineFunction(
  "bool2str",
  sig("Any *values", (args) => {
    if (args.length !== 1 && args.length !== 3) throw new FunctionError(`bool2str(): Wrong number of arguments given (${args.length} for 3)`);
    const b = args[0]!;
    if (typeof b !== "boolean") throw new FunctionError("bool2str(): Requires a boolean to work with");
    if (args.length === 3) return b ? args[1]! : args[2]!;
    return b ? "true" : "false";
  }),
);
defineFunction(
  "num2bool",
  sig("Any *values", (args) => {
    const v = args[0] ?? null;
    const n = typeof v === "string" ? Number(v) : typeof v === "bigint" ? Number(v) : typeof v === "number" ? v : NaN;
    if (Number.isNaN(n)) throw new FunctionError("num2bool(): Unable to parse argument as a number");
    return Math.trunc(n) > 0;
  }),
);
defineFunction(
  "delete_undef_values",
  sig("Any *values", (args) => {
    const c = args[0] ?? null;
    if (Array.isArray(c)) return c.filter((x) => x !== null);
    if (c instanceof PHash) return PHash.from([...c.entries()].filter(([, v]) => v !== null));
    throw new FunctionError(`delete_undef_values(): expected an array or hash, got ${valueToString(c)} type  ${rubyClass(c)} `);
  }),
);
defineFunction(
  "delete_values",
  sig("Any *values", (args) => {
    const [h, v] = args as [Value, Value];
    if (!(h instanceof PHash)) throw new FunctionError(`delete_values(): First argument must be a Hash. Given an argument of class ${rubyClass(h)}.`);
    return PHash.from([...h.entries()].filter(([, x]) => !strictEq(x, v)));
  }),
);
function strictEq(a: Value, b: Value): boolean {
  if (typeof a === "string" || typeof b === "string") return a === b;
  return puppetEquals(a, b);
}
defineFunction(
  "delete",
  sig("Any *values", (args) => {
    if (args.length !== 2) throw new FunctionError(`delete(): Wrong number of arguments given ${args.length} for 2`);
    const [c, what] = args as [Value, Value];
    const items: Value[] = Array.isArray(what) ? what : [what];
    if (Array.isArray(c)) return c.filter((x) => !items.some((i) => strictEq(x, i)));
    if (c instanceof PHash) return PHash.from([...c.entries()].filter(([k]) => !items.some((i) => strictEq(k, i))));
    if (typeof c === "string") {
      let s = c;
      for (const i of items) s = s.split(String(i)).join("");
      return s;
    }
    throw new FunctionError(`delete(): First argument must be an Array, String, or Hash. Given an argument of class ${rubyClass(c)}.`);
  }),
);
function affix(name: "prefix" | "suffix", args: Value[]): Value {
  if (args.length === 0) throw new FunctionError(`${name}(): Wrong number of arguments given (0 for 1)`);
  const e = args[0]!;
  if (!Array.isArray(e) && !(e instanceof PHash)) throw new FunctionError(`${name}(): expected first argument to be an Array or a Hash, got ${rubyInspect(e)}`);
  const p = args[1];
  if (p !== undefined && p !== null && typeof p !== "string") throw new FunctionError(`${name}(): expected second argument to be a String, got ${rubyInspect(p)}`);
  const f = (x: Value): string => {
    const s = valueToString(x);
    if (!p) return s;
    return name === "prefix" ? p + s : s + p;
  };
  if (Array.isArray(e)) return e.map(f);
  return PHash.from([...e.entries()].map(([k, v]) => [f(k), v] as const));
}
defineFunction(
  "prefix",
  sig("Any *values", (args) => affix("prefix", args)),
);
defineFunction(
  "suffix",
  sig("Any *values", (args) => affix("suffix", args)),
);
defineFunction(
  "concat",
  sig("Any *values", (args) => {
    if (args.length < 2) throw new FunctionError(`concat(): Wrong number of arguments given (${args.length} for < 2)`);
    const a = args[0]!;
    if (!Array.isArray(a)) throw new FunctionError("concat(): Requires array to work with");
    const out = [...a];
    for (const x of args.slice(1)) {
      if (Array.isArray(x)) out.push(...x);
      else out.push(x);
    }
    return out;
  }),
);
function mergeHashes(args: Value[]): PHash {
  const acc = new PHash();
  for (const a of args) {
    if (a === null || a === "") continue;
    for (const [k, v] of a as PHash) acc.set(k, v);
  }
  return acc;
}
function mergeIterable(args: Value[], ctx: CallContext, l: PLambda): PHash {
  const acc = new PHash();
  for (const a of args) {
    const entries: Value[][] = a instanceof PHash ? [...a.entries()].map(([k, v]) => [k, v]) : (a as Value[]).map((v, i) => [BigInt(i), v]);
    for (const [k, v] of entries) {
      const r = ctx.callLambda(l, l.parameterCount >= 3 ? [acc, k!, v!] : [acc, [k!, v!]]);
      if (r instanceof PHash) for (const [rk, rv] of r) acc.set(rk, rv);
    }
  }
  return acc;
}
defineFunction(
  "merge",
  sig("Variant[Hash[Scalar, Any], Undef, String[0, 0]] *args", (args) => mergeHashes(args)),
  sig("Iterable *args, &", (args, ctx, l) => mergeIterable(args, ctx, l!), [3, 3]),
  sig("Iterable *args, &", (args, ctx, l) => mergeIterable(args, ctx, l!), [2, 2]),
);
function deepMergeHashes(a: PHash, b: PHash): PHash {
  const out = a.clone();
  for (const [k, v] of b) {
    const old = out.get(k);
    out.set(k, old instanceof PHash && v instanceof PHash ? deepMergeHashes(old, v) : v);
  }
  return out;
}
defineFunction(
  "deep_merge",
  sig("Any *args", (args) => {
    if (args.length < 2) throw new FunctionError(`deep_merge(): wrong number of arguments (${args.length}; must be at least 2)`);
    let acc = new PHash();
    for (const a of args) {
      if (a === null || a === "") continue;
      if (!(a instanceof PHash)) throw new FunctionError(`deep_merge: unexpected argument type ${rubyClass(a)}, only expects hash arguments`);
      acc = deepMergeHashes(acc, a);
    }
    return acc;
  }),
);
defineFunction(
  "has_key",
  sig("Any *args", (args) => {
    if (args.length !== 2) throw new FunctionError(`has_key(): wrong number of arguments (${args.length}; must be 2)`);
    const h = args[0]!;
    if (!(h instanceof PHash)) throw new FunctionError(`has_key(): expects the first argument to be a hash, got ${rubyInspect(h)} which is of type ${rubyClass(h)}`);
    return h.has(args[1]!);
  }),
);
defineFunction(
  "member",
  sig("Any *args", (args) => {
    if (args.length !== 2) throw new FunctionError(`member(): Wrong number of arguments given (${args.length} for 2)`);
    const [arr, item] = args as [Value, Value];
    if (!Array.isArray(arr)) throw new FunctionError("member(): Requires array to work with");
    const items: Value[] = Array.isArray(item) ? item : [item];
    if (!Array.isArray(item) && !["string", "bigint", "number", "boolean"].includes(typeof item)) throw new FunctionError("member(): Item to search for must be a string, fixnum, or array");
    return items.every((i) => arr.some((x) => strictEq(x, i)));
  }),
);
defineFunction(
  "count",
  sig("Any *args", (args) => {
    if (args.length < 1 || args.length > 2) throw new FunctionError(`count(): Wrong number of arguments given ${args.length} for 1 or 2.`);
    const c = args[0]!;
    const list = Array.isArray(c) ? c : c instanceof PHash ? [...c.values()] : [];
    if (args.length === 2) return BigInt(list.filter((x) => strictEq(x, args[1]!)).length);
    return BigInt(list.filter((x) => x !== null && x !== "").length);
  }),
);
defineFunction(
  "values_at",
  sig("Any *args", (args) => {
    if (args.length !== 2) throw new FunctionError(`values_at(): Wrong number of arguments given (${args.length} for 2)`);
    const [arr, idx] = args as [Value, Value];
    if (!Array.isArray(arr)) throw new FunctionError("values_at(): Requires array to work with");
    const out: Value[] = [];
    for (const i of Array.isArray(idx) ? idx : [idx]) {
      const m = typeof i === "string" ? /^(\d+)-(\d+)$/.exec(i) : null;
      if (m) for (let j = Number(m[1]); j <= Number(m[2]); j++) out.push(arr[j] ?? null);
      else out.push(arr[Number(i)] ?? null);
    }
    return out;
  }),
);
defineFunction(
  "grep",
  sig("Any *args", (args) => {
    if (args.length !== 2) throw new FunctionError(`grep(): Wrong number of arguments given (${args.length} for 2)`);
    const [arr, pat] = args as [Value, Value];
    const re = new RegExp(String(pat));
    return (arr as Value[]).filter((x) => re.test(valueToString(x)));
  }),
);
defineFunction(
  "join_keys_to_values",
  sig("Any *args", (args) => {
    if (args.length !== 2) throw new FunctionError(`join_keys_to_values(): Takes exactly two arguments, but ${args.length} given.`);
    const [h, sep] = args as [Value, Value];
    if (!(h instanceof PHash)) throw new FunctionError("join_keys_to_values(): The first argument must be a hash, but a " + rubyClass(h) + " was given.");
    if (typeof sep !== "string") throw new FunctionError("join_keys_to_values(): The second argument must be a string, but a " + rubyClass(sep) + " was given.");
    const out: Value[] = [];
    for (const [k, v] of h) {
      if (Array.isArray(v)) for (const x of v) out.push(`${valueToString(k)}${sep}${valueToString(x)}`);
      else out.push(`${valueToString(k)}${sep}${valueToString(v)}`);
    }
    return out;
  }),
);
defineFunction(
  "union",
  sig("Any *args", (args) => {
    const out: Value[] = [];
    for (const a of args) for (const x of a as Value[]) if (!out.some((o) => strictEq(o, x))) out.push(x);
    return out;
  }),
);
defineFunction(
  "intersection",
  sig("Any *args", (args) => {
    const [a, b] = args as [Value[], Value[]];
    const out: Value[] = [];
    for (const x of a) if (b.some((y) => strictEq(x, y)) && !out.some((o) => strictEq(o, x))) out.push(x);
    return out;
  }),
);
defineFunction(
  "difference",
  sig("Any *args", (args) => {
    const [a, b] = args as [Value[], Value[]];
    const out: Value[] = [];
    for (const x of a) if (!b.some((y) => strictEq(x, y)) && !out.some((o) => strictEq(o, x))) out.push(x);
    return out;
  }),
);
defineFunction(
  "reverse",
  sig("Any *args", (args) => {
    const v = args[0] ?? null;
    if (Array.isArray(v)) return [...v].reverse();
    if (typeof v === "string") return [...v].reverse().join("");
    throw new FunctionError("reverse(): Requires either array or string to work with");
  }),
);
defineFunction(
  "hash",
  sig("Any *args", (args) => {
    const a = args[0] ?? null;
    if (!Array.isArray(a)) throw new FunctionError("hash(): Requires array to work with");
    const flat = a.flat(Infinity as 1) as Value[];
    const h = new PHash();
    for (let i = 0; i + 1 < flat.length; i += 2) h.set(flat[i]!, flat[i + 1]!);
    return h;
  }),
);
defineFunction(
  "range",
  sig("Any *args", (args) => {
    let [a, b] = args as [Value, Value];
    let step = args[2] !== undefined ? Number(args[2]) : 1;
    if (args.length === 1 && typeof a === "string") {
      const m = /^(\w+)(\.\.\.?|-)(\w+)$/.exec(a);
      if (m) {
        a = m[1]!;
        b = m[3]!;
      }
    }
    if (step === 0) step = 1;
    step = Math.abs(step);
    const isInt = (x: Value): boolean => typeof x === "bigint" || (typeof x === "string" && /^-?\d+$/.test(x));
    if (isInt(a) && isInt(b)) {
      const x = BigInt(a as bigint | string);
      const y = BigInt(b as bigint | string);
      const out: Value[] = [];
      for (let i = x; i <= y; i += BigInt(step)) out.push(i);
      return out;
    }
    if (typeof a === "string" && typeof b === "string") {
      const out: Value[] = [];
      let cur = a;
      for (let n = 0; n < 100000; n++) {
        if (n % step === 0) out.push(cur);
        if (cur === b || cur.length > b.length) break;
        cur = rubySucc(cur);
      }
      return out;
    }
    throw new FunctionError("range(): Unable to compute range from the given arguments");
  }),
);
/** Ruby String#succ for alphanumerics (enough for 'a'..'e', 'host01'..'host10'). */
function rubySucc(s: string): string {
  const chars = [...s];
  let i = chars.length - 1;
  while (i >= 0) {
    const c = chars[i]!;
    if (c === "z") chars[i] = "a";
    else if (c === "Z") chars[i] = "A";
    else if (c === "9") chars[i] = "0";
    else if (/[a-yA-Y0-8]/.test(c)) {
      chars[i] = String.fromCharCode(c.charCodeAt(0) + 1);
      return chars.join("");
    } else return chars.join("");
    i--;
  }
  const first = s[0]!;
  const lead = /[a-z]/.test(first) ? "a" : /[A-Z]/.test(first) ? "A" : "1";
  return lead + chars.join("");
}
defineFunction(
  "dirname",
  sig("Any *args", (args) => {
    const p = args[0];
    if (typeof p !== "string") throw new FunctionError(`dirname(): Requires string as argument`);
    if (p === "") return ".";
    const trimmed = p.replace(/\/+$/, "") || "/";
    const i = trimmed.lastIndexOf("/");
    if (i < 0) return ".";
    return trimmed.slice(0, i).replace(/\/+$/, "") || "/";
  }),
);
defineFunction(
  "basename",
  sig("Any *args", (args) => {
    const p = args[0];
    if (typeof p !== "string") throw new FunctionError("basename(): Requires string as first argument");
    let b = p.replace(/\/+$/, "");
    b = b.slice(b.lastIndexOf("/") + 1) || (p.startsWith("/") ? "/" : "");
    const ext = args[1];
    if (typeof ext === "string" && b.endsWith(ext) && b !== ext) b = b.slice(0, -ext.length);
    return b;
  }),
);

// ---------------------------------------------------------------- serialisation
/** JSON of a value as Ruby's JSON.generate prints it (compact, exact integers, Ruby floats). */
export function toJson(v: Value, pretty = false, indent = ""): string {
  const nl = pretty ? "\n" : "";
  const step = pretty ? "  " : "";
  if (v === null) return "null";
  if (typeof v === "boolean") return String(v);
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "number") return valueToString(v);
  if (typeof v === "string") return JSON.stringify(v);
  if (v instanceof PSensitive) return JSON.stringify(valueToString(v));
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    const inner = v.map((x) => indent + step + toJson(x, pretty, indent + step));
    return `[${nl}${inner.join(`,${nl}`)}${nl}${indent}]`;
  }
  if (v instanceof PHash) {
    if (v.size === 0) return "{}";
    const sep = pretty ? ": " : ":";
    const inner = [...v.entries()].map(([k, x]) => `${indent}${step}${JSON.stringify(typeof k === "string" ? k : valueToString(k))}${sep}${toJson(x, pretty, indent + step)}`);
    return `{${nl}${inner.join(`,${nl}`)}${nl}${indent}}`;
  }
  return JSON.stringify(valueToString(v));
}
defineFunction(
  "to_json",
  sig("Any data", (args) => toJson(args[0]!)),
);
defineFunction(
  "to_json_pretty",
  sig("Any data, Optional[Boolean] skip_undef?, Optional[Hash] opts?", (args) => `${toJson(args[0]!, true)}\n`),
);
function toJs(v: Value): unknown {
  if (Array.isArray(v)) return v.map(toJs);
  if (v instanceof PHash) {
    if ([...v.keys()].every((k) => typeof k === "string" && !/^\d+$/.test(k))) {
      const o: Record<string, unknown> = {};
      for (const [k, x] of v) o[k as string] = toJs(x);
      return o;
    }
    const m = new Map<unknown, unknown>();
    for (const [k, x] of v) m.set(toJs(k), toJs(x));
    return m;
  }
  if (v instanceof PSensitive) return valueToString(v);
  if (typeof v === "bigint" || typeof v === "number" || typeof v === "string" || typeof v === "boolean" || v === null) return v;
  return valueToString(v);
}
defineFunction(
  "to_yaml",
  sig("Any data, Optional[Hash] options?", (args) => `---\n${yamlStringify(toJs(args[0]!), { indent: 2, version: "1.1", indentSeq: false })}`),
);
function parseStructured(name: string, text: Value, dflt: Value | undefined, json: boolean): Value {
  if (typeof text !== "string") throw new FunctionError(`${name}(): expected a string, got ${rubyClass(text)}`);
  try {
    if (json) JSON.parse(text);
    if (!json) return parseYamlValue(text);
    const doc = parseDocument(text, { intAsBigInt: true, version: "1.2" });
    if (doc.errors.length > 0) throw new Error(doc.errors[0]!.message);
    return jsToValue(doc.toJS({ mapAsMap: true }));
  } catch (e) {
    if (dflt !== undefined) return dflt;
    throw new FunctionError(`${name}(): ${(e as Error).message}`);
  }
}
defineFunction(
  "parsejson",
  sig("Any *args", (args) => parseStructured("parsejson", args[0] ?? null, args[1], true)),
);
defineFunction(
  "parseyaml",
  sig("Any *args", (args) => parseStructured("parseyaml", args[0] ?? null, args[1], false)),
);
defineFunction(
  "base64",
  sig("Any *args", (args) => {
    const [action, s, method] = args as [Value, Value, Value | undefined];
    if (typeof s !== "string") throw new FunctionError("base64(): the second argument must be a string to base64");
    const m = method ?? "default";
    if (action === "encode") {
      const b = Buffer.from(s, "utf8").toString("base64");
      if (m === "strict") return b;
      if (m === "urlsafe") return b.replace(/\+/g, "-").replace(/\//g, "_");
      return `${b.replace(/.{60}/g, "$&\n")}${b.length % 60 === 0 && b.length > 0 ? "" : "\n"}`;
    }
    if (action === "decode") return Buffer.from(m === "urlsafe" ? s.replace(/-/g, "+").replace(/_/g, "/") : s, "base64").toString("utf8");
    throw new FunctionError("base64(): the first argument must be one of 'encode' or 'decode'");
  }),
);
defineFunction(
  "fact",
  sig("String fact_name", (args, ctx) => {
    const facts = ctx.nodeFacts?.() ?? null;
    let cur: Value = facts;
    for (const seg of (args[0] as string).split(".")) {
      if (cur instanceof PHash) cur = cur.get(seg) ?? null;
      else if (Array.isArray(cur) && /^\d+$/.test(seg)) cur = cur[Number(seg)] ?? null;
      else return null;
    }
    return cur;
  }),
);
defineFunction(
  "seeded_rand",
  sig("Integer[1] max, String seed", () => {
    throw new FunctionError("seeded_rand() is not supported by cfg (needs Ruby's Mersenne Twister)");
  }),
);

// ---------------------------------------------------------------- is_* and validate_*
function typeCheckFn(name: string, test: (v: Value) => boolean): void {
  defineFunction(
    name,
    sig("Any *args", (args) => {
      if (args.length !== 1) throw new FunctionError(`${name}(): Wrong number of arguments given (${args.length} for 1)`);
      return test(args[0]!);
    }),
  );
}
typeCheckFn("is_string", (v) => typeof v === "string" && !/^-?\d+(\.\d+)?$/.test(v));
typeCheckFn("is_array", (v) => Array.isArray(v));
typeCheckFn("is_hash", (v) => v instanceof PHash);
typeCheckFn("is_bool", (v) => typeof v === "boolean");
typeCheckFn("is_integer", (v) => typeof v === "bigint" || (typeof v === "string" && /^-?(?:0|[1-9]\d*)$/.test(v)));
typeCheckFn("is_float", (v) => typeof v === "number" || (typeof v === "string" && /^-?\d+\.\d+$/.test(v)));
typeCheckFn("is_numeric", (v) => typeof v === "bigint" || typeof v === "number" || (typeof v === "string" && /^-?\d+(\.\d+)?([eE]-?\d+)?$/.test(v)));
typeCheckFn("is_absolute_path", (v) => typeof v === "string" && (v.startsWith("/") || /^[a-zA-Z]:[\\/]/.test(v)));

function validator(name: string, test: (v: Value) => boolean, what: (v: Value) => string): void {
  defineFunction(
    name,
    sig("Any *args", (args) => {
      if (args.length === 0) throw new FunctionError(`${name}(): wrong number of arguments (0; must be > 0)`);
      for (const a of args) if (!test(a)) throw new FunctionError(what(a));
      return null;
    }),
  );
}
validator("validate_string", (v) => v === null || typeof v === "string", (v) => `${rubyInspect(v)} is not a string.  It looks to be a ${rubyClass(v)}`);
validator("validate_bool", (v) => typeof v === "boolean", (v) => `${rubyInspect(v)} is not a boolean.  It looks to be a ${rubyClass(v)}`);
validator("validate_array", (v) => Array.isArray(v), (v) => `${rubyInspect(v)} is not an Array.  It looks to be a ${rubyClass(v)}`);
validator("validate_hash", (v) => v instanceof PHash, (v) => `${rubyInspect(v)} is not a Hash.  It looks to be a ${rubyClass(v)}`);
validator(
  "validate_absolute_path",
  (v) => (Array.isArray(v) ? v : [v]).every((x) => typeof x === "string" && (x.startsWith("/") || /^[a-zA-Z]:[\\/]/.test(x))),
  (v) => `${rubyInspect(v)} is not an absolute path.`,
);
defineFunction(
  "validate_re",
  sig("Any *args", (args) => {
    if (args.length < 2 || args.length > 3) throw new FunctionError(`validate_re(): wrong number of arguments (${args.length}; must be 2 or 3)`);
    const [s, res, msg] = args as [Value, Value, Value | undefined];
    const list = Array.isArray(res) ? res : [res];
    const str = valueToString(s);
    if (list.some((r) => new RegExp(String(r)).test(str))) return null;
    throw new FunctionError(typeof msg === "string" ? msg : `validate_re(): ${rubyInspect(s)} does not match ${rubyInspect(res)}`);
  }),
);
defineFunction(
  "validate_integer",
  sig("Any *args", (args) => {
    const [v, max, min] = args as [Value, Value | undefined, Value | undefined];
    const items: Value[] = Array.isArray(v) ? v : [v];
    for (const x of items) {
      const n = typeof x === "bigint" ? x : typeof x === "string" && /^-?\d+$/.test(x.trim()) ? BigInt(x.trim()) : undefined;
      if (n === undefined) throw new FunctionError(`validate_integer(): Expected first argument to be an Integer or Array, got ${rubyClass(x)}`);
      if (max !== undefined && max !== null && max !== "" && n > BigInt(max as bigint)) throw new FunctionError(`validate_integer(): Expected ${rubyInspect(x)} to be smaller or equal to ${valueToString(max)}, got ${rubyInspect(x)}`);
      if (min !== undefined && min !== null && min !== "" && n < BigInt(min as bigint)) throw new FunctionError(`validate_integer(): Expected ${rubyInspect(x)} to be greater or equal to ${valueToString(min)}, got ${rubyInspect(x)}`);
    }
    return null;
  }),
);
defineFunction(
  "validate_legacy",
  sig("Any *args", (args, ctx) => {
    const [t, , ...values] = args as [Value, Value, ...Value[]];
    const type = t instanceof PType ? t : parseTypeString(String(t), (n) => ctx.lookupType?.(n));
    const v = values[0] ?? null;
    if (isInstance(v, type)) return null;
    throw new FunctionError(`validate_legacy(${type.toString()}, ...) ${describeMismatch(type, v) ?? ""}`);
  }),
);
defineFunction(
  "type_of",
  sig("Any value", (args) => inferType(args[0]!)),
);
defineFunction(
  "deprecation",
  sig("String key, String message", (args, ctx: CallContext) => {
    ctx.warning(args[1] as string);
    return null;
  }),
);
defineFunction(
  "fqdn_rotate",
  sig("Any *args", (args, ctx) => {
    if (args.length === 0) throw new FunctionError("fqdn_rotate(): Wrong number of arguments given (0 for 1)");
    const value = args[0]!;
    if (!Array.isArray(value) && typeof value !== "string") throw new FunctionError("fqdn_rotate(): Requires either array or string to work with");
    const elems: Value[] = typeof value === "string" ? [...value] : [...value];
    if (elems.length <= 1) return value;
    const fqdnVar = ctx.lookupVariable?.("::fqdn");
    const fqdn = fqdnVar === undefined || fqdnVar === null ? "" : valueToString(fqdnVar);
    // Ruby's [fqdn, rest].join(':') flattens the rest of the arguments.
    const rest = args.slice(1).flat(Infinity as 1) as Value[];
    const text = [fqdn, ...rest.map((x) => (x === null ? "" : valueToString(x)))].join(":") + (rest.length === 0 ? ":" : "");
    const offset = rubyRandomInt(md5Seed(text), elems.length);
    const rotated = [...elems.slice(offset), ...elems.slice(0, offset)];
    return typeof value === "string" ? rotated.join("") : rotated;
  }),
);
void createHash;
