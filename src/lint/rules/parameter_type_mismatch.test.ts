import { describe } from "vitest";
import rule from "./parameter_type_mismatch.js";
import { ruleTester } from "../rule-tester.js";
import { testModules } from "./typecheck-fixture.js";

describe("parameter_type_mismatch", () => {
  ruleTester(rule, {
    valid: ["class mymod (Integer $port = 80, Optional[String] $s = undef, Stdlib::Port $p = 'x') {\n}\n", "class { 'mymod': port => 8080 }\n"],
    invalid: [
      { code: "class mymod (Integer $port = 'eighty') {\n}\n", errors: [{ line: 1, column: 30, message: "default value of $port does not match its type: expects an Integer value, got String" }] },
      { code: "define mymod::d (Enum['a', 'b'] $e = 'c') {\n}\n", errors: [{ line: 1 }] },
      { code: "class { 'mymod': port => 'eighty' }\n", errors: [{ line: 1, column: 26, message: "value for class mymod parameter 'port' does not match its type: expects an Integer value, got String" }] },
    ],
  }, { settings: { modules: testModules() } });
});
