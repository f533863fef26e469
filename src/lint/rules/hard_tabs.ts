import { defineRule } from "../rule.js";
import { layoutOfType } from "../layout-tokens.js";

export default defineRule({
  meta: { name: "hard_tabs", level: "error", enabled: true, fixable: true, origin: "puppet-lint", description: "Tab characters in indentation or between tokens (tabs inside strings are fine)." },
  check(ctx) {
    const text = ctx.file.text;
    for (const t of layoutOfType(ctx.layout, "INDENT", "WHITESPACE")) {
      let tab = false;
      for (let i = t.start; i < t.end && !tab; i++) tab = text.charCodeAt(i) === 9;
      if (tab) {
        ctx.report({ start: t.start, end: t.end, message: "tab character found", fix: [{ start: t.start, end: t.end, text: t.value.replace(/\t/g, "  ") }] });
      }
    }
  },
});
