// hiera.yaml version 5: defaults (datadir, data_hash, lookup_key, options) and the hierarchy with
// path/paths/glob/globs/mapped_paths (uri/uris are accepted and ignored: no backend uses them here).
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PHash, type Value } from "../values.js";
import { HieraDataError, parseYamlData } from "./data.js";

export type BackendName = "yaml_data" | "json_data" | "hocon_data" | "eyaml_lookup_key" | string;

export type LocationSpec =
  | { readonly kind: "path"; readonly template: string }
  | { readonly kind: "glob"; readonly template: string }
  | { readonly kind: "mapped"; readonly variable: string; readonly keyVar: string; readonly template: string };

export interface HierarchyLevel {
  readonly name: string;
  /** Absolute data directory of this level. */
  readonly datadir: string;
  readonly backend: BackendName;
  /** "data_hash" or "lookup_key" (eyaml); other kinds are reported as unsupported at lookup. */
  readonly backendKind: "data_hash" | "lookup_key" | "data_dig";
  readonly locations: readonly LocationSpec[];
  readonly options: PHash | undefined;
}

export interface HieraConfig {
  readonly path: string;
  readonly hierarchy: readonly HierarchyLevel[];
}

function str(h: PHash, key: string): string | undefined {
  const v = h.get(key);
  return typeof v === "string" ? v : undefined;
}

function strings(v: Value | undefined): string[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === "string");
  return typeof v === "string" ? [v] : [];
}

/** The default environment/module config when there is no hiera.yaml: `data/common.yaml`. */
export function defaultConfig(root: string): HieraConfig {
  return {
    path: resolve(root, "hiera.yaml"),
    hierarchy: [{ name: "Common", datadir: resolve(root, "data"), backend: "yaml_data", backendKind: "data_hash", locations: [{ kind: "path", template: "common.yaml" }], options: undefined }],
  };
}

/** Reads a hiera.yaml; undefined when the file does not exist. Throws HieraDataError when invalid. */
export function readConfig(path: string): HieraConfig | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
  return parseConfig(text, path);
}

export function parseConfig(text: string, path: string): HieraConfig {
  const h = parseYamlData(text, path);
  const version = h.get("version");
  if (version !== 5n && version !== 5) {
    if (version === 3n || version === 4n || version === undefined) {
      throw new HieraDataError(`${path}: only hiera.yaml version 5 is supported (found ${version === undefined ? "no version" : `version ${version}`})`);
    }
  }
  const root = dirname(path);
  const defaults = h.get("defaults");
  const d = defaults instanceof PHash ? defaults : new PHash();
  const defDatadir = str(d, "datadir") ?? "data";
  const defBackend = backendOf(d) ?? { kind: "data_hash" as const, name: "yaml_data" };
  const defOptions = d.get("options");
  const levels: HierarchyLevel[] = [];
  const hier = h.get("hierarchy");
  const entries = Array.isArray(hier) ? hier : [];
  for (const e of entries) {
    if (!(e instanceof PHash)) continue;
    const name = str(e, "name") ?? "";
    const be = backendOf(e) ?? defBackend;
    const datadir = resolve(root, str(e, "datadir") ?? defDatadir);
    const locations: LocationSpec[] = [];
    for (const p of strings(e.get("path"))) locations.push({ kind: "path", template: p });
    for (const p of strings(e.get("paths"))) locations.push({ kind: "path", template: p });
    for (const p of strings(e.get("glob"))) locations.push({ kind: "glob", template: p });
    for (const p of strings(e.get("globs"))) locations.push({ kind: "glob", template: p });
    const mp = e.get("mapped_paths");
    if (Array.isArray(mp) && mp.length === 3 && mp.every((x) => typeof x === "string")) {
      locations.push({ kind: "mapped", variable: mp[0] as string, keyVar: mp[1] as string, template: mp[2] as string });
    }
    if (locations.length === 0 && !e.has("uri") && !e.has("uris")) locations.push({ kind: "path", template: `${name}.yaml` });
    const opts = e.get("options") ?? defOptions;
    levels.push({ name, datadir, backend: be.name, backendKind: be.kind, locations, options: opts instanceof PHash ? opts : undefined });
  }
  if (!h.has("hierarchy")) return { path, hierarchy: defaultConfig(root).hierarchy };
  return { path, hierarchy: levels };
}

function backendOf(h: PHash): { kind: "data_hash" | "lookup_key" | "data_dig"; name: string } | undefined {
  for (const kind of ["data_hash", "lookup_key", "data_dig"] as const) {
    const v = str(h, kind);
    if (v !== undefined) return { kind, name: v };
  }
  return undefined;
}
