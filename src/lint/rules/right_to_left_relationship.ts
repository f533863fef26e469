import { defineRule } from "../rule.js";

export default defineRule({
  meta: { name: "right_to_left_relationship", level: "warning", enabled: true, fixable: false, origin: "puppet-lint", description: "`<-` relationship arrow (write left-to-right `->` instead)." },
  check(ctx) {
    for (const t of ctx.tokens) if (t.kind === "OUT_EDGE") ctx.report({ start: t.start, end: t.end, message: "right-to-left (<-) relationship" });
  },
});
