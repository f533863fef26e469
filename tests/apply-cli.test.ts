// cfg apply as a user runs it: exit codes, refusals, report and graph files, noop.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const work = mkdtempSync(join(tmpdir(), "cfg-apply-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const facts = join(work, "facts.json");
writeFileSync(facts, JSON.stringify({ networking: { fqdn: "node1.example.com" } }));

function cfg(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, ["bin/cfg.mjs", "apply", ...args], { encoding: "utf8", input });
}

function manifest(name: string, code: string): string {
  const p = join(work, name);
  writeFileSync(p, code);
  return p;
}

const common = ["--facts", facts, "--vardir", join(work, "var")];

describe("cfg apply", () => {
  it("applies a manifest, prints Puppet's messages and a summary, and uses detailed exit codes", () => {
    const m = manifest("hello.pp", "notify { 'hello': message => 'hi there' }\n");
    const r = cfg([m, ...common, "--detailed-exitcodes"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(2);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toMatch(/^Notice: Compiled catalog for node1\.example\.com in environment production in \d+\.\d\d seconds$/);
    expect(lines.slice(1, 3)).toEqual(["Notice: hi there", "Notice: /Stage[main]/Main/Notify[hello]/message: defined 'message' as 'hi there'"]);
    expect(lines[3]).toMatch(/^Notice: Applied catalog in \d+\.\d\d seconds$/);
    expect(lines[4]).toBe("Summary: 1 resources: 1 changed, 0 failed, 0 skipped, 0 in sync");
    // Without --detailed-exitcodes, success is 0 (as puppet apply).
    expect(cfg([m, ...common]).status).toBe(0);
  });

  it("writes the report (format 12) and the graph atomically", () => {
    const m = manifest("rep.pp", "notify { 'a': }\nnotify { 'b': require => Notify['a'] }\n");
    const report = join(work, "report.json");
    const graph = join(work, "graph");
    const r = cfg([m, ...common, "--report", report, "--graph", graph]);
    expect(r.status).toBe(0);
    const rep = JSON.parse(readFileSync(report, "utf8"));
    expect(rep.report_format).toBe(12);
    expect(rep.status).toBe("changed");
    expect(Object.keys(rep.resource_statuses)).toEqual(["Notify[a]", "Notify[b]"]);
    const dot = readFileSync(join(graph, "relationships.dot"), "utf8");
    expect(dot).toContain('"Notify[a]" -> "Notify[b]";');
    expect(readFileSync(join(graph, "expanded_relationships.dot"), "utf8")).toContain('"Notify[a]" -> "Notify[b]";');
    expect(readFileSync(join(graph, "resources.dot"), "utf8")).toContain('"Class[main]" -> "Notify[a]";');
  });

  it("in noop mode says what would change, and exits 0 with detailed exit codes", () => {
    const m = manifest("noop.pp", "notify { 'n': message => 'm' }\n");
    const r = cfg([m, ...common, "--noop", "--detailed-exitcodes"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Notice: /Stage[main]/Main/Notify[n]/message: current_value 'absent', should be 'm' (noop)");
    expect(r.stdout).toContain("Notice: Class[Main]: Would have triggered 'refresh' from 1 event");
    expect(r.stdout).not.toContain("Notice: m\n");
  });

  it("refuses a catalog with problems before changing anything, listing every problem", () => {
    const catalog = join(work, "bad-catalog.json");
    writeFileSync(
      catalog,
      JSON.stringify({
        name: "n",
        resources: [
          { type: "Notify", title: "x", parameters: { require: "Notify[missing]", bogus: 1 }, file: "/m.pp", line: 3 },
          { type: "Zfs", title: "tank", parameters: {}, file: "/m.pp", line: 4 },
        ],
        edges: [],
      }),
    );
    const r = cfg(["--catalog", catalog, "--detailed-exitcodes"]);
    expect(r.status).toBe(1);
    expect(r.stdout).not.toContain("Notice: x");
    expect(r.stderr).toContain("nothing was changed (3 problems)");
    expect(r.stderr).toContain("/m.pp:3: Invalid parameter 'bogus' on Notify[x]");
    expect(r.stderr).toContain("/m.pp:4: cfg cannot apply resources of type Zfs (Zfs[tank])");
    expect(r.stderr).toContain("/m.pp:3: Could not find resource 'Notify[missing]' for relationship on 'Notify[x]'");
  });

  it("reports a dependency cycle with each resource and its location", () => {
    const m = manifest("cycle.pp", "notify { 'a': require => Notify['b'] }\nnotify { 'b': require => Notify['a'] }\n");
    const graph = join(work, "cycle-graph");
    const r = cfg([m, ...common, "--graph", graph]);
    expect(r.status).toBe(1);
    expect(readFileSync(join(graph, "cycles.dot"), "utf8")).toMatch(/"Notify\[[ab]\]" -> "Notify\[[ab]\]";/);
    expect(r.stderr).toContain("Found 1 dependency cycle:");
    expect(r.stderr).toMatch(/\(Notify\[[ab]\] => Notify\[[ab]\] => Notify\[[ab]\]\)/);
    expect(r.stderr).toContain(`Notify[a] at ${m}:1`);
    expect(r.stderr).toContain(`Notify[b] at ${m}:2`);
  });

  it("gives a diagnostic, not a stack trace, for bad input", () => {
    const bad = join(work, "not-json.json");
    writeFileSync(bad, "{ nope");
    let r = cfg(["--catalog", bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("CFG6001");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    r = cfg(["--catalog", join(work, "missing.json")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("CFG5001");
    r = cfg([]);
    expect(r.status).toBe(2);
    const syntax = manifest("syntax.pp", "notify { 'x' \n");
    r = cfg([syntax, ...common]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("syntax.pp:");
    expect(existsSync(join(work, "var", "clientbucket"))).toBe(false);
  });

  it("compiles -e code with this host's own facts when no --facts is given", () => {
    const r = cfg(["-e", "notify { \"kernel ${facts['kernel']} on ${facts['os']['family']}\": }", "--vardir", join(work, "var")]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Notice: kernel Linux on \w+$/m);
  });

  it("--test implies detailed exit codes; --logdest writes JSON, JSON lines or text", () => {
    const m = manifest("logdest.pp", "notify { 'logged': }\n");
    const json = join(work, "log.json");
    const jsonl = join(work, "log.jsonl");
    const text = join(work, "log.txt");
    const r = cfg([m, ...common, "--test", "--logdest", json, "--logdest", jsonl, "--logdest", text, "--logdest", "console"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain("Notice: logged");
    const logs = JSON.parse(readFileSync(json, "utf8"));
    // As Puppet's JSON log destination: its own "Compiled catalog" and "Applied catalog" notices too.
    expect(logs.map((l: { message: string }) => l.message.replace(/in [\d.]+ seconds/, "in N seconds"))).toEqual([
      "Compiled catalog for node1.example.com in environment production in N seconds",
      "logged",
      "defined 'message' as 'logged'",
      "Applied catalog in N seconds",
    ]);
    expect(Object.keys(logs[2])).toEqual(["level", "message", "source", "tags", "time", "file", "line"]);
    expect(readFileSync(jsonl, "utf8").trim().split("\n").map((l) => JSON.parse(l).source)).toEqual(["Puppet", "Puppet", "/Stage[main]/Main/Notify[logged]/message", "Puppet"]);
    expect(readFileSync(text, "utf8")).toMatch(/ \/Stage\[main\]\/Main\/Notify\[logged\]\/message \(notice\): defined 'message' as 'logged'\n.* Puppet \(notice\): Applied catalog in [\d.]+ seconds\n$/);
  });

  it("keeps in the report what Puppet keeps: messages at its log level (notice), not the debug ones", () => {
    const fx = join("tests", "fixtures", "apply", "report-logs");
    const report = join(work, "report-logs.json");
    const r = cfg([join(fx, "site.pp"), "--facts", join(fx, "facts.json"), "--node", "n1", "--vardir", join(work, "var"), "--report", report]);
    expect(r.status).toBe(0);
    const logs = (JSON.parse(readFileSync(report, "utf8")) as { logs: { level: string; source: string; message: string }[] }).logs;
    const got = logs.map((l) => ({ level: l.level, source: l.source, message: l.message.replace(/in [\d.]+ seconds/, "in N seconds") }));
    expect(got).toEqual(JSON.parse(readFileSync(join(fx, "puppet-report-logs.json"), "utf8")));
    // With --debug the check and its output are logged (and reported) too.
    const d = cfg([join(fx, "site.pp"), "--facts", join(fx, "facts.json"), "--node", "n1", "--vardir", join(work, "var"), "--report", report, "--debug"]);
    expect(d.stdout).toContain("Debug: /Stage[main]/Main/Exec[marker]: check output");
    expect(readFileSync(report, "utf8")).toContain("won't be executed because of failed check 'unless'");
  });

  it("orders through stdlib anchors, which change nothing", () => {
    const catalog = {
      name: "n",
      resources: [
        { type: "Notify", title: "second", parameters: { require: "Anchor[mod::begin]" } },
        { type: "Anchor", title: "mod::begin", parameters: { require: "Notify[first]" } },
        { type: "Notify", title: "first", parameters: {} },
      ],
      edges: [],
    };
    const r = cfg(["--catalog", "-"], JSON.stringify(catalog));
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n").filter((l) => /^Notice: (first|second)$/.test(l))).toEqual(["Notice: first", "Notice: second"]);
  });

  it("applies only what --tags selects and skips what --skip_tags names", () => {
    const m = manifest("tags.pp", "class web { notify { 'in-web': } }\nclass db { notify { 'in-db': } }\ninclude web, db\nnotify { 'top': tag => ['special'] }\n");
    let r = cfg([m, ...common, "--tags", "web,special"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Notice: in-web\n");
    expect(r.stdout).toContain("Notice: top\n");
    expect(r.stdout).not.toContain("Notice: in-db\n");
    expect(r.stdout).toContain("Notify[in-db] (not selected by --tags/--skip_tags)");
    r = cfg([m, ...common, "--skip_tags", "db"]);
    expect(r.stdout).toContain("Notice: in-web\n");
    expect(r.stdout).not.toContain("Notice: in-db\n");
  });

  it("shows Sensitive values in noop as Puppet does, unquoted [redacted]", () => {
    const dir = join(work, "sensitive");
    const m = manifest("sensitive.pp", `file { '${dir}': ensure => directory }\nfile { '${dir}/new': content => Sensitive("s3cret-value\\n") }\n`);
    const r = cfg([m, ...common, "--noop"]);
    expect(r.stdout).toContain(`/File[${dir}/new]/ensure: current_value [redacted], should be [redacted] (noop)`);
    expect(r.stdout + r.stderr).not.toContain("s3cret-value");
  });

  it("reads a catalog from stdin", () => {
    const catalog = { name: "n", resources: [{ type: "Notify", title: "from stdin", parameters: {} }], edges: [] };
    const r = cfg(["--catalog", "-", "--detailed-exitcodes"], JSON.stringify(catalog));
    expect(r.status).toBe(2);
    expect(r.stdout).toContain("Notice: from stdin");
  });
});
