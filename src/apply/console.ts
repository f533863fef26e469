// The human summary after a run: Puppet's closing line, then what changed, failed or was skipped.
import type { RunSummary } from "./report.js";
import type { TransactionResult } from "./transaction.js";

export function renderSummary(result: TransactionResult, sum: RunSummary, opts: { noop: boolean; seconds: number }): string {
  const lines = [`Notice: Applied catalog in ${opts.seconds.toFixed(2)} seconds`];
  const changed = result.statuses.filter((s) => s.changed || (opts.noop && s.outOfSync));
  const failed = result.statuses.filter((s) => s.failed || s.failedToRestart);
  const skipped = result.statuses.filter((s) => s.skipped);
  const verb = opts.noop ? "would change" : "changed";
  lines.push(`Summary: ${sum.total} resources: ${changed.length} ${verb}, ${failed.length} failed, ${skipped.length} skipped, ${sum.total - changed.length - failed.length - skipped.length} in sync${sum.restarted ? `, ${sum.restarted} refreshed` : ""}`);
  const list = (title: string, items: string[]): void => {
    if (!items.length) return;
    lines.push(`  ${title}:`);
    for (const i of items) lines.push(`    ${i}`);
  };
  list(opts.noop ? "Would change" : "Changed", changed.map((s) => s.node.ref));
  list("Failed", failed.map((s) => s.node.ref + (s.failedToRestart && !s.failed ? " (refresh failed)" : "")));
  list("Skipped", skipped.map((s) => `${s.node.ref} (${s.failedDependencies.length ? `depends on failed ${s.failedDependencies.join(", ")}` : "not selected by --tags/--skip_tags"})`));
  return lines.join("\n") + "\n";
}
