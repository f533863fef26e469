import { describe } from "vitest";
import rule from "./missing_required_parameter.js";
import { ruleTester } from "../rule-tester.js";
import { testModules } from "./typecheck-fixture.js";

describe("missing_required_parameter", () => {
  ruleTester(rule, {
    valid: ["mymod::thing { 't': size => 1 }\n", "mymod::thing { 't': * => $attrs }\n", "class { 'mymod': }\n"],
    invalid: [{ code: "mymod::thing { 't': colour => 'red' }\n", errors: [{ line: 1, column: 1, message: "defined type mymod::thing requires parameter 'size'" }] }],
  }, { settings: { modules: testModules() } });
});
