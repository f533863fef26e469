// Literal values that cannot match the declared parameter type: defaults (`Integer $port = 'eighty'`)
// and, with the modulepath index, attribute values at class / defined type declaration sites.
import { literalMismatch } from "../../typecheck/checker.js";
import { defineRule } from "../rule.js";
import { declarations } from "./decl-util.js";

export default defineRule({
  meta: { name: "parameter_type_mismatch", level: "error", enabled: false, fixable: false, origin: "cfg", description: "A literal parameter default, or a literal value passed to a class or defined type, that does not match the parameter's declared type. Off by default." },
  check(ctx) {
    const text = ctx.file.text;
    for (const d of ctx.nodes) {
      if (d.kind !== "HostClassDefinition" && d.kind !== "ResourceTypeDefinition" && d.kind !== "FunctionDefinition") continue;
      for (const p of d.parameters) {
        if (!p.typeExpr || !p.value) continue;
        const why = literalMismatch(text.slice(p.typeExpr.span.start, p.typeExpr.span.end), p.value);
        if (why) ctx.report({ start: p.value.span.start, end: p.value.span.end, message: `default value of $${p.name} does not match its type: ${why}` });
      }
    }
    const idx = ctx.settings.modules;
    if (!idx) return;
    for (const d of declarations(ctx.nodes)) {
      const sig = d.kind === "class" ? idx.classes.get(d.name) : idx.definedTypes.get(d.name);
      if (!sig) continue;
      for (const op of d.operations) {
        if (op.kind !== "AttributeOperation") continue;
        const typeText = sig.params.get(op.attributeName)?.typeText;
        if (!typeText) continue;
        const why = literalMismatch(typeText, op.valueExpr);
        if (why) ctx.report({ start: op.valueExpr.span.start, end: op.valueExpr.span.end, message: `value for ${d.kind} ${d.name} parameter '${op.attributeName}' does not match its type: ${why}` });
      }
    }
  },
});
