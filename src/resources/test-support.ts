// Test helpers for resource types: build a ResourceInstance and an ApplyContext that records logs.
import type { ApplyContext, CatalogView, LogLevel, ResourceInstance } from "./types.js";

export function makeResource(type: string, title: string, params: Record<string, unknown> = {}, namevar = "name", sensitive: string[] = []): ResourceInstance {
  const t = type.charAt(0).toUpperCase() + type.slice(1);
  return {
    type: t,
    title,
    ref: `${t}[${title}]`,
    params: { [namevar]: title, ...params },
    sensitive: new Set(sensitive),
    tags: [type.toLowerCase()],
  };
}

export interface RecordedLog {
  readonly level: LogLevel;
  readonly message: string;
  readonly source: string;
}

export function makeCatalogView(resources: readonly ResourceInstance[] = []): CatalogView {
  return {
    has: (type, title) => resources.some((r) => r.type === type && r.title === title),
    ofType: (type) => resources.filter((r) => r.type === type),
  };
}

export function makeContext(opts: Partial<Omit<ApplyContext, "log" | "logGlobal" | "display">> & { resource?: ResourceInstance } = {}): ApplyContext & { logs: RecordedLog[] } {
  const logs: RecordedLog[] = [];
  const r = opts.resource;
  return {
    noop: opts.noop ?? false,
    showDiff: opts.showDiff ?? false,
    modulepath: opts.modulepath ?? [],
    environmentDir: opts.environmentDir,
    bucketDir: opts.bucketDir ?? "/tmp/cfg-test-bucket",
    catalog: opts.catalog ?? makeCatalogView(r ? [r] : []),
    logs,
    log(level, message, property) {
      logs.push({ level, message, source: `${r?.ref ?? "?"}${property ? `/${property}` : ""}` });
    },
    logGlobal(level, message) {
      logs.push({ level, message, source: "Puppet" });
    },
    display(property, value) {
      if (r?.sensitive.has(property)) return "[redacted]";
      return Array.isArray(value) ? `[${value.map((v) => `'${String(v)}'`).join(", ")}]` : String(value);
    },
  };
}
