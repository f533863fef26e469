import { defineRule } from "../rule.js";
import { layoutOfType } from "../layout-tokens.js";

export default defineRule({
  meta: { name: "variable_is_lowercase", level: "warning", enabled: true, fixable: false, origin: "puppet-lint", description: "Uppercase letters in a variable name." },
  check(ctx) {
    for (const t of layoutOfType(ctx.layout, "VARIABLE", "UNENC_VARIABLE")) {
      if (/[A-Z]/.test(t.value)) ctx.report({ start: t.start, end: t.end, message: "variable contains an uppercase letter" });
    }
  },
});
