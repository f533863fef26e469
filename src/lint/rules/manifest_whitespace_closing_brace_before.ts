// From the manifest_whitespace plugin: a `}` on the same line as code has exactly one space before it.
import { defineRule } from "../rule.js";
import { layoutOfType } from "../layout-tokens.js";

export default defineRule({
  meta: { name: "manifest_whitespace_closing_brace_before", level: "error", enabled: false, fixable: true, origin: "plugin", description: "Not exactly one space before a `}` that follows code on the same line. Off by default (a plugin)." },
  check(ctx) {
    for (const t of layoutOfType(ctx.layout, "RBRACE")) {
      const prev = t.prev;
      if (!prev || prev.type === "INDENT" || prev.type === "NEWLINE" || prev.type === "LBRACE") continue;
      if (prev.type === "WHITESPACE") {
        if (prev.value === " " || prev.prev?.type === "LBRACE") continue;
        ctx.report({ start: t.start, end: t.end, message: "there should be a single space before a closing brace", fix: [{ start: prev.start, end: prev.end, text: " " }] });
      } else if (!FORMATTING(prev.type)) {
        ctx.report({ start: t.start, end: t.end, message: "there should be a single space before a closing brace", fix: [{ start: t.start, end: t.start, text: " " }] });
      }
    }
  },
});

function FORMATTING(type: string): boolean {
  return type === "COMMENT" || type === "MLCOMMENT";
}
