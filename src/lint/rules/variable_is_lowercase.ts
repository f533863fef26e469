import { defineRule } from "../rule.js";

export default defineRule({
  meta: { name: "variable_is_lowercase", level: "warning", enabled: true, fixable: false, origin: "puppet-lint", description: "Uppercase letters in a variable name." },
  check(ctx) {
    for (const t of ctx.layout) {
      if (t.type !== "VARIABLE" && t.type !== "UNENC_VARIABLE") continue;
      if (/[A-Z]/.test(t.value)) ctx.report({ start: t.start, end: t.end, message: "variable contains an uppercase letter" });
    }
  },
});
