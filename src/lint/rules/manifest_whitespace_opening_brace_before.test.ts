import { describe } from "vitest";
import rule from "./manifest_whitespace_opening_brace_before.js";
import { ruleTester } from "../rule-tester.js";

describe("manifest_whitespace_opening_brace_before", () => {
  ruleTester(rule, {
    valid: ["if $x {\n}\n", "$h = {\n  'a' => \"${x}\",\n}\n"],
    invalid: [
      { code: "if $x{\n}\n", errors: [{ line: 1, column: 6 }], output: "if $x {\n}\n" },
      { code: "if $x   {\n}\n", errors: [{ line: 1, column: 9 }], output: "if $x {\n}\n" },
    ],
  });
});
