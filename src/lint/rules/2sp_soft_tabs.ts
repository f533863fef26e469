import { defineRule } from "../rule.js";
import { layoutOfType } from "../layout-tokens.js";

export default defineRule({
  meta: { name: "2sp_soft_tabs", level: "error", enabled: true, fixable: false, origin: "puppet-lint", description: "Indentation that is not a multiple of two characters." },
  check(ctx) {
    for (const t of layoutOfType(ctx.layout, "INDENT")) {
      if ((t.end - t.start) % 2 === 1) ctx.report({ start: t.start, end: t.end, message: "two-space soft tabs not used" });
    }
  },
});
