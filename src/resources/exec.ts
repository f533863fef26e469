// Placeholder: refuses every exec resource before anything changes, until the type lands.
import type { ResourceType } from "./types.js";

export const execType: ResourceType = {
  name: "exec",
  namevar: "command",
  attributes: [],
  validate: () => [{ message: "cfg cannot apply exec resources yet" }],
  apply: () => Promise.reject(new Error("not implemented")),
};
