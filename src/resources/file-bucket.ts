// Backups of replaced files, as Puppet's file type makes them (puppet/util/backups.rb):
// into a local filebucket laid out as Puppet's clientbucket
// (<bucket>/<d0>/<d1>/.../<d7>/<digest>/{contents,paths}, sha256 digests), or as a copy next to
// the file with a suffix (`backup => '.bak'`).
import { createHash } from "node:crypto";
import { copyFileSync, chmodSync, chownSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync, appendFileSync } from "node:fs";
import { join } from "node:path";

export function sha256Hex(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** The directory of one digest in a clientbucket. */
export function bucketPathFor(bucketDir: string, digest: string): string {
  return join(bucketDir, ...digest.slice(0, 8).split(""), digest);
}

/** Stores a regular file's content in the bucket; returns its sha256 digest. */
export function backupToBucket(bucketDir: string, file: string): string {
  const data = readFileSync(file);
  const digest = sha256Hex(data);
  const dir = bucketPathFor(bucketDir, digest);
  mkdirSync(dir, { recursive: true, mode: 0o750 });
  const contents = join(dir, "contents");
  if (!existsSync(contents) || !readFileSync(contents).equals(data)) writeFileSync(contents, data, { mode: 0o640 });
  else utimesSync(contents, new Date(), new Date());
  const paths = join(dir, "paths");
  const known = existsSync(paths) ? readFileSync(paths, "utf8").split("\n") : [];
  if (!known.includes(file)) appendFileSync(paths, `${file}\n`, { mode: 0o640 });
  return digest;
}

/** Every regular file under a directory (a directory backed up to a bucket backs up its files). */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = lstatSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** cp -p of a file or a symlink to `dest` (an older regular backup is replaced). */
export function copyPreserving(src: string, dest: string): void {
  const st = lstatSync(src);
  if (st.isSymbolicLink()) {
    symlinkSync(readlinkSync(src), dest);
    return;
  }
  copyFileSync(src, dest);
  chmodSync(dest, st.mode & 0o7777);
  try {
    chownSync(dest, st.uid, st.gid);
  } catch {
    /* not root: keep our ownership, as cp -p does */
  }
  utimesSync(dest, st.atime, st.mtime);
}

/** Removes an old suffix backup before a new one is made; refuses a directory (Puppet's message). */
export function removeOldBackup(dest: string): "file" | "link" | null {
  let st;
  try {
    st = lstatSync(dest);
  } catch {
    return null;
  }
  if (st.isDirectory()) throw new Error(`Will not remove directory backup ${dest}; use a filebucket`);
  unlinkSync(dest);
  return st.isSymbolicLink() ? "link" : "file";
}

export function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
