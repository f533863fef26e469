// cfg's own table (top_scope_facts is not in puppet-lint 3.0.1).
import { describe } from "vitest";
import rule from "./top_scope_facts.js";
import { ruleTester } from "../rule-tester.js";

describe("top_scope_facts", () => {
  ruleTester(rule, {
    valid: ["notice($facts['kernel'])\n", "notice($::mymod::var)\n", "notice($kernel)\n"],
    invalid: [
      { code: "notice($::kernel)\n", errors: [{ line: 1, column: 8, message: "top scope fact instead of facts hash" }], output: "notice($facts['kernel'])\n" },
      { code: "notice($::trusted['certname'])\n", errors: [{ line: 1 }], output: "notice($trusted['certname'])\n" },
      { code: "notice($::role)\n", errors: [], options: { top_scope_variables: ["role"] } },
    ],
  });
});
