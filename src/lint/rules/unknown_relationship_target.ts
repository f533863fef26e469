// A relationship (`->`, `~>`, `before`/`require`/`notify`/`subscribe`) to `Type['title']` when no
// resource of that type with that title (or namevar/alias value) is declared anywhere on the
// modulepath or in the linted files. Conservative: a type that is ever declared with a computed
// title, or through create_resources/ensure_resource/ensure_packages, is never judged.
import type { Expression } from "../../ast/nodes.js";
import { canonicalTitle } from "../../typecheck/binder.js";
import { defineRule } from "../rule.js";

const RELATION_METAPARAMS = new Set(["before", "require", "notify", "subscribe"]);

export default defineRule({
  meta: { name: "unknown_relationship_target", level: "error", enabled: false, fixable: false, origin: "cfg", description: "Relationship to a resource (`Package['x']`) that is declared nowhere on the modulepath. Off by default; indexes the modulepath." },
  check(ctx) {
    const idx = ctx.settings.modules;
    if (!idx || idx.allDynamic) return;
    const refs: Expression[] = [];
    const collect = (e: Expression): void => {
      if (e.kind === "AccessExpression") refs.push(e);
      else if (e.kind === "LiteralList") e.values.forEach(collect);
    };
    for (const n of ctx.nodes) {
      if (n.kind === "RelationshipExpression") {
        collect(n.left);
        collect(n.right);
      } else if (n.kind === "AttributeOperation" && RELATION_METAPARAMS.has(n.attributeName)) collect(n.valueExpr);
    }
    for (const r of refs) {
      if (r.kind !== "AccessExpression" || r.left.kind !== "QualifiedReference") continue;
      const type = r.left.cased.toLowerCase().replace(/^::/, "");
      for (const k of r.keys) {
        if (k.kind !== "LiteralString") continue;
        let known: boolean;
        if (type === "class") known = idx.classes.has(k.value.toLowerCase().replace(/^::/, ""));
        else if (idx.dynamicTypes.has(type)) known = true;
        else known = idx.resources.get(type)?.has(canonicalTitle(type, k.value)) ?? false;
        if (!known) ctx.report({ start: r.span.start, end: r.span.end, message: `relationship to ${r.left.cased}['${k.value}'], which is declared nowhere on the modulepath` });
      }
    }
  },
});
