// puppet-lint's variable_scope on the AST: inside a class or defined type, an unqualified variable
// must be a parameter, assigned somewhere in the same definition, a lambda parameter of an
// enclosing lambda, or one of Puppet's automatic variables. Unlike puppet-lint's token scan,
// lambda parameters are scoped to their lambda body, not to the lines it spans.
import type { Node, Parameter } from "../../ast/nodes.js";
import { childNodes } from "../ast-walk.js";
import { defineRule } from "../rule.js";

export const AUTOMATIC_VARIABLES: ReadonlySet<string> = new Set([
  "name", "title", "module_name", "environment", "clientcert", "clientversion", "servername", "serverip", "serverversion",
  "caller_module_name", "alias", "audit", "before", "loglevel", "noop", "notify", "require", "schedule", "stage",
  "subscribe", "tag", "facts", "trusted", "server_facts",
]);

/** Names assigned anywhere under `n` (not descending into nested definitions). */
export function assignedNames(n: Node, out: Set<string>): void {
  const stack: Node[] = [n];
  while (stack.length) {
    const x = stack.pop()!;
    if (x.kind === "AssignmentExpression") {
      const left = x.left;
      if (left.kind === "VariableExpression") out.add(left.name);
      else if (left.kind === "LiteralList") for (const v of left.values) if (v.kind === "VariableExpression") out.add(v.name);
    }
    for (const c of childNodes(x)) {
      if (c.kind === "HostClassDefinition" || c.kind === "ResourceTypeDefinition" || c.kind === "FunctionDefinition") continue;
      stack.push(c);
    }
  }
}

export default defineRule({
  meta: { name: "variable_scope", level: "warning", enabled: true, fixable: false, origin: "puppet-lint", description: "Unqualified variable in a class or defined type that is neither a parameter nor assigned there (a top-scope variable used without `$::`)." },
  check(ctx) {
    for (const def of ctx.nodes) {
      if (def.kind !== "HostClassDefinition" && def.kind !== "ResourceTypeDefinition") continue;
      const known = new Set<string>(AUTOMATIC_VARIABLES);
      for (const p of def.parameters) known.add(p.name);
      assignedNames(def, known);
      const visit = (n: Node, lambdaScopes: ReadonlySet<string>[]): void => {
        if (n.kind === "VariableExpression") {
          const name = n.name;
          if (name.includes("::") || /^\d+$/.test(name) || known.has(name) || lambdaScopes.some((s) => s.has(name))) return;
          ctx.report({ start: n.span.start, end: n.span.end, message: "top-scope variable being used without an explicit namespace" });
          return;
        }
        if (n.kind === "AssignmentExpression" && n.left.kind === "VariableExpression") {
          visit(n.right, lambdaScopes);
          return;
        }
        if (n.kind === "LambdaExpression") {
          const scope = new Set(n.parameters.map((p: Parameter) => p.name));
          for (const p of n.parameters) if (p.value) visit(p.value, lambdaScopes);
          visit(n.body, [...lambdaScopes, scope]);
          return;
        }
        if (n.kind === "Parameter") {
          if (n.value) visit(n.value, lambdaScopes);
          if (n.typeExpr) visit(n.typeExpr, lambdaScopes);
          return;
        }
        for (const c of childNodes(n)) {
          if (c.kind === "HostClassDefinition" || c.kind === "ResourceTypeDefinition" || c.kind === "FunctionDefinition") continue;
          visit(c, lambdaScopes);
        }
      };
      for (const p of def.parameters) visit(p, []);
      visit(def.body, []);
    }
  },
});
