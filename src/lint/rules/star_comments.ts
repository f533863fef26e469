import { defineRule } from "../rule.js";
import { layoutOfType } from "../layout-tokens.js";
import { indentOf } from "./token-util.js";

export default defineRule({
  meta: { name: "star_comments", level: "warning", enabled: true, fixable: true, origin: "puppet-lint", description: "`/* */` comments; the fix rewrites them as `#` lines." },
  check(ctx) {
    for (const t of layoutOfType(ctx.layout, "MLCOMMENT")) {
      const indent = indentOf(ctx.file.text, t.start);
      const lines = t.value.trim().split("\n").map((l) => l.trim());
      const text = lines.map((l) => (l ? `# ${l}` : "#")).join(`\n${indent}`);
      ctx.report({ start: t.start, end: t.end, message: "/* */ comment found", fix: [{ start: t.start, end: t.end, text }] });
    }
  },
});
