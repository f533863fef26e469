import { defineRule } from "../rule.js";
import { indentOf, resourceTypeName } from "./token-util.js";

export default defineRule({
  meta: { name: "ensure_not_symlink_target", level: "warning", enabled: true, fixable: true, origin: "puppet-lint", description: "`ensure => '/path'` on a file (the fix writes `ensure => symlink, target => '/path'`)." },
  check(ctx) {
    const text = ctx.file.text;
    for (const n of ctx.nodes) {
      if (n.kind !== "ResourceExpression" || resourceTypeName(n.typeName) !== "file") continue;
      for (const body of n.bodies) {
        for (const op of body.operations) {
          if (op.kind !== "AttributeOperation" || op.attributeName !== "ensure") continue;
          const v = op.valueExpr;
          const first = v.kind === "LiteralString" ? v.value : v.kind === "ConcatenatedString" && v.segments[0]?.kind === "LiteralString" ? v.segments[0].value : undefined;
          if (first === undefined || !first.startsWith("/")) continue;
          const indent = indentOf(text, op.span.start);
          ctx.report({
            start: v.span.start,
            end: v.span.end,
            message: "symlink target specified in ensure attr",
            fix: [{ start: v.span.start, end: v.span.end, text: `symlink,\n${indent}target => ${text.slice(v.span.start, v.span.end)}` }],
          });
        }
      }
    }
  },
});
