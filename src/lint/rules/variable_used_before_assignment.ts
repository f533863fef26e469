// Puppet evaluates a body in order: a variable read before its first assignment in the same scope
// is undef there (an error under strict_variables).
import { scopeFacts } from "../../typecheck/checker.js";
import { defineRule } from "../rule.js";

export default defineRule({
  meta: { name: "variable_used_before_assignment", level: "warning", enabled: false, fixable: false, origin: "cfg", description: "Variable read before the statement that assigns it in the same class, defined type, function or node. Off by default." },
  check(ctx) {
    for (const d of ctx.nodes) {
      if (d.kind !== "HostClassDefinition" && d.kind !== "ResourceTypeDefinition" && d.kind !== "FunctionDefinition" && d.kind !== "NodeDefinition") continue;
      const params = new Set(d.kind === "NodeDefinition" ? [] : d.parameters.map((p) => p.name));
      const f = scopeFacts(d);
      for (const [name, refs] of f.referenced) {
        if (params.has(name)) continue;
        const assigned = f.assigned.get(name);
        if (!assigned) continue;
        const first = assigned[0]!.start;
        for (const r of refs) {
          if (r.start >= first) continue;
          ctx.report({ start: r.start, end: r.end, message: `variable $${name} is used before it is assigned (line ${ctx.file.line(first)})` });
        }
      }
    }
  },
});
