import { defineRule } from "../rule.js";
import { layoutOfType } from "../layout-tokens.js";

const STRING_PARTS = new Set(["DQMID", "DQPOST", "HEREDOC_MID", "HEREDOC_POST"]);

export default defineRule({
  meta: { name: "variables_not_enclosed", level: "warning", enabled: true, fixable: true, origin: "puppet-lint", description: "`\"$x\"` in a string: write `\"${x}\"`." },
  check(ctx) {
    const text = ctx.file.text;
    for (const t of layoutOfType(ctx.layout, "UNENC_VARIABLE")) {
      // The interpolated expression runs to the next string part ($x[1] includes the access).
      let end = t.end;
      for (let n = t.next; n; n = n.next) {
        if (STRING_PARTS.has(n.type)) {
          end = n.start;
          break;
        }
      }
      ctx.report({ start: t.start, end: t.end, message: "variable not enclosed in {}", fix: [{ start: t.start, end, text: `\${${text.slice(t.start + 1, end)}}` }] });
    }
  },
});
