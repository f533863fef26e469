// Applies a loaded catalog: validates everything first (nothing changes when anything is wrong),
// then walks the graph in order. A failed resource fails only itself; its dependents are skipped
// and say which failure they depend on; everything else is applied. Refresh events travel along
// notify/subscribe (through containers) and reach services and execs after their own changes.
import { performance } from "node:perf_hooks";
import { displayValue, METAPARAMETERS, type ApplyContext, type ApplyOutcome, type CatalogView, type LogLevel, type ResourceEvent, type ResourceInstance, type ResourceType } from "../resources/types.js";
import { capitalizeType, containmentPath, refKey, type CatalogNode, type LoadedCatalog } from "./catalog.js";
import { buildGraph, nodeOfVertex, type ResourceGraph } from "./graph.js";
import { makeRedactor } from "./redact.js";

export interface ApplyOptions {
  readonly noop: boolean;
  readonly showDiff: boolean;
  readonly modulepath: readonly string[];
  readonly environmentDir?: string;
  readonly bucketDir: string;
  readonly types: ReadonlyMap<string, ResourceType>;
  /** Called for every log entry as it happens (the console output). */
  readonly onLog?: (entry: LogEntry) => void;
  /**
   * The lowest level recorded (in `logs`, and given to onLog), as Puppet's log level: its reports
   * and log destinations hold nothing below it (notice, unless --verbose or --debug). Default: debug.
   */
  readonly logLevel?: LogLevel;
  /** --tags: only resources with one of these tags are applied (the rest are skipped quietly). */
  readonly tags?: readonly string[];
  /** --skip_tags: resources with one of these tags are skipped quietly. */
  readonly skipTags?: readonly string[];
}

export interface LogEntry {
  readonly level: LogLevel;
  readonly message: string;
  /** "Puppet" or the resource path, e.g. "/Stage[main]/Main/File[/x]/ensure". */
  readonly source: string;
  readonly tags: readonly string[];
  readonly time: string;
  readonly file: string | null;
  readonly line: number | null;
}

export interface ReportEvent extends ResourceEvent {
  readonly time: string;
}

export interface ResourceStatus {
  readonly node: CatalogNode;
  readonly containmentPath: string[];
  provider: string | null;
  evaluationTime: number | null;
  time: string;
  failed: boolean;
  failedToRestart: boolean;
  changed: boolean;
  outOfSync: boolean;
  skipped: boolean;
  restarted: boolean;
  events: ReportEvent[];
  /** Refs of the failed resources this one depends on (why it was skipped). */
  failedDependencies: string[];
}

export interface CatalogRefusal {
  readonly message: string;
  readonly ref?: string;
  readonly file?: string;
  readonly line?: number;
}

export interface TransactionResult {
  /** Set when the catalog was refused before anything changed: every problem. */
  readonly refused?: CatalogRefusal[];
  readonly statuses: ResourceStatus[];
  readonly logs: LogEntry[];
  readonly graph?: ResourceGraph;
  readonly evaluationSeconds: number;
  /** Seconds spent per type (lower-case name), for the report's time metrics. */
  readonly timeByType: Map<string, number>;
}

const LOG_RANK: Readonly<Record<LogLevel, number>> = { debug: 0, info: 1, notice: 2, warning: 3, err: 4 };

/** "File[/x]" -> ["File", "/x"]; anything else names no resource. */
function splitRef(t: string): [string, string] {
  const m = /^([A-Za-z][\w:]*)\[(.*)\]$/.exec(t);
  return m ? [m[1]!, m[2]!] : ["", "\0"];
}

const LOG_LEVELS = new Set(["debug", "info", "notice", "warning", "err"]);

const now = (): string => new Date().toISOString();

function instanceOf(node: CatalogNode, type: ResourceType): ResourceInstance {
  const params = node.params[type.namevar] === undefined ? { ...node.params, [type.namevar]: node.title } : node.params;
  return { type: node.type, title: node.title, ref: node.ref, params, sensitive: node.sensitive, file: node.file, line: node.line, tags: node.tags };
}

/** Puppet's is_to_s/should_to_s in noop messages: strings quoted, numbers bare, arrays as ['a']. */
function quoted(v: unknown): string {
  if (typeof v === "number" || typeof v === "bigint") return String(v);
  return Array.isArray(v) ? displayValue(v) : `'${displayValue(v)}'`;
}

/** A type's attribute names as a Set, made once per type (the catalog check asks for every resource). */
const attributeSets = new WeakMap<ResourceType, ReadonlySet<string>>();
function attributeSet(type: ResourceType): ReadonlySet<string> {
  let known = attributeSets.get(type);
  if (!known) attributeSets.set(type, (known = new Set(type.attributes)));
  return known;
}

/** Checks the whole catalog; returns every problem (empty when it can be applied). */
export function checkCatalog(catalog: LoadedCatalog, types: ReadonlyMap<string, ResourceType>, graphProblems: { message: string; node?: CatalogNode }[]): CatalogRefusal[] {
  const problems: CatalogRefusal[] = [];
  const at = (n: CatalogNode, message: string): CatalogRefusal => ({ message, ref: n.ref, file: n.file, line: n.line });
  const view = catalogView(catalog, types);
  for (const n of catalog.nodes) {
    if (n.isContainer) continue;
    const type = types.get(n.type.toLowerCase());
    if (!type) {
      problems.push(at(n, `cfg cannot apply resources of type ${n.type} (${n.ref})`));
      continue;
    }
    if (type.attributes.length) {
      const known = attributeSet(type);
      for (const p of Object.keys(n.params)) {
        if (!known.has(p) && !METAPARAMETERS.has(p)) problems.push(at(n, `Invalid parameter '${p}' on ${n.ref}`));
      }
    }
    for (const p of type.validate(instanceOf(n, type), { catalog: view })) {
      problems.push(at(n, p.attribute ? `${n.ref}: parameter '${p.attribute}': ${p.message}` : `${n.ref}: ${p.message}`));
    }
    const noop = n.params.noop;
    if (noop !== undefined && typeof noop !== "boolean" && noop !== "true" && noop !== "false") problems.push(at(n, `${n.ref}: parameter 'noop': Invalid value ${JSON.stringify(noop)}. Valid values are true, false.`));
  }
  for (const p of graphProblems) problems.push(p.node ? at(p.node, p.message) : { message: p.message });
  return problems;
}

function catalogView(catalog: LoadedCatalog, types: ReadonlyMap<string, ResourceType>): CatalogView {
  const byType = new Map<string, ResourceInstance[]>();
  for (const n of catalog.nodes) {
    if (n.isContainer) continue;
    const t = types.get(n.type.toLowerCase());
    if (!t) continue;
    let l = byType.get(n.type);
    if (!l) byType.set(n.type, (l = []));
    l.push(instanceOf(n, t));
  }
  return {
    has: (type, title) => catalog.byKey.has(refKey(type, title)),
    ofType: (type) => byType.get(type) ?? [],
  };
}

export function cycleMessage(catalog: LoadedCatalog, cycles: number[][]): string {
  const lines = [`Found ${cycles.length} dependency cycle${cycles.length === 1 ? "" : "s"}:`];
  for (const c of cycles) {
    lines.push(`(${c.map((i) => catalog.nodes[i]!.ref).join(" => ")})`);
    for (const i of new Set(c)) {
      const n = catalog.nodes[i]!;
      if (n.file) lines.push(`    ${n.ref} at ${n.file}${n.line ? `:${n.line}` : ""}`);
    }
  }
  lines.push("Break the cycle by removing one of these relationships; `--graph DIR` writes the graph as DOT.");
  return lines.join("\n");
}

export async function applyCatalog(catalog: LoadedCatalog, opts: ApplyOptions): Promise<TransactionResult> {
  const t0 = performance.now();
  const logs: LogEntry[] = [];
  const redact = makeRedactor(catalog);
  const minRank = LOG_RANK[opts.logLevel ?? "debug"];
  const emit = (level: LogLevel, message: string, source: string, node?: CatalogNode): void => {
    if (LOG_RANK[level] < minRank) return;
    const entry: LogEntry = {
      level,
      message: redact(message),
      source,
      tags: node ? [level, ...node.tags] : [level],
      time: now(),
      file: node?.file ?? null,
      line: node?.line ?? null,
    };
    logs.push(entry);
    opts.onLog?.(entry);
  };

  // Autorequires name resources by type and title; keep those in the catalog.
  const autorequires = (n: CatalogNode): number[] => {
    const type = opts.types.get(n.type.toLowerCase());
    if (!type?.autorequire) return [];
    const out: number[] = [];
    for (const ref of type.autorequire(instanceOf(n, type))) {
      const idx = catalog.byKey.get(refKey(ref.type, ref.title));
      if (idx !== undefined && !catalog.nodes[idx]!.isContainer) out.push(idx);
    }
    return out;
  };
  const { graph, problems: graphProblems } = buildGraph(catalog, autorequires);
  const refused = checkCatalog(catalog, opts.types, graphProblems);
  if (graph.cycles.length) refused.push({ message: cycleMessage(catalog, graph.cycles) });
  const timeByType = new Map<string, number>();
  if (refused.length || !graph.order) {
    return { refused, statuses: [], logs, graph, evaluationSeconds: (performance.now() - t0) / 1000, timeByType };
  }

  const view = catalogView(catalog, opts.types);
  const statuses: ResourceStatus[] = [];
  // Per vertex: the failed resources it depends on (Puppet's failed_dependencies, propagated).
  const failedDeps: (Set<number> | undefined)[] = new Array(graph.vertexCount);
  const failedNodes = new Set<number>();
  const alreadyNotified = new Set<number>();
  // Refresh events queued per vertex (real ones and noop ones), moving as in Puppet's graph: a
  // resource sends its events to its notify/subscribe targets and to its containers' completed
  // whits; a whit that received events relays one (a restart, or a noop restart) onwards: from a
  // container's end to its containers and targets, from its start to everything inside it. In noop
  // a whit says what it would have refreshed ("Class[Main]: Would have triggered 'refresh' ...").
  const queued = new Map<number, { real: number; noop: number }>();
  const send = (to: number, real: number, noop: number): void => {
    if (!real && !noop) return;
    const q = queued.get(to) ?? { real: 0, noop: 0 };
    q.real += real;
    q.noop += noop;
    queued.set(to, q);
  };
  const sendOn = (from: number, n: CatalogNode, real: number, noop: number): void => {
    for (const t of graph.callouts.get(from) ?? []) send(t, real, noop);
    for (const p of n.parents) send(2 * p + 1, real, noop);
  };
  const whitLabel = (n: CatalogNode): string => (n.type === "Class" ? `Class[${capitalizeType(n.title)}]` : n.ref);

  for (const v of graph.order) {
    const idx = nodeOfVertex(v);
    const node = catalog.nodes[idx]!;
    const deps = new Set<number>();
    for (const u of graph.in[v]!) {
      const f = failedDeps[u];
      if (f) for (const x of f) deps.add(x);
      const ui = nodeOfVertex(u);
      if (!catalog.nodes[ui]!.isContainer && failedNodes.has(ui)) deps.add(ui);
    }
    if (deps.size) failedDeps[v] = deps;
    if (node.isContainer) {
      const q = queued.get(v);
      queued.delete(v);
      if (q) {
        if (q.real === 0) emit("notice", `Would have triggered 'refresh' from ${q.noop} ${q.noop === 1 ? "event" : "events"}`, whitLabel(node));
        const [real, noop] = q.real > 0 ? [1, 0] : [0, 1];
        if ((v & 1) === 1) sendOn(v, node, real, noop);
        else for (const c of node.children) send(2 * c, real, noop);
      }
      continue;
    }

    const type = opts.types.get(node.type.toLowerCase())!;
    const path = containmentPath(catalog, node);
    const source = "/" + path.join("/");
    const status: ResourceStatus = {
      node,
      containmentPath: path,
      provider: null,
      evaluationTime: null,
      time: now(),
      failed: false,
      failedToRestart: false,
      changed: false,
      outOfSync: false,
      skipped: false,
      restarted: false,
      events: [],
      failedDependencies: [...deps].map((i) => catalog.nodes[i]!.ref),
    };
    statuses.push(status);

    if (deps.size) {
      for (const d of deps) {
        if (alreadyNotified.has(d)) continue;
        alreadyNotified.add(d);
        emit("notice", `Dependency ${catalog.nodes[d]!.ref} has failures: true`, source, node);
      }
      emit("warning", "Skipping because of failed dependencies", source, node);
      status.skipped = true;
      queued.delete(v);
      continue;
    }

    // --tags / --skip_tags, as Puppet's transaction: the resource is skipped, its dependents are not.
    const tagged = (list: readonly string[]): boolean => list.some((t) => node.tags.includes(t.toLowerCase()) || refKey(node.type, node.title) === refKey(...splitRef(t)));
    if ((opts.skipTags?.length && tagged(opts.skipTags)) || (opts.tags?.length && !tagged(opts.tags))) {
      emit("debug", opts.skipTags?.length && tagged(opts.skipTags) ? `Skipping with skip tags ${opts.skipTags.join(", ")}` : `Not tagged with ${opts.tags!.join(", ")}`, source, node);
      status.skipped = true;
      queued.delete(v);
      continue;
    }

    // The loglevel metaparameter sets the level of the resource's change messages (notice by default).
    const eventLevel: LogLevel = LOG_LEVELS.has(String(node.params.loglevel)) ? (String(node.params.loglevel) as LogLevel) : "notice";
    const resourceNoop = opts.noop || node.params.noop === true || node.params.noop === "true";
    const inst = instanceOf(node, type);
    const ctx: ApplyContext = {
      noop: resourceNoop,
      showDiff: opts.showDiff,
      modulepath: opts.modulepath,
      environmentDir: opts.environmentDir,
      environment: catalog.environment,
      bucketDir: opts.bucketDir,
      catalog: view,
      log: (level, message, property) => {
        const child = property ? childOf(property) : undefined;
        emit(level, message, child ? `${child.source}/${child.property}` : property ? `${source}/${property}` : source, node);
      },
      logGlobal: (level, message) => emit(level, message, "Puppet"),
      display: (property, value) => (node.sensitive.has(property) ? "[redacted]" : displayValue(value)),
    };
    // Resources a type generates (a recursing file's children) report events with the property
    // "File[/dir/child]/ensure": they get their own status and path, as Puppet's generated resources.
    const generated = new Map<string, ResourceStatus>();
    const childOf = (property: string): { status: ResourceStatus; property: string; source: string } | undefined => {
      const m = /^([A-Z][\w:]*)\[(.*)\]\/([a-z_]+)$/s.exec(property);
      if (!m) return undefined;
      const ref = `${m[1]}[${m[2]}]`;
      let st = generated.get(ref);
      if (!st) {
        const child: CatalogNode = { index: -1, type: m[1]!, title: m[2]!, ref, params: {}, sensitive: node.sensitive, file: node.file, line: node.line, tags: node.tags, isContainer: false, parents: [], children: [] };
        st = { ...status, node: child, containmentPath: [...path.slice(0, -1), ref], events: [], failedDependencies: [], provider: status.provider };
        generated.set(ref, st);
      }
      return { status: st, property: m[3]!, source: "/" + st.containmentPath.join("/") };
    };
    let invalidatesRefresh = false;
    const recordOutcome = (outcome: ApplyOutcome): void => {
      if (outcome.provider) status.provider = outcome.provider;
      // Even a noop start drops the queued refreshes, as in puppet apply --noop.
      if (outcome.invalidatesRefresh && outcome.events.some((e) => e.status !== "failure")) invalidatesRefresh = true;
      for (const e of outcome.events) {
        const child = childOf(e.property);
        const property = child ? child.property : e.property;
        const sensitive = node.sensitive.has(property);
        const previousValue = sensitive ? "[redacted]" : e.previousValue;
        const desiredValue = sensitive ? "[redacted]" : e.desiredValue;
        // Puppet quotes plain values in noop messages, not redacted ones.
        const show = (v: unknown): string => (sensitive || v === "[redacted]" ? "[redacted]" : quoted(v));
        const message = e.status === "noop" ? `current_value ${show(previousValue)}, should be ${show(desiredValue)} (noop)` : e.message;
        const ev: ReportEvent = { ...e, property, previousValue, desiredValue, message: redact(message), time: now() };
        (child ? child.status : status).events.push(ev);
        if (child && e.status === "failure") child.status.failed = true;
        emit(e.status === "failure" ? "err" : eventLevel, ev.message, `${child ? child.source : source}/${property}`, node);
      }
      if (outcome.failed || outcome.events.some((e) => e.status === "failure" && !childOf(e.property))) status.failed = true;
      if (outcome.failedToRestart) status.failedToRestart = true;
    };

    const t1 = performance.now();
    try {
      recordOutcome(await type.apply(inst, ctx));
    } catch (e) {
      status.failed = true;
      emit("err", `Could not evaluate: ${(e as Error).message}`, source, node);
    }
    for (const g of generated.values()) {
      g.outOfSync = g.events.length > 0;
      g.changed = g.events.some((e) => e.status === "success") && !g.failed;
      g.provider = status.provider;
      statuses.push(g);
    }
    const childEvents = [...generated.values()].flatMap((g) => g.events);
    // A generated child's changes reach the parent's subscribers as one event (as puppet apply shows:
    // "Triggered 'refresh' from 1 event" however many children changed).
    const ownReal = status.events.filter((e) => e.status === "success").length;
    const real = ownReal || (childEvents.some((e) => e.status === "success") ? 1 : 0);
    status.outOfSync = status.events.length > 0;
    status.changed = status.events.some((e) => e.status === "success") && !status.failed;

    // Refresh events that reached this resource.
    const got = queued.get(v);
    queued.delete(v);
    let restarted = false;
    if (got && invalidatesRefresh) emit("info", `Unscheduling refresh on ${node.ref}`, source, node);
    else if (got && type.refresh && !status.failed) {
      const count = got.real + got.noop;
      const plural = count === 1 ? "event" : "events";
      if (got.real === 0 || resourceNoop) {
        emit("notice", `Would have triggered 'refresh' from ${count} ${plural}`, source, node);
        status.events.push({ property: "", previousValue: null, desiredValue: null, message: `Would have triggered 'refresh' from ${count} ${plural}`, name: "noop_restart", status: "noop", time: now() });
      } else {
        try {
          const outcome = await type.refresh(inst, ctx);
          recordOutcome(outcome);
          if (outcome.failedToRestart || outcome.failed) {
            status.failedToRestart = true;
          } else {
            restarted = true;
            emit("notice", `Triggered 'refresh' from ${count} ${plural}`, source, node);
            status.events.push({ property: "", previousValue: null, desiredValue: null, message: `Triggered 'refresh' from ${count} ${plural}`, name: "refresh", status: "success", time: now() });
          }
        } catch (e) {
          const message = `Failed to call refresh: ${(e as Error).message}`;
          emit("err", message, source, node);
          status.failedToRestart = true;
          status.failed = true;
          status.events.push({ property: "", previousValue: null, desiredValue: null, message, name: "refresh", status: "failure", time: now() });
        }
      }
    }
    status.restarted = restarted;
    status.evaluationTime = (performance.now() - t1) / 1000;
    const typeName = node.type.toLowerCase();
    timeByType.set(typeName, (timeByType.get(typeName) ?? 0) + status.evaluationTime);
    let noopAll = status.events.filter((e) => e.status === "noop").length;
    const childNoop = childEvents.filter((e) => e.status === "noop").length;
    if (childNoop > 0 && real === 0) {
      // The generated children hang off a container of their own (named by the title), which says
      // what it would have refreshed and relays one event, as in puppet apply --noop.
      const n = noopAll + childNoop;
      emit("notice", `Would have triggered 'refresh' from ${n} ${n === 1 ? "event" : "events"}`, node.title);
      noopAll = 1;
    }
    if (status.failed) failedNodes.add(idx);
    else if (real > 0 || restarted) sendOn(v, node, real + (restarted ? 1 : 0), 0);
    else sendOn(v, node, 0, noopAll);
  }
  return { statuses, logs, graph, evaluationSeconds: (performance.now() - t0) / 1000, timeByType };
}
