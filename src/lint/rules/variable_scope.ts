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

export default defineRule({
  meta: { name: "variable_scope", level: "warning", enabled: true, fixable: false, origin: "puppet-lint", description: "Unqualified variable in a class or defined type that is neither a parameter nor assigned there (a top-scope variable used without `$::`)." },
  check(ctx) {
    for (const def of ctx.nodes) {
      if (def.kind !== "HostClassDefinition" && def.kind !== "ResourceTypeDefinition") continue;
      const known = new Set<string>(); // besides AUTOMATIC_VARIABLES
      for (const p of def.parameters) known.add(p.name);
      const refs: { node: Node & { name: string }; lambdas: readonly ReadonlySet<string>[] }[] = [];
      // One walk: collect assignments (anywhere in the definition, as puppet-lint) and references.
      // Two parallel stacks (node; the lambda parameter names visible there, innermost last, shared
      // between siblings) rather than an object per frame.
      const nodes: Node[] = [];
      const scopes: (readonly ReadonlySet<string>[])[] = [];
      const push = (node: Node, lambdas: readonly ReadonlySet<string>[]): void => {
        nodes.push(node);
        scopes.push(lambdas);
      };
      const pushChild = (c: Node, lambdas: readonly ReadonlySet<string>[]): void => {
        if (!NESTED_SCOPES.has(c.kind)) push(c, lambdas);
      };
      const none: readonly ReadonlySet<string>[] = [];
      for (const p of def.parameters) push(p, none);
      push(def.body, none);
      while (nodes.length) {
        const n = nodes.pop()!;
        const lambdas = scopes.pop()!;
        switch (n.kind) {
          case "VariableExpression":
            // Only names that may need reporting: qualified, automatic and match variables never do.
            if (!n.name.includes("::") && !AUTOMATIC_VARIABLES.has(n.name) && !/^\d+$/.test(n.name)) refs.push({ node: n, lambdas });
            continue;
          case "AssignmentExpression": {
            const targets = n.left.kind === "LiteralList" ? n.left.values : [n.left];
            for (const t of targets) if (t.kind === "VariableExpression") known.add(t.name);
            push(n.right, lambdas);
            continue;
          }
          case "LambdaExpression": {
            const inner = [...lambdas, new Set(n.parameters.map((p) => p.name))];
            for (const p of n.parameters) if (p.value) push(p.value, lambdas);
            push(n.body, inner);
            continue;
          }
          case "Parameter":
            if (n.value) push(n.value, lambdas);
            if (n.typeExpr) push(n.typeExpr, lambdas);
            continue;
          default:
            forEachChild(n, pushChild, lambdas);
        }
      }
      const unknown = refs.filter(({ node: n, lambdas }) => !known.has(n.name) && !lambdas.some((s) => s.has(n.name)));
      unknown.sort((a, b) => a.node.span.start - b.node.span.start);
      for (const { node: n } of unknown) {
        ctx.report({ start: n.span.start, end: n.span.end, message: "top-scope variable being used without an explicit namespace" });
      }
    }
  },
});
