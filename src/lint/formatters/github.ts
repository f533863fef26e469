// GitHub Actions workflow commands: `::error file=F,line=L,endLine=,col=,endColumn=,title=CHECK::message`.
// Data escapes %, CR, LF; property values additionally escape ':' and ','.
import { allFindings, type FormatInput } from "./types.js";

const escData = (s: string): string => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escProp = (s: string): string => escData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

export function formatGithub(input: FormatInput): string {
  return allFindings(input)
    .map(({ report, finding: f }) => {
      const props = [`file=${escProp(report.path)}`, `line=${f.line}`, `endLine=${f.endLine}`, `col=${f.column}`, `endColumn=${f.endColumn}`, `title=${escProp(f.check)}`];
      return `::${f.severity === "error" ? "error" : "warning"} ${props.join(",")}::${escData(`${f.message} (check: ${f.check})`)}\n`;
    })
    .join("");
}
