import { defineRule } from "../rule.js";
import { layoutOfType } from "../layout-tokens.js";

export default defineRule({
  meta: { name: "unquoted_node_name", level: "warning", enabled: true, fixable: true, origin: "puppet-lint", description: "Node name written as a bare word (`node foo {}`) instead of a quoted string." },
  check(ctx) {
    const quoted = new Map<number, { start: number; end: number }>();
    for (const n of ctx.nodes) {
      if (n.kind !== "NodeDefinition") continue;
      for (const m of n.hostMatches) if (m.kind === "QualifiedName" || (m.kind === "LiteralString" && !/['"]/.test(ctx.file.text[m.span.start] ?? ""))) quoted.set(m.span.start, m.span);
    }
    for (const node of layoutOfType(ctx.layout, "NODE")) {
      for (let t = node.next; t && t.type !== "LBRACE"; t = t.next) {
        if (t.type !== "NAME" || t.value === "default") continue;
        const span = quoted.get(t.start);
        const fix = span ? [{ start: span.start, end: span.end, text: `'${ctx.file.text.slice(span.start, span.end)}'` }] : undefined;
        ctx.report({ start: t.start, end: t.end, message: "unquoted node name found", fix });
      }
    }
  },
});
