import { defineRule } from "../rule.js";

export default defineRule({
  meta: { name: "unquoted_string_in_case", level: "warning", enabled: false, fixable: true, origin: "plugin", description: "Bare word as a case option (`foo: {}`): quote it. Off by default (a plugin)." },
  check(ctx) {
    const text = ctx.file.text;
    for (const n of ctx.nodes) {
      if (n.kind !== "CaseOption") continue;
      for (const v of n.values) {
        if (v.kind !== "QualifiedName") continue;
        ctx.report({ start: v.span.start, end: v.span.end, message: "unquoted string in case", fix: [{ start: v.span.start, end: v.span.end, text: `'${text.slice(v.span.start, v.span.end)}'` }] });
      }
    }
  },
});
