import { defineRule } from "../rule.js";
import { layoutOfType } from "../layout-tokens.js";

export default defineRule({
  meta: { name: "quoted_booleans", level: "warning", enabled: false, fixable: true, origin: "puppet-lint", description: "`'true'` / `'false'` written as strings where a Boolean is meant." },
  check(ctx) {
    for (const t of layoutOfType(ctx.layout, "STRING", "SSTRING")) {
      if (t.value === "true" || t.value === "false") {
        ctx.report({ start: t.start, end: t.end, message: "quoted boolean value found", fix: [{ start: t.start, end: t.end, text: t.value }] });
      }
    }
  },
});
