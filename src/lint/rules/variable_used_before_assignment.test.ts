import { describe } from "vitest";
import rule from "./variable_used_before_assignment.js";
import { ruleTester } from "../rule-tester.js";

describe("variable_used_before_assignment", () => {
  ruleTester(rule, {
    valid: ["class mymod {\n  $x = 1\n  notice($x)\n}\n", "class mymod ($x) {\n  notice($x)\n}\n", "class mymod {\n  $x = $x + 1\n}\n"],
    invalid: [{ code: "class mymod {\n  notice($x)\n  $x = 1\n}\n", errors: [{ line: 2, column: 10, message: "variable $x is used before it is assigned (line 3)" }] }],
  });
});
