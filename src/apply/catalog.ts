// Reads Puppet's catalog JSON (from `cfg compile` or real Puppet) into plain data for the engine:
// resources in catalog order, their containers, and Sensitive values unwrapped and remembered.

export interface CatalogNode {
  /** Position in the catalog: the tie-breaker of the apply order (Puppet's manifest order). */
  readonly index: number;
  /** Capitalised per segment: "File", "Apache::Vhost", "Class". */
  readonly type: string;
  readonly title: string;
  /** "File[/etc/motd]", "Class[Apache]". */
  readonly ref: string;
  readonly params: Record<string, unknown>;
  readonly sensitive: Set<string>;
  readonly file?: string;
  readonly line?: number;
  readonly tags: string[];
  /** Stage, Class, Node and defined-type instances: they group resources and are never applied. */
  isContainer: boolean;
  /** Index of the containing resource (from the catalog's containment edges): the first one. */
  parent?: number;
  /** Every container (a contained class has two: its stage and the class that contains it). */
  readonly parents: number[];
  readonly children: number[];
}

export interface LoadedCatalog {
  readonly name: string;
  readonly environment: string;
  readonly version: unknown;
  readonly catalogUuid?: string;
  readonly codeId?: unknown;
  readonly nodes: CatalogNode[];
  /** Reference key (see refKey) -> node index, including aliases. */
  readonly byKey: Map<string, number>;
}

export interface CatalogProblem {
  readonly message: string;
  readonly ref?: string;
  readonly file?: string;
  readonly line?: number;
}

/** "apache::vhost" -> "Apache::Vhost". */
export function capitalizeType(type: string): string {
  return type
    .split("::")
    .map((s) => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s))
    .join("::");
}

/** The lookup key of a reference: types and class titles are case-insensitive in Puppet. */
export function refKey(type: string, title: string): string {
  const t = type.toLowerCase();
  return `${t}[${t === "class" ? title.toLowerCase().replace(/^::/, "") : title}]`;
}

/** Parses "File[/x]" or "Class[Foo::Bar]"; undefined when not a reference. */
export function parseRef(text: string): { type: string; title: string } | undefined {
  const m = /^([A-Za-z_][\w]*(?:::[A-Za-z_][\w]*)*)\[(.*)\]$/s.exec(text.trim());
  if (!m) return undefined;
  let title = m[2]!;
  // Real Puppet writes some references with a quoted title ("File['/x']"); accept both.
  if (/^'.*'$|^".*"$/s.test(title)) title = title.slice(1, -1);
  return { type: m[1]!, title };
}

function unwrapRich(value: unknown, onSensitive: () => void): unknown {
  if (Array.isArray(value)) return value.map((v) => unwrapRich(v, onSensitive));
  if (value !== null && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (o.__ptype === "Sensitive") {
      onSensitive();
      return unwrapRich(o.__pvalue, onSensitive);
    }
    if (typeof o.__ptype === "string" && "__pvalue" in o) return unwrapRich(o.__pvalue, onSensitive);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = unwrapRich(v, onSensitive);
    return out;
  }
  return value;
}

const CONTAINER_TYPES = new Set(["Stage", "Class", "Node", "Component", "Whit"]);

/** Reads a catalog object; problems are everything wrong with its shape (nothing is applied then). */
export function loadCatalog(data: unknown): { catalog?: LoadedCatalog; problems: CatalogProblem[] } {
  const problems: CatalogProblem[] = [];
  if (data === null || typeof data !== "object" || Array.isArray(data)) return { problems: [{ message: "the catalog is not a JSON object" }] };
  // Puppet's indirector wraps catalogs as {"document_type": "Catalog", "data": {...}} in some places.
  let c = data as Record<string, unknown>;
  if (c.document_type === "Catalog" && c.data && typeof c.data === "object") c = c.data as Record<string, unknown>;
  if (!Array.isArray(c.resources)) return { problems: [{ message: "the catalog has no 'resources' array" }] };
  const nodes: CatalogNode[] = [];
  const byKey = new Map<string, number>();
  for (const [i, raw] of (c.resources as unknown[]).entries()) {
    if (raw === null || typeof raw !== "object") {
      problems.push({ message: `resource #${i + 1} is not an object` });
      continue;
    }
    const r = raw as Record<string, unknown>;
    if (typeof r.type !== "string" || typeof r.title !== "string" && typeof r.title !== "number") {
      problems.push({ message: `resource #${i + 1} has no type or title` });
      continue;
    }
    // Exported resources are not applied where they are declared (Puppet's to_ral drops them).
    if (r.exported === true) continue;
    const type = capitalizeType(r.type);
    const title = String(r.title);
    const sensitive = new Set<string>(Array.isArray(r.sensitive_parameters) ? (r.sensitive_parameters as unknown[]).map(String) : []);
    const params: Record<string, unknown> = {};
    if (r.parameters && typeof r.parameters === "object") {
      for (const [k, v] of Object.entries(r.parameters as Record<string, unknown>)) params[k] = unwrapRich(v, () => sensitive.add(k));
    }
    const kind = typeof r.kind === "string" ? r.kind : undefined;
    const node: CatalogNode = {
      index: nodes.length,
      type,
      title,
      ref: `${type}[${title}]`,
      params,
      sensitive,
      file: typeof r.file === "string" ? r.file : undefined,
      line: typeof r.line === "number" ? r.line : undefined,
      tags: Array.isArray(r.tags) ? (r.tags as unknown[]).map(String) : [],
      isContainer: CONTAINER_TYPES.has(type) || kind === "defined_type" || kind === "class",
      parents: [],
      children: [],
    };
    const key = refKey(type, title);
    if (byKey.has(key)) {
      problems.push({ message: `Duplicate declaration: ${node.ref} appears twice in the catalog`, ref: node.ref, file: node.file, line: node.line });
      continue;
    }
    byKey.set(key, node.index);
    nodes.push(node);
  }
  for (const n of nodes) {
    for (const a of [n.params.alias].flat()) {
      if (typeof a === "string" && a !== n.title) {
        const k = refKey(n.type, a);
        if (byKey.has(k) && byKey.get(k) !== n.index) problems.push({ message: `Cannot alias ${n.ref} to '${a}': the name is already in use`, ref: n.ref, file: n.file, line: n.line });
        else byKey.set(k, n.index);
      }
    }
  }
  for (const e of Array.isArray(c.edges) ? (c.edges as unknown[]) : []) {
    const edge = e as Record<string, unknown> | null;
    if (!edge || typeof edge.source !== "string" || typeof edge.target !== "string") {
      problems.push({ message: `invalid edge ${JSON.stringify(e)}` });
      continue;
    }
    const s = parseRef(edge.source);
    const t = parseRef(edge.target);
    const si = s && byKey.get(refKey(s.type, s.title));
    const ti = t && byKey.get(refKey(t.type, t.title));
    if (si === undefined || ti === undefined) {
      problems.push({ message: `containment edge ${edge.source} => ${edge.target} names a resource that is not in the catalog` });
      continue;
    }
    const child = nodes[ti]!;
    // A contained class (`contain`) has two containers: its stage and the class containing it.
    // Both order it; its path and event bubbling follow the first (the stage), as Puppet's do.
    if (child.parent === undefined) child.parent = si;
    if (!nodes[si]!.children.includes(ti)) {
      nodes[si]!.children.push(ti);
      child.parents.push(si);
    }
    nodes[si]!.isContainer = true;
  }
  return {
    catalog: {
      name: typeof c.name === "string" ? c.name : "unknown",
      environment: typeof c.environment === "string" ? c.environment : "production",
      version: c.version,
      catalogUuid: typeof c.catalog_uuid === "string" ? c.catalog_uuid : undefined,
      codeId: c.code_id,
      nodes,
      byKey,
    },
    problems,
  };
}

/** Puppet's path of a resource: "/Stage[main]/Main/File[/x]" (classes by title, "main" as "Main"). */
export function containmentPath(catalog: LoadedCatalog, node: CatalogNode): string[] {
  const label = node.type === "Class" ? capitalizeType(node.title) : node.ref;
  const parent = node.parent === undefined ? undefined : catalog.nodes[node.parent];
  if (!parent) return [label];
  // A container's path is shared by all it contains: made once (never handed out, so never mutated).
  let prefix = containerPaths.get(parent);
  if (!prefix) containerPaths.set(parent, (prefix = containmentPath(catalog, parent)));
  return [...prefix, label];
}
const containerPaths = new WeakMap<CatalogNode, string[]>();
