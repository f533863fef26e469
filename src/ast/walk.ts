// Generic traversal of the AST: the children of a node are the node-valued fields (and arrays of
// nodes) other than `span`, in field order, which is source order for every node kind.
import type { Node } from "./nodes.js";

function isNode(v: unknown): v is Node {
  return typeof v === "object" && v !== null && typeof (v as { kind?: unknown }).kind === "string";
}

export function childNodes(n: Node): Node[] {
  const out: Node[] = [];
  for (const key in n) {
    if (key === "span" || key === "kind" || key === "definitions") continue;
    const v = (n as unknown as Record<string, unknown>)[key];
    if (Array.isArray(v)) {
      for (const x of v) if (isNode(x)) out.push(x);
    } else if (isNode(v)) out.push(v);
  }
  return out;
}

/** Depth-first, parents before children. Return false from `enter` to skip a node's children. */
export function walk(n: Node, enter: (n: Node, parent: Node | undefined) => boolean | void, parent?: Node): void {
  if (enter(n, parent) === false) return;
  for (const c of childNodes(n)) walk(c, enter, n);
}
