// Placeholder: refuses every group resource before anything changes, until the type lands.
import type { ResourceType } from "./types.js";

export const groupType: ResourceType = {
  name: "group",
  namevar: "name",
  attributes: [],
  validate: () => [{ message: "cfg cannot apply group resources yet" }],
  apply: () => Promise.reject(new Error("not implemented")),
};
