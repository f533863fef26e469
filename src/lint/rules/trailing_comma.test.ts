// cfg's own table (trailing_comma is a plugin, not in puppet-lint 3.0.1).
import { describe } from "vitest";
import rule from "./trailing_comma.js";
import { ruleTester } from "../rule-tester.js";

describe("trailing_comma", () => {
  ruleTester(rule, {
    valid: ["$a = [1, 2]\n", "$b = [\n  1,\n  2,\n]\n", "file { '/tmp/a':\n  ensure => file,\n}\n", "$c = { 'a' => 1 }\n"],
    invalid: [
      { code: "$b = [\n  1,\n  2\n]\n", errors: [{ line: 3, column: 4, message: "missing trailing comma after last element" }], output: "$b = [\n  1,\n  2,\n]\n" },
      { code: "file { '/tmp/a':\n  ensure => file\n}\n", errors: [{ line: 2 }], output: "file { '/tmp/a':\n  ensure => file,\n}\n" },
      { code: "$h = {\n  'a' => 1 # one\n}\n", errors: [{ line: 2 }], output: "$h = {\n  'a' => 1, # one\n}\n" },
      { code: "class mymod (\n  $a,\n  $b = 1\n) {\n}\n", errors: [{ line: 3 }], output: "class mymod (\n  $a,\n  $b = 1,\n) {\n}\n" },
    ],
  });
});
