import { defineRule, type RuleContext } from "../rule.js";

/** puppet-lint's LineLengthCheck: URLs and template() lines are exempt; length counts characters. */
export function checkLineLength(ctx: RuleContext, limit: number): void {
  const text = ctx.file.text;
  let offset = 0;
  while (offset <= text.length) {
    let nl = text.indexOf("\n", offset);
    if (nl < 0) nl = text.length;
    // Only lines longer than the limit in UTF-16 units can be longer in characters.
    if (nl - offset > limit) {
      const line = text.slice(offset, nl);
      if (!line.includes("://") && !line.includes("template(") && [...line].length > limit) {
        ctx.report({ start: offset + limit - 1, end: nl, message: `line has more than ${limit} characters` });
      }
    }
    offset = nl + 1;
  }
}

export default defineRule({
  meta: { name: "140chars", level: "warning", enabled: true, fixable: false, origin: "puppet-lint", description: "Line over 140 characters (lines with URLs or template() are exempt)." },
  check: (ctx) => checkLineLength(ctx, 140),
});
