// Entry point of the compiler: manifest or environment dir + node + facts -> Puppet's catalog JSON.
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { createDiagnostic } from "../diagnostics/diagnostic.js";
import { PHash, PRegexp, PSensitive, DEFAULT, type Value } from "./values.js";
import { PClassType, PResourceType, PType, inferType } from "../typecheck/types.js";
import { PuppetEvalError, valueToString } from "./value-ops.js";
import { EvalError, Evaluator, type Resource } from "./evaluator.js";
import { LookupError, HieraDataError } from "./hiera/index.js";

export interface CompileOptions {
  path: string;
  nodeName: string;
  facts: Record<string, unknown>;
  modulepath?: string[];
  environment?: string;
}

export interface CompileResult {
  catalog?: unknown;
  diagnostics: Diagnostic[];
  log: string[];
  /** The failure as Puppet prints it ("Error: Evaluation Error: ... on node x"), for errors. */
  puppetError?: string;
}

/**
 * A Float whose value is integral (Puppet prints `1.0`, JavaScript would print `1`). Catalog objects
 * hold other Floats as numbers, Integers as numbers when safe and as JsonBigInt beyond 2^53.
 */
export class JsonFloat {
  constructor(readonly value: number) {}
  /** Plain JSON.stringify prints the number; the catalog printer (prettyJson) prints it with its fraction. */
  toJSON(): number {
    return this.value;
  }
  valueOf(): number {
    return this.value;
  }
}
/**
 * A Hash with integer-like keys ("80"), whose order a JavaScript object would not keep. Serialised
 * in order by the catalog printer (prettyJson); as a plain object (order lost) by JSON.stringify elsewhere.
 */
export class JsonOrderedHash {
  constructor(
    readonly entries: readonly [string, unknown][],
    readonly object: Record<string, unknown>,
  ) {}
  toJSON(): unknown {
    return this.object;
  }
}

/** An Integer outside JavaScript's safe range (printed exactly). */
export class JsonBigInt {
  constructor(readonly value: bigint) {}
  toJSON(): number {
    return Number(this.value);
  }
}

/**
 * Puppet's conversion of parameter values to catalog data, with its warnings for values that are
 * not Data. Puppet builds the path of each warning by appending to a message prefix that it never
 * resets, so the paths grow from one warning to the next within a resource; reproduced as is.
 */
interface DataContext {
  resource: Resource;
  /** The message prefix (the resource's reference, then the paths of earlier warnings); made on the first warning. */
  prefix?: string;
  path: (string | number)[];
  warnings: string[];
  /** Set when the data holds a JsonFloat, JsonBigInt or JsonOrderedHash (JSON.stringify would lose it). */
  exact?: boolean;
}

function pathText(path: readonly (string | number)[]): string {
  return path.map((p) => (typeof p === "number" ? `[${p}]` : `['${p}']`)).join("");
}

function warnData(ctx: DataContext | undefined, what: string, asString: string): void {
  if (!ctx) return;
  ctx.prefix = (ctx.prefix ?? ctx.resource.ref) + pathText(ctx.path);
  const r = ctx.resource;
  const where = r.file !== undefined ? ` (file: ${r.file}, line: ${r.line})` : "";
  ctx.warnings.push(`Warning: ${ctx.prefix} contains ${what}. It will be converted to the String '${asString}'${where}`);
}

function toJson(v: Value, ctx?: DataContext): unknown {
  if (v === null) return null;
  if (v === DEFAULT) {
    warnData(ctx, "the special value default", "default");
    return "default";
  }
  if (typeof v === "bigint") {
    if (v >= -9007199254740991n && v <= 9007199254740991n) return Number(v);
    if (ctx) ctx.exact = true;
    return new JsonBigInt(v);
  }
  if (typeof v === "number") {
    if (!Number.isInteger(v) || Math.abs(v) >= 1e16) return Number.isFinite(v) ? v : null;
    if (ctx) ctx.exact = true;
    return new JsonFloat(v);
  }
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (Array.isArray(v)) {
    return v.map((x, i) => {
      ctx?.path.push(i);
      try {
        return toJson(x, ctx);
      } finally {
        ctx?.path.pop();
      }
    });
  }
  if (v instanceof PHash) {
    const o: Record<string, unknown> = {};
    let integerLike = false;
    const entries: [string, unknown][] = [];
    for (const [k, x] of v) {
      const key = typeof k === "string" ? k : valueToString(k);
      if (typeof k !== "string") {
        const tn = inferType(k).generalize().shortName();
        warnData(ctx, `a hash with ${/^[AEIOU]/.test(tn) ? "an" : "a"} ${tn} key`, key);
      }
      if (/^(0|[1-9]\d{0,9})$/.test(key)) integerLike = true;
      ctx?.path.push(key);
      let jv: unknown;
      try {
        jv = toJson(x, ctx);
      } finally {
        ctx?.path.pop();
      }
      o[key] = jv;
      entries.push([key, jv]);
    }
    // JavaScript objects list integer-like keys first; Puppet keeps insertion order.
    if (!integerLike) return o;
    if (ctx) ctx.exact = true;
    return new JsonOrderedHash(entries, o);
  }
  if (v instanceof PSensitive) return toJson(v.value, ctx);
  if (v instanceof PResourceType && v.title !== undefined) return v.referenceString();
  if (v instanceof PClassType && v.className !== undefined) return v.referenceString();
  if (v instanceof PRegexp) {
    warnData(ctx, "a Regexp value", `/${v.source}/`);
    return `/${v.source}/`;
  }
  if (v instanceof PType) {
    const n = v.name;
    warnData(ctx, `${/^[AEIOU]/.test(n) ? "an" : "a"} ${n}-Type value`, v.toString());
    return v.toString();
  }
  return valueToString(v);
}

/**
 * JSON text as `JSON.stringify(v, null, 2)` prints it, indented by `pad` (or as `JSON.stringify(v)`
 * when `pad` is undefined), except for the compiler's exact numbers: a JsonFloat keeps its fraction
 * (`1.0`), a JsonBigInt prints all its digits, and a JsonOrderedHash keeps its key order (on one
 * line, as `{"k": v, ...}` with compact values).
 * Written out rather than built on JSON.stringify with a replacer: a replacer runs for every value
 * and a post-pass over the text cost more than the printing itself.
 */
function prettyJson(v: unknown, pad: string | undefined): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v !== "object" || v === null) return scalarJson(v);
  if (v instanceof JsonFloat) return v.value.toFixed(1);
  if (v instanceof JsonBigInt) return v.value.toString();
  if (v instanceof JsonOrderedHash) return `{${v.entries.map(([k, x]) => `${JSON.stringify(k)}: ${prettyJson(x, undefined)}`).join(", ")}}`;
  if (!Array.isArray(v) && typeof (v as { toJSON?: unknown }).toJSON === "function") return prettyJson((v as { toJSON(): unknown }).toJSON(), pad);
  const inner = pad === undefined ? undefined : pad + "  ";
  const sep = inner === undefined ? "" : "\n" + inner;
  let out = "";
  if (Array.isArray(v)) {
    // JSON prints what it cannot represent in an array as null.
    for (let i = 0; i < v.length; i++) out += (i ? "," : "") + sep + (unrepresentable(v[i]) ? "null" : prettyJson(v[i], inner));
    return v.length ? `[${out}${pad === undefined ? "" : "\n" + pad}]` : "[]";
  }
  const o = v as Record<string, unknown>;
  for (const k in o) {
    const x = o[k];
    if (unrepresentable(x)) continue;
    out += (out ? "," : "") + sep + JSON.stringify(k) + (pad === undefined ? ":" : ": ") + prettyJson(x, inner);
  }
  return out ? `{${out}${pad === undefined ? "" : "\n" + pad}}` : "{}";
}

/** What JSON.stringify leaves out of an object (and prints as null in an array). */
function unrepresentable(x: unknown): boolean {
  return x === undefined || typeof x === "function" || typeof x === "symbol";
}

/** Numbers, booleans and null as JSON prints them (a non-finite number is null). */
function scalarJson(v: unknown): string {
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "null";
  if (typeof v === "boolean") return v ? "true" : "false";
  return "null";
}

/**
 * The JSON text of a catalog in pieces (one per resource and edge), so that a 100k-resource
 * catalog is written without building one huge string. Joined, the pieces are the pretty-printed
 * JSON (2-space indent) with Puppet's Integer/Float distinction.
 */
export function* catalogChunks(catalog: unknown): Generator<string> {
  const o = catalog as Record<string, unknown>;
  const keys = Object.keys(o);
  yield "{";
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const v = o[k];
    const sep = i < keys.length - 1 ? "," : "";
    if (Array.isArray(v) && v.length > 0 && (k === "resources" || k === "edges")) {
      yield `\n  ${JSON.stringify(k)}: [`;
      yield* itemChunks(k, v);
      yield `\n  ]${sep}`;
    } else yield `\n  ${JSON.stringify(k)}: ${prettyJson(v, "  ")}${sep}`;
  }
  yield "\n}";
}

/** Resources and edges known to hold only what JSON.stringify prints as Puppet does (no exact numbers). */
const plainData = new WeakSet<object>();
const BATCH = 500;

/**
 * The items of the catalog's `key` array, each as `\n    {...}` with a comma after all but the last.
 * Runs of plain items are printed by one native JSON.stringify call (much faster than printing
 * item by item): `{"key": [run]}` pretty-printed puts the items at the catalog's indentation, and
 * its first and last lines are cut off.
 */
function* itemChunks(key: string, items: readonly unknown[]): Generator<string> {
  const head = `{\n  ${JSON.stringify(key)}: [`.length;
  const tail = "\n  ]\n}".length;
  let i = 0;
  while (i < items.length) {
    let j = i;
    while (j < items.length && j - i < BATCH && plainData.has(items[j] as object)) j++;
    if (j > i) {
      const text = JSON.stringify({ [key]: items.slice(i, j) }, null, 2);
      yield text.slice(head, text.length - tail) + (j < items.length ? "," : "");
      i = j;
    } else {
      yield `\n    ${prettyJson(items[i], "    ")}${i < items.length - 1 ? "," : ""}`;
      i++;
    }
  }
}

/**
 * The catalog as plain data, exactly what `JSON.parse(stringifyCatalog(catalog))` gives (numbers
 * as JavaScript numbers, fresh objects), without printing and re-reading the text.
 */
export function catalogData(v: unknown): unknown {
  if (typeof v !== "object" || v === null) return typeof v === "number" ? plainNumber(v) : v;
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      out[i] = unrepresentable(x) ? null : catalogData(x);
    }
    return out;
  }
  if (v instanceof JsonFloat) return plainNumber(v.value);
  if (v instanceof JsonBigInt) return Number(v.value);
  if (v instanceof JsonOrderedHash) return catalogData(Object.fromEntries(v.entries));
  if (typeof (v as { toJSON?: unknown }).toJSON === "function") return catalogData((v as { toJSON(): unknown }).toJSON());
  const o = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k in o) {
    const x = o[k];
    if (unrepresentable(x)) continue;
    out[k] = catalogData(x);
  }
  return out;
}

/** A number as its JSON text reads back: -0 prints as 0, and what JSON cannot print as null. */
function plainNumber(n: number): number | null {
  return n === 0 ? 0 : Number.isFinite(n) ? n : null;
}

export function stringifyCatalog(v: unknown): string {
  return [...catalogChunks(v)].join("");
}

function plainEdge(source: string, target: string): { source: string; target: string } {
  const e = { source, target };
  plainData.add(e);
  return e;
}

function resourceJson(r: Resource, warnings: string[]): Record<string, unknown> {
  const o: Record<string, unknown> = { type: r.type, title: r.title, tags: r.tags };
  if (r.file !== undefined) {
    o.file = r.file;
    o.line = r.line;
  }
  o.exported = r.exported;
  o.kind = r.kind;
  const params: Record<string, unknown> = {};
  let count = 0;
  let sensitive: string[] | undefined;
  const ctx: DataContext = { resource: r, path: [], warnings };
  for (const k of r.params.keys()) {
    const v = r.params.get(k)!;
    if (v === null) continue;
    if (v instanceof PSensitive) (sensitive ??= []).push(k);
    ctx.path.push(k);
    params[k] = toJson(v, ctx);
    ctx.path.pop();
    count++;
  }
  if (sensitive) o.sensitive_parameters = sensitive;
  if (count) o.parameters = params;
  if (!ctx.exact) plainData.add(o);
  return o;
}

function readEnvConf(envDir: string): { modulepath?: string[]; manifest?: string } {
  const p = join(envDir, "environment.conf");
  if (!existsSync(p)) return {};
  const out: { modulepath?: string[]; manifest?: string } = {};
  for (const line of readFileSync(p, "utf8").split("\n")) {
    const m = /^\s*(\w+)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m) continue;
    if (m[1] === "modulepath") out.modulepath = m[2]!.split(":").filter((x) => !x.includes("$")).map((x) => resolve(envDir, x));
    if (m[1] === "manifest") out.manifest = resolve(envDir, m[2]!);
  }
  return out;
}

export function compile(opts: CompileOptions): CompileResult {
  const abs = resolve(opts.path);
  let envDir: string;
  let manifest: string;
  if (existsSync(abs) && statSync(abs).isDirectory() && existsSync(join(abs, "manifests"))) {
    envDir = abs;
    manifest = join(abs, "manifests");
  } else {
    manifest = abs;
    envDir = dirname(abs);
    if (/\/manifests$/.test(envDir)) envDir = dirname(envDir);
  }
  try {
    envDir = realpathSync(envDir);
    manifest = realpathSync(manifest);
  } catch {
    /* reported below */
  }
  if (!existsSync(manifest)) {
    return { diagnostics: [createDiagnostic("CFG5300", { args: { message: `No such manifest or environment: ${opts.path}` } })], log: [] };
  }
  const conf = readEnvConf(envDir);
  if (conf.manifest) manifest = conf.manifest;
  const modulepath = opts.modulepath?.map((p) => resolve(p)) ?? conf.modulepath ?? [join(envDir, "modules")];
  const environment = opts.environment ?? "production";
  const ev = new Evaluator({ envDir, manifest, modulepath, nodeName: opts.nodeName, facts: opts.facts, environment });
  try {
    ev.run();
  } catch (e) {
    const d = toDiagnostic(e, opts.nodeName, environment);
    const path = ev.evaluationPath();
    return { diagnostics: [path ? { ...d, help: `evaluated in ${path}` } : d], log: ev.logs, puppetError: puppetErrorText(e, opts.nodeName) };
  }
  const resources = ev.resources.filter((r) => !r.virtual);
  const dataWarnings: string[] = [];
  const live = new Set(resources);
  const tags = [...ev.catalogTags];
  const catalog = {
    tags,
    name: opts.nodeName,
    version: 0,
    code_id: null,
    catalog_uuid: "00000000-0000-0000-0000-000000000000",
    catalog_format: 2,
    environment,
    resources: resources.map((r) => resourceJson(r, dataWarnings)),
    edges: ev.edges.filter(([a, b]) => live.has(a) && live.has(b)).map(([a, b]) => plainEdge(a.ref, b.ref)),
    classes: ev.classes,
  };
  return { catalog, diagnostics: [], log: [...ev.logs, ...dataWarnings] };
}

function locText(e: EvalError): string {
  return e.locationText();
}

export function puppetErrorText(e: unknown, node: string): string {
  if (e instanceof EvalError) {
    const x = e as EvalError & { parseError?: boolean; where?: string };
    if (x.parseError) {
      const p = e.file && e.span ? e.file.position(e.span.start) : undefined;
      const atEnd = e.file && e.span && e.span.start >= e.file.text.length;
      const loc = atEnd || !p ? ` (file: ${e.file?.path})` : ` (file: ${e.file!.path}, line: ${p.line}, column: ${p.column})`;
      return `Error: Could not parse for environment production: ${e.message}${loc} on node ${node}`;
    }
    if (e.plain) {
      if (e.lineOnly) return `Error: ${e.message} on node ${node}`;
      return `Error: ${e.message}${x.where ? " " + x.where : locText(e)} on node ${node}`;
    }
    return `Error: Evaluation Error: ${e.message}${locText(e)} on node ${node}`;
  }
  if (e instanceof PuppetEvalError || e instanceof LookupError || e instanceof HieraDataError) return `Error: Evaluation Error: ${e.message} on node ${node}`;
  return `Error: ${(e as Error).message ?? String(e)} on node ${node}`;
}

function toDiagnostic(e: unknown, node: string, env = "production"): Diagnostic {
  if (e instanceof EvalError) {
    const x = e as EvalError & { parseError?: boolean };
    return createDiagnostic(x.parseError ? "CFG3001" : e.plain ? "CFG4000" : "CFG3000", {
      file: e.file,
      span: e.span,
      args: { message: e.message, environment: env },
      related: e.related ? [e.related] : undefined,
    });
  }
  if (e instanceof PuppetEvalError || e instanceof LookupError || e instanceof HieraDataError) {
    return createDiagnostic("CFG3000", { args: { message: e.message } });
  }
  void node;
  return createDiagnostic("CFG3000", { args: { message: `internal error: ${(e as Error)?.stack ?? String(e)}` } });
}
