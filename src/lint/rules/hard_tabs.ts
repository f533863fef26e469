import { defineRule } from "../rule.js";

export default defineRule({
  meta: { name: "hard_tabs", level: "error", enabled: true, fixable: true, origin: "puppet-lint", description: "Tab characters in indentation or between tokens (tabs inside strings are fine)." },
  check(ctx) {
    for (const t of ctx.layout) {
      if ((t.type === "INDENT" || t.type === "WHITESPACE") && t.value.includes("\t")) {
        ctx.report({ start: t.start, end: t.end, message: "tab character found", fix: [{ start: t.start, end: t.end, text: t.value.replace(/\t/g, "  ") }] });
      }
    }
  },
});
