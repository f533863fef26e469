// cfg's own table (strict_indent is a plugin; this is a simplified version of it).
import { describe } from "vitest";
import rule from "./strict_indent.js";
import { ruleTester } from "../rule-tester.js";

describe("strict_indent", () => {
  ruleTester(rule, {
    valid: [
      "class mymod (\n  $a,\n) {\n  file { '/tmp/a':\n    ensure => file,\n  }\n}\n",
      "$x = foo({\n  'a' => 1,\n})\n",
      "keystone::thing {\n  'x':\n    a => 1;\n  default:\n    b => 2;\n}\n",
      "$y = $a ? {\n  'b' => 1,\n  default => 2,\n}\n",
      "if $a and\n    $b {\n  notice(1)\n}\n",
      "$t = @(EOT)\n      any indent\n  | EOT\n",
    ],
    invalid: [
      { code: "class mymod {\n   notice(1)\n}\n", errors: [{ line: 2, column: 4, message: "indent should be 2 chars and is 3" }], output: "class mymod {\n  notice(1)\n}\n" },
      { code: "if $a {\nnotice(1)\n  }\n", errors: [{ line: 2, message: "indent should be 2 chars and is 0" }, { line: 3, message: "indent should be 0 chars and is 2" }], output: "if $a {\n  notice(1)\n}\n" },
      { code: "class mymod {\n  notice(1)\n}\n", errors: [{ line: 2, message: "indent should be 4 chars and is 2" }], output: "class mymod {\n    notice(1)\n}\n", options: { chars_per_indent: 4 } },
    ],
  });
});
