import type { KeyedEntry, Node } from "../../ast/nodes.js";
import { forEachChild } from "../../ast/walk.js";
import { defineRule } from "../rule.js";

export default defineRule({
  meta: { name: "duplicate_params", level: "error", enabled: true, fixable: false, origin: "puppet-lint", description: "The same attribute given twice in one resource body (or the same bare-word key twice in a hash inside it)." },
  check(ctx) {
    const report = (start: number, end: number): void => ctx.report({ start, end, message: "duplicate parameter found in resource" });
    const hashes = (n: Node): void => {
      if (n.kind === "BlockExpression" || n.kind === "LambdaExpression") return;
      if (n.kind === "LiteralHash") {
        const seen = new Set<string>();
        for (const e of n.entries as readonly KeyedEntry[]) {
          if (e.key.kind !== "QualifiedName") continue;
          if (seen.has(e.key.value)) report(e.key.span.start, e.key.span.end);
          seen.add(e.key.value);
        }
      }
      forEachChild(n, hashes, undefined);
    };
    for (const n of ctx.nodes) {
      if (n.kind !== "ResourceBody") continue;
      const seen = new Set<string>();
      for (const op of n.operations) {
        if (op.kind !== "AttributeOperation") continue;
        if (seen.has(op.attributeName)) report(op.span.start, op.span.start + op.attributeName.length);
        seen.add(op.attributeName);
        hashes(op.valueExpr);
      }
    }
  },
});
