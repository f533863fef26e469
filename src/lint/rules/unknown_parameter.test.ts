import { describe } from "vitest";
import rule from "./unknown_parameter.js";
import { ruleTester } from "../rule-tester.js";
import { testModules } from "./typecheck-fixture.js";

describe("unknown_parameter", () => {
  ruleTester(rule, {
    valid: ["class { 'mymod': port => 1, require => File['x'] }\n", "mymod::thing { 't': size => 1, colour => 'red' }\n"],
    invalid: [
      { code: "class { 'mymod': prot => 1 }\n", errors: [{ line: 1, column: 18, message: "class mymod has no parameter 'prot'" }] },
      { code: "mymod::thing { 't': size => 1, color => 'red' }\n", errors: [{ line: 1, column: 32, message: "defined type mymod::thing has no parameter 'color'" }] },
    ],
  }, { settings: { modules: testModules() } });
});
