// filebucket: configures where file backups go. Applying it changes nothing: cfg always backs up to
// its local bucket (the `path` a filebucket names is honoured by the file type through its backup).
import type { ResourceType } from "./types.js";

export const filebucketType: ResourceType = {
  name: "filebucket",
  namevar: "name",
  attributes: ["name", "path", "server", "port"],
  validate(r) {
    const p = r.params.path;
    if (p !== undefined && p !== false && p !== "false" && (typeof p !== "string" || !p.startsWith("/"))) return [{ attribute: "path", message: `Invalid value ${JSON.stringify(p)}: the bucket path must be absolute or false` }];
    return [];
  },
  async apply() {
    return { events: [] };
  },
};
