import { defineRule } from "../rule.js";
import { layoutOfType } from "../layout-tokens.js";

const ESCAPE_CHAR_RE = /(\\\$|\\"|\\'|'|\r|\t|\\t|\\s|\n|\\n|\\\\)/;

export default defineRule({
  meta: { name: "double_quoted_strings", level: "warning", enabled: true, fixable: true, origin: "puppet-lint", description: "Double-quoted string with no interpolation and no escapes (use single quotes)." },
  check(ctx) {
    for (const t of layoutOfType(ctx.layout, "STRING")) {
      // puppet-lint turns runs of <column> spaces into newlines before testing (continuation lines).
      if (ESCAPE_CHAR_RE.test(t.value.split(" ".repeat(t.column)).join("\n"))) continue;
      ctx.report({ start: t.start, end: t.end, message: "double quoted string containing no variables", fix: [{ start: t.start, end: t.end, text: `'${t.value}'` }] });
    }
  },
});
