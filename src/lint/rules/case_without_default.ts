import { defineRule } from "../rule.js";

export default defineRule({
  meta: { name: "case_without_default", level: "warning", enabled: true, fixable: false, origin: "puppet-lint", description: "`case` statement without a `default` branch." },
  check(ctx) {
    for (const n of ctx.nodes) {
      if (n.kind !== "CaseExpression") continue;
      if (n.options.some((o) => o.values.some((v) => v.kind === "LiteralDefault"))) continue;
      ctx.report({ start: n.span.start, end: n.span.start + 4, message: "case statement without a default case" });
    }
  },
});
