import { defineRule } from "../rule.js";
import type { LayoutToken } from "../layout-tokens.js";
import { classAndDefineIndexes, prevTokenOf } from "./token-util.js";

const PARAM_PREV = new Set(["LPAREN", "COMMA", "TYPE", "RBRACK"]);

function isParameter(t: LayoutToken): boolean {
  return t.type === "VARIABLE" && !!t.prevCode && PARAM_PREV.has(t.prevCode.type);
}

function isRequired(t: LayoutToken, definitionStart: number): boolean {
  // puppet-lint searches back through the whole file; a TYPE before the definition cannot be this
  // parameter's, and the unbounded search made the check quadratic on big files.
  const dataType = prevTokenOf(t, ["TYPE"], definitionStart);
  if (dataType && dataType.value === "Optional") return false;
  if (!t.nextCode || t.nextCode.type === "COMMA" || t.nextCode.type === "RPAREN") return !(t.prevCode && t.prevCode.type === "EQUALS");
  return false;
}

export default defineRule({
  meta: { name: "parameter_order", level: "warning", enabled: true, fixable: false, origin: "puppet-lint", description: "Required parameters listed after optional ones (parameters with defaults)." },
  check(ctx) {
    for (const idx of classAndDefineIndexes(ctx.layout)) {
      const params = idx.paramTokens;
      if (!params) continue;
      let paren = 0;
      let nest = 0;
      let seenEquals = false;
      for (const t of params) {
        if (t.type === "LPAREN") paren++;
        else if (t.type === "RPAREN") paren--;
        else if (t.type === "LBRACE" || t.type === "LBRACK") nest++;
        else if (t.type === "RBRACE" || t.type === "RBRACK") nest--;
        if (t.type === "EQUALS") seenEquals = true;
        if (nest !== 0 || paren !== 0) continue;
        if (!isParameter(t) || !isRequired(t, idx.start)) continue;
        if (!seenEquals) continue;
        ctx.report({ start: t.start, end: t.end, message: "optional parameter listed before required parameter" });
      }
    }
  },
});
