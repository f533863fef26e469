// Placeholder: refuses every file_line resource before anything changes, until the type lands.
import type { ResourceType } from "./types.js";

export const fileLineType: ResourceType = {
  name: "file_line",
  namevar: "name",
  attributes: [],
  validate: () => [{ message: "cfg cannot apply file_line resources yet" }],
  apply: () => Promise.reject(new Error("not implemented")),
};
