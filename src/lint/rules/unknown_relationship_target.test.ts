import { describe } from "vitest";
import rule from "./unknown_relationship_target.js";
import { ruleTester } from "../rule-tester.js";
import { indexManifest } from "../../typecheck/binder.js";
import { testModules } from "./typecheck-fixture.js";

const modules = testModules();
indexManifest(modules, "/m/mymod/manifests/pkgs.pp", "class mymod::pkgs {\n  package { 'nginx': }\n  file { '/etc/app/': }\n  service { 'svc': name => 'real-svc' }\n  user { $dynamic: }\n}\n");

describe("unknown_relationship_target", () => {
  ruleTester(rule, {
    valid: [
      "Package['nginx'] -> Service['svc']\n",
      "exec { 'x': require => [Package['nginx'], File['/etc/app']] }\n",
      "Service['real-svc'] ~> Class['mymod']\n",
      "User['anyone'] -> Package['nginx']\n",
    ],
    invalid: [
      { code: "Package['nginx'] -> Service['apache2']\n", errors: [{ line: 1, column: 21, message: "relationship to Service['apache2'], which is declared nowhere on the modulepath" }] },
      { code: "exec { 'x': before => Class['mymod::nope'] }\n", errors: [{ line: 1, column: 23 }] },
    ],
  }, { settings: { modules } });
});
