// Placeholder: refuses every file resource before anything changes, until the type lands.
import type { ResourceType } from "./types.js";

export const fileType: ResourceType = {
  name: "file",
  namevar: "path",
  attributes: [],
  validate: () => [{ message: "cfg cannot apply file resources yet" }],
  apply: () => Promise.reject(new Error("not implemented")),
};
