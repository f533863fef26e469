import { describe } from "vitest";
import rule from "./unknown_class.js";
import { ruleTester } from "../rule-tester.js";
import { testModules } from "./typecheck-fixture.js";

describe("unknown_class", () => {
  ruleTester(rule, {
    valid: ["include mymod\n", "class { '::mymod': }\n", "contain $dynamic\n"],
    invalid: [
      { code: "include mymod::missing\n", errors: [{ line: 1, column: 9, message: "unknown class 'mymod::missing' (not found on the modulepath)" }] },
      { code: "class { 'nope': }\n", errors: [{ line: 1, column: 9 }] },
      { code: "class a inherits nope {\n}\n", errors: [{ line: 1, column: 18 }] },
    ],
  }, { settings: { modules: testModules() } });
});
