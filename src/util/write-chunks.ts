// Writing output that may be larger than one string: pieces in ~1 MB batches, synchronously
// (stdout may be a pipe), to a descriptor or atomically to a file.
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export function writeChunksSync(fd: number, chunks: Iterable<string>): void {
  let buf: string[] = [];
  let size = 0;
  const flush = (): void => {
    const data = Buffer.from(buf.join(""));
    let off = 0;
    while (off < data.length) {
      try {
        off += writeSync(fd, data, off);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
      }
    }
    buf = [];
    size = 0;
  };
  for (const c of chunks) {
    buf.push(c);
    size += c.length;
    if (size > 1 << 20) flush();
  }
  flush();
}

/** Like writeFileAtomic (temporary file, fsync, rename), but from pieces. */
export function writeChunksAtomic(path: string, chunks: Iterable<string>): void {
  const tmp = join(dirname(path), `.${basename(path)}.cfg-tmp-${process.pid}-${Date.now()}`);
  const fd = openSync(tmp, "w", 0o644);
  try {
    writeChunksSync(fd, chunks);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, path);
  } catch (e) {
    try {
      closeSync(fd);
    } catch {
      /* closed */
    }
    try {
      unlinkSync(tmp);
    } catch {
      /* gone */
    }
    throw e;
  }
}
