import { defineRule } from "../rule.js";
import { definitionIndexes } from "./token-util.js";

export default defineRule({
  meta: { name: "class_inherits_from_params_class", level: "warning", enabled: false, fixable: false, origin: "puppet-lint", description: "Class inherits from a `::params` class (the pre-Hiera pattern)." },
  check(ctx) {
    for (const idx of definitionIndexes(ctx.layout, "CLASS")) {
      const t = idx.inheritedToken;
      if (t && t.value.endsWith("::params")) ctx.report({ start: t.start, end: t.end, message: "class inheriting from params class" });
    }
  },
});
