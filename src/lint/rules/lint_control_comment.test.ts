import { describe } from "vitest";
import rule from "./lint_control_comment.js";
import hardTabs from "./hard_tabs.js";
import { ruleTester } from "../rule-tester.js";

describe("lint_control_comment", () => {
  ruleTester(rule, {
    valid: ["# lint:ignore:hard_tabs\n$x = 1\t\n# lint:endignore\n"],
    invalid: [
      { code: "$x = 1\n# lint:endignore\n", errors: [{ line: 2, column: 1, message: "lint:endignore comment with no opening lint:ignore:<check> comment" }] },
      { code: "# lint:ignore:hard_tabs\n$x = 1\t\n", errors: [{ line: 1, column: 1, message: "lint:ignore:hard_tabs comment with no closing lint:endignore comment" }] },
    ],
  }, { withRules: [hardTabs] });
});
