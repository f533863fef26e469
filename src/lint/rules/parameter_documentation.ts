// The param-docs plugin: every class and defined type parameter is documented in the comment block
// above the definition, as puppet-strings `@param name`, rdoc `[*name*]` or kafo `$name::`.
import { defineRule } from "../rule.js";

export default defineRule({
  meta: { name: "parameter_documentation", level: "warning", enabled: false, fixable: false, origin: "plugin", description: "Class or defined type parameter missing from the documentation comment above it (or documented twice). Off by default (a plugin)." },
  check(ctx) {
    const text = ctx.file.text;
    for (const def of ctx.nodes) {
      if (def.kind !== "HostClassDefinition" && def.kind !== "ResourceTypeDefinition") continue;
      if (def.parameters.length === 0) continue;
      // The comment block directly above the definition.
      const lines: string[] = [];
      let ln = ctx.file.line(def.span.start) - 1;
      while (ln >= 1) {
        const t = ctx.file.lineText(ln).trim();
        if (!t.startsWith("#")) break;
        lines.unshift(t.replace(/^#+\s?/, ""));
        ln--;
      }
      const documented = new Map<string, number>();
      for (const l of lines) {
        const m = /^@param\s+(?:\[[^\]]*\]\s+)?\$?(\w+)/.exec(l) ?? /^\[\*(\w+)\*\]/.exec(l) ?? /^\$(\w+)::/.exec(l);
        if (m) documented.set(m[1]!, (documented.get(m[1]!) ?? 0) + 1);
      }
      const type = def.kind === "HostClassDefinition" ? "class" : "defined type";
      for (const p of def.parameters) {
        const count = documented.get(p.name) ?? 0;
        const at = text.indexOf(`$${p.name}`, p.span.start);
        const start = at >= 0 ? at : p.span.start;
        if (count === 0) ctx.report({ start, end: start + p.name.length + 1, message: `missing documentation for ${type} parameter ${def.name}::${p.name}` });
        else if (count > 1) ctx.report({ start, end: start + p.name.length + 1, message: `Duplicate ${type} parameter documentation for ${def.name}::${p.name}` });
      }
    }
  },
});
