import { describe } from "vitest";
import rule from "./unquoted_string_in_selector.js";
import { ruleTester } from "../rule-tester.js";

describe("unquoted_string_in_selector", () => {
  ruleTester(rule, {
    valid: ["$y = $x ? { 'a' => 1, default => 2 }\n"],
    invalid: [{ code: "$y = $x ? { a => 1, default => 2 }\n", errors: [{ line: 1, column: 13, message: "unquoted string in selector" }], output: "$y = $x ? { 'a' => 1, default => 2 }\n" }],
  });
});
