import { defineRule } from "../rule.js";

export default defineRule({
  meta: { name: "quoted_booleans", level: "warning", enabled: false, fixable: true, origin: "puppet-lint", description: "`'true'` / `'false'` written as strings where a Boolean is meant." },
  check(ctx) {
    for (const t of ctx.layout) {
      if ((t.type === "STRING" || t.type === "SSTRING") && (t.value === "true" || t.value === "false")) {
        ctx.report({ start: t.start, end: t.end, message: "quoted boolean value found", fix: [{ start: t.start, end: t.end, text: t.value }] });
      }
    }
  },
});
