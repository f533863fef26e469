// Code Climate / GitLab Code Quality: warning -> minor, error -> major, category Style.
// The fingerprint hashes check, path and the trimmed source line (stable when lines move).
import { createHash } from "../../util/lazy-crypto.js";
import { allFindings, type FormatInput } from "./types.js";

export function formatCodeclimate(input: FormatInput): string {
  const seen = new Map<string, number>();
  const issues = allFindings(input).map(({ report, finding: f }) => {
    const base = `${f.check}\0${report.path}\0${report.lineText(f.line).trim()}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return {
      type: "issue",
      check_name: f.check,
      description: f.message,
      categories: ["Style"],
      severity: f.severity === "error" ? "major" : "minor",
      fingerprint: createHash("md5").update(`${base}\0${n}`).digest("hex"),
      location: { path: report.path, lines: { begin: f.line, end: f.endLine } },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
