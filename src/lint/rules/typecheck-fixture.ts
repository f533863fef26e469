// A small modulepath index shared by the typecheck-powered rule tests.
import { emptyIndex, indexManifest } from "../../typecheck/binder.js";

export function testModules() {
  const idx = emptyIndex();
  indexManifest(idx, "/m/mymod/manifests/init.pp", "class mymod (Integer $port = 80, String $name2 = 'x') {\n}\n");
  indexManifest(idx, "/m/mymod/manifests/thing.pp", "define mymod::thing (Integer $size, $colour = 'blue') {\n}\n");
  idx.resourceTypes.add("rubytype");
  idx.functions.add("mymod::helper");
  return idx;
}
