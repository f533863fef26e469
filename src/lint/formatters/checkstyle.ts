// Checkstyle XML (Jenkins Warnings NG, reviewdog): <file name><error line column severity message source/>.
import type { FormatInput } from "./types.js";
import { escapeXml } from "./xml.js";

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
