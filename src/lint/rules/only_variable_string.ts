import { defineRule } from "../rule.js";

export default defineRule({
  meta: { name: "only_variable_string", level: "warning", enabled: true, fixable: true, origin: "puppet-lint", description: "A string holding only a variable (`\"${x}\"`): use the variable itself." },
  check(ctx) {
    const toks = ctx.layout;
    const text = ctx.file.text;
    for (let i = 0; i < toks.length; i++) {
      const pre = toks[i]!;
      if (pre.type !== "DQPRE" || pre.value !== "") continue;
      const v = toks[i + 1];
      if (!v || (v.type !== "VARIABLE" && v.type !== "UNENC_VARIABLE")) continue;
      let off = 2;
      for (;;) {
        const eos = toks[i + off];
        if (!eos) break;
        if (eos.type === "LBRACK") {
          off += 3;
          continue;
        }
        if (eos.type === "DQPOST" && eos.value === "" && eos.nextCode?.type !== "FARROW") {
          // `"${y}"`: the closing `}` belongs to no token; drop it with the quotes.
          let inner = text.slice(pre.end, eos.start);
          if (pre.text.endsWith("${")) inner = inner.replace(/\}\s*$/, "");
          ctx.report({ start: v.start, end: v.end, message: "string containing only a variable", fix: [{ start: pre.start, end: eos.end, text: inner.startsWith("$") ? inner : `$${inner}` }] });
        }
        break;
      }
    }
  },
});
