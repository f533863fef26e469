import { METAPARAMETERS } from "../../typecheck/binder.js";
import { defineRule } from "../rule.js";
import { declarations } from "./decl-util.js";

export default defineRule({
  meta: { name: "unknown_parameter", level: "error", enabled: false, fixable: false, origin: "cfg", description: "Attribute given to a class or defined type that has no such parameter. Off by default; indexes the modulepath." },
  check(ctx) {
    const idx = ctx.settings.modules;
    if (!idx) return;
    for (const d of declarations(ctx.nodes)) {
      const sig = d.kind === "class" ? idx.classes.get(d.name) : idx.definedTypes.get(d.name);
      if (!sig) continue;
      for (const op of d.operations) {
        if (op.kind !== "AttributeOperation" || sig.params.has(op.attributeName) || METAPARAMETERS.has(op.attributeName)) continue;
        if (d.kind === "defined type" && (op.attributeName === "name" || op.attributeName === "title")) continue;
        ctx.report({ start: op.span.start, end: op.span.start + op.attributeName.length, message: `${d.kind} ${d.name} has no parameter '${op.attributeName}'` });
      }
    }
  },
});
