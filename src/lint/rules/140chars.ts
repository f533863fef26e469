import { defineRule, type RuleContext } from "../rule.js";

/** puppet-lint's LineLengthCheck: URLs and template() lines are exempt; length counts characters. */
export function checkLineLength(ctx: RuleContext, limit: number): void {
  const text = ctx.file.text;
  let offset = 0;
  for (const line of text.split("\n")) {
    if (!line.includes("://") && !line.includes("template(")) {
      let n = line.length;
      if (n > limit) n = [...line].length;
      if (n > limit) ctx.report({ start: offset + Math.min(limit - 1, line.length), end: offset + line.length, message: `line has more than ${limit} characters` });
    }
    offset += line.length + 1;
  }
}

export default defineRule({
  meta: { name: "140chars", level: "warning", enabled: true, fixable: false, origin: "puppet-lint", description: "Line over 140 characters (lines with URLs or template() are exempt)." },
  check: (ctx) => checkLineLength(ctx, 140),
});
