import { defineRule } from "../rule.js";
import { FORMATTING_TYPES } from "../layout-tokens.js";
import { classAndDefineIndexes } from "./token-util.js";

export default defineRule({
  meta: { name: "code_on_top_scope", level: "warning", enabled: false, fixable: false, origin: "puppet-lint", description: "Code outside any class or defined type." },
  check(ctx) {
    const inside = new Uint8Array(ctx.layout.length);
    for (const idx of classAndDefineIndexes(ctx.layout)) inside.fill(1, idx.start, idx.end + 1);
    for (const t of ctx.layout) {
      if (inside[t.index] || FORMATTING_TYPES.has(t.type)) continue;
      ctx.report({ start: t.start, end: t.end, message: `code outside of class or define block - ${t.value}` });
    }
  },
});
