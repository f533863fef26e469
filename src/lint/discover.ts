// Which files `cfg lint` reads: explicit files as given; directories walked for **/*.pp with
// fast-glob, skipping default excludes (vendor/, spec/fixtures/, node_modules/, pkg/), the config's
// `ignore` globs, `--ignore-paths`, and the patterns of .gitignore files in the walked directory
// and its parents up to the repository root (negated `!` patterns are not supported).
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import fg from "fast-glob";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";

export const DEFAULT_IGNORES = ["**/vendor/**", "**/spec/fixtures/**", "**/node_modules/**", "**/pkg/**", "**/.git/**"];

/** A minimal glob matcher for explicit files: `**`, `*`, `?`; a pattern without `/` matches any basename. */
export function globToRegExp(glob: string): RegExp {
  let g = glob.replace(/^\.\//, "");
  if (!g.includes("/")) g = `**/${g}`;
  let re = "";
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!;
    if (c === "*" && g[i + 1] === "*") {
      re += g[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += g[i + 2] === "/" ? 2 : 1;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}(?:/.*)?$`);
}

function gitignorePatterns(dir: string): string[] {
  const out: string[] = [];
  let d = resolve(dir);
  for (;;) {
    const gi = join(d, ".gitignore");
    if (existsSync(gi)) {
      const prefix = relative(dir, d).replace(/\\/g, "/");
      for (let line of readFileSync(gi, "utf8").split(/\r?\n/)) {
        line = line.trim();
        if (!line || line.startsWith("#") || line.startsWith("!")) continue;
        const anchored = line.startsWith("/") || line.replace(/\/$/, "").includes("/");
        const p = line.replace(/^\//, "").replace(/\/$/, "");
        if (prefix.startsWith("..")) {
          // a parent's .gitignore: only unanchored patterns can apply inside `dir`
          if (!anchored) out.push(`**/${p}`, `**/${p}/**`);
        } else if (anchored) out.push(`${prefix ? `${prefix}/` : ""}${p}`, `${prefix ? `${prefix}/` : ""}${p}/**`);
        else out.push(`**/${p}`, `**/${p}/**`);
      }
    }
    if (existsSync(join(d, ".git"))) break;
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  return out;
}

export function discoverFiles(paths: readonly string[], ignore: readonly string[]): { files: string[]; diagnostics: Diagnostic[] } {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const ignoreRes = ignore.map(globToRegExp);
  for (const p of paths) {
    if (p === "-") {
      files.push(p);
      continue;
    }
    let st;
    try {
      st = statSync(p);
    } catch {
      diagnostics.push(createDiagnostic("CFG5104", { args: { path: p } }));
      continue;
    }
    if (st.isDirectory()) {
      const found = fg.sync("**/*.pp", { cwd: p, ignore: [...DEFAULT_IGNORES, ...ignore, ...gitignorePatterns(p)], followSymbolicLinks: true, dot: false });
      found.sort();
      for (const f of found) files.push(p === "." ? f : join(p, f));
    } else {
      const rel = p.replace(/\\/g, "/").replace(/^\.\//, "");
      if (ignoreRes.some((re) => re.test(rel))) continue;
      files.push(p);
    }
  }
  return { files: [...new Set(files)], diagnostics };
}
