// Placeholder: refuses every cron resource before anything changes, until the type lands.
import type { ResourceType } from "./types.js";

export const cronType: ResourceType = {
  name: "cron",
  namevar: "name",
  attributes: [],
  validate: () => [{ message: "cfg cannot apply cron resources yet" }],
  apply: () => Promise.reject(new Error("not implemented")),
};
