import { describe } from "vitest";
import rule from "./unquoted_string_in_case.js";
import { ruleTester } from "../rule-tester.js";

describe("unquoted_string_in_case", () => {
  ruleTester(rule, {
    valid: ["case $x {\n  'a': {}\n  default: {}\n}\n"],
    invalid: [{ code: "case $x {\n  a, 'b': {}\n  default: {}\n}\n", errors: [{ line: 2, column: 3, message: "unquoted string in case" }], output: "case $x {\n  'a', 'b': {}\n  default: {}\n}\n" }],
  });
});
