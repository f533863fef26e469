import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildModuleIndex, inferModulepath } from "./binder.js";
import { literalMismatch } from "./checker.js";
import type { Expression } from "../ast/nodes.js";

describe("modulepath index", () => {
  it("finds classes, defined types with signatures, Ruby types and functions", () => {
    const root = mkdtempSync(join(tmpdir(), "cfg-mp-"));
    const put = (p: string, text: string) => {
      mkdirSync(join(root, p, ".."), { recursive: true });
      writeFileSync(join(root, p), text);
    };
    put("m/manifests/init.pp", "class m (Integer $port, $x = 1) {}\n");
    put("m/manifests/d.pp", "define m::d (String $s) {}\n");
    put("m/lib/puppet/type/widget.rb", "");
    put("m/lib/puppet/functions/m/helper.rb", "");
    put("m/lib/puppet/parser/functions/legacy_fn.rb", "");
    put("m/functions/pp_fn.pp", "function m::pp_fn() {}\n");
    const idx = buildModuleIndex([root]);
    expect([...idx.classes.keys()]).toEqual(["m"]);
    expect(idx.classes.get("m")!.params.get("port")).toEqual({ required: true, typeText: "Integer" });
    expect(idx.classes.get("m")!.params.get("x")!.required).toBe(false);
    expect([...idx.definedTypes.keys()]).toEqual(["m::d"]);
    expect([...idx.resourceTypes]).toEqual(["widget"]);
    expect([...idx.functions].sort()).toEqual(["legacy_fn", "m::helper", "m::pp_fn"]);
  });
  it("infers modulepath roots from manifest paths", () => {
    expect(inferModulepath(["/etc/puppet/code/modules/apt/manifests/init.pp", "/srv/m/x/manifests/a/b.pp", "/tmp/site.pp"])).toEqual(["/etc/puppet/code/modules", "/srv/m"]);
  });
});

describe("literal values against declared types", () => {
  const str = (value: string): Expression => ({ kind: "LiteralString", value, span: { start: 0, end: 0 } });
  it("uses Puppet's mismatch text and skips types with aliases", () => {
    expect(literalMismatch("Integer", str("eighty"))).toBe("expects an Integer value, got String");
    expect(literalMismatch("Optional[String]", str("x"))).toBeUndefined();
    expect(literalMismatch("Stdlib::Port", str("x"))).toBeUndefined();
  });
});
