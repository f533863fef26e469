import { defineRule } from "../rule.js";
import { classReferences } from "./decl-util.js";

export default defineRule({
  meta: { name: "unknown_class", level: "error", enabled: false, fixable: false, origin: "cfg", description: "`include`/`contain`/`require`/`class { }` of a class defined nowhere on the modulepath. Off by default; indexes the modulepath." },
  check(ctx) {
    const idx = ctx.settings.modules;
    if (!idx) return;
    for (const { name, node } of classReferences(ctx.nodes)) {
      if (name.includes("$") || idx.classes.has(name)) continue;
      ctx.report({ start: node.span.start, end: node.span.end, message: `unknown class '${name}' (not found on the modulepath)` });
    }
    for (const d of ctx.nodes) {
      if (d.kind !== "HostClassDefinition" || !d.parentClass) continue;
      const parent = d.parentClass.toLowerCase().replace(/^::/, "");
      if (idx.classes.has(parent)) continue;
      const at = ctx.file.text.indexOf(d.parentClass, d.span.start);
      ctx.report({ start: at, end: at + d.parentClass.length, message: `unknown class '${parent}' (not found on the modulepath)` });
    }
  },
});
