// Static checks used by cfg lint's typecheck-powered rules: literal values against declared
// parameter types (with the type model of src/typecheck/types), and scope facts (assignments and
// references per class / defined type / function body, lambdas being nested scopes).
import type { Expression, Node } from "../ast/nodes.js";
import type { Value } from "../compiler/values.js";
import { childNodes } from "../ast/walk.js";
import { describeMismatch, isCoreTypeName, parseTypeString } from "./types.js";

/** The value of a literal expression, or undefined when it is not a literal. */
export function literalValue(e: Expression): Value | undefined {
  switch (e.kind) {
    case "LiteralString":
      return e.value;
    case "LiteralInteger":
      return e.value;
    case "LiteralFloat":
      return e.value;
    case "LiteralBoolean":
      return e.value;
    case "LiteralUndef":
      return null;
    case "UnaryMinusExpression": {
      const v = literalValue(e.expr);
      return typeof v === "bigint" ? -v : typeof v === "number" ? -v : undefined;
    }
    case "LiteralList": {
      const out: Value[] = [];
      for (const x of e.values) {
        const v = literalValue(x);
        if (v === undefined) return undefined;
        out.push(v);
      }
      return out;
    }
    default:
      return undefined;
  }
}

/**
 * Why a literal does not match a type written as `typeText`, or undefined when it matches, is not
 * a literal, or the type uses names other than core types (aliases are not resolved here).
 */
export function literalMismatch(typeText: string, value: Expression): string | undefined {
  const names = typeText.match(/\b[A-Z][\w]*(?:::[A-Z]\w*)*/g) ?? [];
  if (!names.every((n) => isCoreTypeName(n))) return undefined;
  const v = literalValue(value);
  if (v === undefined) return undefined;
  try {
    const t = parseTypeString(typeText);
    return describeMismatch(t, v);
  } catch {
    return undefined;
  }
}

const SCOPE_KINDS = new Set(["HostClassDefinition", "ResourceTypeDefinition", "FunctionDefinition", "NodeDefinition"]);

export interface ScopeFacts {
  /** Assignments in this scope (not in nested lambdas): name -> offsets of the assigned variable. */
  readonly assigned: Map<string, { start: number; end: number }[]>;
  /** References anywhere inside (lambdas included): name -> offsets. */
  readonly referenced: Map<string, { start: number; end: number }[]>;
  /** True when the body calls template()/epp() and friends, which read variables by name. */
  readonly usesTemplates: boolean;
}

const TEMPLATE_FUNCTIONS = new Set(["template", "inline_template", "epp", "inline_epp", "getvar", "defined"]);

/** Assignments and references of a definition's body (nested definitions excluded). */
export function scopeFacts(def: Node): ScopeFacts {
  const assigned = new Map<string, { start: number; end: number }[]>();
  const referenced = new Map<string, { start: number; end: number }[]>();
  let usesTemplates = false;
  const add = (m: Map<string, { start: number; end: number }[]>, k: string, s: { start: number; end: number }): void => {
    const l = m.get(k);
    if (l) l.push(s);
    else m.set(k, [s]);
  };
  const visit = (n: Node, inLambda: boolean): void => {
    if (n !== def && SCOPE_KINDS.has(n.kind)) return;
    if (n.kind === "AssignmentExpression") {
      const targets = n.left.kind === "LiteralList" ? n.left.values : [n.left];
      for (const t of targets) if (t.kind === "VariableExpression" && !inLambda) add(assigned, t.name, t.span);
      for (const t of targets) if (t.kind !== "VariableExpression") visit(t, inLambda);
      visit(n.right, inLambda);
      return;
    }
    if (n.kind === "VariableExpression") {
      add(referenced, n.name, n.span);
      return;
    }
    if (n.kind === "CallNamedFunctionExpression" && n.functor.kind === "QualifiedName" && TEMPLATE_FUNCTIONS.has(n.functor.value)) usesTemplates = true;
    if (n.kind === "LambdaExpression") {
      for (const c of childNodes(n)) visit(c, true);
      return;
    }
    for (const c of childNodes(n)) visit(c, inLambda);
  };
  visit(def, false);
  return { assigned, referenced, usesTemplates };
}
