// anchor (puppetlabs-stdlib): an empty resource that only gives classes something to order
// against (the pre-`contain` anchor pattern). Applying it changes nothing, as in Puppet.
import type { ResourceType } from "./types.js";

export const anchorType: ResourceType = {
  name: "anchor",
  namevar: "name",
  attributes: ["name"],
  validate: () => [],
  async apply() {
    return { events: [] };
  },
};
