// file_line (puppetlabs-stdlib): one line in a file, present or absent, optionally replacing the
// lines a regex matches. A port of stdlib's ruby provider (lib/puppet/provider/file_line/ruby.rb),
// with its quirks (e.g. `append_on_no_match => false` reports in sync when nothing matches); the
// patterns are Ruby regexps, translated as the compiler translates them. Writes are atomic.
import { existsSync, readFileSync, statSync } from "node:fs";
import { isAbsolute } from "node:path";
import { toJsRegExp } from "../typecheck/types/ruby-regexp.js";
import { writeFileAtomic } from "../util/atomic-write.js";
import type { ApplyContext, ApplyOutcome, ResourceInstance, ResourceType, ValidationProblem } from "./types.js";

const isTrue = (v: unknown): boolean => String(v) === "true";

/** Ruby's File.readlines: lines with their "\n". */
function readLines(path: string): string[] {
  const text = readFileSync(path, "utf8");
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Ruby's IO#puts: a newline unless the string already ends with one. */
const puts = (s: string): string => (s.endsWith("\n") ? s : s + "\n");
const chomp = (s: string): string => s.replace(/\r?\n$/, "");

function regex(source: unknown): RegExp | undefined {
  return source === undefined || source === null ? undefined : toJsRegExp(String(source));
}

class FileLine {
  constructor(
    private readonly r: ResourceInstance,
    private readonly lines: string[],
  ) {}
  private get p() {
    return this.r.params;
  }
  private get line(): string {
    return String(this.p.line ?? "");
  }

  countMatches(re: RegExp | undefined): number {
    if (!re) return 0;
    return this.lines.filter((l) => (isTrue(this.p.replace_all_matches_not_matching_line) ? chomp(l) !== this.line && re.test(l) : re.test(l))).length;
  }

  exists(): boolean {
    const linesCount = this.lines.filter((l) => chomp(l) === this.line).length;
    if (this.p.match === undefined || this.p.match === null) return linesCount > 0;
    const matchCount = this.countMatches(regex(this.p.match));
    if (String(this.p.ensure ?? "present") === "present") {
      if (matchCount === 0) return !(linesCount === 0 && String(this.p.append_on_no_match ?? "true") !== "false");
      if (isTrue(this.p.replace_all_matches_not_matching_line)) return false;
      if (linesCount === 0) return String(this.p.replace ?? "true") === "false";
      return true;
    }
    if (matchCount === 0) return linesCount > 0;
    if (linesCount === 0) return isTrue(this.p.match_for_absence);
    return true;
  }

  create(): string | undefined {
    if (String(this.p.replace ?? "true") !== "true" && this.countMatches(regex(this.p.match)) > 0) return undefined;
    if (this.p.match !== undefined && this.p.match !== null) return this.createWithMatch();
    if (this.p.after !== undefined && this.p.after !== null) return this.createWithAfter();
    return this.lines.map(puts).join("") + puts(this.line);
  }

  private createWithMatch(): string {
    const after = regex(this.p.after);
    const match = regex(this.p.match)!;
    let matchCount = this.countMatches(match);
    if (matchCount > 1 && !isTrue(this.p.multiple)) throw new Error(`More than one line in file '${String(this.p.path)}' matches pattern '${String(this.p.match)}'`);
    let out = "";
    for (const l of this.lines) {
      out += puts(match.test(l) ? this.line : l);
      if (matchCount === 0 && after && after.test(l)) {
        out += puts(this.line);
        matchCount++;
      }
    }
    if (matchCount === 0) out += puts(this.line);
    return out;
  }

  private createWithAfter(): string {
    const after = regex(this.p.after)!;
    const afterCount = this.countMatches(after);
    if (afterCount > 1 && !isTrue(this.p.multiple)) throw new Error(`${afterCount} lines match pattern '${String(this.p.after)}' in file '${String(this.p.path)}'. One or no line must match the pattern.`);
    let out = "";
    for (const l of this.lines) {
      out += puts(l);
      if (after.test(l)) out += puts(this.line);
    }
    if (afterCount === 0) out += puts(this.line);
    return out;
  }

  destroy(): string {
    if (isTrue(this.p.match_for_absence) && this.p.match !== undefined && this.p.match !== null) {
      const match = regex(this.p.match)!;
      if (this.countMatches(match) > 1 && !isTrue(this.p.multiple)) throw new Error(`More than one line in file '${String(this.p.path)}' matches pattern '${String(this.p.match)}'`);
      return this.lines.filter((l) => !match.test(l)).join("");
    }
    return this.lines.filter((l) => chomp(l) !== this.line).join("");
  }
}

/** Replaces the file's content atomically, keeping its mode, owner and group. */
function rewrite(path: string, text: string): void {
  const st = statSync(path);
  writeFileAtomic(path, text, st.mode & 0o7777, { uid: st.uid, gid: st.gid });
}

export const fileLineType: ResourceType = {
  name: "file_line",
  namevar: "name",
  attributes: ["name", "ensure", "path", "line", "match", "match_for_absence", "multiple", "after", "replace", "replace_all_matches_not_matching_line", "encoding", "append_on_no_match", "provider"],

  validate(r) {
    const p = r.params;
    const problems: ValidationProblem[] = [];
    if (p.ensure !== undefined && !["present", "absent"].includes(String(p.ensure))) problems.push({ attribute: "ensure", message: `Invalid value ${JSON.stringify(p.ensure)}. Valid values are present, absent.` });
    if (p.path === undefined) problems.push({ message: "path is a required attribute" });
    else if (typeof p.path !== "string" || !isAbsolute(p.path)) problems.push({ attribute: "path", message: `File paths must be fully qualified, not '${String(p.path)}'` });
    if (isTrue(p.replace_all_matches_not_matching_line) && String(p.multiple) === "false") problems.push({ message: "multiple must be true when replace_all_matches_not_matching_line is true" });
    if (isTrue(p.replace_all_matches_not_matching_line) && String(p.replace) === "false") problems.push({ message: "replace must be true when replace_all_matches_not_matching_line is true" });
    if (p.line === undefined && !(String(p.ensure) === "absent" && isTrue(p.match_for_absence) && p.match !== undefined)) problems.push({ message: "line is a required attribute" });
    for (const b of ["multiple", "replace", "append_on_no_match", "match_for_absence", "replace_all_matches_not_matching_line"]) {
      if (p[b] !== undefined && !["true", "false"].includes(String(p[b]))) problems.push({ attribute: b, message: `Invalid value ${JSON.stringify(p[b])}. Valid values are true, false.` });
    }
    for (const re of ["match", "after"]) {
      if (p[re] === undefined) continue;
      try {
        toJsRegExp(String(p[re]));
      } catch (e) {
        problems.push({ attribute: re, message: `Invalid regular expression: ${(e as Error).message}` });
      }
    }
    return problems;
  },

  autorequire(r) {
    return typeof r.params.path === "string" ? [{ type: "File", title: r.params.path }] : [];
  },

  async apply(r, ctx: ApplyContext): Promise<ApplyOutcome> {
    const path = String(r.params.path);
    const ensure = String(r.params.ensure ?? "present");
    // stdlib reads the file; a missing file is an error except in noop (where it counts as empty).
    let lines: string[];
    if (existsSync(path)) lines = readLines(path);
    else if (ctx.noop) lines = [];
    else throw new Error(`No such file or directory @ rb_sysopen - ${path}`);
    const fl = new FileLine(r, lines);
    const exists = fl.exists();
    const status = ctx.noop ? "noop" : "success";
    if (ensure === "present" && !exists) {
      if (!ctx.noop) {
        const text = fl.create();
        if (text !== undefined) rewrite(path, text);
      }
      return { provider: "ruby", events: [{ property: "ensure", previousValue: "absent", desiredValue: "present", message: "created", name: "file_line_created", status }] };
    }
    if (ensure === "absent" && exists) {
      if (!ctx.noop) rewrite(path, fl.destroy());
      return { provider: "ruby", events: [{ property: "ensure", previousValue: "present", desiredValue: "absent", message: "removed", name: "file_line_removed", status }] };
    }
    return { provider: "ruby", events: [] };
  },
};
