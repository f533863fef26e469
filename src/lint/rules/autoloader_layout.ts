import { defineRule } from "../rule.js";
import { classAndDefineIndexes } from "./token-util.js";

export default defineRule({
  meta: { name: "autoloader_layout", level: "error", enabled: true, fixable: false, origin: "puppet-lint", description: "Class or defined type not in the file the autoloader expects (<module>/manifests/<path>.pp)." },
  check(ctx) {
    if (!ctx.fullpath) return;
    const full = ctx.fullpath.replace(/\\/g, "/");
    for (const idx of classAndDefineIndexes(ctx.layout)) {
      const name = idx.nameToken;
      if (!name) continue;
      const parts = name.value.split("::");
      let expected = parts.length > 1 ? `/${parts[0]}/manifests/${parts.slice(1).join("/")}.pp` : `/${name.value}/manifests/init.pp`;
      if (ctx.settings.relative) expected = expected.replace(/^\//, "").split("/").slice(1).join("/");
      if (full.endsWith(expected)) continue;
      ctx.report({ start: name.start, end: name.end, message: `${name.value} not in autoload module layout` });
    }
  },
});
