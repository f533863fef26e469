// The relationship graph: containment, metaparameter relationships and autorequires, ordered
// topologically with catalog order breaking ties, as Puppet's transaction orders them.
//
// Every leaf resource is one vertex; every container (stage, class, node, defined-type instance)
// is two, a start and an end (Puppet's admissible/completed whits): start -> each child -> end.
// An edge to or from a container therefore applies to everything inside it.
import { parseRef, refKey, type CatalogNode, type LoadedCatalog } from "./catalog.js";

export interface Relationship {
  readonly source: number; // catalog index
  readonly target: number;
  /** notify/subscribe: the target is refreshed when the source changes. */
  readonly refresh: boolean;
  readonly origin: "before" | "require" | "notify" | "subscribe" | "autorequire";
}

export interface GraphProblem {
  readonly message: string;
  readonly node?: CatalogNode;
}

export interface ResourceGraph {
  readonly vertexCount: number;
  /** Successors and predecessors of each vertex. */
  readonly out: number[][];
  readonly in: number[][];
  readonly relationships: Relationship[];
  /** Vertices in apply order (only when there is no cycle). */
  readonly order?: number[];
  /** Each cycle as the catalog indexes of the resources on it, in order. */
  readonly cycles: number[][];
  /** Vertex -> vertices its events are sent to along notify/subscribe (tail of source -> head of target). */
  readonly callouts: Map<number, number[]>;
}

/** Vertex ids: a leaf i is 2i; a container i is 2i (start) and 2i+1 (end). */
export const vertexOf = {
  head: (n: CatalogNode): number => 2 * n.index,
  tail: (n: CatalogNode): number => (n.isContainer ? 2 * n.index + 1 : 2 * n.index),
};

export function nodeOfVertex(v: number): number {
  return v >> 1;
}

const RELATIONSHIP_PARAMS = ["before", "require", "notify", "subscribe"] as const;

/** Resolves the references of a relationship metaparameter; unresolvable ones become problems. */
function references(catalog: LoadedCatalog, node: CatalogNode, param: string, problems: GraphProblem[]): number[] {
  const out: number[] = [];
  const value = node.params[param];
  if (value === undefined || value === null) return out;
  for (const item of [value].flat(Infinity)) {
    const ref = typeof item === "string" ? parseRef(item) : undefined;
    const idx = ref ? catalog.byKey.get(refKey(ref.type, ref.title)) : undefined;
    if (idx === undefined) {
      problems.push({ node, message: `Could not find resource '${String(item)}' for relationship ${param === "before" || param === "notify" ? "from" : "on"} '${node.ref}'` });
      continue;
    }
    out.push(idx);
  }
  return out;
}

class MinHeap {
  private readonly a: number[] = [];
  constructor(private readonly key: (v: number) => number) {}
  get size(): number {
    return this.a.length;
  }
  push(v: number): void {
    const a = this.a;
    a.push(v);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.key(a[p]!) <= this.key(a[i]!)) break;
      [a[p], a[i]] = [a[i]!, a[p]!];
      i = p;
    }
  }
  pop(): number {
    const a = this.a;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.key(a[l]!) < this.key(a[m]!)) m = l;
        if (r < a.length && this.key(a[r]!) < this.key(a[m]!)) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}

export function buildGraph(
  catalog: LoadedCatalog,
  autorequires: (node: CatalogNode) => number[],
): { graph: ResourceGraph; problems: GraphProblem[] } {
  const problems: GraphProblem[] = [];
  const nodes = catalog.nodes;
  const vertexCount = 2 * nodes.length;
  const out: number[][] = Array.from({ length: vertexCount }, () => []);
  const inn: number[][] = Array.from({ length: vertexCount }, () => []);
  const edgeSet = new Set<number>();
  const addEdge = (a: number, b: number): void => {
    const k = a * vertexCount + b;
    if (a === b || edgeSet.has(k)) return;
    edgeSet.add(k);
    out[a]!.push(b);
    inn[b]!.push(a);
  };
  // Containment.
  for (const n of nodes) {
    if (!n.isContainer) continue;
    addEdge(vertexOf.head(n), vertexOf.tail(n));
    for (const c of n.children) {
      addEdge(vertexOf.head(n), vertexOf.head(nodes[c]!));
      addEdge(vertexOf.tail(nodes[c]!), vertexOf.tail(n));
    }
  }
  // Metaparameter relationships.
  const relationships: Relationship[] = [];
  const explicit = new Set<string>();
  for (const n of nodes) {
    for (const p of RELATIONSHIP_PARAMS) {
      for (const other of references(catalog, n, p, problems)) {
        const forward = p === "before" || p === "notify";
        const rel: Relationship = forward
          ? { source: n.index, target: other, refresh: p === "notify", origin: p }
          : { source: other, target: n.index, refresh: p === "subscribe", origin: p };
        relationships.push(rel);
        explicit.add(`${rel.source}>${rel.target}`);
      }
    }
  }
  // Autorequires never override an explicit relationship the other way round (Puppet skips them).
  for (const n of nodes) {
    if (n.isContainer) continue;
    for (const dep of autorequires(n)) {
      if (dep === n.index || explicit.has(`${n.index}>${dep}`) || explicit.has(`${dep}>${n.index}`)) continue;
      relationships.push({ source: dep, target: n.index, refresh: false, origin: "autorequire" });
    }
  }
  for (const r of relationships) addEdge(vertexOf.tail(nodes[r.source]!), vertexOf.head(nodes[r.target]!));

  // Refresh events travel along notify/subscribe between the whits, as in Puppet's graph.
  const callouts = new Map<number, number[]>();
  for (const r of relationships) {
    if (!r.refresh) continue;
    const from = vertexOf.tail(nodes[r.source]!);
    const to = vertexOf.head(nodes[r.target]!);
    const list = callouts.get(from) ?? [];
    if (!list.includes(to)) list.push(to);
    callouts.set(from, list);
  }

  // Kahn's algorithm; ties go to the earlier resource in the catalog (start before end).
  const indeg = inn.map((l) => l.length);
  const used = (v: number): boolean => (v & 1) === 0 || nodes[v >> 1]!.isContainer;
  const heap = new MinHeap((v) => v);
  for (let v = 0; v < vertexCount; v++) if (used(v) && indeg[v] === 0) heap.push(v);
  const order: number[] = [];
  while (heap.size) {
    const v = heap.pop();
    order.push(v);
    for (const w of out[v]!) if (--indeg[w]! === 0) heap.push(w);
  }
  let usedCount = 0;
  for (let v = 0; v < vertexCount; v++) if (used(v)) usedCount++;
  const cycles = order.length === usedCount ? [] : findCycles(out, indeg, vertexCount);
  return {
    graph: { vertexCount, out, in: inn, relationships, order: cycles.length ? undefined : order, cycles, callouts },
    problems,
  };
}

/** Strongly connected components among the vertices Kahn's algorithm could not order (Tarjan). */
function findCycles(out: number[][], indeg: number[], n: number): number[][] {
  const remaining = (v: number): boolean => indeg[v]! > 0;
  let counter = 0;
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const stack: number[] = [];
  const onStack = new Set<number>();
  const sccs: number[][] = [];
  for (let root = 0; root < n; root++) {
    if (!remaining(root) || index.has(root)) continue;
    // Iterative Tarjan: frames of [vertex, next successor position].
    const frames: [number, number][] = [[root, 0]];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (frames.length) {
      const frame = frames[frames.length - 1]!;
      const [v, i] = frame;
      const succ = out[v]!;
      if (i < succ.length) {
        frame[1]++;
        const w = succ[i]!;
        if (!remaining(w)) continue;
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          frames.push([w, 0]);
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
        continue;
      }
      frames.pop();
      if (frames.length) {
        const p = frames[frames.length - 1]![0];
        low.set(p, Math.min(low.get(p)!, low.get(v)!));
      }
      if (low.get(v) === index.get(v)) {
        const comp: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
        } while (w !== v);
        if (comp.length > 1) sccs.push(comp);
      }
    }
  }
  // One concrete cycle per component: walk successors inside it until a vertex repeats.
  return sccs.map((comp) => {
    const inComp = new Set(comp);
    const start = Math.min(...comp);
    const path: number[] = [];
    const seen = new Map<number, number>();
    let v = start;
    while (!seen.has(v)) {
      seen.set(v, path.length);
      path.push(v);
      v = out[v]!.filter((w) => inComp.has(w)).sort((a, b) => a - b)[0]!;
    }
    const cycle = path.slice(seen.get(v)!);
    cycle.push(v);
    // Vertices -> resources, without repeating a container's start and end.
    const resources: number[] = [];
    for (const x of cycle) {
      const r = nodeOfVertex(x);
      if (resources[resources.length - 1] !== r) resources.push(r);
    }
    return resources;
  });
}

/** A Graphviz DOT string literal. */
function q(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** The graph as Graphviz DOT: resources and their ordering edges (containers as clusters' ends). */
export function graphToDot(catalog: LoadedCatalog, graph: ResourceGraph): string {
  const name = (v: number): string => {
    const n = catalog.nodes[nodeOfVertex(v)]!;
    return n.isContainer ? `${(v & 1) === 0 ? "Admissible" : "Completed"}_${n.ref}` : n.ref;
  };
  const lines = ["digraph Relationships {", '  label = "Relationships";', "  rankdir = LR;"];
  for (let v = 0; v < graph.vertexCount; v++) {
    const n = catalog.nodes[nodeOfVertex(v)]!;
    if ((v & 1) === 1 && !n.isContainer) continue;
    lines.push(`  ${q(name(v))} [label=${q(name(v))}${n.isContainer ? ", shape=point" : ", shape=box"}];`);
  }
  const refreshing = new Set(graph.relationships.filter((r) => r.refresh).map((r) => `${vertexOf.tail(catalog.nodes[r.source]!)}>${vertexOf.head(catalog.nodes[r.target]!)}`));
  for (let v = 0; v < graph.vertexCount; v++) {
    for (const w of graph.out[v]!) lines.push(`  ${q(name(v))} -> ${q(name(w))}${refreshing.has(`${v}>${w}`) ? ' [label="~>", style=bold]' : ""};`);
  }
  lines.push("}");
  return lines.join("\n") + "\n";
}

/** Only the resources on dependency cycles and the edges between them (Puppet's cycles.dot). */
export function cyclesToDot(catalog: LoadedCatalog, graph: ResourceGraph): string {
  const on = new Set(graph.cycles.flat());
  const lines = ["digraph Resource_Cycles {", '  label = "Resource Cycles";'];
  for (const i of on) lines.push(`  ${q(catalog.nodes[i]!.ref)} [shape=box];`);
  for (const c of graph.cycles) for (let k = 0; k + 1 < c.length; k++) lines.push(`  ${q(catalog.nodes[c[k]!]!.ref)} -> ${q(catalog.nodes[c[k + 1]!]!.ref)};`);
  lines.push("}");
  return lines.join("\n") + "\n";
}

/** The catalog's containment tree (Puppet's resources.dot). */
export function resourcesToDot(catalog: LoadedCatalog): string {
  const lines = ["digraph Resources {", '  label = "Resources";'];
  for (const n of catalog.nodes) lines.push(`  ${q(n.ref)} [shape=${n.isContainer ? "ellipse" : "box"}];`);
  for (const n of catalog.nodes) for (const c of n.children) lines.push(`  ${q(n.ref)} -> ${q(catalog.nodes[c]!.ref)};`);
  lines.push("}");
  return lines.join("\n") + "\n";
}

/** Resource-to-resource ordering with the containers' whits contracted (expanded_relationships.dot). */
export function expandedToDot(catalog: LoadedCatalog, graph: ResourceGraph): string {
  const isLeaf = (v: number): boolean => (v & 1) === 0 && !catalog.nodes[nodeOfVertex(v)]!.isContainer;
  const lines = ["digraph Expanded_Relationships {", '  label = "Expanded Relationships";', "  rankdir = LR;"];
  for (let v = 0; v < graph.vertexCount; v += 2) if (isLeaf(v)) lines.push(`  ${q(catalog.nodes[nodeOfVertex(v)]!.ref)} [shape=box];`);
  for (let v = 0; v < graph.vertexCount; v += 2) {
    if (!isLeaf(v)) continue;
    // The nearest leaves after v, walking through container vertices.
    const seen = new Set<number>();
    const stack = [...graph.out[v]!];
    const next = new Set<number>();
    while (stack.length) {
      const w = stack.pop()!;
      if (seen.has(w)) continue;
      seen.add(w);
      if (isLeaf(w)) next.add(w);
      else stack.push(...graph.out[w]!);
    }
    for (const w of next) lines.push(`  ${q(catalog.nodes[nodeOfVertex(v)]!.ref)} -> ${q(catalog.nodes[nodeOfVertex(w)]!.ref)};`);
  }
  lines.push("}");
  return lines.join("\n") + "\n";
}
