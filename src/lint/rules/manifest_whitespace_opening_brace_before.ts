// From the manifest_whitespace plugin: exactly one space before an opening `{` on the same line.
import { defineRule } from "../rule.js";
import { layoutOfType } from "../layout-tokens.js";

const BEFORE_OK = new Set(["NEWLINE", "INDENT", "LPAREN", "LBRACK", "LBRACE", "COMMENT"]);

export default defineRule({
  meta: { name: "manifest_whitespace_opening_brace_before", level: "error", enabled: false, fixable: true, origin: "plugin", description: "Not exactly one space before `{`. Off by default (a plugin)." },
  check(ctx) {
    for (const t of layoutOfType(ctx.layout, "LBRACE")) {
      const prev = t.prev;
      if (!prev || BEFORE_OK.has(prev.type)) continue;
      if (prev.type === "WHITESPACE") {
        if (prev.value === " " || prev.prev?.type === "NEWLINE" || !prev.prev) continue;
        ctx.report({ start: t.start, end: t.end, message: "there should be a single space before an opening brace", fix: [{ start: prev.start, end: prev.end, text: " " }] });
      } else if (prev.type !== "DQPRE" && prev.type !== "DQMID" && prev.type !== "HEREDOC_PRE" && prev.type !== "HEREDOC_MID") {
        ctx.report({ start: t.start, end: t.end, message: "there should be a single space before an opening brace", fix: [{ start: t.start, end: t.start, text: " " }] });
      }
    }
  },
});
