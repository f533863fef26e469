import { describe, expect, it } from "vitest";
import { EMPTY_CONFIG, parseConfig, selectRules } from "./config.js";

describe("lint config", () => {
  it("accepts the documented shapes", () => {
    const r = parseConfig({ checks: { "140chars": "off", "80chars": "on", arrow_alignment: "error", top_scope_facts: { level: "warning", options: { top_scope_variables: ["role"] } } }, ignore: ["vendor/**"], relative: true, maxWarnings: 3 }, "x.json");
    expect(r.diagnostics).toEqual([]);
    const names = selectRules(r.value, {}).map((e) => `${e.rule.meta.name}:${e.level}`);
    expect(names).toContain("80chars:warning");
    expect(names).toContain("arrow_alignment:error");
    expect(names).toContain("top_scope_facts:warning");
    expect(names.some((n) => n.startsWith("140chars:"))).toBe(false);
  });
  it("reports every problem with the key that is wrong", () => {
    const r = parseConfig({ checks: { arow_alignment: "off", hard_tabs: "maybe", top_scope_facts: { options: { nope: 1 } } }, ignore: "x", extra: 1 }, "cfg.json");
    const msgs = r.diagnostics.map((d) => `${d.code} ${d.message}`);
    expect(msgs).toEqual([
      "CFG5102 Unknown check 'arow_alignment'; did you mean 'arrow_alignment'?",
      'CFG5101 Invalid lint config cfg.json: "checks.hard_tabs": expected "on", "off", "warning" or "error", got "maybe"',
      'CFG5101 Invalid lint config cfg.json: "checks.top_scope_facts": unknown option "nope" (options: top_scope_variables)',
      'CFG5101 Invalid lint config cfg.json: "ignore" must be an array of glob strings',
      'CFG5101 Invalid lint config cfg.json: unknown key "extra" (allowed: checks, ignore, relative, maxWarnings)',
    ]);
  });
  it("command line beats config: --only-checks, then --no-x-check / --x-check", () => {
    const cfg = parseConfig({ checks: { hard_tabs: "off" } }, "c").value;
    expect(selectRules(cfg, {}).some((e) => e.rule.meta.name === "hard_tabs")).toBe(false);
    expect(selectRules(cfg, { toggles: { hard_tabs: true } }).some((e) => e.rule.meta.name === "hard_tabs")).toBe(true);
    expect(selectRules(EMPTY_CONFIG, { only: ["80chars"] }).map((e) => e.rule.meta.name)).toEqual(["80chars"]);
  });
});
