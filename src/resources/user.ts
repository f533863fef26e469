// Placeholder: refuses every user resource before anything changes, until the type lands.
import type { ResourceType } from "./types.js";

export const userType: ResourceType = {
  name: "user",
  namevar: "name",
  attributes: [],
  validate: () => [{ message: "cfg cannot apply user resources yet" }],
  apply: () => Promise.reject(new Error("not implemented")),
};
