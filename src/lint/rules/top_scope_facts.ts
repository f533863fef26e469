// `$::x` -> `$facts['x']` (puppet-lint 4's top_scope_facts; a plugin before 3.1). Qualified names
// (`$::mod::var`) are not facts and are left alone; `$::trusted` becomes `$trusted`.
import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    name: "top_scope_facts", level: "warning", enabled: false, fixable: true, origin: "plugin",
    description: "Top-scope variable `$::x` used for a fact: write `$facts['x']`. Off by default (puppet-lint 3.0.1 has no such check).",
    options: { top_scope_variables: { type: "string[]", default: [], description: "top-scope variables that are not facts (allowed as `$::name`)" } },
  },
  check(ctx) {
    const allow = new Set((ctx.options.top_scope_variables as string[] | undefined) ?? []);
    const text = ctx.file.text;
    for (const n of ctx.nodes) {
      if (n.kind !== "VariableExpression" || !n.name.startsWith("::")) continue;
      const name = n.name.slice(2);
      if (name.includes("::") || allow.has(name) || /^\d+$/.test(name)) continue;
      const src = text.slice(n.span.start, n.span.end);
      const dollar = src.startsWith("$") ? "$" : "";
      const repl = name === "trusted" || name === "facts" ? name : `facts['${name}']`;
      const fix = src.replace(/^\$/, "") === n.name ? [{ start: n.span.start, end: n.span.end, text: `${dollar}${repl}` }] : undefined;
      ctx.report({ start: n.span.start, end: n.span.end, message: "top scope fact instead of facts hash", fix });
    }
  },
});
