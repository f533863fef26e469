import { describe } from "vitest";
import rule from "./unknown_resource_type.js";
import { ruleTester } from "../rule-tester.js";
import { testModules } from "./typecheck-fixture.js";

describe("unknown_resource_type", () => {
  ruleTester(rule, {
    valid: ["file { '/tmp/a': }\n", "mymod::thing { 'x': size => 1 }\n", "rubytype { 'y': }\n"],
    invalid: [{ code: "mymod::nothing { 'x': }\n", errors: [{ line: 1, column: 1, message: "unknown resource type 'mymod::nothing' (not built in, not a defined type or Ruby type on the modulepath)" }] }],
  }, { settings: { modules: testModules() } });
});
