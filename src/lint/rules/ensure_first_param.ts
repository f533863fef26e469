import type { AttributeOperation } from "../../ast/nodes.js";
import { defineRule } from "../rule.js";
import { resourceTypeName } from "./token-util.js";

export default defineRule({
  meta: { name: "ensure_first_param", level: "warning", enabled: true, fixable: true, origin: "puppet-lint", description: "`ensure` is not the first attribute of a resource (the fix swaps it with the first)." },
  check(ctx) {
    const text = ctx.file.text;
    for (const n of ctx.nodes) {
      if (n.kind !== "ResourceExpression" || resourceTypeName(n.typeName) === "class") continue;
      for (const body of n.bodies) {
        const named = body.operations.filter((o): o is AttributeOperation => o.kind === "AttributeOperation");
        const i = named.findIndex((o) => o.attributeName === "ensure");
        if (i <= 0) continue;
        const first = named[0]!;
        const ens = named[i]!;
        const slice = (o: AttributeOperation): string => text.slice(o.span.start, o.span.end);
        ctx.report({
          start: ens.span.start,
          end: ens.span.start + 6,
          message: "ensure found on line but it's not the first attribute",
          fix: [
            { start: first.span.start, end: first.span.end, text: slice(ens) },
            { start: ens.span.start, end: ens.span.end, text: slice(first) },
          ],
        });
      }
    }
  },
});
