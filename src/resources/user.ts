// user (useradd provider): ensure, uid, gid, home (managehome), shell, comment, groups (membership
// minimum or inclusive), password (always shown as [redacted], as Puppet's password property is
// sensitive), password ages, expiry, system, allowdupe. Current state read from /etc/passwd,
// /etc/group and /etc/shadow; changes with useradd/usermod/userdel/chage, argv only.
// Properties are synced in Puppet's order, with Puppet's messages (checked with puppet apply).
import { isAbsolute } from "node:path";
import type { ApplyContext, ApplyOutcome, ResourceEvent, ResourceInstance, ResourceRefSpec, ResourceType, ValidationProblem } from "./types.js";
import { findUser, gidOf, groups as allGroups, runAccountCommand, shadow } from "./user-db.js";

const bool = (v: unknown): boolean => v === true || v === "true";

function show(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map((x) => `'${String(x)}'`).join(", ")}]`;
  return typeof v === "number" ? String(v) : `'${String(v)}'`;
}

function changeMessage(property: string, was: unknown, want: unknown): string {
  if (was === "absent" || was === "" || was === undefined) return `defined '${property}' as ${show(want)}`;
  return `${property} changed ${show(was)} to ${show(want)}`;
}

const must = runAccountCommand;

function wantedGroups(r: ResourceInstance): string[] | undefined {
  const g = r.params.groups;
  if (g === undefined || g === null) return undefined;
  return [g].flat().map(String).flatMap((s) => s.split(",")).filter(Boolean);
}

function currentGroups(name: string): string[] {
  return allGroups()
    .filter((g) => g.members.includes(name))
    .map((g) => g.name);
}

export const userType: ResourceType = {
  name: "user",
  namevar: "name",
  attributes: [
    "name", "ensure", "uid", "gid", "home", "managehome", "shell", "comment", "groups", "membership", "password", "password_min_age",
    "password_max_age", "password_warn_days", "expiry", "system", "allowdupe", "provider", "purge_ssh_keys", "forcelocal", "iterations",
    "salt", "attributes", "attribute_membership", "auth_membership", "auths", "profiles", "profile_membership", "roles", "role_membership",
    "keys", "key_membership", "project", "ia_load_module", "loginclass", "expiry", "libuser",
  ],

  validate(r) {
    const problems: ValidationProblem[] = [];
    const e = r.params.ensure;
    if (e !== undefined && !["present", "absent", "role"].includes(String(e))) problems.push({ attribute: "ensure", message: `Invalid value ${JSON.stringify(e)}. Valid values are present, absent, role.` });
    const uid = r.params.uid;
    if (uid !== undefined && !/^\d+$/.test(String(uid))) problems.push({ attribute: "uid", message: `Invalid UID ${String(uid)}` });
    for (const p of ["home", "shell"]) {
      const v = r.params[p];
      if (v !== undefined && (typeof v !== "string" || !isAbsolute(v))) problems.push({ attribute: p, message: `${p === "home" ? "Home directory" : "Shell"} must be fully qualified, not '${String(v)}'` });
    }
    const exp = r.params.expiry;
    if (exp !== undefined && exp !== "absent" && !/^\d{4}-\d{2}-\d{2}$/.test(String(exp))) problems.push({ attribute: "expiry", message: "Expiry dates must be YYYY-MM-DD or the string \"absent\"" });
    const m = r.params.membership;
    if (m !== undefined && m !== "minimum" && m !== "inclusive") problems.push({ attribute: "membership", message: `Invalid value ${JSON.stringify(m)}. Valid values are inclusive, minimum.` });
    for (const g of wantedGroups(r) ?? []) if (/\s/.test(g)) problems.push({ attribute: "groups", message: `Group names must be provided as an array, not a comma-separated list.` });
    const pw = r.params.password;
    if (pw !== undefined && typeof pw === "string" && pw.includes(":")) problems.push({ attribute: "password", message: "Passwords cannot include ':'" });
    for (const p of ["password_min_age", "password_max_age", "password_warn_days"]) {
      const v = r.params[p];
      if (v !== undefined && !/^-?\d+$/.test(String(v))) problems.push({ attribute: p, message: `${p} must be provided as a number.` });
    }
    const p = r.params.provider;
    if (p !== undefined && p !== "useradd") problems.push({ attribute: "provider", message: `cfg manages users with the useradd provider, not '${String(p)}'` });
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*\$?$/.test(String(r.params.name))) problems.push({ attribute: "name", message: `Invalid user name '${String(r.params.name)}'` });
    return problems;
  },

  autorequire(r) {
    const refs: ResourceRefSpec[] = [];
    const gid = r.params.gid;
    if (gid !== undefined && !/^\d+$/.test(String(gid))) refs.push({ type: "Group", title: String(gid) });
    for (const g of wantedGroups(r) ?? []) refs.push({ type: "Group", title: g });
    return refs;
  },

  async apply(r, ctx: ApplyContext): Promise<ApplyOutcome> {
    const name = String(r.params.name);
    const events: ResourceEvent[] = [];
    const status = ctx.noop ? "noop" : "success";
    const want = r.params.ensure === undefined ? undefined : String(r.params.ensure);
    const have = findUser(name);
    const password = r.params.password === undefined ? undefined : String(r.params.password);
    const ev = (property: string, was: unknown, to: unknown, message: string, evName: string): void => {
      events.push({ property, previousValue: was, desiredValue: to, message, name: evName, status });
    };

    if (want === "absent") {
      if (have) {
        if (!ctx.noop) await must(["/usr/sbin/userdel", ...(bool(r.params.managehome) ? ["-r"] : []), name], "delete", r);
        ev("ensure", "present", "absent", "removed", "user_removed");
      }
      return { events, provider: "useradd" };
    }
    if (!have) {
      if (want === undefined) return { events, provider: "useradd" };
      if (!ctx.noop) {
        const argv = ["/usr/sbin/useradd"];
        if (r.params.comment !== undefined) argv.push("-c", String(r.params.comment));
        if (r.params.gid !== undefined) argv.push("-g", String(r.params.gid));
        const g = wantedGroups(r);
        if (g?.length) argv.push("-G", g.join(","));
        if (r.params.home !== undefined) argv.push("-d", String(r.params.home));
        if (password !== undefined) argv.push("-p", password);
        if (r.params.shell !== undefined) argv.push("-s", String(r.params.shell));
        if (r.params.uid !== undefined) argv.push("-u", String(r.params.uid));
        if (bool(r.params.allowdupe)) argv.push("-o");
        if (bool(r.params.system)) argv.push("-r");
        if (r.params.expiry !== undefined && r.params.expiry !== "absent") argv.push("-e", String(r.params.expiry));
        argv.push(bool(r.params.managehome) ? "-m" : "-M", name);
        await must(argv, "create", r, password);
        const ages = ageArgs(r, undefined);
        if (ages.length) await must(["/usr/bin/chage", ...ages, name], "set password ages on", r);
      }
      ev("ensure", "absent", "present", "created", "user_created");
      return { events, provider: "useradd" };
    }

    // Existing user: each property in Puppet's order.
    const sh = shadow().find((s) => s.name === name);
    const usermod = async (flag: string[], what: string, secret?: string): Promise<void> => {
      if (!ctx.noop) await must(["/usr/sbin/usermod", ...flag, name], `set ${what} on`, r, secret);
    };
    if (r.params.home !== undefined && String(r.params.home) !== have.home) {
      await usermod(["-d", String(r.params.home), ...(bool(r.params.managehome) ? ["-m"] : [])], "home");
      ev("home", have.home, String(r.params.home), changeMessage("home", have.home, String(r.params.home)), "home_changed");
    }
    if (r.params.uid !== undefined && Number(r.params.uid) !== have.uid) {
      await usermod([...(bool(r.params.allowdupe) ? ["-o"] : []), "-u", String(r.params.uid)], "uid");
      ev("uid", have.uid, Number(r.params.uid), changeMessage("uid", have.uid, Number(r.params.uid)), "uid_changed");
    }
    if (r.params.gid !== undefined) {
      const wantGid = gidOf(r.params.gid as string | number);
      if (wantGid === undefined) throw new Error(`Could not find group ${String(r.params.gid)}`);
      if (wantGid !== have.gid) {
        await usermod(["-g", String(r.params.gid)], "gid");
        const to = /^\d+$/.test(String(r.params.gid)) ? Number(r.params.gid) : String(r.params.gid);
        ev("gid", have.gid, to, changeMessage("gid", have.gid, to), "gid_changed");
      }
    }
    if (r.params.comment !== undefined && String(r.params.comment) !== have.comment) {
      await usermod(["-c", String(r.params.comment)], "comment");
      ev("comment", have.comment, String(r.params.comment), changeMessage("comment", have.comment || "absent", String(r.params.comment)), "comment_changed");
    }
    if (r.params.shell !== undefined && String(r.params.shell) !== have.shell) {
      await usermod(["-s", String(r.params.shell)], "shell");
      ev("shell", have.shell, String(r.params.shell), changeMessage("shell", have.shell, String(r.params.shell)), "shell_changed");
    }
    if (password !== undefined && sh && password !== sh.password) {
      await usermod(["-p", password], "password", password);
      // The password property is always sensitive in Puppet.
      ev("password", "[redacted]", "[redacted]", "changed [redacted] to [redacted]", "password_changed");
    }
    const ages = ageArgs(r, sh);
    if (ages.length && !ctx.noop) await must(["/usr/bin/chage", ...ages, name], "set password ages on", r);
    for (let i = 0; i < ages.length; i += 2) {
      const prop = AGE_FLAGS[ages[i]!]!;
      const was = sh ? sh[AGE_FIELDS[prop]!] : "";
      ev(prop, was, ages[i + 1], changeMessage(prop, was === "" ? "absent" : was, ages[i + 1]), `${prop}_changed`);
    }
    const wg = wantedGroups(r);
    if (wg) {
      const current = currentGroups(name);
      const inclusive = r.params.membership === "inclusive";
      const target = inclusive ? [...new Set(wg)].sort() : [...new Set([...current, ...wg])].sort();
      if (target.join(",") !== [...current].sort().join(",")) {
        await usermod(["-G", target.join(",")], "groups");
        const was = current.length ? [...current].sort().join(",") : "absent";
        ev("groups", was, target, current.length ? `groups changed ${was} to ${show(target)}` : `defined 'groups' as ${show(target)}`, "groups_changed");
      }
    }
    const exp = r.params.expiry === undefined ? undefined : String(r.params.expiry);
    if (exp !== undefined && sh && exp !== sh.expiry) {
      await usermod(["-e", exp === "absent" ? "" : exp], "expiry");
      ev("expiry", sh.expiry, exp, changeMessage("expiry", sh.expiry, exp), "expiry_changed");
    }
    return { events, provider: "useradd" };
  },
};

const AGE_FLAGS: Record<string, string> = { "-m": "password_min_age", "-M": "password_max_age", "-W": "password_warn_days" };
const AGE_FIELDS: Record<string, "minAge" | "maxAge" | "warnDays"> = { password_min_age: "minAge", password_max_age: "maxAge", password_warn_days: "warnDays" };

/** chage flags for the password ages that differ from /etc/shadow (all given ones on create). */
function ageArgs(r: ResourceInstance, sh: { minAge: string; maxAge: string; warnDays: string } | undefined): string[] {
  const out: string[] = [];
  for (const [flag, prop] of Object.entries(AGE_FLAGS)) {
    const v = r.params[prop];
    if (v === undefined) continue;
    if (sh && String(v) === sh[AGE_FIELDS[prop]!]) continue;
    out.push(flag, String(v));
  }
  return out;
}
