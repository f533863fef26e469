// cfg's own table (param-docs is a plugin, not in puppet-lint 3.0.1).
import { describe } from "vitest";
import rule from "./parameter_documentation.js";
import { ruleTester } from "../rule-tester.js";

describe("parameter_documentation", () => {
  ruleTester(rule, {
    valid: [
      "# Docs\n# @param a The a.\n# @param [Integer] b The b.\nclass mymod ($a, Integer $b = 1) {\n}\n",
      "# Docs\n# [*a*]\n#   The a.\ndefine mymod::d ($a) {\n}\n",
      "# Docs\n# $a:: the a\nclass mymod ($a) {\n}\n",
    ],
    invalid: [
      { code: "# Docs\n# @param a The a.\nclass mymod ($a, $b) {\n}\n", errors: [{ line: 3, column: 18, message: "missing documentation for class parameter mymod::b" }] },
      { code: "# @param a one\n# @param a two\ndefine mymod::d ($a) {\n}\n", errors: [{ line: 3, message: "Duplicate defined type parameter documentation for mymod::d::a" }] },
    ],
  });
});
