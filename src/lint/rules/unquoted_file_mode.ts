import { defineRule } from "../rule.js";
import { resourceTypeName, tokenAt } from "./token-util.js";

export default defineRule({
  meta: { name: "unquoted_file_mode", level: "warning", enabled: true, fixable: true, origin: "puppet-lint", description: "File mode written as a bare number or word instead of a string." },
  check(ctx) {
    for (const n of ctx.nodes) {
      if (n.kind !== "ResourceExpression") continue;
      const type = resourceTypeName(n.typeName);
      if (type !== "file" && type !== "concat") continue;
      for (const body of n.bodies) {
        for (const op of body.operations) {
          if (op.kind !== "AttributeOperation" || op.attributeName !== "mode") continue;
          const t = tokenAt(ctx.layout, op.valueExpr.span.start);
          if (!t || (t.type !== "NAME" && t.type !== "NUMBER")) continue;
          ctx.report({ start: t.start, end: t.end, message: "unquoted file mode", fix: [{ start: t.start, end: t.end, text: `'${t.text}'` }] });
        }
      }
    }
  },
});
