// The file type against Puppet 7.23's own events for the same scenario (tests/fixtures/resources/file:
// site.pp was applied by real Puppet to the same starting tree under /tmp/fref/t), then applied a
// second time (Puppet's second-run events are in the fixture too).
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileType } from "./file.js";
import { makeCatalogView, makeContext, makeResource } from "./test-support.js";
import type { ResourceEvent, ResourceInstance } from "./types.js";

const fixture = JSON.parse(readFileSync(new URL("../../tests/fixtures/resources/file/puppet-events.json", import.meta.url), "utf8")) as {
  first_run: Record<string, { property: string; previous_value: unknown; desired_value: unknown; name: string; status: string; message: string }[]>;
  second_run: Record<string, string[]>;
};

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});
function tempRoot(): string {
  const r = mkdtempSync(join(tmpdir(), "cfg-file-test-"));
  roots.push(r);
  return r;
}

/** The starting tree of the Puppet run (see the fixture's site.pp). */
function setupTree(t: string): void {
  for (const d of ["pre", "src/sub", "purge/keep", "absdir/x", "dir2file", "symdir"]) mkdirSync(join(t, d), { recursive: true });
  writeFileSync(join(t, "chg"), "old\n");
  chmodSync(join(t, "chg"), 0o600);
  writeFileSync(join(t, "mode"), "m\n");
  chmodSync(join(t, "mode"), 0o600);
  writeFileSync(join(t, "src/a"), "s\n");
  writeFileSync(join(t, "src/sub/b"), "s2\n");
  writeFileSync(join(t, "purge/junk"), "x\n");
  writeFileSync(join(t, "purge/keep/z"), "y\n");
  writeFileSync(join(t, "own"), "o\n");
  writeFileSync(join(t, "sens"), "sec\n");
  symlinkSync(join(t, "chg"), join(t, "lnk"));
  writeFileSync(join(t, "symf"), "q\n");
  chmodSync(join(t, "symf"), 0o644);
  writeFileSync(join(t, "dir2file/in"), "hi\n");
}

/** site.pp's resources, rooted at t. */
function siteResources(t: string): ResourceInstance[] {
  const f = (name: string, params: Record<string, unknown>, sensitive: string[] = []): ResourceInstance => makeResource("file", join(t, name), params, "path", sensitive);
  return [
    f("new", { content: "hello\n" }),
    f("newdir", { ensure: "directory", mode: "0750" }),
    f("newlink", { ensure: "link", target: join(t, "new") }),
    f("ensurepath", { ensure: join(t, "new") }),
    f("chg", { content: "new\n", mode: "0644" }),
    f("mode", { mode: "u=rwX,go=rX" }),
    f("symdir", { ensure: "directory", mode: "go+rX,u=rwx" }),
    f("symf", { mode: "a+X,g+w" }),
    f("own", { owner: "nobody", group: "nogroup" }),
    f("sens", { content: "secret\n" }, ["content"]),
    f("sensnew", { content: "secret\n" }, ["content"]),
    f("lnk", { ensure: "link", target: join(t, "new") }),
    f("fromsrc", { source: join(t, "src/a") }),
    f("fromuri", { source: `file://${join(t, "src/a")}` }),
    f("copydir", { ensure: "directory", source: join(t, "src"), recurse: true }),
    f("purge", { ensure: "directory", recurse: true, purge: true, force: true }),
    f("purge/keep", { ensure: "directory" }),
    f("absdir", { ensure: "absent" }),
    f("dir2file", { ensure: "file", content: "x", force: true }),
    f("emptyfile", { ensure: "file" }),
    f("present", { ensure: "present" }),
  ];
}

async function applyAll(resources: ResourceInstance[], opts: { noop?: boolean; bucketDir?: string; showDiff?: boolean; modulepath?: string[] } = {}) {
  const catalog = makeCatalogView(resources);
  const out: { r: ResourceInstance; events: ResourceEvent[]; failed: boolean; logs: ReturnType<typeof makeContext>["logs"] }[] = [];
  for (const r of resources) {
    const ctx = makeContext({ resource: r, catalog, noop: opts.noop, bucketDir: opts.bucketDir, showDiff: opts.showDiff, modulepath: opts.modulepath });
    expect(fileType.validate(r, { catalog })).toEqual([]);
    const o = await fileType.apply(r, ctx);
    out.push({ r, events: o.events, failed: !!o.failed, logs: ctx.logs });
  }
  return out;
}

/** Our events in Puppet's terms: a generated child's events are keyed by the child's title. */
function byTitle(t: string, results: Awaited<ReturnType<typeof applyAll>>): Record<string, ResourceEvent[]> {
  const out: Record<string, ResourceEvent[]> = {};
  for (const { r, events } of results) {
    for (const e of events) {
      const m = /^File\[(.*)\]\/(.*)$/.exec(e.property);
      const title = (m ? m[1]! : r.title).slice(t.length + 1);
      (out[title] ??= []).push(m ? { ...e, property: m[2]! } : e);
    }
  }
  return out;
}

const canon = (t: string, s: unknown): unknown => (typeof s === "string" ? s.split(t).join("/tmp/fref/t") : s);

describe("file: the scenario Puppet applied (fixture)", () => {
  const t = join(tempRoot(), "t");
  let first: Awaited<ReturnType<typeof applyAll>>;
  beforeAll(async () => {
    mkdirSync(t);
    setupTree(t);
    first = await applyAll(siteResources(t));
  });

  it("first run: the same events, names and messages as Puppet", () => {
    const ours = byTitle(t, first);
    expect(Object.keys(ours).sort()).toEqual(Object.keys(fixture.first_run).sort());
    for (const [title, evs] of Object.entries(fixture.first_run)) {
      const mine = ours[title]!;
      expect(mine.map((e) => [e.property, e.name, e.status, canon(t, e.message)]), title).toEqual(evs.map((e) => [e.property, e.name, e.status, e.message]));
      // Owner/group values: Puppet reports ids, cfg names (so noop messages read like Puppet's).
      if (title !== "own") expect(mine.map((e) => [canon(t, e.previousValue), canon(t, e.desiredValue)]), title).toEqual(evs.map((e) => [e.previous_value, e.desired_value]));
    }
  });

  it("first run: the disk is as Puppet left it", () => {
    expect(readFileSync(join(t, "new"), "utf8")).toBe("hello\n");
    expect(statSync(join(t, "newdir")).mode & 0o7777).toBe(0o750);
    expect(readlinkSync(join(t, "newlink"))).toBe(join(t, "new"));
    expect(readlinkSync(join(t, "lnk"))).toBe(join(t, "new"));
    expect(statSync(join(t, "chg")).mode & 0o7777).toBe(0o644);
    expect(statSync(join(t, "symf")).mode & 0o7777).toBe(0o664);
    expect(statSync(join(t, "own")).uid).toBe(65534);
    expect(readFileSync(join(t, "copydir/sub/b"), "utf8")).toBe("s2\n");
    expect(existsSync(join(t, "purge/junk"))).toBe(false);
    expect(existsSync(join(t, "purge/keep/z"))).toBe(true);
    expect(existsSync(join(t, "absdir/x"))).toBe(true);
    expect(readFileSync(join(t, "dir2file"), "utf8")).toBe("x");
    expect(statSync(join(t, "emptyfile")).size).toBe(0);
    // The X failure logs Puppet's own error line too.
    const modeLogs = first.find((x) => x.r.title.endsWith("/mode"))!.logs;
    expect(modeLogs).toContainEqual({ level: "err", message: `X only works with the '+' operator at "u=rwX" in symbolic mode "u=rwX,go=rX"`, source: "Puppet" });
    expect(first.find((x) => x.r.title.endsWith("/absdir"))!.logs.map((l) => l.message)).toContain("Not removing directory; use 'force' to override");
  });

  it("second run: only what Puppet also repeats", async () => {
    const second = byTitle(t, await applyAll(siteResources(t)));
    expect(Object.fromEntries(Object.entries(second).map(([k, v]) => [k, v.map((e) => e.message)]))).toEqual(fixture.second_run);
  });
});

describe("file: noop", () => {
  it("reports what would change and leaves the disk untouched", async () => {
    const t = join(tempRoot(), "t");
    mkdirSync(t);
    setupTree(t);
    const before = JSON.stringify(snapshot(t));
    const res = await applyAll(siteResources(t), { noop: true });
    expect(JSON.stringify(snapshot(t))).toBe(before);
    const evs = res.flatMap((x) => x.events);
    expect(evs.length).toBeGreaterThan(10);
    for (const e of evs) expect(e.status === "noop" || (e.status === "failure" && e.property === "mode")).toBe(true);
    const chg = res.find((x) => x.r.title.endsWith("/chg"))!.events;
    expect(chg.map((e) => [e.property, e.previousValue, e.desiredValue])).toEqual([
      ["content", "{sha256}01d09d19c2139a46aebfb577780d123d7396e97201bc7ead210a2ebff8239dee", "{sha256}7aa7a5359173d05b63cfd682e3c38487f3cb4f7f1d60659fe59fab1505977d4c"],
      ["mode", "0600", "0644"],
    ]);
  });
});

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = lstatSync(p);
      out[p] = `${st.mode.toString(8)} ${st.uid}:${st.gid} ${st.isSymbolicLink() ? readlinkSync(p) : st.isFile() ? readFileSync(p, "utf8") : "dir"}`;
      if (st.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Second scenario (site-b.pp): failures, backups, module sources, recursion with mode, purge
// without force, link replacing file and directory, unknown owner. Puppet ran it in noop, then for real.

const fixtureB = JSON.parse(readFileSync(new URL("../../tests/fixtures/resources/file/puppet-events-b.json", import.meta.url), "utf8")) as {
  noop: Record<string, { failed: boolean; events: { property: string | null; previous_value: unknown; desired_value: unknown; name: string; status: string; message: string }[] }>;
  run: Record<string, { failed: boolean; events: { property: string | null; previous_value: unknown; desired_value: unknown; name: string; status: string; message: string }[] }>;
};

function setupTreeB(base: string): { u: string; mods: string } {
  const u = join(base, "u");
  const mods = join(base, "mods");
  for (const d of ["u/d2f", "u/rec/sub", "u/purgenf/sub", "u/l2d/in", "mods/m/files/sub", "u/dmode"]) mkdirSync(join(base, d), { recursive: true });
  const w = (p: string, c: string, mode?: number): void => {
    writeFileSync(join(base, p), c);
    if (mode !== undefined) chmodSync(join(base, p), mode);
  };
  w("u/d2f/x", "a\n");
  w("u/rec/f1", "a\n", 0o600);
  w("u/rec/sub/f2", "b\n", 0o600);
  w("u/purgenf/sub/j", "j\n");
  w("u/purgenf/top", "j\n");
  for (const f of ["bak", "bucket", "diff", "val"]) w(`u/${f}`, "old\n");
  w("u/f2l", "f\n");
  w("u/rmfile", "x\n");
  symlinkSync("/nowhere", join(u, "rmlink"));
  w("u/ownx", "owner\n");
  w("mods/m/files/one", "m\n");
  w("mods/m/files/sub/two", "s\n");
  chmodSync(join(u, "dmode"), 0o700);
  chmodSync(join(u, "rec"), 0o755);
  chmodSync(join(u, "rec/sub"), 0o755);
  return { u, mods };
}

function siteResourcesB(u: string): ResourceInstance[] {
  const list: [string, Record<string, unknown>][] = [
    ["d2f", { ensure: "file", content: "x" }],
    ["missing/parent/f", { content: "x" }],
    ["missing/parent/d", { ensure: "directory" }],
    ["nosrc", { source: ["/tmp/fref/none1", "puppet:///modules/m/none2"] }],
    ["bak", { content: "new\n", backup: ".bak" }],
    ["bucket", { content: "new\n", backup: "puppet" }],
    ["diff", { content: "new\nline2\n" }],
    ["val", { content: "new\n", validate_cmd: "/bin/false %" }],
    ["rmfile", { ensure: "absent" }],
    ["rmlink", { ensure: "absent" }],
    ["mod1", { source: "puppet:///modules/m/one" }],
    ["moddir", { source: "puppet:///modules/m", recurse: true }],
    ["rec", { recurse: true, mode: "0640" }],
    ["purgenf", { ensure: "directory", recurse: true, purge: true }],
    ["f2l", { ensure: "link", target: `${u}/bak` }],
    ["l2d", { ensure: "link", target: `${u}/bak` }],
    ["nolinktarget", { ensure: "link" }],
    ["ownx", { owner: "nosuchuser" }],
    ["dmode", { mode: "0644" }],
  ];
  return list.map(([name, params], i) => ({ ...makeResource("file", join(u, name), params, "path"), file: "/tmp/fref/b.pp", line: i + 1 }));
}

const TMPNAME = /(\/[\w.]+?)\d{8}-\d+-[0-9a-z]+/g;

describe("file: second scenario against Puppet (fixture site-b.pp)", () => {
  const base = tempRoot();
  const { u, mods } = setupTreeB(base);
  const bucketDir = join(base, "bucket");
  const canonB = (s: unknown): unknown => (typeof s === "string" ? s.split(u).join("/tmp/fref/u").replace(TMPNAME, "$1<tmp>") : s);

  async function run(noop: boolean) {
    const resources = siteResourcesB(u);
    const catalog = makeCatalogView(resources);
    const out: Record<string, { failed: boolean; events: ResourceEvent[] }> = {};
    const logs: string[] = [];
    for (const r of resources) {
      const ctx = makeContext({ resource: r, catalog, noop, bucketDir, modulepath: [mods] });
      expect(fileType.validate(r, { catalog })).toEqual([]);
      let o: { failed: boolean; events: ResourceEvent[] };
      try {
        const res = await fileType.apply(r, ctx);
        o = { failed: !!res.failed, events: res.events };
      } catch (e) {
        o = { failed: true, events: [{ property: "", previousValue: null, desiredValue: null, message: (e as Error).message, name: "resource_error", status: "failure" }] };
      }
      logs.push(...ctx.logs.map((l) => `${l.level} ${l.source} ${l.message}`));
      for (const e of o.events) {
        const m = /^File\[(.*)\]\/(.*)$/.exec(e.property);
        const title = (m ? m[1]! : r.title).slice(u.length + 1);
        (out[title] ??= { failed: o.failed, events: [] }).events.push(m ? { ...e, property: m[2]! } : e);
      }
      if (!o.events.length && o.failed) out[r.title.slice(u.length + 1)] = o;
    }
    return { out, logs };
  }

  it("noop: the same events as Puppet's noop run, nothing changed", async () => {
    const before = JSON.stringify(snapshot(u));
    const { out } = await run(true);
    expect(JSON.stringify(snapshot(u))).toBe(before);
    expect(Object.keys(out).sort()).toEqual(Object.keys(fixtureB.noop).sort());
    for (const [title, want] of Object.entries(fixtureB.noop)) {
      const mine = out[title]!;
      expect(mine.failed, title).toBe(want.failed);
      // The engine builds the noop message from the values (as Puppet shows them: owners by name).
      const noopMessage = (e: ResourceEvent): unknown => (e.status === "noop" ? `current_value '${String(canonB(e.previousValue))}', should be '${String(canonB(e.desiredValue))}' (noop)` : canonB(e.message));
      expect(mine.events.map((e) => [e.name, noopMessage(e)]), title).toEqual(want.events.map((e) => [e.name, e.message]));
    }
  });

  it("run: the same events and messages as Puppet, then the second run repeats only the failures", async () => {
    const { out, logs } = await run(false);
    expect(Object.keys(out).sort()).toEqual(Object.keys(fixtureB.run).sort());
    for (const [title, want] of Object.entries(fixtureB.run)) {
      const mine = out[title]!;
      expect(mine.failed, title).toBe(want.failed);
      expect(mine.events.map((e) => [e.property || null, e.name, e.status, canonB(e.message)]), title).toEqual(want.events.map((e) => [e.property, e.name, e.status, canonB(e.message)]));
    }
    expect(logs.filter((l) => l.includes("Not removing directory")).length).toBe(5); // d2f twice, l2d twice, purgenf/sub once (as Puppet)
    expect(readFileSync(join(u, "bak.bak"), "utf8")).toBe("old\n");
    const digest = "01d09d19c2139a46aebfb577780d123d7396e97201bc7ead210a2ebff8239dee";
    const bucketed = join(bucketDir, ..."01d09d19".split(""), digest);
    expect(readFileSync(join(bucketed, "contents"), "utf8")).toBe("old\n");
    expect(readFileSync(join(bucketed, "paths"), "utf8")).toBe(`${u}/bucket\n`);
    expect(logs).toContain(`info File[${u}/bucket] Filebucketed ${u}/bucket to puppet with sum ${digest}`);
    expect(readFileSync(join(u, "val"), "utf8")).toBe("old\n");
    expect(readdirSync(u).filter((n) => /\d{8}-/.test(n))).toEqual([]); // no temporary file left behind

    const second = await run(false);
    const repeated = Object.entries(second.out).map(([t, v]) => [t, v.events.map((e) => e.status)]);
    expect(repeated).toEqual([
      ["d2f", ["failure"]],
      ["missing/parent/f", ["failure"]],
      ["missing/parent/d", ["failure"]],
      ["nosrc", ["failure"]],
      ["val", ["failure"]],
      ["purgenf/sub", ["success"]], // Puppet too: without force the directory stays and is "removed" every run
      ["l2d", ["failure"]],
      ["nolinktarget", ["failure"]],
      ["ownx", ["failure"]],
    ]);
  });
});

describe("file: show_diff and Sensitive", () => {
  it("logs a unified diff of a content change, never for a Sensitive content", async () => {
    const t = tempRoot();
    writeFileSync(join(t, "a"), "a\nb\nc\n");
    writeFileSync(join(t, "s"), "old secret\n");
    const r = makeResource("file", join(t, "a"), { content: "a\nB\nc\n" }, "path");
    const ctx = makeContext({ resource: r, showDiff: true });
    await fileType.apply(r, ctx);
    const diff = ctx.logs.find((l) => l.source.endsWith("/content"))!.message;
    expect(diff.startsWith(`\n--- ${join(t, "a")}\t`)).toBe(true);
    expect(diff).toContain("@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
    const s = makeResource("file", join(t, "s"), { content: "new secret\n" }, "path", ["content"]);
    const sctx = makeContext({ resource: s, showDiff: true });
    const o = await fileType.apply(s, sctx);
    expect(sctx.logs.map((l) => l.message)).toEqual(["[diff redacted]"]);
    expect(o.events.map((e) => [e.message, e.previousValue, e.desiredValue])).toEqual([["changed [redacted] to [redacted]", "[redacted]", "[redacted]"]]);
    expect(JSON.stringify(o.events)).not.toContain("secret");
    // show_diff => false on the resource silences it (Puppet needs both the setting and the parameter).
    writeFileSync(join(t, "a"), "x\n");
    const q = makeResource("file", join(t, "a"), { content: "y\n", show_diff: false }, "path");
    const qctx = makeContext({ resource: q, showDiff: true });
    await fileType.apply(q, qctx);
    expect(qctx.logs).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Third scenario (site-c.pp): replace => false, present on a directory, recurselimit with purge,
// sourceselect => all, links follow/manage, source_permissions, md5, backup => true, new file
// with mode and numeric owner, setgid directory, file -> directory, directory -> link with force.

const fixtureC = JSON.parse(readFileSync(new URL("../../tests/fixtures/resources/file/puppet-events-c.json", import.meta.url), "utf8")) as {
  run: Record<string, { failed: boolean; events: { property: string; previous_value: unknown; desired_value: unknown; name: string; status: string; message: string }[] }>;
  second: Record<string, unknown>;
  warnings: [string, string][];
};

function setupTreeC(v: string): void {
  for (const d of ["norepl", "presdir", "rl/a/b", "srcA/x", "srcB/y", "lsrc", "f2d", "d2l/in", "forcedir/in"]) mkdirSync(join(v, d), { recursive: true });
  const w = (p: string, c: string): void => writeFileSync(join(v, p), c);
  w("norepl/f", "keep\n");
  w("rl/top", "1\n");
  w("rl/a/mid", "2\n");
  w("rl/a/b/deep", "3\n");
  w("srcA/x/one", "A\n");
  w("srcA/common", "A\n");
  w("srcB/y/two", "B\n");
  w("srcB/common", "B\n");
  w("lsrc/real", "real\n");
  chmodSync(join(v, "lsrc/real"), 0o640);
  symlinkSync("real", join(v, "lsrc/ln"));
  w("f2d/file", "f\n");
  w("forcedir/in/q", "q\n");
  w("md5", "md\n");
  w("pbak", "pb\n");
}

function siteResourcesC(v: string): ResourceInstance[] {
  const list: [string, Record<string, unknown>][] = [
    ["norepl/f", { content: "new\n", replace: false }],
    ["presdir", { ensure: "present", content: "x" }],
    ["rl", { ensure: "directory", recurse: true, recurselimit: 1, purge: true, force: true }],
    ["sel", { ensure: "directory", recurse: true, source: [`${v}/srcA`, `${v}/srcB`], sourceselect: "all" }],
    ["lfollow", { source: `${v}/lsrc/ln`, links: "follow" }],
    ["lmanage", { source: `${v}/lsrc/ln` }],
    ["perms", { source: `${v}/lsrc/real`, source_permissions: "use" }],
    ["md5", { content: "new\n", checksum: "md5" }],
    ["pbak", { content: "new\n", backup: true }],
    ["newmode", { content: "x", mode: "0600", owner: "65534" }],
    ["sgid", { ensure: "directory", mode: "2755" }],
    ["f2d/file", { ensure: "directory" }],
    ["d2l", { ensure: "link", target: `${v}/md5`, force: true }],
    ["forcedir", { ensure: "absent", force: true }],
  ];
  return list.map(([name, params], i) => ({ ...makeResource("file", join(v, name), params, "path"), file: "/tmp/fref/d.pp", line: i + 1 }));
}

describe("file: third scenario against Puppet (fixture site-c.pp)", () => {
  it("first run as Puppet's, the disk as Puppet left it, second run quiet", async () => {
    const v = join(tempRoot(), "v");
    mkdirSync(v);
    setupTreeC(v);
    const canonC = (s: unknown): unknown => (typeof s === "string" ? s.split(v).join("/tmp/fref/v") : s);
    const first = byTitle(v, await applyAll(siteResourcesC(v)));
    expect(Object.keys(first).sort()).toEqual(Object.keys(fixtureC.run).sort());
    for (const [title, want] of Object.entries(fixtureC.run)) {
      expect(first[title]!.map((e) => [e.property, e.name, e.status, canonC(e.message), canonC(e.previousValue), canonC(e.desiredValue)]), title).toEqual(
        want.events.map((e) => [e.property, e.name, e.status, e.message, e.previous_value, e.desired_value]),
      );
    }
    expect(readFileSync(join(v, "norepl/f"), "utf8")).toBe("keep\n");
    expect(existsSync(join(v, "rl/a"))).toBe(false);
    expect(readFileSync(join(v, "sel/common"), "utf8")).toBe("A\n");
    expect(readlinkSync(join(v, "lmanage"))).toBe("real");
    expect(lstatSync(join(v, "lfollow")).isFile()).toBe(true);
    expect(statSync(join(v, "perms")).mode & 0o7777).toBe(0o640);
    expect(readFileSync(join(v, "pbak.puppet-bak"), "utf8")).toBe("pb\n");
    expect(statSync(join(v, "newmode")).mode & 0o7777).toBe(0o600);
    expect(statSync(join(v, "newmode")).uid).toBe(65534);
    expect(statSync(join(v, "sgid")).mode & 0o7777).toBe(0o2755);
    expect(readlinkSync(join(v, "d2l"))).toBe(join(v, "md5"));
    expect(existsSync(join(v, "forcedir"))).toBe(false);

    const results = await applyAll(siteResourcesC(v));
    expect(byTitle(v, results)).toEqual(fixtureC.second);
    const warnings = results.flatMap((x) => x.logs.filter((l) => l.level === "warning").map((l) => l.message));
    expect(warnings).toEqual(fixtureC.warnings.map(([, m]) => m));
  });
});

// ---------------------------------------------------------------------------------------------
// Validation: Puppet's own error for each invalid resource (validation-errors.tsv: the manifest line
// and the first Error puppet apply printed). Nothing is applied when validate returns a problem.

describe("file: validation messages as Puppet's", () => {
  const lines = readFileSync(new URL("../../tests/fixtures/resources/file/validation-errors.tsv", import.meta.url), "utf8").trim().split("\n");
  // The same resources as the manifest lines, as catalog parameters.
  const cases: [string, Record<string, unknown>][] = [
    ["/tmp/fref/w", { mode: "999" }],
    ["rel/path", { ensure: "file" }],
    ["/tmp/fref/w", { content: "x", source: "/etc/hostname" }],
    ["/tmp/fref/w", { ensure: "/tmp/x", content: "x" }],
    ["/tmp/fref/w", { recurse: "yes" }],
    ["/tmp/fref/w", { source: "ftp://x/y" }],
    ["/tmp/fref/w", { source: "rel/x" }],
    ["/tmp/fref/w", { backup: "nosuch", content: "a" }],
    ["/tmp/fref/w", { mode: 644 }],
    ["/tmp/fref/w", { force: "maybe" }],
    ["/tmp/fref/w", { recurse: "remote" }],
    ["/tmp/fref/w", { checksum: "none", source: "/etc/hostname" }],
    ["/tmp/fref/w", { checksum: "mtime", content: "x" }],
    ["/tmp/fref/w", { links: "sometimes" }],
    ["/tmp/fref/w", { recurselimit: "abc" }],
    ["/tmp/fref/w", { sourceselect: "some" }],
    ["/tmp/fref/w", { group: "" }],
    ["/tmp/fref/w", { mode: "u+z" }],
    ["/tmp/fref/w", { ensure: "" }],
    ["/tmp/fref/w", { replace: "sure" }],
  ];
  it("has one case per recorded line", () => expect(cases.length).toBe(lines.length));
  for (const [i, line] of lines.entries()) {
    const [manifest, error] = line.split("\t") as [string, string];
    it(manifest, () => {
      const [title, params] = cases[i]!;
      const r = makeResource("file", title, params, "path");
      const problems = fileType.validate(r, { catalog: makeCatalogView([r]) });
      const shown = problems.map((p) => (p.attribute ? `Parameter ${p.attribute} failed on File[${title}]: ${p.message}` : /^Could not find filebucket/.test(p.message) ? p.message : `Validation of File[${title}] failed: ${p.message}`));
      expect(shown[0]).toBe(error.replace(/^Error: /, "").replace(/ \(line: 1\)$/, ""));
    });
  }
  it("accepts a filebucket named in the catalog, and 'puppet'", () => {
    const r = makeResource("file", "/tmp/x", { backup: "main", content: "a" }, "path");
    const fb = makeResource("filebucket", "main", { path: "/tmp/b" });
    expect(fileType.validate(r, { catalog: makeCatalogView([r, fb]) })).toEqual([]);
    const p = makeResource("file", "/tmp/x", { backup: "puppet" }, "path");
    expect(fileType.validate(p, { catalog: makeCatalogView([p]) })).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Owners created during the run, autorequire, failures with clear messages.

describe("file: owner and group resolved at apply time", () => {
  const user = `cfgtestf${process.pid % 100000}`;
  afterAll(async () => {
    const { runCommand } = await import("./run-command.js");
    await runCommand(["userdel", user]);
    await runCommand(["groupdel", user]);
  });
  it("a user and group created earlier in the same run resolve", async () => {
    const t = tempRoot();
    const r = makeResource("file", join(t, "owned"), { content: "x", owner: user, group: user }, "path");
    expect(fileType.validate(r, { catalog: makeCatalogView([r]) })).toEqual([]); // not resolved at validation
    const { runCommand } = await import("./run-command.js");
    // Other tests may hold the passwd lock for a moment (user/group types): retry briefly.
    let made = await runCommand(["useradd", "--user-group", "--no-create-home", user]);
    for (let i = 0; i < 50 && made.status !== 0 && /lock/i.test(made.output); i++) {
      await new Promise((res) => setTimeout(res, 100));
      made = await runCommand(["useradd", "--user-group", "--no-create-home", user]);
    }
    expect(made.output).toBe("");
    expect(made.status).toBe(0);
    const uid = Number((await runCommand(["id", "-u", user])).stdout.trim());
    const o = await fileType.apply(r, makeContext({ resource: r }));
    expect(o.events.map((e) => e.message)).toEqual(["defined content as '{sha256}2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881'"]);
    expect(statSync(join(t, "owned")).uid).toBe(uid);
    expect((await fileType.apply(r, makeContext({ resource: r }))).events).toEqual([]);
    // Back to root: the messages name both users.
    const back = makeResource("file", join(t, "owned"), { owner: "root", group: "0" }, "path");
    const ob = await fileType.apply(back, makeContext({ resource: back }));
    expect(ob.events.map((e) => e.message)).toEqual([`owner changed '${user}' to 'root'`, `group changed '${user}' to 'root'`]);
  });
});

describe("file: autorequire", () => {
  it("names every ancestor directory, the link target, the owner and the group (not numeric ids)", () => {
    const r = makeResource("file", "/a/b/c/", { ensure: "link", target: "/t/x", owner: "bob", group: "10" }, "path");
    expect(fileType.autorequire!(r)).toEqual([
      { type: "File", title: "/a/b" },
      { type: "File", title: "/a" },
      { type: "File", title: "/" },
      { type: "File", title: "/t/x" },
      { type: "User", title: "bob" },
    ]);
    expect(fileType.autorequire!(makeResource("file", "/x", { group: "staff" }, "path"))).toEqual([{ type: "File", title: "/" }, { type: "Group", title: "staff" }]);
  });
});

describe("file: failures", () => {
  it("a parent that is a file fails the resource with a clear message, and leaves nothing behind", async () => {
    const t = tempRoot();
    writeFileSync(join(t, "plain"), "x");
    const r = makeResource("file", join(t, "plain/child"), { content: "y" }, "path");
    const ctx = makeContext({ resource: r });
    const o = await fileType.apply(r, ctx);
    expect(o.failed).toBe(true);
    expect(o.events[0]!.status).toBe("failure");
    expect(o.events[0]!.message).toMatch(/^change from 'absent' to 'file' failed: Could not set 'file' on ensure: No such file or directory - A directory component in .*plain\/child\d{8}-\d+-[0-9a-z]+\.lock does not exist/);
    expect(readdirSync(t)).toEqual(["plain"]);
  });
  it("an unknown source fails before anything changes", async () => {
    const t = tempRoot();
    const r = makeResource("file", join(t, "f"), { source: ["puppet:///modules/nomod/x", `${t}/none`] }, "path");
    await expect(fileType.apply(r, makeContext({ resource: r, modulepath: [t] }))).rejects.toThrow(`Could not retrieve information from environment production source(s) puppet:///modules/nomod/x, file://${t}/none`);
    expect(readdirSync(t)).toEqual([]);
  });
  it("validate_cmd runs on the temporary file and refuses bad content", async () => {
    const t = tempRoot();
    const ok = makeResource("file", join(t, "conf"), { content: "good\n", validate_cmd: "/bin/grep -q good %" }, "path");
    expect((await fileType.apply(ok, makeContext({ resource: ok }))).events.map((e) => e.status)).toEqual(["success"]);
    const bad = makeResource("file", join(t, "conf"), { content: "bad\n", validate_cmd: "/bin/grep -q good %" }, "path");
    const o = await fileType.apply(bad, makeContext({ resource: bad }));
    expect(o.events[0]!.message).toMatch(/failed: Execution of '\/bin\/grep -q good .*conf\d{8}-\d+-[0-9a-z]+' returned 1: $/);
    expect(readFileSync(join(t, "conf"), "utf8")).toBe("good\n");
    expect(readdirSync(t)).toEqual(["conf"]);
  });
});

describe("file: ignore patterns in recursion (checked with puppet apply)", () => {
  it("skips ignored names in the source and in the local tree (Puppet: a.txt created, keep created, z.txt removed)", async () => {
    const x = tempRoot();
    for (const d of ["src/keep", "src/skip.d", "dst"]) mkdirSync(join(x, d), { recursive: true });
    writeFileSync(join(x, "src/a.txt"), "1\n");
    writeFileSync(join(x, "src/b.log"), "2\n");
    writeFileSync(join(x, "src/keep/c.log"), "3\n");
    writeFileSync(join(x, "src/skip.d/d"), "4\n");
    writeFileSync(join(x, "dst/gone.log"), "old\n");
    writeFileSync(join(x, "dst/z.txt"), "o\n");
    const r = makeResource("file", join(x, "dst"), { ensure: "directory", source: join(x, "src"), recurse: true, purge: true, ignore: ["*.log", "skip.?"] }, "path");
    const o = await fileType.apply(r, makeContext({ resource: r }));
    expect(o.events.map((e) => [e.property.replace(x, ""), e.message])).toEqual([
      ["File[/dst/a.txt]/ensure", "defined content as '{sha256}4355a46b19d348dc2f57c046f8ef63d4538ebb936000f3c9ee954a27460dd865'"],
      ["File[/dst/keep]/ensure", "created"],
      ["File[/dst/z.txt]/ensure", "removed"],
    ]);
    expect(readdirSync(join(x, "dst")).sort()).toEqual(["a.txt", "gone.log", "keep"]);
    expect((await fileType.apply(r, makeContext({ resource: r }))).events).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Fourth scenario (site-d.pp): symlinks replaced or left alone, lchown, replace => false with link
// and absent, a filebucket with its own path, a fifo removed, recurse => remote with purge,
// recurse with a source and mode on local extras, recurselimit => 0, a file owned by another user.

type RecordedRun = Record<string, { failed: boolean; events: { property: string; previous_value: unknown; desired_value: unknown; name: string; status: string; message: string }[] }>;
const fixtureD = JSON.parse(readFileSync(new URL("../../tests/fixtures/resources/file/puppet-events-d.json", import.meta.url), "utf8")) as { noop: RecordedRun; run: RecordedRun; second: RecordedRun };

describe("file: fourth scenario against Puppet (fixture site-d.pp)", () => {
  it("noop, first and second run as Puppet's", async () => {
    const base = tempRoot();
    const y = join(base, "y");
    for (const d of ["realdir", "rsrc/sub", "remote", "rtrue", "lim0/in"]) mkdirSync(join(y, d), { recursive: true });
    const w = (p: string, c: string): void => writeFileSync(join(y, p), c);
    w("real", "r\n");
    for (const l of ["l2f", "lpres", "lmode", "lown"]) symlinkSync("real", join(y, l));
    symlinkSync("realdir", join(y, "l2d"));
    w("norepl", "e\n");
    w("norepl2", "e\n");
    w("fb", "b\n");
    const { runCommand } = await import("./run-command.js");
    expect((await runCommand(["mkfifo", join(y, "fifo")])).status).toBe(0);
    w("rsrc/a", "s\n");
    w("rsrc/sub/b", "t\n");
    w("remote/extra", "extra\n");
    w("rtrue/extra", "extra\n");
    chmodSync(join(y, "rtrue/extra"), 0o600);
    w("lim0/in/z", "z\n");
    w("other", "o\n");
    chownSync(join(y, "other"), 65534, 0);
    chmodSync(join(y, "other"), 0o640);

    const bucket = join(base, "ybucket");
    const list: [string, Record<string, unknown>][] = [
      ["l2f", { ensure: "file", content: "new\n" }],
      ["lpres", { ensure: "present" }],
      ["l2d", { ensure: "directory" }],
      ["lmode", { mode: "0600" }],
      ["lown", { owner: "nobody" }],
      ["norepl", { ensure: "link", target: `${y}/real`, replace: false }],
      ["norepl2", { ensure: "absent", replace: false }],
      ["fb", { content: "new\n", backup: "main" }],
      ["newmode", { content: "x", mode: "0755" }],
      ["fifo", { ensure: "absent" }],
      ["remote", { ensure: "directory", source: `${y}/rsrc`, recurse: "remote", purge: true }],
      ["rtrue", { ensure: "directory", source: `${y}/rsrc`, recurse: true, mode: "0644" }],
      ["lim0", { ensure: "directory", recurse: true, recurselimit: 0, purge: true, force: true }],
      ["other", { content: "changed\n" }],
    ];
    const resources = [makeResource("filebucket", "main", { path: bucket }), ...list.map(([n, p]) => makeResource("file", join(y, n), p, "path"))];
    const files = resources.slice(1);
    const catalog = makeCatalogView(resources);
    const run = async (noop: boolean) => {
      const out: Record<string, ResourceEvent[]> = {};
      for (const r of files) {
        expect(fileType.validate(r, { catalog })).toEqual([]);
        const o = await fileType.apply(r, makeContext({ resource: r, catalog, noop }));
        for (const e of o.events) {
          const m = /^File\[(.*)\]\/(.*)$/.exec(e.property);
          (out[(m ? m[1]! : r.title).slice(y.length + 1)] ??= []).push(m ? { ...e, property: m[2]! } : e);
        }
      }
      return out;
    };
    const canonD = (v: unknown): unknown => (typeof v === "string" ? v.split(y).join("/tmp/fref/y") : v);
    const noopText = (e: ResourceEvent): string => `current_value '${String(canonD(e.previousValue))}', should be '${String(canonD(e.desiredValue))}' (noop)`;
    const before = JSON.stringify(snapshot(y));
    const noop = await run(true);
    expect(JSON.stringify(snapshot(y))).toBe(before);
    expect(Object.fromEntries(Object.entries(noop).map(([t, evs]) => [t, evs.map((e) => [e.property, e.name, noopText(e)])]))).toEqual(
      Object.fromEntries(Object.entries(fixtureD.noop).map(([t, v]) => [t, v.events.map((e) => [e.property, e.name, e.message])])),
    );
    const first = await run(false);
    expect(Object.fromEntries(Object.entries(first).map(([t, evs]) => [t, evs.map((e) => [e.property, e.name, e.status, canonD(e.message)])]))).toEqual(
      Object.fromEntries(Object.entries(fixtureD.run).map(([t, v]) => [t, v.events.map((e) => [e.property, e.name, e.status, e.message])])),
    );
    expect(await run(false)).toEqual(fixtureD.second);
    // The disk as Puppet left it.
    expect(readlinkSync(join(y, "lpres"))).toBe("real");
    expect(lstatSync(join(y, "l2f")).isFile()).toBe(true);
    expect(lstatSync(join(y, "l2d")).isDirectory()).toBe(true);
    expect(lstatSync(join(y, "lown")).uid).toBe(65534);
    expect(statSync(join(y, "real")).uid).toBe(0);
    expect(readFileSync(join(y, "norepl"), "utf8")).toBe("e\n");
    expect(existsSync(join(y, "norepl2"))).toBe(true);
    expect(existsSync(join(y, "fifo"))).toBe(false);
    expect(existsSync(join(y, "remote/extra"))).toBe(true);
    expect(statSync(join(y, "rtrue/sub")).mode & 0o7777).toBe(0o755);
    expect(existsSync(join(y, "lim0/in/z"))).toBe(true);
    expect(statSync(join(y, "newmode")).mode & 0o7777).toBe(0o755);
    const other = statSync(join(y, "other"));
    expect([other.uid, other.mode & 0o7777]).toEqual([65534, 0o640]); // the rewritten file keeps owner and mode
    const digest = "0263829989b6fd954f72baaf2fc64bc2e2f01d692d4de72986ea808f6e99813f";
    expect(readFileSync(join(bucket, ..."02638299".split(""), digest, "contents"), "utf8")).toBe("b\n");
  });
});

// ---------------------------------------------------------------------------------------------
// Through the apply engine: autorequire orders a file after its directory and its owner's user,
// Sensitive content stays out of logs and events, and the catalog is refused when a file is invalid.

describe("file: through the apply engine", () => {
  async function applyJson(resources: { type: string; title: string; parameters: Record<string, unknown>; sensitive_parameters?: string[] }[], noop = false) {
    const { loadCatalog } = await import("../apply/catalog.js");
    const { applyCatalog } = await import("../apply/transaction.js");
    const { RESOURCE_TYPES } = await import("./registry.js");
    const json = {
      name: "node1",
      version: 1,
      environment: "production",
      resources: [{ type: "Stage", title: "main", tags: ["stage"], parameters: {} }, { type: "Class", title: "main", tags: ["class"], parameters: {} }, ...resources.map((r, i) => ({ ...r, tags: [r.type.toLowerCase()], file: "/m/site.pp", line: i + 1 }))],
      edges: [{ source: "Stage[main]", target: "Class[main]" }, ...resources.map((r) => ({ source: "Class[main]", target: `${r.type}[${r.title}]` }))],
    };
    const { catalog, problems } = loadCatalog(json);
    expect(problems).toEqual([]);
    return applyCatalog(catalog!, { noop, showDiff: true, modulepath: [], bucketDir: join(tempRoot(), "bucket"), types: RESOURCE_TYPES });
  }

  it("creates a file declared before its directory, twice quiet, secrets never shown", async () => {
    const t = tempRoot();
    const resources = [
      { type: "File", title: `${t}/d/f`, parameters: { content: "top secret value\n", mode: "0600" }, sensitive_parameters: ["content"] },
      { type: "File", title: `${t}/d`, parameters: { ensure: "directory" } },
    ];
    const first = await applyJson(resources);
    expect(first.refused).toBeUndefined();
    expect(first.statuses.map((s) => [s.node.title.slice(t.length), s.failed, s.events.map((e) => e.message)])).toEqual([
      ["/d", false, ["created"]],
      ["/d/f", false, ["changed [redacted] to [redacted]"]],
    ]);
    expect(readFileSync(join(t, "d/f"), "utf8")).toBe("top secret value\n");
    writeFileSync(join(t, "d/f"), "changed by hand\n");
    const second = await applyJson(resources);
    expect(second.statuses.flatMap((s) => s.events.map((e) => e.message))).toEqual(["changed [redacted] to [redacted]"]);
    expect(JSON.stringify(second.logs)).not.toContain("top secret");
    expect(second.logs.map((l) => l.message)).toContain("[diff redacted]");
    const third = await applyJson(resources);
    expect(third.statuses.flatMap((s) => s.events)).toEqual([]);
  });

  it("refuses the catalog before anything changes when a file is invalid", async () => {
    const t = tempRoot();
    const res = await applyJson([
      { type: "File", title: `${t}/ok`, parameters: { content: "x" } },
      { type: "File", title: `${t}/bad`, parameters: { mode: "999" } },
      { type: "File", title: "relative", parameters: {} },
    ]);
    expect(res.refused!.map((p) => p.message)).toEqual([`File[${t}/bad]: parameter 'mode': The file mode specification is invalid: "999"`, "File[relative]: parameter 'path': File paths must be fully qualified, not 'relative'"]);
    expect(readdirSync(t)).toEqual([]);
  });
});

describe("file: a symbolic mode Puppet cannot compute fails the write (checked with puppet apply)", () => {
  it("new file, changed content and new directory all fail with Puppet's message; nothing is written", async () => {
    const t = tempRoot();
    writeFileSync(join(t, "z4"), "old\n");
    const msg = `X only works with the '+' operator in symbolic mode "u=rwX"`;
    const results: string[] = [];
    for (const [name, params] of [["z3", { content: "x", mode: "u=rwX" }], ["z4", { content: "x", mode: "u=rwX" }], ["z5", { ensure: "directory", mode: "u=rwX" }]] as const) {
      const r = makeResource("file", join(t, name), params, "path");
      const ctx = makeContext({ resource: r });
      const o = await fileType.apply(r, ctx);
      expect(ctx.logs.filter((l) => l.level === "err").map((l) => l.message).every((m) => m === msg)).toBe(true);
      results.push(...o.events.map((e) => `${name} ${e.property} ${e.status}: ${e.message}`));
    }
    expect(results).toEqual([
      `z3 ensure failure: change from 'absent' to 'file' failed: ${msg}`,
      `z4 content failure: change from '{sha256}01d09d19c2139a46aebfb577780d123d7396e97201bc7ead210a2ebff8239dee' to '{sha256}2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881' failed: ${msg}`,
      `z4 mode failure: change from '0644' to 'u=rwX' failed: ${msg}`,
      `z5 ensure failure: change from 'absent' to 'directory' failed: ${msg}`,
    ]);
    expect(readdirSync(t)).toEqual(["z4"]);
    expect(readFileSync(join(t, "z4"), "utf8")).toBe("old\n");
  });
});

describe("file: max_files (checked with puppet apply)", () => {
  it("over the limit: Puppet's error, the directory itself still synced, no children", async () => {
    const t = tempRoot();
    mkdirSync(join(t, "d"));
    chmodSync(join(t, "d"), 0o755);
    for (const n of ["a", "b", "c"]) writeFileSync(join(t, "d", n), "");
    const r = makeResource("file", join(t, "d"), { recurse: true, mode: "0600", max_files: 2 }, "path");
    const ctx = makeContext({ resource: r });
    const o = await fileType.apply(r, ctx);
    expect(ctx.logs.map((l) => [l.level, l.message])).toEqual([
      ["err", `Failed to generate additional resources using 'eval_generate': The directory '${join(t, "d")}' contains 3 entries, which exceeds the limit of 2 specified by the max_files parameter for this resource. The limit may be increased, but be aware that large number of file resources can result in excessive resource consumption and degraded performance. Consider using an alternate method to manage large directory trees`],
    ]);
    expect(o.failed).toBeFalsy();
    expect(o.events.map((e) => e.message)).toEqual(["mode changed '0755' to '0700'"]);
    expect(statSync(join(t, "d/a")).mode & 0o777).toBe(0o644);
  });
});

describe("file: validate_cmd with shell syntax goes through /bin/sh (as Ruby's Kernel.exec)", () => {
  it("runs a pipeline and a quoted argument", async () => {
    const t = tempRoot();
    const r = makeResource("file", join(t, "c"), { content: "a b\n", validate_cmd: "/bin/grep -q 'a b' % && test -s %" }, "path");
    expect((await fileType.apply(r, makeContext({ resource: r }))).events.map((e) => e.status)).toEqual(["success"]);
    const bad = makeResource("file", join(t, "c"), { content: "x\n", validate_cmd: "/bin/grep -q 'a b' % && test -s %" }, "path");
    const o = await fileType.apply(bad, makeContext({ resource: bad }));
    expect(o.events.map((e) => e.status)).toEqual(["failure"]);
    expect(readFileSync(join(t, "c"), "utf8")).toBe("a b\n");
  });
});
