// user and group validation (the real-system behaviour is tested against puppet apply in
// tests/apply-users.test.ts).
import { describe, expect, it } from "vitest";
import { groupType } from "./group.js";
import { makeContext, makeResource } from "./test-support.js";
import { userType } from "./user.js";

const v = (t: typeof userType, p: Record<string, unknown>, name = "cfgtestx") => t.validate(makeResource(t.name, name, p), { catalog: makeContext().catalog }).map((x) => x.message);

describe("user and group validation", () => {
  it("refuses bad values before anything changes", () => {
    expect(v(userType, { uid: "abc" })).toEqual(["Invalid UID abc"]);
    expect(v(userType, { home: "relative/home" })).toEqual(["Home directory must be fully qualified, not 'relative/home'"]);
    expect(v(userType, { expiry: "tomorrow" })).toEqual(['Expiry dates must be YYYY-MM-DD or the string "absent"']);
    expect(v(userType, { ensure: "maybe" })).toEqual(['Invalid value "maybe". Valid values are present, absent, role.']);
    expect(v(userType, { password: "a:b" })).toEqual(["Passwords cannot include ':'"]);
    expect(v(groupType, { gid: "x1" })).toEqual(["Invalid GID x1"]);
    expect(v(groupType, {}, "bad name")).toEqual(["Invalid group name 'bad name'"]);
  });

  it("autorequires the user's groups", () => {
    expect(userType.autorequire!(makeResource("user", "u", { gid: "staff", groups: ["a", "b"] }))).toEqual([
      { type: "Group", title: "staff" },
      { type: "Group", title: "a" },
      { type: "Group", title: "b" },
    ]);
  });
});
