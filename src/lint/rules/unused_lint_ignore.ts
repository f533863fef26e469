import { defineRule } from "../rule.js";

// The runner reports these (it sees every check's findings); the rule exists to be listed and toggled.
export default defineRule({
  meta: { name: "unused_lint_ignore", level: "warning", enabled: true, fixable: false, origin: "cfg", description: "A `# lint:ignore:<check>` comment that suppresses nothing (only judged for checks that ran)." },
  check() {},
});
