// Placeholder: refuses every package resource before anything changes, until the type lands.
import type { ResourceType } from "./types.js";

export const packageType: ResourceType = {
  name: "package",
  namevar: "name",
  attributes: [],
  validate: () => [{ message: "cfg cannot apply package resources yet" }],
  apply: () => Promise.reject(new Error("not implemented")),
};
