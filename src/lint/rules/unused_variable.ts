// Local variables assigned and never read, in defined types, functions and nodes (class variables
// are readable from elsewhere as $class::var, so classes are not checked). Bodies that call
// template()/epp() are skipped: templates read variables by name.
import { scopeFacts } from "../../typecheck/checker.js";
import { defineRule } from "../rule.js";

export default defineRule({
  meta: { name: "unused_variable", level: "warning", enabled: false, fixable: false, origin: "cfg", description: "Variable assigned in a defined type, function or node and never used there. Off by default." },
  check(ctx) {
    for (const d of ctx.nodes) {
      if (d.kind !== "ResourceTypeDefinition" && d.kind !== "FunctionDefinition" && d.kind !== "NodeDefinition") continue;
      const f = scopeFacts(d);
      if (f.usesTemplates) continue;
      for (const [name, spans] of f.assigned) {
        if (f.referenced.has(name) || name.startsWith("_")) continue;
        ctx.report({ start: spans[0]!.start, end: spans[0]!.end, message: `variable $${name} is assigned but never used` });
      }
    }
  },
});
