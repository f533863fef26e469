import { defineRule } from "../rule.js";
import { classAndDefineIndexes } from "./token-util.js";

export default defineRule({
  meta: { name: "names_containing_uppercase", level: "error", enabled: true, fixable: true, origin: "puppet-lint", description: "Class or defined type name containing uppercase letters (fix: lowercase it)." },
  check(ctx) {
    for (const idx of classAndDefineIndexes(ctx.layout)) {
      const t = idx.nameToken;
      if (!t || !/[A-Z]/.test(t.value)) continue;
      ctx.report({
        start: t.start,
        end: t.end,
        message: `${idx.type === "CLASS" ? "class" : "defined type"} '${t.value}' contains illegal uppercase`,
        fix: [{ start: t.start, end: t.end, text: t.text.toLowerCase() }],
      });
    }
  },
});
