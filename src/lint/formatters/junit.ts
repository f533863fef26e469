// JUnit XML: one <testsuite> per file, one failing <testcase> per finding; a clean file gets one
// passing case (Jenkins and GitLab count files as suites).
import { allFindings, type FormatInput } from "./types.js";
import { escapeXml } from "./xml.js";

export function formatJunit(input: FormatInput): string {
  const total = allFindings(input).length;
  const out = [`<?xml version="1.0" encoding="UTF-8"?>`, `<testsuites name="cfg lint" tests="${Math.max(total, input.files.length)}" failures="${total}">`];
  for (const r of input.files) {
    const n = r.findings.length;
    out.push(`  <testsuite name="${escapeXml(r.path)}" tests="${Math.max(n, 1)}" failures="${n}" errors="0">`);
    if (n === 0) out.push(`    <testcase name="cfg lint" classname="${escapeXml(r.path)}"/>`);
    for (const f of r.findings) {
      out.push(`    <testcase name="${escapeXml(`${f.check} ${r.path}:${f.line}:${f.column}`)}" classname="${escapeXml(r.path)}">`);
      out.push(`      <failure type="${f.severity}" message="${escapeXml(f.message)}">${escapeXml(`${r.path}:${f.line}:${f.column} ${f.severity} ${f.message} (check: ${f.check})`)}</failure>`);
      out.push(`    </testcase>`);
    }
    out.push(`  </testsuite>`);
  }
  out.push(`</testsuites>`);
  return `${out.join("\n")}\n`;
}
