// The `source` of a file: local paths, file: URIs and puppet:///modules/<module>/<path> (served
// from the modulepath as <dir>/<module>/files/<path>, as `puppet apply` does). The first source
// that exists wins (sourceselect => first); a directory source is copied recursively elsewhere.
import { lstatSync, statSync, type Stats } from "node:fs";
import { join } from "node:path";

export interface SourceContext {
  readonly modulepath: readonly string[];
}

/** Puppet's munged form of a source: absolute paths become file: URIs; trailing slashes go. */
export function mungeSource(source: string): string {
  const s = source.replace(/\/+$/, "");
  if (s.startsWith("/")) return `file://${s}`;
  return s;
}

/** Validation of one source value, with Puppet's messages; null when valid. */
export function sourceProblem(source: unknown): string | null {
  if (typeof source !== "string") return `Could not understand source ${JSON.stringify(source)}`;
  if (source.startsWith("/")) return null;
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/s.exec(source);
  if (!m) return `Cannot use relative URLs '${source}'`;
  const rest = m[2]!;
  if (!rest.startsWith("/")) return `Cannot use opaque URLs '${source}'`;
  const scheme = m[1]!.toLowerCase();
  if (!["file", "puppet", "http", "https"].includes(scheme)) return `Cannot use URLs of type '${scheme}' as source for fileserving`;
  return null;
}

/** The local path a source names, or null when it names nothing cfg can serve (unknown mount, module missing). */
export function localPathOf(source: string, ctx: SourceContext): string[] {
  const s = source.replace(/\/+$/, "");
  if (s.startsWith("/")) return [s];
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):(?:\/\/([^/]*))?(\/.*)?$/s.exec(s);
  if (!m) return [];
  const scheme = m[1]!.toLowerCase();
  const path = decodeURIComponent(m[3] ?? "/");
  if (scheme === "file") return [path];
  if (scheme === "puppet") {
    const mm = /^\/modules\/([^/]+)(?:\/(.*))?$/.exec(path);
    if (!mm) return [];
    const mod = mm[1]!;
    const rel = mm[2] ?? "";
    // The module is the first of that name on the modulepath (Puppet does not look further for the file).
    const dir = ctx.modulepath.find((d) => isDir(join(d, mod)));
    if (dir === undefined) return [];
    return [rel ? join(dir, mod, "files", rel) : join(dir, mod, "files")];
  }
  if (scheme === "http" || scheme === "https") throw new Error(`cfg cannot fetch ${scheme} sources (${source}); use a local path, file:// or puppet:///modules/...`);
  return [];
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export interface SourceMatch {
  /** The source as written (munged), for messages. */
  readonly source: string;
  readonly path: string;
  readonly stat: Stats;
}

/** The first source that exists (links: follow uses stat, manage lstat). */
export function findSource(sources: readonly string[], ctx: SourceContext, follow: boolean): SourceMatch | null {
  for (const source of sources) {
    for (const p of localPathOf(source, ctx)) {
      try {
        const st = follow ? statSync(p) : lstatSync(p);
        return { source: mungeSource(source), path: p, stat: st };
      } catch {
        /* try the next one */
      }
    }
  }
  return null;
}
