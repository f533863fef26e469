// notify: logs its message at notice level, every run (Puppet's notify is never in sync).
import { changeEvent, type ResourceType } from "./types.js";

export const notifyType: ResourceType = {
  name: "notify",
  namevar: "name",
  attributes: ["name", "message", "withpath"],
  validate(r) {
    const w = r.params.withpath;
    if (w !== undefined && typeof w !== "boolean" && w !== "true" && w !== "false") return [{ attribute: "withpath", message: `Invalid value ${JSON.stringify(w)}. Valid values are true, false.` }];
    return [];
  },
  async apply(r, ctx) {
    const message = r.params.message ?? r.params.name ?? r.title;
    const text = r.sensitive.has("message") ? "Sensitive [value redacted]" : typeof message === "string" ? message : JSON.stringify(message);
    // Puppet prints the message itself first (source "Puppet", or the resource path with withpath), then the event.
    if (!ctx.noop) {
      if (r.params.withpath === true || r.params.withpath === "true") ctx.log("notice", text);
      else ctx.logGlobal("notice", text);
    }
    const shown = ctx.display("message", text);
    return {
      events: [changeEvent(ctx, "message", "absent", shown, `defined 'message' as '${shown}'`, "message_changed")],
    };
  },
};
