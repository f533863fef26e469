// Shared by the typecheck-powered rules: class and defined-type declaration sites.
import type { AttributeOp, Expression, Node } from "../../ast/nodes.js";

export function normalizeName(s: string): string {
  return s.toLowerCase().replace(/^::/, "");
}

/** Literal class names in `include x`, `contain [x, y]`, `require x`, `class { 'x': }`. */
export function classReferences(nodes: readonly Node[]): { name: string; node: Expression }[] {
  const out: { name: string; node: Expression }[] = [];
  const take = (e: Expression): void => {
    if (e.kind === "LiteralString" || e.kind === "QualifiedName") out.push({ name: normalizeName(e.value), node: e });
    else if (e.kind === "LiteralList") e.values.forEach(take);
  };
  for (const n of nodes) {
    if (n.kind === "CallNamedFunctionExpression" && n.functor.kind === "QualifiedName" && ["include", "contain", "require"].includes(n.functor.value)) n.args.forEach(take);
    else if (n.kind === "ResourceExpression" && n.typeName.kind === "QualifiedName" && n.typeName.value === "class") for (const b of n.bodies) take(b.title);
  }
  return out;
}

export interface Declaration {
  readonly kind: "class" | "defined type";
  readonly name: string;
  readonly typeNode: Expression;
  readonly operations: readonly AttributeOp[];
  readonly titleNode: Expression;
}

/** Resource-style declarations: `class { 'x': ... }` and `x::y { 't': ... }` (not built-in types). */
export function declarations(nodes: readonly Node[]): Declaration[] {
  const out: Declaration[] = [];
  for (const n of nodes) {
    if (n.kind !== "ResourceExpression" || n.typeName.kind !== "QualifiedName") continue;
    const type = normalizeName(n.typeName.value);
    for (const b of n.bodies) {
      if (type === "class") {
        if (b.title.kind === "LiteralString" || b.title.kind === "QualifiedName") out.push({ kind: "class", name: normalizeName(b.title.value), typeNode: n.typeName, operations: b.operations, titleNode: b.title });
      } else out.push({ kind: "defined type", name: type, typeNode: n.typeName, operations: b.operations, titleNode: b.title });
    }
  }
  return out;
}
