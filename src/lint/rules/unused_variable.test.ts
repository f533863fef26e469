import { describe } from "vitest";
import rule from "./unused_variable.js";
import { ruleTester } from "../rule-tester.js";

describe("unused_variable", () => {
  ruleTester(rule, {
    valid: [
      "define mymod::d () {\n  $x = 1\n  notice($x)\n}\n",
      "define mymod::d () {\n  $x = 1\n  file { '/tmp/a': content => template('m/t.erb') }\n}\n",
      "class mymod {\n  $public = 1\n}\n",
      "define mymod::d () {\n  $x = 1\n  [1].each |$v| { notice($x) }\n}\n",
    ],
    invalid: [{ code: "define mymod::d () {\n  $x = 1\n}\n", errors: [{ line: 2, column: 3, message: "variable $x is assigned but never used" }] }],
  });
});
