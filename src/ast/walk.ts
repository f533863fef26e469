// Generic traversal of the AST: the children of a node are its node-valued fields (and arrays of
// nodes), in source order. A table per kind (not a for-in over the object, which is slow on the many
// node shapes: it was the hottest function of `cfg validate`); unknown kinds fall back to for-in.
import type { Node } from "./nodes.js";

function isNode(v: unknown): v is Node {
  return typeof v === "object" && v !== null && typeof (v as { kind?: unknown }).kind === "string";
}

/** Child fields per node kind, in source order (Program's `definitions` repeat nodes of `body`). */
const CHILD_KEYS: Readonly<Record<string, readonly string[]>> = {
  Program: ["body"],
  BlockExpression: ["statements"],
  LiteralList: ["values"],
  KeyedEntry: ["key", "value"],
  LiteralHash: ["entries"],
  TextExpression: ["expr"],
  ConcatenatedString: ["segments"],
  HeredocExpression: ["text"],
  UnaryMinusExpression: ["expr"],
  NotExpression: ["expr"],
  UnfoldExpression: ["expr"],
  ParenthesizedExpression: ["expr"],
  ArithmeticExpression: ["left", "right"],
  ComparisonExpression: ["left", "right"],
  MatchExpression: ["left", "right"],
  InExpression: ["left", "right"],
  AndExpression: ["left", "right"],
  OrExpression: ["left", "right"],
  AssignmentExpression: ["left", "right"],
  AccessExpression: ["left", "keys"],
  NamedAccessExpression: ["left", "right"],
  IfExpression: ["test", "then", "else"],
  UnlessExpression: ["test", "then", "else"],
  CaseOption: ["values", "then"],
  CaseExpression: ["test", "options"],
  SelectorEntry: ["matching", "value"],
  SelectorExpression: ["left", "selectors"],
  Parameter: ["typeExpr", "value"],
  LambdaExpression: ["parameters", "returnType", "body"],
  CallNamedFunctionExpression: ["functor", "args", "lambda"],
  CallMethodExpression: ["functor", "args", "lambda"],
  AttributeOperation: ["valueExpr"],
  AttributesOperation: ["expr"],
  ResourceBody: ["title", "operations"],
  ResourceExpression: ["typeName", "bodies"],
  ResourceDefaultsExpression: ["typeRef", "operations"],
  ResourceOverrideExpression: ["resources", "operations"],
  VirtualQuery: ["expr"],
  ExportedQuery: ["expr"],
  CollectExpression: ["typeExpr", "query", "operations"],
  RelationshipExpression: ["left", "right"],
  HostClassDefinition: ["parameters", "body"],
  ResourceTypeDefinition: ["parameters", "body"],
  NodeDefinition: ["hostMatches", "parent", "body"],
  FunctionDefinition: ["parameters", "returnType", "body"],
  TypeAlias: ["typeExpr"],
  TypeMapping: ["typeExpr", "mappingExpr"],
  EppExpression: ["parameters", "body"],
  RenderExpression: ["expr"],
  Nop: [],
  LiteralString: [],
  LiteralInteger: [],
  LiteralFloat: [],
  LiteralBoolean: [],
  LiteralUndef: [],
  LiteralDefault: [],
  LiteralRegularExpression: [],
  QualifiedName: [],
  QualifiedReference: [],
  ReservedWord: [],
  VariableExpression: [],
  RenderStringExpression: [],
};

function genericChildNodes(n: Node): Node[] {
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

/**
 * Calls `f` on each child of `n` in source order, without building an array (the hot walks use
 * this: one array per node was a good part of `cfg validate`'s garbage).
 */
export function forEachChild<C>(n: Node, f: (child: Node, context: C) => void, context: C): void {
  const keys = CHILD_KEYS[n.kind];
  if (keys === undefined) {
    for (const c of genericChildNodes(n)) f(c, context);
    return;
  }
  const rec = n as unknown as Record<string, unknown>;
  for (let i = 0; i < keys.length; i++) {
    const v = rec[keys[i]!];
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) {
      for (let j = 0; j < v.length; j++) if (isNode(v[j])) f(v[j] as Node, context);
    } else if (isNode(v)) f(v, context);
  }
}

export function childNodes(n: Node): Node[] {
  const out: Node[] = [];
  forEachChild(n, pushTo, out);
  return out;
}

function pushTo(child: Node, out: Node[]): void {
  out.push(child);
}

/** Every node under `root` in pre-order (parents before children, children in source order),
 * without allocating a child array per node. */
export function collectNodes(root: Node): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    out.push(n);
    const keys = CHILD_KEYS[n.kind];
    if (keys === undefined) {
      const kids = genericChildNodes(n);
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
      continue;
    }
    const rec = n as unknown as Record<string, unknown>;
    for (let k = keys.length - 1; k >= 0; k--) {
      const v = rec[keys[k]!];
      if (v === undefined || v === null) continue;
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) if (isNode(v[i])) stack.push(v[i] as Node);
      } else if (isNode(v)) stack.push(v);
    }
  }
  return out;
}

/** Depth-first, parents before children. Return false from `enter` to skip a node's children. */
export function walk(n: Node, enter: (n: Node, parent: Node | undefined) => boolean | void, parent?: Node): void {
  if (enter(n, parent) === false) return;
  for (const c of childNodes(n)) walk(c, enter, n);
}
