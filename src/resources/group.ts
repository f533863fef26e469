// group (groupadd provider): ensure, gid, system, allowdupe. `members` is accepted and not managed,
// as Puppet's groupadd provider does without libuser (Debian's case): manage membership from the
// user side (`groups`). Current state from /etc/group; changes with groupadd/groupmod/groupdel.
import type { ApplyContext, ApplyOutcome, ResourceEvent, ResourceInstance, ResourceType, ValidationProblem } from "./types.js";
import { findGroup, runAccountCommand } from "./user-db.js";

const bool = (v: unknown): boolean => v === true || v === "true";

const must = runAccountCommand;

function members(r: ResourceInstance): string[] | undefined {
  const m = r.params.members;
  if (m === undefined || m === null) return undefined;
  return [m].flat().map(String).flatMap((s) => s.split(",")).filter(Boolean);
}

export const groupType: ResourceType = {
  name: "group",
  namevar: "name",
  attributes: ["name", "ensure", "gid", "members", "auth_membership", "allowdupe", "system", "provider", "attributes", "attribute_membership", "forcelocal", "ia_load_module", "libuser"],

  validate(r) {
    const problems: ValidationProblem[] = [];
    const e = r.params.ensure;
    if (e !== undefined && !["present", "absent"].includes(String(e))) problems.push({ attribute: "ensure", message: `Invalid value ${JSON.stringify(e)}. Valid values are present, absent.` });
    const gid = r.params.gid;
    if (gid !== undefined && !/^\d+$/.test(String(gid))) problems.push({ attribute: "gid", message: `Invalid GID ${String(gid)}` });
    const p = r.params.provider;
    if (p !== undefined && p !== "groupadd") problems.push({ attribute: "provider", message: `cfg manages groups with the groupadd provider, not '${String(p)}'` });
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*\$?$/.test(String(r.params.name))) problems.push({ attribute: "name", message: `Invalid group name '${String(r.params.name)}'` });
    return problems;
  },

  async apply(r, ctx: ApplyContext): Promise<ApplyOutcome> {
    const name = String(r.params.name);
    const events: ResourceEvent[] = [];
    const status = ctx.noop ? "noop" : "success";
    const want = r.params.ensure === undefined ? undefined : String(r.params.ensure);
    const have = findGroup(name);
    const wantMembers = members(r);
    if (want === "absent") {
      if (have) {
        if (!ctx.noop) await must(["/usr/sbin/groupdel", name], "delete", r);
        events.push({ property: "ensure", previousValue: "present", desiredValue: "absent", message: "removed", name: "group_removed", status });
      }
      return { events, provider: "groupadd" };
    }
    if (!have) {
      if (want !== "present") return { events, provider: "groupadd" };
      if (!ctx.noop) {
        const argv = ["/usr/sbin/groupadd"];
        if (r.params.gid !== undefined) argv.push("-g", String(r.params.gid));
        if (bool(r.params.allowdupe)) argv.push("-o");
        if (bool(r.params.system)) argv.push("-r");
        argv.push(name);
        await must(argv, "create", r);
      }
      events.push({ property: "ensure", previousValue: "absent", desiredValue: "present", message: "created", name: "group_created", status });
      return { events, provider: "groupadd" };
    }
    if (r.params.gid !== undefined && Number(r.params.gid) !== have.gid) {
      const gid = Number(r.params.gid);
      if (!ctx.noop) await must(["/usr/sbin/groupmod", ...(bool(r.params.allowdupe) ? ["-o"] : []), "-g", String(gid), name], "set gid on", r);
      events.push({ property: "gid", previousValue: have.gid, desiredValue: gid, message: `gid changed ${have.gid} to ${gid}`, name: "gid_changed", status });
    }
    if (wantMembers) {
      // As Puppet's groupadd provider without libuser: members are not managed (it says so in debug).
      ctx.log("debug", "Provider groupadd does not support features manages_members; not managing attribute members");
    }
    return { events, provider: "groupadd" };
  },
};
