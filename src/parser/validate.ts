// Puppet's static validation (pops/validation/checker4_0.rb) for the rules real code trips, run after
// a clean parse and before evaluation. Messages, severities and positions are Puppet's.
import type * as A from "../ast/nodes.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile, Span } from "../source/source-file.js";
import { childNodes } from "../ast/walk.js";

/** Puppet's LabelProvider: the human name of an expression, with its article. */
export function labelOf(n: A.Node): string {
  switch (n.kind) {
    case "LiteralInteger":
      return "Literal Integer";
    case "LiteralFloat":
      return "Literal Float";
    case "LiteralString":
    case "ConcatenatedString":
    case "HeredocExpression":
      return "String";
    case "LiteralBoolean":
      return "Boolean";
    case "LiteralUndef":
      return "Literal Undef";
    case "LiteralDefault":
      return "'default' expression";
    case "LiteralRegularExpression":
      return "Regular Expression";
    case "LiteralList":
      return "Array Expression";
    case "LiteralHash":
      return "Hash Expression";
    case "QualifiedName":
      return "Name";
    case "QualifiedReference":
      return "Type-Name";
    case "VariableExpression":
      return "Variable";
    case "AccessExpression":
      return "'[]' expression";
    case "ArithmeticExpression":
      return `'${n.operator}' expression`;
    case "ComparisonExpression":
      return `'${n.operator}' expression`;
    case "MatchExpression":
      return `'${n.operator}' expression`;
    case "InExpression":
      return "'in' expression";
    case "AndExpression":
      return "'and' expression";
    case "OrExpression":
      return "'or' expression";
    case "NotExpression":
      return "'!' expression";
    case "UnaryMinusExpression":
      return "Unary Minus";
    case "UnfoldExpression":
      return "Unfold";
    case "SelectorExpression":
      return "Selector";
    case "ParenthesizedExpression":
      return "Parenthesized Expression";
    case "NamedAccessExpression":
      return "'.' expression";
    case "CaseExpression":
      return "'case' statement";
    default:
      return n.kind.replace(/Expression$/, " Expression");
  }
}

function article(label: string): string {
  return /^[aeiouAEIOU]/.test(label) ? `an ${label}` : `a ${label}`;
}

/** Expressions without side effects ("idem"): a value produced and forgotten when not last in a block. */
function isIdem(e: A.Expression): boolean {
  switch (e.kind) {
    case "LiteralString":
    case "LiteralInteger":
    case "LiteralFloat":
    case "LiteralBoolean":
    case "LiteralUndef":
    case "LiteralDefault":
    case "LiteralRegularExpression":
    case "LiteralList":
    case "LiteralHash":
    case "QualifiedName":
    case "QualifiedReference":
    case "VariableExpression":
    case "ConcatenatedString":
    case "HeredocExpression":
    case "ArithmeticExpression":
    case "ComparisonExpression":
    case "MatchExpression":
    case "InExpression":
    case "AndExpression":
    case "OrExpression":
    case "NotExpression":
    case "UnaryMinusExpression":
    case "AccessExpression":
    case "SelectorExpression":
    case "Nop":
      return true;
    case "ParenthesizedExpression":
      return isIdem(e.expr);
    default:
      return false;
  }
}

export function validateProgram(file: SourceFile, program: A.Program, opts: { epp: boolean }): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (span: Span, message: string, severity: "error" | "warning" = "error") =>
    out.push(createDiagnostic(severity === "error" ? "CFG1200" : "CFG1201", { file, span, args: { message } }));

  const checkBlock = (statements: readonly A.Expression[]) => {
    for (let i = 0; i < statements.length - 1; i++) {
      const s = statements[i]!;
      if (isIdem(s)) {
        report(s.span, `This ${labelOf(s)} has no effect. A value was produced and then forgotten (one or more preceding expressions may have the wrong form)`);
      }
    }
  };

  const checkAssignTarget = (target: A.Expression, whole: A.AssignmentExpression) => {
    if (target.kind === "VariableExpression") {
      if (/^\d+$/.test(target.name)) {
        report(whole.span, `Illegal attempt to assign to the numeric match result variable '$${target.name}'. Numeric variables are not assignable`);
      } else if (target.name.includes("::")) {
        report(whole.span, `Illegal attempt to assign to '${target.name}'. Cannot assign to variables in other namespaces`);
      }
      return;
    }
    if (target.kind === "LiteralList" && whole.operator === "=") {
      for (const v of target.values) checkAssignTarget(v, whole);
      return;
    }
    report(whole.span, `Illegal attempt to assign to '${article(labelOf(target))}'. Not an assignable reference`);
  };

  const checkParams = (params: readonly A.Parameter[]) => {
    const seen = new Set<string>();
    for (const p of params) {
      if (seen.has(p.name)) report(p.span, `The parameter '${p.name}' is declared more than once in the parameter list`);
      seen.add(p.name);
    }
  };

  const visit = (n: A.Node, ancestors: A.Node[]) => {
    switch (n.kind) {
      case "Program":
        if (!opts.epp) checkBlock(n.body);
        break;
      case "BlockExpression":
        checkBlock(n.statements);
        break;
      case "AssignmentExpression":
        checkAssignTarget(n.left, n);
        break;
      case "HostClassDefinition":
      case "ResourceTypeDefinition":
      case "NodeDefinition": {
        const ok = ancestors.every((a) => a.kind === "Program" || a.kind === "BlockExpression" || a.kind === "HostClassDefinition");
        if (!ok) report(n.span, "Classes, definitions, and nodes may only appear at toplevel or inside other classes");
        if (n.kind !== "NodeDefinition") checkParams(n.parameters);
        break;
      }
      case "FunctionDefinition":
      case "LambdaExpression":
        checkParams(n.parameters);
        break;
      case "CaseExpression": {
        let seenDefault = false;
        for (const o of n.options) {
          for (const v of o.values) {
            if (v.kind === "LiteralDefault") {
              if (seenDefault) report(v.span, "This 'case' statement already has a 'default' entry - this is a duplicate");
              seenDefault = true;
            }
          }
        }
        break;
      }
      case "SelectorExpression": {
        let seenDefault = false;
        for (const s of n.selectors) {
          if (s.matching.kind === "LiteralDefault") {
            if (seenDefault) report(s.matching.span, "This 'selector' expression already has a 'default' entry - this is a duplicate");
            seenDefault = true;
          }
        }
        break;
      }
      case "LiteralHash": {
        const seen = new Set<string>();
        for (const e of n.entries) {
          const k = e.key;
          if (k.kind === "LiteralString" || k.kind === "LiteralInteger" || k.kind === "LiteralBoolean" || k.kind === "QualifiedName") {
            const key = `${k.kind === "QualifiedName" ? "LiteralString" : k.kind}:${String(k.value)}`;
            if (seen.has(key)) report(k.span, `The key '${String(k.value)}' is declared more than once`, "warning");
            seen.add(key);
          }
        }
        break;
      }
    }
    ancestors.push(n);
    for (const c of childNodes(n)) visit(c, ancestors);
    ancestors.pop();
  };
  visit(program, []);
  return out;
}
