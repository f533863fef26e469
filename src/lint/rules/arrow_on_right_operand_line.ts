import { defineRule } from "../rule.js";
import { layoutOfType } from "../layout-tokens.js";

export default defineRule({
  meta: { name: "arrow_on_right_operand_line", level: "warning", enabled: true, fixable: true, origin: "puppet-lint", description: "Chaining arrow (`->`, `~>`) at the end of a line instead of before the right operand." },
  check(ctx) {
    for (const t of layoutOfType(ctx.layout, "IN_EDGE", "IN_EDGE_SUB")) {
      const right = t.nextCode;
      if (!right || right.line === t.line) continue;
      const left = t.prevCode;
      // Fix: move the arrow before the right operand; drop the whitespace it leaves at the line end.
      const fix = [];
      if (left && !ctx.layout.slice(left.index + 1, t.index).some((x) => x.type !== "WHITESPACE")) {
        fix.push({ start: left.end, end: t.next?.type === "WHITESPACE" ? t.next.end : t.end, text: "" });
        fix.push({ start: right.start, end: right.start, text: `${t.text} ` });
      }
      ctx.report({ start: t.start, end: t.end, message: "arrow should be on the right operand's line", fix: fix.length ? fix : undefined });
    }
  },
});
