import type { AttributeOp, KeyedEntry } from "../../ast/nodes.js";
import { defineRule } from "../rule.js";

export default defineRule({
  meta: { name: "duplicate_params", level: "error", enabled: true, fixable: false, origin: "puppet-lint", description: "The same attribute given twice in one resource body (or the same bare-word key twice in a hash inside it)." },
  check(ctx) {
    const report = (start: number, end: number): void => ctx.report({ start, end, message: "duplicate parameter found in resource" });
    for (const n of ctx.nodes) {
      if (n.kind === "ResourceBody") {
        const seen = new Set<string>();
        for (const op of n.operations as readonly AttributeOp[]) {
          if (op.kind !== "AttributeOperation") continue;
          if (seen.has(op.attributeName)) report(op.span.start, op.span.start + op.attributeName.length);
          seen.add(op.attributeName);
        }
      } else if (n.kind === "LiteralHash") {
        let inResource = false;
        for (let p = ctx.parentOf(n); p; p = ctx.parentOf(p)) {
          if (p.kind === "ResourceBody") { inResource = true; break; }
          if (p.kind === "BlockExpression" || p.kind === "LambdaExpression") break;
        }
        if (!inResource) continue;
        const seen = new Set<string>();
        for (const e of n.entries as readonly KeyedEntry[]) {
          if (e.key.kind !== "QualifiedName") continue;
          if (seen.has(e.key.value)) report(e.key.span.start, e.key.span.end);
          seen.add(e.key.value);
        }
      }
    }
  },
});
