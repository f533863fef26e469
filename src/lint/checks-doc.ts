// Renders docs/lint-checks.md from the rules' metadata (tests/lint/meta.test.ts keeps it in sync:
// regenerate with `node scripts/lint-docs.mjs`).
import type { LintRule } from "./rule.js";

const ORIGIN: Readonly<Record<string, string>> = {
  "puppet-lint": "puppet-lint 3.0.1 built-in check (same name, level, default and message)",
  plugin: "community plugin check (Vox Pupuli plugin / puppet-lint 4 core); off by default",
  cfg: "cfg check (needs the parser, scopes or the modulepath index); off by default unless noted",
};

export function renderChecksDoc(rules: readonly LintRule[]): string {
  const out = [
    "# cfg lint checks",
    "",
    "Generated from the rules' metadata by `node scripts/lint-docs.mjs`; do not edit by hand.",
    "Turn a default-off check on with `--<name>-check` or `\"checks\": {\"<name>\": \"on\"}` in `.cfg-lint.json`;",
    "turn one off with `--no-<name>-check`. See [lint.md](lint.md) for the command itself.",
    "",
    "| Check | Level | Default | Fix | Origin |",
    "|---|---|---|---|---|",
    ...rules.map((r) => `| [\`${r.meta.name}\`](#${r.meta.name}) | ${r.meta.level} | ${r.meta.enabled ? "on" : "off"} | ${r.meta.fixable ? "yes" : "no"} | ${r.meta.origin} |`),
    "",
  ];
  for (const r of rules) {
    out.push(`### ${r.meta.name}`, "", r.meta.description, "", `Level ${r.meta.level}, ${r.meta.enabled ? "on" : "off"} by default, ${r.meta.fixable ? "fixable with `--fix`" : "no autofix"}. ${ORIGIN[r.meta.origin]}.`, "");
    for (const [k, o] of Object.entries(r.meta.options ?? {})) out.push(`- option \`${k}\` (${o.type}, default \`${JSON.stringify(o.default)}\`): ${o.description}`, "");
  }
  return out.join("\n");
}
