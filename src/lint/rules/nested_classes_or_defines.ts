import { defineRule } from "../rule.js";
import { definitionIndexes } from "./token-util.js";

export default defineRule({
  meta: { name: "nested_classes_or_defines", level: "warning", enabled: true, fixable: false, origin: "puppet-lint", description: "Class or defined type declared inside a class." },
  check(ctx) {
    for (const idx of definitionIndexes(ctx.layout, "CLASS")) {
      for (const t of idx.tokens.slice(1)) {
        if (t.type !== "CLASS" && t.type !== "DEFINE") continue;
        if (t.nextCode?.type === "LBRACE") continue;
        ctx.report({ start: t.start, end: t.end, message: `${t.type === "CLASS" ? "class" : "defined type"} defined inside a class` });
      }
    }
  },
});
