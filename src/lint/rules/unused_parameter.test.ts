import { describe } from "vitest";
import rule from "./unused_parameter.js";
import { ruleTester } from "../rule-tester.js";

describe("unused_parameter", () => {
  ruleTester(rule, {
    valid: ["define mymod::d ($a) {\n  notice($a)\n}\n", "class mymod ($a) {\n}\n", "define mymod::d ($a) {\n  file { '/tmp/a': content => epp('m/t.epp') }\n}\n"],
    invalid: [{ code: "define mymod::d ($a, $b) {\n  notice($a)\n}\n", errors: [{ line: 1, column: 22, message: "parameter $b is never used" }] }],
  });
});
