// The trailing_comma plugin: in a multi-line array, hash, resource body, resource defaults or
// parameter list, the last element is followed by a comma (so adding one touches one line).
import type { Node } from "../../ast/nodes.js";
import { defineRule, type RuleContext } from "../rule.js";
import { skipTrivia } from "./token-util.js";

function checkLast(ctx: RuleContext, last: Node | undefined, closers: string): void {
  if (!last) return;
  const text = ctx.file.text;
  const after = skipTrivia(text, last.span.end);
  const c = text[after];
  if (c === ",") return;
  if (c === undefined || !closers.includes(c)) return;
  if (ctx.file.line(after) === ctx.file.line(last.span.end)) return;
  ctx.report({ start: last.span.end, end: last.span.end, message: "missing trailing comma after last element", fix: [{ start: last.span.end, end: last.span.end, text: "," }] });
}

export default defineRule({
  meta: { name: "trailing_comma", level: "warning", enabled: false, fixable: true, origin: "plugin", description: "Missing comma after the last element of a multi-line array, hash, resource body or parameter list. Off by default (a plugin)." },
  check(ctx) {
    for (const n of ctx.nodes) {
      switch (n.kind) {
        case "LiteralList":
          checkLast(ctx, n.values[n.values.length - 1], "]");
          break;
        case "LiteralHash":
          checkLast(ctx, n.entries[n.entries.length - 1], "}");
          break;
        case "ResourceBody":
          checkLast(ctx, n.operations[n.operations.length - 1], "};");
          break;
        case "ResourceDefaultsExpression":
        case "ResourceOverrideExpression":
          checkLast(ctx, n.operations[n.operations.length - 1], "}");
          break;
        case "HostClassDefinition":
        case "ResourceTypeDefinition":
          checkLast(ctx, n.parameters[n.parameters.length - 1], ")");
          break;
        default:
      }
    }
  },
});
