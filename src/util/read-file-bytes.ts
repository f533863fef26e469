// Reading many files without a buffer (and an fstat) per file.
import { closeSync, openSync, readSync } from "node:fs";

/** One buffer for all reads (grown as needed): callers use the bytes before the next read. */
let readBuffer = Buffer.allocUnsafe(1 << 16);

/**
 * A file's bytes, valid until the next call: a batch of files is read without allocating (and
 * collecting) a buffer per file, and without the fstat that readFileSync makes.
 */
export function readFileBytes(path: string): Buffer {
  const fd = openSync(path, "r");
  try {
    let n = 0;
    for (;;) {
      if (n === readBuffer.length) {
        const bigger = Buffer.allocUnsafe(readBuffer.length * 2);
        readBuffer.copy(bigger);
        readBuffer = bigger;
      }
      const got = readSync(fd, readBuffer, n, readBuffer.length - n, null);
      if (got === 0) return readBuffer.subarray(0, n);
      n += got;
    }
  } finally {
    closeSync(fd);
  }
}
