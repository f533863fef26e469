// Users and groups by name and id, read from /etc/passwd and /etc/group at each lookup: a user
// created earlier in the same run must resolve (Puppet resolves owner/group when it evaluates them).
import { readFileSync, statSync } from "node:fs";

interface Entry {
  readonly name: string;
  readonly id: number;
}

// Parsed once per version of the file (size + mtime), so 1,000 files with an owner read it once.
const cache = new Map<string, { key: string; entries: Entry[] }>();

function readDb(path: string): Entry[] {
  let key: string;
  try {
    const st = statSync(path);
    key = `${st.size}:${st.mtimeMs}:${st.ino}`;
  } catch {
    return [];
  }
  const hit = cache.get(path);
  if (hit && hit.key === key) return hit.entries;
  const entries = parseDb(path);
  cache.set(path, { key, entries });
  return entries;
}

function parseDb(path: string): Entry[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return [];
  }
  const out: Entry[] = [];
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const f = line.split(":");
    const id = Number(f[2]);
    if (f[0] && Number.isInteger(id)) out.push({ name: f[0], id });
  }
  return out;
}

export const idFiles = { passwd: "/etc/passwd", group: "/etc/group" };

/** Puppet's name2uid / name2gid: a number stays a number, a name is looked up; null when unknown. */
export function nameToId(kind: "user" | "group", value: string | number): number | null {
  if (typeof value === "number") return value;
  if (/^\d+$/.test(value)) return Number(value);
  const e = readDb(kind === "user" ? idFiles.passwd : idFiles.group).find((x) => x.name === value);
  return e ? e.id : null;
}

/** Puppet's uid2name / gid2name, for messages: the name, else the number. */
export function idToName(kind: "user" | "group", id: number): string {
  const e = readDb(kind === "user" ? idFiles.passwd : idFiles.group).find((x) => x.id === id);
  return e ? e.name : String(id);
}
