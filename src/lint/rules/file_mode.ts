import { defineRule } from "../rule.js";
import { resourceTypeName, tokenAt } from "./token-util.js";

const SYM = "([ugoa]*[-=+][-=+rstwxXugo]*)(,[ugoa]*[-=+][-=+rstwxXugo]*)*";
export const MODE_RE = new RegExp(`^([0-7]{4}|${SYM})$`);
const IGNORE = new Set(["VARIABLE", "UNDEF", "FUNCTION_NAME"]);

export default defineRule({
  meta: { name: "file_mode", level: "warning", enabled: true, fixable: true, origin: "puppet-lint", description: "File mode that is not a 4-digit octal string or a symbolic mode." },
  check(ctx) {
    for (const n of ctx.nodes) {
      if (n.kind !== "ResourceExpression") continue;
      const type = resourceTypeName(n.typeName);
      if (type !== "file" && type !== "concat") continue;
      for (const body of n.bodies) {
        for (const op of body.operations) {
          if (op.kind !== "AttributeOperation" || op.attributeName !== "mode") continue;
          const t = tokenAt(ctx.layout, op.valueExpr.span.start);
          if (!t || IGNORE.has(t.type) || MODE_RE.test(t.value)) continue;
          const fix = /^[0-7]{3}$/.test(t.value) && (t.type === "NUMBER" || t.type === "SSTRING" || t.type === "STRING") ? [{ start: t.start, end: t.end, text: `'0${t.value}'` }] : undefined;
          ctx.report({ start: t.start, end: t.end, message: "mode should be represented as a 4 digit octal value or symbolic mode", fix });
        }
      }
    }
  },
});
