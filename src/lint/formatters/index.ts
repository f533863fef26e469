import { formatCodeclimate } from "./codeclimate.js";
import { formatGithub } from "./github.js";
import { formatJson } from "./json.js";
import { formatSarif } from "./sarif.js";
import { formatText } from "./text.js";
import type { Formatter } from "./types.js";
import { formatCheckstyle } from "./checkstyle.js";
import { formatJunit } from "./junit.js";

export const FORMATTERS: Readonly<Record<string, Formatter>> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
  checkstyle: formatCheckstyle,
  codeclimate: formatCodeclimate,
};
