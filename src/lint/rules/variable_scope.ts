// puppet-lint's variable_scope on the AST: inside a class or defined type, an unqualified variable
// must be a parameter, assigned somewhere in the same definition, a lambda parameter of an
// enclosing lambda, or one of Puppet's automatic variables. Unlike puppet-lint's token scan,
// lambda parameters are scoped to their lambda body, not to the lines it spans, and parameter
// default values are checked too.
import type { Node } from "../../ast/nodes.js";
import { forEachChild } from "../../ast/walk.js";
import { defineRule } from "../rule.js";

export const AUTOMATIC_VARIABLES: ReadonlySet<string> = new Set([
  "name", "title", "module_name", "environment", "clientcert", "clientversion", "servername", "serverip", "serverversion",
  "caller_module_name", "alias", "audit", "before", "loglevel", "noop", "notify", "require", "schedule", "stage",
  "subscribe", "tag", "facts", "trusted", "server_facts",
]);

const NESTED_SCOPES = new Set(["HostClassDefinition", "ResourceTypeDefinition", "FunctionDefinition"]);

interface Frame {
  readonly node: Node;
  /** Lambda parameter names visible here (innermost last), shared between siblings. */
  readonly lambdas: readonly ReadonlySet<string>[];
}

export default defineRule({
  meta: { name: "variable_scope", level: "warning", enabled: true, fixable: false, origin: "puppet-lint", description: "Unqualified variable in a class or defined type that is neither a parameter nor assigned there (a top-scope variable used without `$::`)." },
  check(ctx) {
    for (const def of ctx.nodes) {
      if (def.kind !== "HostClassDefinition" && def.kind !== "ResourceTypeDefinition") continue;
      const known = new Set<string>(AUTOMATIC_VARIABLES);
      for (const p of def.parameters) known.add(p.name);
      const refs: { node: Node & { name: string }; lambdas: readonly ReadonlySet<string>[] }[] = [];
      // One walk: collect assignments (anywhere in the definition, as puppet-lint) and references.
      const stack: Frame[] = [];
      const none: readonly ReadonlySet<string>[] = [];
      for (const p of def.parameters) stack.push({ node: p, lambdas: none });
      stack.push({ node: def.body, lambdas: none });
      while (stack.length) {
        const { node: n, lambdas } = stack.pop()!;
        switch (n.kind) {
          case "VariableExpression":
            refs.push({ node: n, lambdas });
            continue;
          case "AssignmentExpression": {
            const targets = n.left.kind === "LiteralList" ? n.left.values : [n.left];
            for (const t of targets) if (t.kind === "VariableExpression") known.add(t.name);
            stack.push({ node: n.right, lambdas });
            continue;
          }
          case "LambdaExpression": {
            const inner = [...lambdas, new Set(n.parameters.map((p) => p.name))];
            for (const p of n.parameters) if (p.value) stack.push({ node: p.value, lambdas });
            stack.push({ node: n.body, lambdas: inner });
            continue;
          }
          case "Parameter":
            if (n.value) stack.push({ node: n.value, lambdas });
            if (n.typeExpr) stack.push({ node: n.typeExpr, lambdas });
            continue;
          default:
            forEachChild(n, (c, ls) => {
              if (!NESTED_SCOPES.has(c.kind)) stack.push({ node: c, lambdas: ls });
            }, lambdas);
        }
      }
      refs.sort((a, b) => a.node.span.start - b.node.span.start);
      for (const { node: n, lambdas } of refs) {
        const name = n.name;
        if (name.includes("::") || known.has(name) || /^\d+$/.test(name) || lambdas.some((s) => s.has(name))) continue;
        ctx.report({ start: n.span.start, end: n.span.end, message: "top-scope variable being used without an explicit namespace" });
      }
    }
  },
});
