import { closeSync, fchmodSync, fchownSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * Writes a file atomically: a temporary file in the same directory, fsynced, then renamed over
 * the target, so a reader never sees a half-written file and a crash leaves the old content.
 * The file gets exactly `mode` (not masked by the umask) and, when given, the owner and group.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o644, owner?: { uid: number; gid: number }): void {
  const tmp = join(dirname(path), `.${basename(path)}.cfg-tmp-${process.pid}-${Date.now()}`);
  const fd = openSync(tmp, "w", mode);
  try {
    const buf = typeof data === "string" ? Buffer.from(data) : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off);
    fchmodSync(fd, mode);
    if (owner) fchownSync(fd, owner.uid, owner.gid);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
}
