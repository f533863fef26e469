import { defineRule } from "../rule.js";

export default defineRule({
  meta: { name: "unquoted_string_in_selector", level: "warning", enabled: false, fixable: true, origin: "plugin", description: "Bare word as a selector option (`foo => 1`): quote it. Off by default (a plugin)." },
  check(ctx) {
    const text = ctx.file.text;
    for (const n of ctx.nodes) {
      if (n.kind !== "SelectorEntry" || n.matching.kind !== "QualifiedName") continue;
      const v = n.matching;
      ctx.report({ start: v.span.start, end: v.span.end, message: "unquoted string in selector", fix: [{ start: v.span.start, end: v.span.end, text: `'${text.slice(v.span.start, v.span.end)}'` }] });
    }
  },
});
