// cfg's own table (legacy_facts is not in puppet-lint 3.0.1).
import { describe } from "vitest";
import rule from "./legacy_facts.js";
import { ruleTester } from "../rule-tester.js";

describe("legacy_facts", () => {
  ruleTester(rule, {
    valid: ["notice($facts['os']['family'])\n", "notice($::kernel)\n", "notice($osfamily)\n"],
    invalid: [
      { code: "notice($::osfamily)\n", errors: [{ line: 1, column: 8, message: "legacy fact" }], output: "notice($facts['os']['family'])\n" },
      { code: "notice($facts['operatingsystem'])\n", errors: [{ line: 1, message: "legacy fact" }], output: "notice($facts['os']['name'])\n" },
      { code: "notice(\"${::fqdn} x\")\n", errors: [{ line: 1, message: "legacy fact" }], output: "notice(\"${facts['networking']['fqdn']} x\")\n" },
      { code: "notice($::ipaddress_eth0)\n", errors: [{ line: 1 }], output: "notice($facts['networking']['interfaces']['eth0']['ip'])\n" },
    ],
  });
});
