import { defineRule } from "../rule.js";
import { layoutOfType } from "../layout-tokens.js";

export default defineRule({
  meta: { name: "puppet_url_without_modules", level: "warning", enabled: true, fixable: true, origin: "puppet-lint", description: "`puppet://` URL without the `modules/` mount point." },
  check(ctx) {
    for (const t of layoutOfType(ctx.layout, "SSTRING", "STRING", "DQPRE")) {
      if (!t.value.startsWith("puppet://")) continue;
      const m = /puppet:\/\/.*?\/(.+)/.exec(t.value);
      if (m && m[1]!.startsWith("modules/")) continue;
      const slash = /puppet:\/\/[^/]*\//.exec(t.text);
      const fix = slash ? [{ start: t.start + slash.index + slash[0].length, end: t.start + slash.index + slash[0].length, text: "modules/" }] : undefined;
      ctx.report({ start: t.start, end: t.end, message: "puppet:// URL without modules/ found", fix });
    }
  },
});
