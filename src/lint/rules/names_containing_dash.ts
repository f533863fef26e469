import { defineRule } from "../rule.js";
import { classAndDefineIndexes } from "./token-util.js";

export default defineRule({
  meta: { name: "names_containing_dash", level: "error", enabled: true, fixable: false, origin: "puppet-lint", description: "Class or defined type name containing `-`." },
  check(ctx) {
    for (const idx of classAndDefineIndexes(ctx.layout)) {
      const t = idx.nameToken;
      if (!t || !t.value.includes("-")) continue;
      ctx.report({ start: t.start, end: t.end, message: `${idx.type === "CLASS" ? "class" : "defined type"} name containing a dash` });
    }
  },
});
