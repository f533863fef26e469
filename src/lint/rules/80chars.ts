import { defineRule } from "../rule.js";
import { checkLineLength } from "./140chars.js";

export default defineRule({
  meta: { name: "80chars", level: "warning", enabled: false, fixable: false, origin: "puppet-lint", description: "Line over 80 characters (the old style guide; off by default)." },
  check: (ctx) => checkLineLength(ctx, 80),
});
