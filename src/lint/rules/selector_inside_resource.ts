import { defineRule } from "../rule.js";

export default defineRule({
  meta: { name: "selector_inside_resource", level: "warning", enabled: true, fixable: false, origin: "puppet-lint", description: "Selector (`$x ? { ... }`) used directly as a resource attribute value." },
  check(ctx) {
    for (const n of ctx.nodes) {
      if (n.kind !== "ResourceBody") continue;
      for (const op of n.operations) {
        if (op.kind !== "AttributeOperation") continue;
        const v = op.valueExpr;
        if (v.kind !== "SelectorExpression" || v.left.kind !== "VariableExpression") continue;
        const arrow = ctx.file.text.indexOf(op.operator, op.span.start + op.attributeName.length);
        ctx.report({ start: arrow, end: arrow + 2, message: "selector inside resource block" });
      }
    }
  },
});
