import { describe, expect, it } from "vitest";
import { containmentPath, loadCatalog, parseRef, refKey } from "./catalog.js";

describe("catalog reading", () => {
  it("unwraps rich-data Sensitive values and remembers them as sensitive", () => {
    const { catalog, problems } = loadCatalog({
      resources: [{ type: "File", title: "/x", parameters: { content: { __ptype: "Sensitive", __pvalue: "secret" }, mode: "0600" } }],
      edges: [],
    });
    expect(problems).toEqual([]);
    const n = catalog!.nodes[0]!;
    expect(n.params.content).toBe("secret");
    expect([...n.sensitive]).toEqual(["content"]);
  });

  it("accepts Puppet's document wrapper, and reports shape problems instead of throwing", () => {
    expect(loadCatalog({ document_type: "Catalog", data: { resources: [], edges: [] } }).problems).toEqual([]);
    expect(loadCatalog([]).problems).toEqual([{ message: "the catalog is not a JSON object" }]);
    expect(loadCatalog({ edges: [] }).problems).toEqual([{ message: "the catalog has no 'resources' array" }]);
    const dup = loadCatalog({ resources: [{ type: "Notify", title: "a" }, { type: "notify", title: "a" }], edges: [] });
    expect(dup.problems.map((p) => p.message)).toEqual(["Duplicate declaration: Notify[a] appears twice in the catalog"]);
    const edge = loadCatalog({ resources: [{ type: "Notify", title: "a" }], edges: [{ source: "Class[nope]", target: "Notify[a]" }] });
    expect(edge.problems.map((p) => p.message)).toEqual(["containment edge Class[nope] => Notify[a] names a resource that is not in the catalog"]);
  });

  it("matches references as Puppet does: types and class titles case-insensitively, aliases too", () => {
    const { catalog } = loadCatalog({
      resources: [
        { type: "Class", title: "Apache::Params" },
        { type: "File", title: "/etc/motd", parameters: { alias: "motd" } },
      ],
      edges: [],
    });
    expect(catalog!.byKey.get(refKey("class", "apache::params"))).toBe(0);
    expect(catalog!.byKey.get(refKey("FILE", "motd"))).toBe(1);
    expect(parseRef("File['/etc/motd']")).toEqual({ type: "File", title: "/etc/motd" });
    expect(parseRef("not a ref")).toBeUndefined();
  });

  it("gives Puppet's containment paths, and lets a contained class have two containers", () => {
    const { catalog } = loadCatalog({
      resources: [
        { type: "Stage", title: "main" },
        { type: "Class", title: "Nginx", kind: "class" },
        { type: "Class", title: "Nginx::Install", kind: "class" },
        { type: "Package", title: "nginx" },
        { type: "Nginx::Vhost", title: "www", kind: "defined_type" },
        { type: "File", title: "/etc/nginx/www.conf" },
      ],
      edges: [
        { source: "Stage[main]", target: "Class[Nginx]" },
        { source: "Stage[main]", target: "Class[Nginx::Install]" },
        { source: "Class[Nginx]", target: "Class[Nginx::Install]" },
        { source: "Class[Nginx::Install]", target: "Package[nginx]" },
        { source: "Class[Nginx]", target: "Nginx::Vhost[www]" },
        { source: "Nginx::Vhost[www]", target: "File[/etc/nginx/www.conf]" },
      ],
    });
    const byRef = (r: string) => catalog!.nodes.find((n) => n.ref === r)!;
    expect(containmentPath(catalog!, byRef("Package[nginx]"))).toEqual(["Stage[main]", "Nginx::Install", "Package[nginx]"]);
    expect(containmentPath(catalog!, byRef("File[/etc/nginx/www.conf]"))).toEqual(["Stage[main]", "Nginx", "Nginx::Vhost[www]", "File[/etc/nginx/www.conf]"]);
    expect(byRef("Class[Nginx::Install]").parents.map((i) => catalog!.nodes[i]!.ref)).toEqual(["Stage[main]", "Class[Nginx]"]);
    expect(byRef("Nginx::Vhost[www]").isContainer).toBe(true);
  });

  it("does not apply exported resources", () => {
    const { catalog } = loadCatalog({ resources: [{ type: "Host", title: "h", exported: true }, { type: "Notify", title: "n" }], edges: [] });
    expect(catalog!.nodes.map((n) => n.ref)).toEqual(["Notify[n]"]);
  });
});
