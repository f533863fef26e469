// The run report in Puppet's report format 12 (Puppet::Transaction::Report#to_data_hash), so the
// tools that read Puppet's reports read cfg's, and the exit status as `--detailed-exitcodes` gives it.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { LoadedCatalog } from "./catalog.js";
import type { TransactionResult } from "./transaction.js";

export interface ReportMeta {
  readonly host?: string;
  readonly noop: boolean;
  readonly configRetrievalSeconds: number;
  readonly totalSeconds: number;
  readonly startTime: Date;
  readonly cfgVersion: string;
}

type Metric = [string, string, number];

const label = (s: string): string => s.split("_").map((w, i) => (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w)).join(" ");

export interface RunSummary {
  readonly total: number;
  readonly changed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly failedToRestart: number;
  readonly restarted: number;
  readonly outOfSync: number;
  readonly changes: number;
  readonly events: { total: number; success: number; failure: number; noop: number };
  readonly status: "failed" | "changed" | "unchanged";
  readonly noopPending: boolean;
}

export function summarize(result: TransactionResult): RunSummary {
  const st = result.statuses;
  const events = { total: 0, success: 0, failure: 0, noop: 0 };
  let changes = 0;
  for (const s of st) {
    for (const e of s.events) {
      events.total++;
      events[e.status]++;
      if (e.status === "success" && e.property) changes++;
    }
  }
  const failed = st.filter((s) => s.failed).length;
  const changed = st.filter((s) => s.changed).length;
  const failedToRestart = st.filter((s) => s.failedToRestart).length;
  return {
    total: st.length,
    changed,
    failed,
    skipped: st.filter((s) => s.skipped).length,
    failedToRestart,
    restarted: st.filter((s) => s.restarted).length,
    outOfSync: st.filter((s) => s.outOfSync).length,
    changes,
    events,
    status: failed > 0 || failedToRestart > 0 ? "failed" : changed > 0 ? "changed" : "unchanged",
    noopPending: events.noop > 0,
  };
}

/** Puppet's --detailed-exitcodes: 2 when something changed, 4 when something failed, 6 both. */
export function detailedExitCode(summary: RunSummary): number {
  return (summary.changes > 0 ? 2 : 0) | (summary.failed > 0 || summary.failedToRestart > 0 ? 4 : 0);
}

export function buildReport(catalog: LoadedCatalog, result: TransactionResult, meta: ReportMeta): Record<string, unknown> {
  const sum = summarize(result);
  const resourceStatuses: Record<string, unknown> = {};
  for (const s of result.statuses) {
    const n = s.node;
    resourceStatuses[n.ref] = {
      title: n.title,
      file: n.file ?? null,
      line: n.line ?? null,
      resource: n.ref,
      resource_type: n.type,
      provider_used: s.provider,
      containment_path: s.containmentPath,
      evaluation_time: s.evaluationTime,
      tags: n.tags,
      time: s.time,
      failed: s.failed,
      failed_to_restart: s.failedToRestart,
      changed: s.changed,
      out_of_sync: s.outOfSync,
      skipped: s.skipped,
      change_count: s.events.filter((e) => e.status === "success" && e.property).length,
      out_of_sync_count: s.events.filter((e) => e.property).length,
      events: s.events.map((e) => ({
        audited: false,
        property: e.property || null,
        previous_value: e.previousValue ?? null,
        desired_value: e.desiredValue ?? null,
        historical_value: null,
        message: e.message,
        name: e.name,
        status: e.status,
        time: e.time,
        redacted: n.sensitive.has(e.property) ? true : null,
        corrective_change: false,
      })),
      corrective_change: false,
    };
  }
  const timeMetrics: Metric[] = [...result.timeByType].map(([t, v]) => [t, label(t), v]);
  timeMetrics.push(["config_retrieval", "Config retrieval", meta.configRetrievalSeconds]);
  timeMetrics.push(["transaction_evaluation", "Transaction evaluation", result.evaluationSeconds]);
  timeMetrics.push(["catalog_application", "Catalog application", result.evaluationSeconds]);
  timeMetrics.push(["total", "Total", meta.totalSeconds]);
  const metric = (name: string, values: Metric[]): Record<string, unknown> => ({ name, label: label(name), values });
  // Puppet always lists failure and success, and noop when there were noop events.
  const eventValues: Metric[] = [["total", "Total", sum.events.total], ["failure", "Failure", sum.events.failure], ["success", "Success", sum.events.success]];
  if (sum.events.noop || meta.noop) eventValues.push(["noop", "Noop", sum.events.noop]);
  return {
    host: meta.host ?? catalog.name ?? hostname(),
    time: meta.startTime.toISOString(),
    configuration_version: catalog.version ?? null,
    transaction_uuid: randomUUID(),
    report_format: 12,
    puppet_version: `cfg ${meta.cfgVersion}`,
    status: sum.status,
    transaction_completed: true,
    noop: meta.noop,
    noop_pending: sum.noopPending,
    environment: catalog.environment,
    logs: result.logs,
    metrics: {
      resources: metric("resources", [
        ["total", "Total", sum.total],
        ["skipped", "Skipped", sum.skipped],
        ["failed", "Failed", sum.failed],
        ["failed_to_restart", "Failed to restart", sum.failedToRestart],
        ["restarted", "Restarted", sum.restarted],
        ["changed", "Changed", sum.changed],
        ["out_of_sync", "Out of sync", sum.outOfSync],
        ["scheduled", "Scheduled", 0],
        ["corrective_change", "Corrective change", 0],
      ]),
      time: metric("time", timeMetrics),
      changes: metric("changes", [["total", "Total", sum.changes]]),
      events: metric("events", eventValues),
    },
    resource_statuses: resourceStatuses,
    corrective_change: false,
    catalog_uuid: catalog.catalogUuid ?? null,
    cached_catalog_status: "not_used",
  };
}
