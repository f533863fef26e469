import { BUILTIN_FUNCTIONS } from "../../typecheck/binder.js";
import { defineRule } from "../rule.js";
import { normalizeName } from "./decl-util.js";

export default defineRule({
  meta: { name: "unknown_function", level: "error", enabled: false, fixable: false, origin: "cfg", description: "Call of a function that is neither built in nor defined on the modulepath. Off by default; indexes the modulepath." },
  check(ctx) {
    const idx = ctx.settings.modules;
    if (!idx) return;
    const known = (name: string): boolean => BUILTIN_FUNCTIONS.has(name) || idx.functions.has(name);
    for (const n of ctx.nodes) {
      if (n.kind === "CallNamedFunctionExpression" && n.functor.kind === "QualifiedName") {
        const name = normalizeName(n.functor.value);
        if (!known(name)) ctx.report({ start: n.functor.span.start, end: n.functor.span.end, message: `unknown function '${name}'` });
      } else if (n.kind === "CallMethodExpression") {
        const name = normalizeName(n.functor.right.value);
        if (!known(name)) ctx.report({ start: n.functor.right.span.start, end: n.functor.right.span.end, message: `unknown function '${name}'` });
      }
    }
  },
});
