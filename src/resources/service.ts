// Placeholder: refuses every service resource before anything changes, until the type lands.
import type { ResourceType } from "./types.js";

export const serviceType: ResourceType = {
  name: "service",
  namevar: "name",
  attributes: [],
  validate: () => [{ message: "cfg cannot apply service resources yet" }],
  apply: () => Promise.reject(new Error("not implemented")),
};
