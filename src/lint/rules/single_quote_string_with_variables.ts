import { defineRule } from "../rule.js";
import { layoutOfType } from "../layout-tokens.js";

export default defineRule({
  meta: { name: "single_quote_string_with_variables", level: "error", enabled: true, fixable: false, origin: "puppet-lint", description: "`'${x}'`: single quotes never interpolate (inline_epp/inline_template arguments are exempt)." },
  check(ctx) {
    for (const t of layoutOfType(ctx.layout, "SSTRING")) {
      if (!t.value.includes("${")) continue;
      if (/inline_(epp|template)/.test(t.prev?.prev?.value ?? "")) continue;
      ctx.report({ start: t.start, end: t.end, message: "single quoted string containing a variable found" });
    }
  },
});
