import { defineRule } from "../rule.js";
import { declarations } from "./decl-util.js";

export default defineRule({
  meta: { name: "missing_required_parameter", level: "error", enabled: false, fixable: false, origin: "cfg", description: "Defined type declared without a parameter that has no default (classes are exempt: Hiera may supply it). Off by default; indexes the modulepath." },
  check(ctx) {
    const idx = ctx.settings.modules;
    if (!idx) return;
    for (const d of declarations(ctx.nodes)) {
      if (d.kind !== "defined type") continue;
      const sig = idx.definedTypes.get(d.name);
      if (!sig) continue;
      if (d.operations.some((o) => o.kind === "AttributesOperation")) continue; // `* => $hash` may supply anything
      const given = new Set(d.operations.map((o) => (o.kind === "AttributeOperation" ? o.attributeName : "")));
      for (const [p, s] of sig.params) {
        if (s.required && !given.has(p)) ctx.report({ start: d.typeNode.span.start, end: d.typeNode.span.end, message: `defined type ${d.name} requires parameter '${p}'` });
      }
    }
  },
});
