import { defineRule } from "../rule.js";
import type { LayoutToken } from "../layout-tokens.js";
import { classAndDefineIndexes } from "./token-util.js";

const COMMENTS = new Set(["COMMENT", "MLCOMMENT", "SLASH_COMMENT"]);
const SPACE = new Set(["WHITESPACE", "NEWLINE", "INDENT"]);

function commentAbove(start: LayoutToken): LayoutToken | undefined {
  let newlines = 0;
  let p = start.prev;
  while (p && SPACE.has(p.type)) {
    if (p.type === "NEWLINE") newlines++;
    if (newlines > 1) break;
    p = p.prev;
  }
  return p && COMMENTS.has(p.type) ? p : undefined;
}

export default defineRule({
  meta: { name: "documentation", level: "warning", enabled: true, fixable: false, origin: "puppet-lint", description: "Class or defined type without a comment directly above it." },
  check(ctx) {
    for (const idx of classAndDefineIndexes(ctx.layout)) {
      const first = idx.tokens[0]!;
      if (commentAbove(first)) continue;
      ctx.report({ start: first.start, end: first.end, message: `${first.type === "CLASS" ? "class" : "defined type"} not documented` });
    }
  },
});
