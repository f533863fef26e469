// A faster child enumeration than ast/walk.ts's generic for-in (the lint runner walks every node of
// every file): child fields per node kind, in source order. Kinds not listed fall back to the
// generic walk, so a new node kind still works, only more slowly.
import type { Node } from "../ast/nodes.js";
import { childNodes as genericChildNodes } from "../ast/walk.js";

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
  RelationshipExpression: ["left", "right"],
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
  HostClassDefinition: ["parameters", "body"],
  ResourceTypeDefinition: ["parameters", "body"],
  NodeDefinition: ["hostMatches", "parent", "body"],
  FunctionDefinition: ["parameters", "returnType", "body"],
  TypeAlias: ["typeExpr"],
  TypeMapping: ["typeExpr", "mappingExpr"],
  EppExpression: ["parameters", "body"],
  RenderExpression: ["expr"],
};

const LEAVES = new Set([
  "Nop", "LiteralString", "LiteralInteger", "LiteralFloat", "LiteralBoolean", "LiteralUndef", "LiteralDefault",
  "LiteralRegularExpression", "QualifiedName", "QualifiedReference", "ReservedWord", "VariableExpression", "RenderStringExpression",
]);

const EMPTY: Node[] = [];

export function childNodes(n: Node): Node[] {
  const keys = CHILD_KEYS[n.kind];
  if (!keys) return LEAVES.has(n.kind) ? EMPTY : genericChildNodes(n);
  const out: Node[] = [];
  const rec = n as unknown as Record<string, unknown>;
  for (const k of keys) {
    const v = rec[k];
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) for (const x of v) out.push(x as Node);
    else out.push(v as Node);
  }
  return out;
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
    if (!keys) {
      if (!LEAVES.has(n.kind)) {
        const kids = genericChildNodes(n);
        for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
      }
      continue;
    }
    const rec = n as unknown as Record<string, unknown>;
    for (let k = keys.length - 1; k >= 0; k--) {
      const v = rec[keys[k]!];
      if (v === undefined || v === null) continue;
      if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push(v[i] as Node);
      else stack.push(v as Node);
    }
  }
  return out;
}
