// Hiera 5 lookups over the global, environment and module layers (section 3.13).
import { readFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import fg from "fast-glob";
import { PHash, type Value } from "../values.js";
import { PType, describeMismatch, newFromType, parseTypeString, toJsRegExp } from "../../typecheck/types.js";
import { type HieraConfig, type HierarchyLevel, defaultConfig, readConfig } from "./config.js";
import { HieraDataError, parseJsonData, parseYamlData } from "./data.js";
import { type HieraScope, dig, interpolateString, interpolateValue, isGlobalTemplate, splitDottedKey } from "./interpolate.js";
import { FIRST, type MergeStrategy, mergeTwo, parseMerge } from "./merge.js";

export { HieraDataError };

/** Hiera lookup failure with Puppet's message (the evaluator adds location). */
export class LookupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LookupError";
  }
}

export interface HieraOptions {
  /** The environment directory (its hiera.yaml, or the default `data/common.yaml`). */
  readonly environmentDir?: string;
  /** A global hiera.yaml (none in the conformance setup). */
  readonly globalConfigPath?: string;
  /** The directory of module `name` on the modulepath, if such a module exists. */
  moduleDir(name: string): string | undefined;
  /** Resolves type alias names in `convert_to` / type strings. */
  lookupType?(name: string): PType | undefined;
}

/** A lookup() call, as parsed from its arguments (see functions/lookup.ts). */
export interface LookupRequest {
  readonly names: readonly string[];
  readonly valueType?: PType;
  /** Merge given to lookup() (string or options hash); overrides lookup_options. */
  readonly merge?: Value;
  /** Present when a default value (or default block) was given. */
  readonly defaultValue?: { readonly value: Value } | { readonly compute: (name: string) => Value };
}

const NOT_FOUND: unique symbol = Symbol("not found");
type Found = Value | typeof NOT_FOUND;

interface Layer {
  readonly name: "global" | "environment" | "module";
  readonly config: HieraConfig;
  /** For a module layer: the module name (only keys in its namespace are looked up). */
  readonly module?: string;
}

export class Hiera {
  private readonly fileCache = new Map<string, PHash | null>();
  private readonly layerCache = new Map<string, Layer | null>();
  private readonly locationCache = new Map<string, string[]>();
  private readonly locationKeys = new WeakMap<object, string | null>();
  private readonly optionsCache = new Map<string, PHash>();
  /** Keys being looked up (to report recursion in interpolation). */
  private readonly active: string[] = [];

  constructor(private readonly opts: HieraOptions) {}

  // ------------------------------------------------------------ public API
  /**
   * `lookup()`: the first name with a value wins; merge from the request, else lookup_options, else
   * first. Throws LookupError "Function lookup() did not find a value for the name 'x'".
   */
  lookup(req: LookupRequest, scope: HieraScope): Value {
    for (const name of req.names) {
      const v = this.lookupKey(name, req.merge, scope);
      if (v !== NOT_FOUND) return this.checkType(req, name, v);
    }
    const name = req.names[0] ?? "";
    if (req.defaultValue) {
      const v = "value" in req.defaultValue ? req.defaultValue.value : req.defaultValue.compute(name);
      return this.checkType(req, name, v, true);
    }
    if (req.names.length > 1) throw new LookupError(`Function lookup() did not find a value for any of the names [${req.names.map((n) => `'${n}'`).join(", ")}]`);
    throw new LookupError(`Function lookup() did not find a value for the name '${name}'`);
  }

  /** Automatic class parameter lookup of `class::param`; `found: false` when there is no data. */
  lookupClassParameter(key: string, scope: HieraScope): { found: true; value: Value } | { found: false } {
    const v = this.lookupKey(key, undefined, scope);
    return v === NOT_FOUND ? { found: false } : { found: true, value: v };
  }

  /** Whether any value exists (for `lookup(k, undef, undef, default)` style checks). */
  has(key: string, scope: HieraScope): boolean {
    return this.lookupKey(key, undefined, scope) !== NOT_FOUND;
  }

  // ------------------------------------------------------------ internals
  private checkType(req: LookupRequest, name: string, v: Value, isDefault = false): Value {
    if (req.valueType) {
      const m = describeMismatch(req.valueType, v);
      if (m) {
        if (isDefault) throw new LookupError(`Default value has wrong type, ${m}`);
        throw new LookupError(`Found value has wrong type, ${m}`);
      }
    }
    void name;
    return v;
  }

  private layers(key: string): Layer[] {
    const out: Layer[] = [];
    if (this.opts.globalConfigPath) {
      const g = this.layer(`g:${this.opts.globalConfigPath}`, () => {
        const c = readConfig(this.opts.globalConfigPath!);
        return c ? { name: "global", config: c } : null;
      });
      if (g) out.push(g);
    }
    if (this.opts.environmentDir) {
      const dir = this.opts.environmentDir;
      const e = this.layer(`e:${dir}`, () => ({ name: "environment", config: readConfig(join(dir, "hiera.yaml")) ?? defaultConfig(dir) }));
      if (e) out.push(e);
    }
    const segs = key.replace(/^::/, "").split("::");
    if (segs.length > 1) {
      const mod = segs[0]!;
      const m = this.layer(`m:${mod}`, () => {
        const dir = this.opts.moduleDir(mod);
        if (!dir) return null;
        const c = readConfig(join(dir, "hiera.yaml"));
        return c ? { name: "module", config: c, module: mod } : null;
      });
      if (m) out.push(m);
    }
    return out;
  }

  private layer(cacheKey: string, make: () => Layer | null): Layer | null {
    let l = this.layerCache.get(cacheKey);
    if (l === undefined) {
      l = make();
      this.layerCache.set(cacheKey, l);
    }
    return l;
  }

  private lookupKey(name: string, mergeArg: Value | undefined, scope: HieraScope): Found {
    const segs = splitDottedKey(name);
    const root = segs[0]!;
    const rest = segs.slice(1);
    if (this.active.includes(name)) {
      throw new LookupError(`Lookup of key '${this.active[0]}' failed: Recursive lookup detected in [${this.active.join(", ")}]`);
    }
    this.active.push(name);
    try {
      let strategy: MergeStrategy = FIRST;
      let convertTo: Value | undefined;
      const opts = root === "lookup_options" ? undefined : this.lookupOptionsFor(root, scope);
      if (opts) {
        const m = opts.get("merge");
        if (m !== undefined) strategy = parseMerge(m);
        convertTo = opts.get("convert_to");
      }
      if (mergeArg !== undefined && mergeArg !== null) strategy = parseMerge(mergeArg);
      let acc = NOT_FOUND as Found;
      for (const layer of this.layers(root)) {
        for (const level of layer.config.hierarchy) {
          for (const file of this.levelFiles(level, scope)) {
            const data = this.readData(file, level);
            if (!data || !data.has(root)) continue;
            let v: Value | undefined = data.get(root) as Value;
            if (level.backend === "eyaml_lookup_key" && containsEncrypted(v)) {
              throw new HieraDataError(`Lookup of key '${root}' failed: the value in ${file} is eyaml-encrypted (ENC[...]); cfg cannot decrypt eyaml data`);
            }
            v = interpolateValue(v, scope, (k) => this.interpolationLookup(k, scope));
            if (rest.length > 0) {
              v = dig(v, rest);
              if (v === undefined) continue;
            }
            if (strategy.strategy === "first") return this.convert(v, convertTo);
            acc = acc === NOT_FOUND ? (strategy.strategy === "unique" && !Array.isArray(v) ? [v] : v) : mergeTwo(strategy, acc, v);
          }
        }
      }
      if (acc === NOT_FOUND) return NOT_FOUND;
      if (strategy.strategy === "unique" && Array.isArray(acc)) acc = mergeTwo(strategy, acc, []);
      return this.convert(acc, convertTo);
    } finally {
      this.active.pop();
    }
  }

  private interpolationLookup(key: string, scope: HieraScope): Value | undefined {
    const v = this.lookupKey(key, undefined, scope);
    return v === NOT_FOUND ? undefined : v;
  }

  private convert(v: Value, convertTo: Value | undefined): Value {
    if (convertTo === undefined || convertTo === null) return v;
    let typeSpec: Value = convertTo;
    let args: Value[] = [];
    if (Array.isArray(convertTo)) {
      typeSpec = convertTo[0] ?? null;
      args = convertTo.slice(1);
    }
    const t = typeSpec instanceof PType ? typeSpec : typeof typeSpec === "string" ? parseTypeString(typeSpec, (n) => this.opts.lookupType?.(n)) : undefined;
    if (!t) return v;
    return newFromType(t, [v, ...args]);
  }

  /** lookup_options for `key`: the merged lookup_options hashes of all layers (deep), then match. */
  private lookupOptionsFor(key: string, scope: HieraScope): PHash | undefined {
    const all = this.allLookupOptions(key, scope);
    if (all.size === 0) return undefined;
    const exact = all.get(key);
    if (exact instanceof PHash) return exact;
    for (const [k, v] of all) {
      if (typeof k === "string" && k.startsWith("^") && v instanceof PHash) {
        try {
          if (toJsRegExp(k).test(key)) return v;
        } catch {
          /* invalid pattern: ignored as Puppet reports it elsewhere */
        }
      }
    }
    return undefined;
  }

  private allLookupOptions(key: string, scope: HieraScope): PHash {
    const mod = key.includes("::") ? key.replace(/^::/, "").split("::")[0]! : "";
    const cacheKey = mod;
    const cached = this.optionsCache.get(cacheKey);
    if (cached) return cached;
    let acc = new PHash();
    // Least specific first so that more specific levels win.
    const found: PHash[] = [];
    for (const layer of this.layers(key)) {
      for (const level of layer.config.hierarchy) {
        for (const file of this.levelFiles(level, scope)) {
          const data = this.readData(file, level);
          const lo = data?.get("lookup_options");
          if (lo instanceof PHash) {
            if (layer.name === "module") {
              const filtered = new PHash();
              for (const [k, v] of lo) if (typeof k === "string" && (k.startsWith(`${layer.module}::`) || k.startsWith("^"))) filtered.set(k, v);
              found.push(filtered);
            } else found.push(lo);
          }
        }
      }
    }
    for (let i = found.length - 1; i >= 0; i--) acc = mergeTwo({ strategy: "deep" }, found[i]!, acc) as PHash;
    // Only node-global interpolation is cacheable; hierarchies are usually that.
    this.optionsCache.set(cacheKey, acc);
    return acc;
  }

  /** The existing data files of a hierarchy level, in order, for this scope. */
  private levelFiles(level: HierarchyLevel, scope: HieraScope): string[] {
    const out: string[] = [];
    for (const loc of level.locations) {
      // The cache key of a location whose files depend only on node-global data, else null.
      let ck = this.locationKeys.get(loc);
      if (ck === undefined) {
        const cacheable = isGlobalTemplate(loc.template) && (loc.kind !== "mapped" || /^(facts|trusted|::)/.test(loc.variable));
        ck = cacheable ? `${level.datadir}\u0000${loc.kind}\u0000${loc.template}` : null;
        this.locationKeys.set(loc, ck);
      }
      const cacheable = ck !== null;
      const cached = cacheable ? this.locationCache.get(ck!) : undefined;
      if (cached) {
        for (let i = 0; i < cached.length; i++) out.push(cached[i]!);
        continue;
      }
      const files: string[] = [];
      const noLookup = (): Value | undefined => undefined;
      if (loc.kind === "path") {
        const p = interpolateString(loc.template, scope, noLookup);
        const f = resolve(level.datadir, String(p));
        if (existsSync(f)) files.push(f);
      } else if (loc.kind === "glob") {
        const p = String(interpolateString(loc.template, scope, noLookup));
        const matches = fg.sync(p, { cwd: level.datadir, absolute: true, onlyFiles: true }).sort();
        files.push(...matches);
      } else {
        const segs = splitDottedKey(loc.variable);
        let v = scope.variable(segs[0]!);
        v = dig(v, segs.slice(1));
        const items: Value[] = Array.isArray(v) ? v : v instanceof PHash ? [...v.keys()] : v === undefined || v === null ? [] : [v];
        for (const item of items) {
          const keyVar = loc.keyVar;
          const sub: HieraScope = { variable: (n) => (n === keyVar ? item : scope.variable(n)) };
          const p = interpolateString(loc.template, sub, noLookup);
          const f = resolve(level.datadir, String(p));
          if (existsSync(f)) files.push(f);
        }
      }
      if (cacheable) this.locationCache.set(ck!, files);
      out.push(...files);
    }
    return out;
  }

  private readData(file: string, level: HierarchyLevel): PHash | null {
    let d = this.fileCache.get(file);
    if (d !== undefined) return d;
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      this.fileCache.set(file, null);
      return null;
    }
    switch (level.backend) {
      case "yaml_data":
      case "eyaml_lookup_key":
        // eyaml files are YAML; only their ENC[...] values need keys (checked when found).
        d = parseYamlData(text, file);
        break;
      case "json_data":
        d = parseJsonData(text, file);
        break;
      default:
        throw new HieraDataError(`Hiera backend '${level.backend}' (hierarchy level '${level.name}') is not supported by cfg`);
    }
    this.fileCache.set(file, d);
    return d;
  }
}

function containsEncrypted(v: Value): boolean {
  if (typeof v === "string") return /ENC\[/.test(v);
  if (Array.isArray(v)) return v.some(containsEncrypted);
  if (v instanceof PHash) return [...v.values()].some(containsEncrypted);
  return false;
}

/** Parses lookup()'s arguments like Puppet's dispatches: (name(s), type?, merge?, default?) or options hash. */
export function parseLookupArgs(args: readonly Value[], lookupType?: (n: string) => PType | undefined): LookupRequest {
  const toType = (v: Value | undefined): PType | undefined => (v instanceof PType ? v : typeof v === "string" ? parseTypeString(v, lookupType) : undefined);
  const names = (v: Value | undefined): string[] => (Array.isArray(v) ? v.map(String) : typeof v === "string" ? [v] : []);
  const first = args[0];
  if (first instanceof PHash) {
    const h = first;
    return fromOptions(names(h.get("name")), h, toType);
  }
  if (args[1] instanceof PHash) return fromOptions(names(first), args[1], toType);
  const req: { names: string[]; valueType?: PType; merge?: Value; defaultValue?: { value: Value } } = { names: names(first) };
  if (args.length > 1 && args[1] !== null) req.valueType = toType(args[1]);
  if (args.length > 2 && args[2] !== null) req.merge = args[2];
  if (args.length > 3) req.defaultValue = { value: args[3]! };
  return req;
}

function fromOptions(names: string[], h: PHash, toType: (v: Value | undefined) => PType | undefined): LookupRequest {
  const req: { names: string[]; valueType?: PType; merge?: Value; defaultValue?: { value: Value } } = { names: names.length > 0 ? names : [] };
  const n = h.get("name");
  if (req.names.length === 0 && n !== undefined) req.names = Array.isArray(n) ? n.map(String) : [String(n)];
  const vt = h.get("value_type");
  if (vt !== undefined && vt !== null) req.valueType = toType(vt);
  const m = h.get("merge");
  if (m !== undefined && m !== null) req.merge = m;
  if (h.has("default_value")) req.defaultValue = { value: h.get("default_value")! };
  return req;
}
