import { describe } from "vitest";
import rule from "./unknown_function.js";
import { ruleTester } from "../rule-tester.js";
import { testModules } from "./typecheck-fixture.js";

describe("unknown_function", () => {
  ruleTester(rule, {
    valid: ["notice(lookup('x'))\n", "$a = mymod::helper()\n", "[1].each |$x| { notice($x) }\n"],
    invalid: [
      { code: "nofunc(1)\n", errors: [{ line: 1, column: 1, message: "unknown function 'nofunc'" }] },
      { code: "$a = [1].nomethod\n", errors: [{ line: 1, column: 10 }] },
    ],
  }, { settings: { modules: testModules() } });
});
