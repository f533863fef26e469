import { defineRule } from "../rule.js";
import { definitionIndexes } from "./token-util.js";

const moduleOf = (name: string): string | undefined => name.split("::").filter((s) => s !== "")[0];

export default defineRule({
  meta: { name: "inherits_across_namespaces", level: "warning", enabled: true, fixable: false, origin: "puppet-lint", description: "Class inherits from a class in another module." },
  check(ctx) {
    for (const idx of definitionIndexes(ctx.layout, "CLASS")) {
      const t = idx.inheritedToken;
      if (!t || !idx.nameToken) continue;
      if (moduleOf(t.value) === moduleOf(idx.nameToken.value)) continue;
      ctx.report({ start: t.start, end: t.end, message: "class inherits across module namespaces" });
    }
  },
});
