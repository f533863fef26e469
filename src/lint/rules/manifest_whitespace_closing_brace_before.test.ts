import { describe } from "vitest";
import rule from "./manifest_whitespace_closing_brace_before.js";
import { ruleTester } from "../rule-tester.js";

describe("manifest_whitespace_closing_brace_before", () => {
  ruleTester(rule, {
    valid: ["$h = { 'a' => 1 }\n", "if $x {\n}\n", "$e = {}\n", "$s = \"${x}\"\n"],
    invalid: [
      { code: "$h = { 'a' => 1}\n", errors: [{ line: 1, column: 16 }], output: "$h = { 'a' => 1 }\n" },
      { code: "$h = { 'a' => 1   }\n", errors: [{ line: 1, column: 19 }], output: "$h = { 'a' => 1 }\n" },
    ],
  });
});
