import type { Expression } from "../../ast/nodes.js";
import { defineRule } from "../rule.js";

export default defineRule({
  meta: { name: "unquoted_resource_title", level: "warning", enabled: true, fixable: true, origin: "puppet-lint", description: "Resource title written as a bare word (a variable alone is fine)." },
  check(ctx) {
    const text = ctx.file.text;
    const flag = (e: Expression): void => {
      if (e.kind !== "QualifiedName") return;
      ctx.report({ start: e.span.start, end: e.span.end, message: "unquoted resource title", fix: [{ start: e.span.start, end: e.span.end, text: `'${text.slice(e.span.start, e.span.end)}'` }] });
    };
    for (const n of ctx.nodes) {
      if (n.kind !== "ResourceBody") continue;
      if (n.title.kind === "LiteralList") n.title.values.forEach(flag);
      else flag(n.title);
    }
  },
});
