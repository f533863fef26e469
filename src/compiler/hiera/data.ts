// Hiera data files -> runtime values. YAML is read as YAML 1.1 (as Ruby's Psych does: `yes` is
// true, `010` is octal), integers become bigint, floats number, mappings ordered PHash values.
// JSON is read with the same parser (JSON is YAML) so key order and Integer/Float survive.
import { parseDocument, type Tags } from "yaml";
import { PHash, type Value } from "../values.js";

export class HieraDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HieraDataError";
  }
}

/** Converts a `toJS({ mapAsMap: true })` result into a Value. */
export function jsToValue(x: unknown): Value {
  if (x === null || x === undefined) return null;
  if (typeof x === "bigint" || typeof x === "number" || typeof x === "string" || typeof x === "boolean") return x;
  if (Array.isArray(x)) return x.map(jsToValue);
  if (x instanceof Map) {
    const h = new PHash();
    for (const [k, v] of x) h.set(jsToValue(k), jsToValue(v));
    return h;
  }
  if (x instanceof Set) return [...x].map(jsToValue);
  if (x instanceof Date) return x.toISOString();
  if (x instanceof Uint8Array) return Buffer.from(x).toString("base64");
  if (typeof x === "object") {
    const h = new PHash();
    for (const [k, v] of Object.entries(x as Record<string, unknown>)) h.set(k, jsToValue(v));
    return h;
  }
  return String(x);
}

/**
 * YAML 1.1 as Ruby's Psych resolves plain scalars: only yes/true/on and no/false/off (any case)
 * are booleans (`y` is a string), floats need a dot and a signed exponent (`1e3` is a string), and
 * dates are rejected as Puppet's safe YAML loader does ("Tried to load unspecified class: Date").
 */
function psychTags(tags: Tags): Tags {
  const out: Tags = [];
  for (const t of tags) {
    if (typeof t !== "object" || !("tag" in t)) {
      out.push(t);
      continue;
    }
    const test = "test" in t ? t.test : undefined;
    if (t.tag === "tag:yaml.org,2002:bool" && test) {
      const isTrue = test.test("true");
      out.push({ ...t, test: isTrue ? /^(?:[Yy][Ee][Ss]|[Tt][Rr][Uu][Ee]|[Oo][Nn])$/ : /^(?:[Nn][Oo]|[Ff][Aa][Ll][Ss][Ee]|[Oo][Ff][Ff])$/ } as typeof t);
    } else if (t.tag === "tag:yaml.org,2002:float" && "format" in t && t.format === "EXP") {
      out.push({ ...t, test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*[eE][-+][0-9]+$/ } as typeof t);
    } else if (t.tag === "tag:yaml.org,2002:timestamp") {
      out.push({
        ...t,
        resolve: (str: string) => {
          throw new HieraDataError(`Tried to load unspecified class: ${/[Tt ]\d/.test(str) ? "Time" : "Date"}`);
        },
      } as typeof t);
    } else out.push(t);
  }
  return out;
}

/** Parses YAML text into a value with Psych's scalar rules (parseyaml(), data files). */
export function parseYamlValue(text: string): Value {
  const doc = parseDocument(text, { intAsBigInt: true, version: "1.1", merge: true, uniqueKeys: false, customTags: psychTags });
  if (doc.errors.length > 0) throw new HieraDataError(doc.errors[0]!.message.split("\n")[0]!);
  return jsToValue(doc.toJS({ mapAsMap: true, maxAliasCount: -1 }));
}

/** Parses YAML text (a data file) into a hash; an empty file is an empty hash. */
export function parseYamlData(text: string, path: string): PHash {
  let v: Value;
  try {
    const doc = parseDocument(text, { intAsBigInt: true, version: "1.1", merge: true, uniqueKeys: false, customTags: psychTags });
    if (doc.errors.length > 0) {
      const e = doc.errors[0]!;
      throw new HieraDataError(e.message.split("\n")[0]!);
    }
    v = jsToValue(doc.toJS({ mapAsMap: true, maxAliasCount: -1 }));
  } catch (e) {
    throw new HieraDataError(`Unable to parse (${path}): ${(e as Error).message}`);
  }
  if (v === null) return new PHash();
  if (!(v instanceof PHash)) throw new HieraDataError(`${path}: file does not contain a valid yaml hash`);
  return v;
}

/** Parses JSON text (a data file) into a hash. */
export function parseJsonData(text: string, path: string): PHash {
  try {
    JSON.parse(text);
  } catch (e) {
    throw new HieraDataError(`Unable to parse (${path}): ${(e as Error).message}`);
  }
  const doc = parseDocument(text, { intAsBigInt: true, version: "1.2", uniqueKeys: false });
  const v = jsToValue(doc.toJS({ mapAsMap: true }));
  if (v === null) return new PHash();
  if (!(v instanceof PHash)) throw new HieraDataError(`${path}: file does not contain a valid json hash`);
  return v;
}
