// SARIF 2.1.0 for GitHub code scanning: rules from the checks that ran into results, full regions,
// paths relative to %SRCROOT%, and a partial fingerprint so alerts dedupe across runs.
import { createHash } from "../../util/lazy-crypto.js";
import { allFindings, helpUri, type FormatInput } from "./types.js";

export function formatSarif(input: FormatInput): string {
  const found = allFindings(input);
  const ruleIds = [...new Set(found.map((x) => x.finding.check))].sort();
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => {
    const meta = input.rules.get(id);
    return {
      id,
      shortDescription: { text: meta?.description ?? id },
      fullDescription: { text: meta?.description ?? id },
      helpUri: helpUri(id),
      defaultConfiguration: { level: meta?.level ?? "error" },
    };
  });
  const results = found.map(({ report, finding: f }) => ({
    ruleId: f.check,
    ruleIndex: index.get(f.check),
    level: f.severity,
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: report.path.replace(/\\/g, "/"), uriBaseId: "%SRCROOT%" },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
    partialFingerprints: {
      primaryLocationLineHash: createHash("sha256").update(`${f.check}\0${report.lineText(f.line).trim()}`).digest("hex").slice(0, 32),
    },
  }));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{ tool: { driver: { name: "cfg lint", version: input.toolVersion, informationUri: "https://github.com/cfg-lang/cfg", rules } }, results }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
