// The safety net behind every type's own care: any Sensitive parameter value that still reaches a
// message is replaced by "[redacted]" before it is logged, printed or reported.
import type { LoadedCatalog } from "./catalog.js";

/** Values shorter than this are not searched for in text (a Sensitive "1" would blank every digit). */
const MIN_LENGTH = 4;

function collect(value: unknown, out: Set<string>): void {
  if (typeof value === "string") {
    if (value.length >= MIN_LENGTH) out.add(value);
    for (const line of value.split("\n")) if (line.trim().length >= MIN_LENGTH) out.add(line);
  } else if (typeof value === "number" || typeof value === "bigint") {
    const s = String(value);
    if (s.length >= MIN_LENGTH) out.add(s);
  } else if (Array.isArray(value)) for (const v of value) collect(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) collect(v, out);
}

export function makeRedactor(catalog: LoadedCatalog): (text: string) => string {
  const secrets = new Set<string>();
  for (const n of catalog.nodes) for (const p of n.sensitive) collect(n.params[p], secrets);
  if (!secrets.size) return (t) => t;
  // Longest first, so a secret that contains another is replaced whole.
  const list = [...secrets].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const s of list) if (out.includes(s)) out = out.split(s).join("[redacted]");
    return out;
  };
}
