import { defineRule } from "../rule.js";
import { layoutOfType } from "../layout-tokens.js";

export default defineRule({
  meta: { name: "slash_comments", level: "warning", enabled: true, fixable: true, origin: "puppet-lint", description: "`//` comments (Puppet reads them as an empty regex); the fix rewrites them to `#`." },
  check(ctx) {
    for (const t of layoutOfType(ctx.layout, "SLASH_COMMENT")) {
      ctx.report({ start: t.start, end: t.end, message: "// comment found", fix: [{ start: t.start, end: t.start + 2, text: "#" }] });
    }
  },
});
