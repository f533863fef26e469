// Test files that install packages run in parallel vitest workers, and dpkg refuses to run while
// another dpkg holds its lock. Each such file holds this lock (a directory, created atomically)
// from its first to its last test, so they take turns.
import { mkdirSync, rmSync, statSync } from "node:fs";

const LOCK = "/tmp/cfg-tests-dpkg.lock";

export async function acquireDpkgLock(timeoutMs = 110_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch {
      // A lock left by a crashed run (older than the timeout) is stale.
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > timeoutMs) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        /* gone meanwhile */
      }
      if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${LOCK}`);
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }
}

export function releaseDpkgLock(): void {
  rmSync(LOCK, { recursive: true, force: true });
}
