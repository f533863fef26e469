import { describe } from "vitest";
import rule from "./manifest_whitespace_newline_end_of_file.js";
import { ruleTester } from "../rule-tester.js";

describe("manifest_whitespace_newline_end_of_file", () => {
  ruleTester(rule, {
    valid: ["$x = 1\n"],
    invalid: [
      { code: "$x = 1", errors: [{ line: 1, message: "missing newline at the end of the file" }], output: "$x = 1\n" },
      { code: "$x = 1\n\n\n", errors: [{ line: 2, message: "there should be a single newline at the end of a manifest" }], output: "$x = 1\n" },
    ],
  });
});
