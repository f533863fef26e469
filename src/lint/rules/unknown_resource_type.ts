import { BUILTIN_RESOURCE_TYPES } from "../../typecheck/binder.js";
import { defineRule } from "../rule.js";
import { normalizeName } from "./decl-util.js";

export default defineRule({
  meta: { name: "unknown_resource_type", level: "error", enabled: false, fixable: false, origin: "cfg", description: "Resource of a type that is neither built in, nor a defined type, nor a Ruby type on the modulepath. Off by default; indexes the modulepath." },
  check(ctx) {
    const idx = ctx.settings.modules;
    if (!idx) return;
    for (const n of ctx.nodes) {
      if (n.kind !== "ResourceExpression" || n.typeName.kind !== "QualifiedName") continue;
      const t = normalizeName(n.typeName.value);
      if (BUILTIN_RESOURCE_TYPES.has(t) || idx.definedTypes.has(t) || idx.resourceTypes.has(t)) continue;
      ctx.report({ start: n.typeName.span.start, end: n.typeName.span.end, message: `unknown resource type '${t}' (not built in, not a defined type or Ruby type on the modulepath)` });
    }
  },
});
