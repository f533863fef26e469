// JUnit (one <testsuite> per file, one failing <testcase> per finding; a clean file gets one passing
// case) and Checkstyle (<file name><error line column severity message source/>).
import { allFindings, type FormatInput } from "./types.js";

export function escapeXml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
}

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

export function formatCheckstyle(input: FormatInput): string {
  const out = [`<?xml version="1.0" encoding="UTF-8"?>`, `<checkstyle version="4.3">`];
  for (const r of input.files) {
    out.push(`  <file name="${escapeXml(r.path)}">`);
    for (const f of r.findings) {
      out.push(`    <error line="${f.line}" column="${f.column}" severity="${f.severity}" message="${escapeXml(f.message)}" source="cfg-lint.${escapeXml(f.check)}"/>`);
    }
    out.push(`  </file>`);
  }
  out.push(`</checkstyle>`);
  return `${out.join("\n")}\n`;
}
