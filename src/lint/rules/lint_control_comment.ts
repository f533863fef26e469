import { defineRule } from "../rule.js";

// The runner reports these while reading control comments; the rule exists to be listed and toggled.
export default defineRule({
  meta: { name: "lint_control_comment", level: "warning", enabled: true, fixable: false, origin: "cfg", description: "`# lint:endignore` without an opening `# lint:ignore:<check>`, or an ignore block never closed." },
  check() {},
});
