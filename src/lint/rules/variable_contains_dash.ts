import { defineRule } from "../rule.js";
import { layoutOfType } from "../layout-tokens.js";

export default defineRule({
  meta: { name: "variable_contains_dash", level: "warning", enabled: true, fixable: false, origin: "puppet-lint", description: "`$foo-bar`: Puppet reads this as `$foo - bar`." },
  check(ctx) {
    const text = ctx.file.text;
    for (const t of layoutOfType(ctx.layout, "VARIABLE", "UNENC_VARIABLE")) {
      if (t.type === "VARIABLE" && !t.text.startsWith("$")) continue; // `${x}` inside a string ends at `}`
      if (text[t.end] === "-" && /\w/.test(text[t.end + 1] ?? "")) ctx.report({ start: t.start, end: t.end, message: "variable contains a dash" });
    }
  },
});
