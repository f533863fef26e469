// Validation of host and file_line: every problem found before anything changes.
import { describe, expect, it } from "vitest";
import { fileLineType } from "./file_line.js";
import { hostType } from "./host.js";
import { makeContext, makeResource } from "./test-support.js";

const v = (t: typeof hostType, title: string, p: Record<string, unknown>) => t.validate(makeResource(t.name, title, p), { catalog: makeContext().catalog }).map((x) => x.message);

describe("host validation", () => {
  it("refuses bad addresses, aliases, names and targets with host_core's messages", () => {
    expect(v(hostType, "web", { ip: "10.0.0.300" })).toEqual(['Invalid IP address "10.0.0.300"']);
    expect(v(hostType, "web", { ip: "fd00::1", host_aliases: ["a b"] })).toEqual(["Host aliases cannot include whitespace"]);
    expect(v(hostType, "bad_name!", { ip: "10.0.0.1" })).toEqual(["Invalid host name"]);
    expect(v(hostType, "web", {})).toEqual(["ip is a required attribute for hosts"]);
    expect(v(hostType, "web", { ip: "10.0.0.1", target: "hosts" })).toEqual(["File paths must be fully qualified, not 'hosts'"]);
    expect(v(hostType, "web", { ensure: "absent" })).toEqual([]);
  });
});

describe("file_line validation", () => {
  it("refuses what stdlib's type refuses", () => {
    expect(v(fileLineType, "x", { path: "relative", line: "a" })).toEqual(["File paths must be fully qualified, not 'relative'"]);
    expect(v(fileLineType, "x", { line: "a" })).toEqual(["path is a required attribute"]);
    expect(v(fileLineType, "x", { path: "/etc/x" })).toEqual(["line is a required attribute"]);
    expect(v(fileLineType, "x", { path: "/etc/x", ensure: "absent", match: "^a", match_for_absence: true })).toEqual([]);
    expect(v(fileLineType, "x", { path: "/etc/x", line: "a", replace_all_matches_not_matching_line: true, multiple: false })).toEqual(["multiple must be true when replace_all_matches_not_matching_line is true"]);
    expect(v(fileLineType, "x", { path: "/etc/x", line: "a", match: "([unclosed" })[0]).toMatch(/^Invalid regular expression/);
  });

  it("autorequires the file it edits", () => {
    expect(fileLineType.autorequire!(makeResource("file_line", "x", { path: "/etc/x", line: "a" }))).toEqual([{ type: "File", title: "/etc/x" }]);
  });
});
