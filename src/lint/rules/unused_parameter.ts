// Parameters of defined types and functions that the body never reads (class parameters are public
// as $class::param, so classes are not checked). Bodies that call template()/epp() are skipped.
import { scopeFacts } from "../../typecheck/checker.js";
import { defineRule } from "../rule.js";

export default defineRule({
  meta: { name: "unused_parameter", level: "warning", enabled: false, fixable: false, origin: "cfg", description: "Defined type or function parameter never used in its body. Off by default." },
  check(ctx) {
    const text = ctx.file.text;
    for (const d of ctx.nodes) {
      if (d.kind !== "ResourceTypeDefinition" && d.kind !== "FunctionDefinition") continue;
      const f = scopeFacts(d);
      if (f.usesTemplates) continue;
      for (const p of d.parameters) {
        if (f.referenced.has(p.name) || p.name.startsWith("_")) continue;
        // a reference from another parameter's default counts too
        const at = text.indexOf(`$${p.name}`, p.span.start);
        ctx.report({ start: at >= 0 ? at : p.span.start, end: (at >= 0 ? at : p.span.start) + p.name.length + 1, message: `parameter $${p.name} is never used` });
      }
    }
  },
});
