// Placeholder: refuses every host resource before anything changes, until the type lands.
import type { ResourceType } from "./types.js";

export const hostType: ResourceType = {
  name: "host",
  namevar: "name",
  attributes: [],
  validate: () => [{ message: "cfg cannot apply host resources yet" }],
  apply: () => Promise.reject(new Error("not implemented")),
};
