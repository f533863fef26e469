import { describe, expect, it } from "vitest";
import type { ResourceType } from "../resources/types.js";
import { loadCatalog } from "./catalog.js";
import { buildReport, detailedExitCode, summarize } from "./report.js";
import { applyCatalog, type TransactionResult } from "./transaction.js";

// A fake type: "changes" when its `change` param is true, fails when `fail` is true, records calls.
function fakeTypes(calls: string[]): Map<string, ResourceType> {
  const t: ResourceType = {
    name: "fake",
    namevar: "name",
    attributes: ["name", "change", "fail", "secret", "after"],
    validate: (r) => (r.params.change === "bad" ? [{ attribute: "change", message: "bad value" }] : []),
    autorequire: (r) => (typeof r.params.after === "string" ? [{ type: "Fake", title: r.params.after }] : []),
    async apply(r, ctx) {
      calls.push(`apply ${r.title}`);
      if (r.params.fail === true) return { failed: true, events: [{ property: "ensure", previousValue: "absent", desiredValue: "present", message: "change from 'absent' to 'present' failed: boom", name: "fake_created", status: "failure" }] };
      if (r.params.change === true) return { events: [{ property: "ensure", previousValue: "absent", desiredValue: "present", message: `created ${String(r.params.secret ?? "")}`.trim(), name: "fake_created", status: ctx.noop ? "noop" : "success" }] };
      return { events: [] };
    },
    async refresh(r) {
      calls.push(`refresh ${r.title}`);
      return { events: [] };
    },
  };
  return new Map([["fake", t]]);
}

interface Res {
  title: string;
  params?: Record<string, unknown>;
  type?: string;
  sensitive?: string[];
}

function catalogOf(resources: Res[], containment: [string, string][] = []): unknown {
  return {
    name: "node1",
    version: 1,
    environment: "production",
    resources: [
      { type: "Stage", title: "main", tags: ["stage"], parameters: {} },
      { type: "Class", title: "main", tags: ["class"], parameters: {} },
      ...resources.map((r) => ({ type: r.type ?? "Fake", title: r.title, tags: ["fake"], file: "/m/site.pp", line: 1, parameters: r.params ?? {}, sensitive_parameters: r.sensitive })),
    ],
    edges: [
      { source: "Stage[main]", target: "Class[main]" },
      ...resources.filter((r) => (r.type ?? "Fake") === "Fake" && !containment.some(([, t]) => t === `Fake[${r.title}]`)).map((r) => ({ source: "Class[main]", target: `Fake[${r.title}]` })),
      ...containment.map(([s, t]) => ({ source: s, target: t })),
    ],
  };
}

async function run(resources: Res[], opts: { noop?: boolean; containment?: [string, string][] } = {}): Promise<{ calls: string[]; result: TransactionResult }> {
  const calls: string[] = [];
  const { catalog, problems } = loadCatalog(catalogOf(resources, opts.containment));
  expect(problems).toEqual([]);
  const result = await applyCatalog(catalog!, { noop: !!opts.noop, showDiff: false, modulepath: [], bucketDir: "/nonexistent", types: fakeTypes(calls) });
  return { calls, result };
}

describe("apply order", () => {
  it("follows catalog order when nothing else decides", async () => {
    const { calls } = await run([{ title: "a" }, { title: "b" }, { title: "c" }]);
    expect(calls).toEqual(["apply a", "apply b", "apply c"]);
  });

  it("puts required resources first, and honours before", async () => {
    const { calls } = await run([{ title: "a", params: { require: "Fake[c]" } }, { title: "b", params: { before: ["Fake[c]"] } }, { title: "c" }]);
    expect(calls).toEqual(["apply b", "apply c", "apply a"]);
  });

  it("applies an edge to a class to everything inside it", async () => {
    const { calls } = await run(
      [{ title: "x", params: { require: "Class[Later]" } }, { title: "Later", type: "Class" }, { title: "in1" }, { title: "in2" }],
      { containment: [["Stage[main]", "Class[Later]"], ["Class[Later]", "Fake[in1]"], ["Class[Later]", "Fake[in2]"]] },
    );
    expect(calls).toEqual(["apply in1", "apply in2", "apply x"]);
  });

  it("orders by autorequire when no explicit relationship says otherwise", async () => {
    const { calls } = await run([{ title: "child", params: { after: "parent" } }, { title: "parent" }]);
    expect(calls).toEqual(["apply parent", "apply child"]);
  });

  it("lets an explicit relationship win over an autorequire the other way", async () => {
    const { calls } = await run([{ title: "child", params: { after: "parent", before: "Fake[parent]" } }, { title: "parent" }]);
    expect(calls).toEqual(["apply child", "apply parent"]);
  });
});

describe("failures", () => {
  it("skips the dependents of a failed resource, transitively, and applies everything else", async () => {
    const { calls, result } = await run([
      { title: "bad", params: { fail: true } },
      { title: "dep", params: { require: "Fake[bad]", change: true } },
      { title: "dep2", params: { require: "Fake[dep]" } },
      { title: "free", params: { change: true } },
    ]);
    expect(calls).toEqual(["apply bad", "apply free"]);
    const by = Object.fromEntries(result.statuses.map((s) => [s.node.title, s]));
    expect(by.bad!.failed).toBe(true);
    expect(by.dep!.skipped).toBe(true);
    expect(by.dep2!.skipped).toBe(true);
    expect(by.dep2!.failedDependencies).toEqual(["Fake[bad]"]);
    expect(by.free!.changed).toBe(true);
    const msgs = result.logs.map((l) => `${l.level} ${l.source}: ${l.message}`);
    expect(msgs).toContain("notice /Stage[main]/Main/Fake[dep]: Dependency Fake[bad] has failures: true");
    expect(msgs).toContain("warning /Stage[main]/Main/Fake[dep]: Skipping because of failed dependencies");
    expect(msgs).toContain("warning /Stage[main]/Main/Fake[dep2]: Skipping because of failed dependencies");
    // Puppet says "has failures" once per failed resource.
    expect(msgs.filter((m) => m.includes("has failures")).length).toBe(1);
    const sum = summarize(result);
    expect(detailedExitCode(sum)).toBe(6);
  });

  it("refuses the whole catalog before any change on a validation problem, listing every one", async () => {
    const calls: string[] = [];
    const { catalog } = loadCatalog(catalogOf([{ title: "a", params: { change: "bad" } }, { title: "b", params: { bogus: 1 } }, { title: "c", type: "Mount" }, { title: "d", params: { require: "Fake[nope]" } }]));
    const result = await applyCatalog(catalog!, { noop: false, showDiff: false, modulepath: [], bucketDir: "/x", types: fakeTypes(calls) });
    expect(calls).toEqual([]);
    expect(result.refused!.map((p) => p.message)).toEqual([
      "Fake[a]: parameter 'change': bad value",
      "Invalid parameter 'bogus' on Fake[b]",
      "cfg cannot apply resources of type Mount (Mount[c])",
      "Could not find resource 'Fake[nope]' for relationship on 'Fake[d]'",
    ]);
  });

  it("reports a dependency cycle with every resource on it, and applies nothing", async () => {
    const calls: string[] = [];
    const { catalog } = loadCatalog(catalogOf([{ title: "a", params: { require: "Fake[b]" } }, { title: "b", params: { require: "Fake[c]" } }, { title: "c", params: { require: "Fake[a]" } }, { title: "free" }]));
    const result = await applyCatalog(catalog!, { noop: false, showDiff: false, modulepath: [], bucketDir: "/x", types: fakeTypes(calls) });
    expect(calls).toEqual([]);
    expect(result.refused).toHaveLength(1);
    expect(result.refused![0]!.message).toContain("Found 1 dependency cycle:");
    expect(result.refused![0]!.message).toMatch(/\(Fake\[\w\] => Fake\[\w\] => Fake\[\w\] => Fake\[\w\]\)/);
    expect(result.refused![0]!.message).toContain("Fake[a] at /m/site.pp:1");
  });
});

describe("refresh", () => {
  it("refreshes a subscriber after the source changed, through a class", async () => {
    const { calls, result } = await run(
      [{ title: "svc", params: { subscribe: "Class[Conf]" } }, { title: "Conf", type: "Class" }, { title: "cfgfile", params: { change: true } }, { title: "quiet" }],
      { containment: [["Stage[main]", "Class[Conf]"], ["Class[Conf]", "Fake[cfgfile]"], ["Class[Conf]", "Fake[quiet]"]] },
    );
    expect(calls).toEqual(["apply cfgfile", "apply quiet", "apply svc", "refresh svc"]);
    expect(result.logs.map((l) => l.message)).toContain("Triggered 'refresh' from 1 event");
    expect(result.statuses.find((s) => s.node.title === "svc")!.restarted).toBe(true);
  });

  it("does not refresh when nothing changed", async () => {
    const { calls } = await run([{ title: "src", params: { notify: "Fake[dst]" } }, { title: "dst" }]);
    expect(calls).toEqual(["apply src", "apply dst"]);
  });

  it("says what it would have refreshed in noop, and changes nothing", async () => {
    const { calls, result } = await run([{ title: "src", params: { notify: "Fake[dst]", change: true } }, { title: "dst" }], { noop: true });
    expect(calls).toEqual(["apply src", "apply dst"]);
    const msgs = result.logs.map((l) => `${l.source}: ${l.message}`);
    expect(msgs).toContain("/Stage[main]/Main/Fake[src]/ensure: current_value 'absent', should be 'present' (noop)");
    expect(msgs).toContain("/Stage[main]/Main/Fake[dst]: Would have triggered 'refresh' from 1 event");
    // As Puppet: the containers pass the noop events up and say so.
    expect(msgs.slice(-2)).toEqual(["Class[Main]: Would have triggered 'refresh' from 2 events", "Stage[main]: Would have triggered 'refresh' from 1 event"]);
    const sum = summarize(result);
    expect(sum.noopPending).toBe(true);
    expect(detailedExitCode(sum)).toBe(0);
  });
});

describe("sensitive values and the report", () => {
  it("never lets a Sensitive value reach logs or the report", async () => {
    const { result } = await run([{ title: "s", params: { change: true, secret: "hunter2-pass" }, sensitive: ["secret"] }]);
    const { catalog } = loadCatalog(catalogOf([{ title: "s", params: { change: true, secret: "hunter2-pass" }, sensitive: ["secret"] }]));
    const report = buildReport(catalog!, result, { noop: false, configRetrievalSeconds: 0, totalSeconds: 0, startTime: new Date(), cfgVersion: "0" });
    const text = JSON.stringify(report) + JSON.stringify(result.logs);
    expect(text).not.toContain("hunter2-pass");
    expect(text).toContain("created [redacted]");
  });

  it("is shaped like Puppet's report format 12", async () => {
    const { result } = await run([{ title: "a", params: { change: true } }, { title: "b" }]);
    const { catalog } = loadCatalog(catalogOf([{ title: "a", params: { change: true } }, { title: "b" }]));
    const report = buildReport(catalog!, result, { noop: false, configRetrievalSeconds: 0.1, totalSeconds: 0.2, startTime: new Date(), cfgVersion: "0" }) as Record<string, any>;
    expect(Object.keys(report)).toEqual(["host", "time", "configuration_version", "transaction_uuid", "report_format", "puppet_version", "status", "transaction_completed", "noop", "noop_pending", "environment", "logs", "metrics", "resource_statuses", "corrective_change", "catalog_uuid", "cached_catalog_status"]);
    expect(report.status).toBe("changed");
    const a = report.resource_statuses["Fake[a]"];
    expect(Object.keys(a)).toEqual(["title", "file", "line", "resource", "resource_type", "provider_used", "containment_path", "evaluation_time", "tags", "time", "failed", "failed_to_restart", "changed", "out_of_sync", "skipped", "change_count", "out_of_sync_count", "events", "corrective_change"]);
    expect(a.containment_path).toEqual(["Stage[main]", "Main", "Fake[a]"]);
    expect(Object.keys(a.events[0])).toEqual(["audited", "property", "previous_value", "desired_value", "historical_value", "message", "name", "status", "time", "redacted", "corrective_change"]);
    expect(report.metrics.resources.values.map((v: unknown[]) => v[0])).toEqual(["total", "skipped", "failed", "failed_to_restart", "restarted", "changed", "out_of_sync", "scheduled", "corrective_change"]);
    expect(report.metrics.changes.values).toEqual([["total", "Total", 1]]);
  });
});
