import { defineRule } from "../rule.js";
import { layoutOfType } from "../layout-tokens.js";

export default defineRule({
  meta: { name: "trailing_whitespace", level: "error", enabled: true, fixable: true, origin: "puppet-lint", description: "Spaces or tabs at the end of a line (outside strings, heredocs and comments)." },
  check(ctx) {
    for (const t of layoutOfType(ctx.layout, "INDENT", "WHITESPACE")) {
      if (!t.next || t.next.type === "NEWLINE") {
        ctx.report({ start: t.start, end: t.end, message: "trailing whitespace found", fix: [{ start: t.start, end: t.end, text: "" }] });
      }
    }
  },
});
