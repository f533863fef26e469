// The project lint config: `.cfg-lint.json`, found in the working directory or the nearest parent.
// Plain JSON, validated here with messages that name the offending key. Format (docs/lint.md):
//   {
//     "checks": { "140chars": "off", "80chars": "on", "arrow_alignment": "error",
//                 "strict_indent": { "level": "warning", "options": { "chars_per_indent": 4 } } },
//     "ignore": ["vendor/**", "spec/fixtures/**"],
//     "relative": false,
//     "maxWarnings": 20
//   }
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { EnabledRule } from "./runner.js";
import type { LintLevel, LintRule } from "./rule.js";
import { ALL_RULES, RULES_BY_NAME } from "./rules/index.js";

export const CONFIG_FILE_NAME = ".cfg-lint.json";

export interface CheckSetting {
  readonly enabled?: boolean;
  readonly level?: LintLevel;
  readonly options?: Readonly<Record<string, unknown>>;
}

export interface LintConfig {
  readonly path?: string;
  readonly checks: Readonly<Record<string, CheckSetting>>;
  readonly ignore: readonly string[];
  readonly relative?: boolean;
  readonly maxWarnings?: number;
}

export const EMPTY_CONFIG: LintConfig = { checks: {}, ignore: [] };

export function findConfigFile(from: string): string | undefined {
  let dir = resolve(from);
  for (;;) {
    const p = join(dir, CONFIG_FILE_NAME);
    if (existsSync(p)) return p;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Suggests the closest check name (edit distance <= 3). */
export function suggestCheck(name: string): string {
  let best: string | undefined;
  let bestD = 4;
  for (const r of ALL_RULES) {
    const d = editDistance(name, r.meta.name);
    if (d < bestD) {
      bestD = d;
      best = r.meta.name;
    }
  }
  return best ? `; did you mean '${best}'?` : "";
}

function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}

export function loadConfig(path: string): { value: LintConfig; diagnostics: Diagnostic[] } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    return { value: EMPTY_CONFIG, diagnostics: [createDiagnostic("CFG5001", { args: { path, reason: (e as Error).message } })] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { value: EMPTY_CONFIG, diagnostics: [createDiagnostic("CFG5100", { args: { path, reason: (e as Error).message } })] };
  }
  return parseConfig(json, path);
}

/** Validates a parsed config object. Every problem is reported, not only the first. */
export function parseConfig(json: unknown, path: string): { value: LintConfig; diagnostics: Diagnostic[] } {
  const diags: Diagnostic[] = [];
  const bad = (reason: string): void => void diags.push(createDiagnostic("CFG5101", { args: { path, reason } }));
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    bad("the top level must be an object");
    return { value: EMPTY_CONFIG, diagnostics: diags };
  }
  const o = json as Record<string, unknown>;
  const checks: Record<string, CheckSetting> = {};
  let ignore: string[] = [];
  let relative: boolean | undefined;
  let maxWarnings: number | undefined;
  for (const [k, v] of Object.entries(o)) {
    switch (k) {
      case "$schema":
        break;
      case "checks":
        if (typeof v !== "object" || v === null || Array.isArray(v)) {
          bad(`"checks" must be an object mapping check names to "on", "off", "warning", "error" or {level, options}`);
          break;
        }
        for (const [name, setting] of Object.entries(v as Record<string, unknown>)) {
          const rule = RULES_BY_NAME.get(name);
          if (!rule) {
            diags.push(createDiagnostic("CFG5102", { args: { name, suggestion: suggestCheck(name) }, help: `in ${path}, "checks"` }));
            continue;
          }
          const s = parseCheckSetting(rule, setting, (r) => bad(`"checks.${name}": ${r}`));
          if (s) checks[name] = s;
        }
        break;
      case "ignore":
        if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) bad(`"ignore" must be an array of glob strings`);
        else ignore = v as string[];
        break;
      case "relative":
        if (typeof v !== "boolean") bad(`"relative" must be true or false`);
        else relative = v;
        break;
      case "maxWarnings":
        if (typeof v !== "number" || !Number.isInteger(v) || v < 0) bad(`"maxWarnings" must be a non-negative integer`);
        else maxWarnings = v;
        break;
      default:
        bad(`unknown key "${k}" (allowed: checks, ignore, relative, maxWarnings)`);
    }
  }
  return { value: { path, checks, ignore, relative, maxWarnings }, diagnostics: diags };
}

function parseCheckSetting(rule: LintRule, v: unknown, bad: (reason: string) => void): CheckSetting | undefined {
  if (typeof v === "string" || typeof v === "boolean") {
    if (v === "off" || v === false) return { enabled: false };
    if (v === "on" || v === true) return { enabled: true };
    if (v === "warning" || v === "error") return { enabled: true, level: v };
    bad(`expected "on", "off", "warning" or "error", got ${JSON.stringify(v)}`);
    return undefined;
  }
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    bad(`expected a string or an object {level, options}`);
    return undefined;
  }
  const o = v as Record<string, unknown>;
  let level: LintLevel | undefined;
  let enabled: boolean | undefined = true;
  const options: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) {
    if (k === "level") {
      if (x === "off") enabled = false;
      else if (x === "warning" || x === "error") level = x;
      else bad(`"level" must be "warning", "error" or "off"`);
    } else if (k === "options") {
      if (typeof x !== "object" || x === null || Array.isArray(x)) {
        bad(`"options" must be an object`);
        continue;
      }
      for (const [ok, ov] of Object.entries(x as Record<string, unknown>)) {
        const spec = rule.meta.options?.[ok];
        if (!spec) {
          const known = Object.keys(rule.meta.options ?? {});
          bad(`unknown option "${ok}"${known.length ? ` (options: ${known.join(", ")})` : " (this check has no options)"}`);
          continue;
        }
        const okType =
          spec.type === "string[]" ? Array.isArray(ov) && ov.every((e) => typeof e === "string") : typeof ov === spec.type;
        if (!okType) bad(`option "${ok}" must be a ${spec.type}`);
        else options[ok] = ov;
      }
    } else bad(`unknown key "${k}" (allowed: level, options)`);
  }
  return { enabled, level, options };
}

export interface Selection {
  /** `--only-checks a,b`. */
  readonly only?: readonly string[];
  /** `--<name>-check` (true) and `--no-<name>-check` (false). */
  readonly toggles?: Readonly<Record<string, boolean>>;
}

/** The rules to run: defaults, then the config file, then the command line. */
export function selectRules(config: LintConfig, sel: Selection): EnabledRule[] {
  const out: EnabledRule[] = [];
  for (const rule of ALL_RULES) {
    const name = rule.meta.name;
    const setting = config.checks[name];
    let enabled = setting?.enabled ?? rule.meta.enabled;
    if (sel.toggles && name in sel.toggles) enabled = sel.toggles[name]!;
    if (sel.only) enabled = sel.only.includes(name);
    if (!enabled) continue;
    const options: Record<string, unknown> = {};
    for (const [k, spec] of Object.entries(rule.meta.options ?? {})) options[k] = spec.default;
    Object.assign(options, setting?.options ?? {});
    out.push({ rule, level: setting?.level ?? rule.meta.level, options });
  }
  return out;
}
