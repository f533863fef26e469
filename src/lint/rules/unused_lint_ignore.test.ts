import { describe } from "vitest";
import rule from "./unused_lint_ignore.js";
import hardTabs from "./hard_tabs.js";
import { ruleTester } from "../rule-tester.js";

describe("unused_lint_ignore", () => {
  ruleTester(rule, {
    valid: ["$x = 1\t# lint:ignore:hard_tabs\n", "# lint:ignore:hard_tabs\n$x = 1\t\n# lint:endignore\n", "$y = 1 # lint:ignore:140chars not run\n"],
    invalid: [
      { code: "$x = 1 # lint:ignore:hard_tabs\n", errors: [{ line: 1, column: 8, message: "lint:ignore:hard_tabs suppresses nothing" }] },
      { code: "# lint:ignore:hard_tabs reason\n$x = 1\n# lint:endignore\n", errors: [{ line: 1, column: 1 }] },
    ],
  }, { withRules: [hardTabs] });
});
