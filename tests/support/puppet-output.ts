// Comparing cfg apply's output with recorded `puppet apply` output, level by level: Puppet prints
// everything to one stream, cfg prints errors and warnings to stderr. The "Compiled catalog" and
// "Applied catalog" timing lines are left out (they carry durations).

export interface LinesByLevel {
  out: string[];
  err: string[];
}

/** Notice lines and the rest, without blank and timing lines. */
export function byLevel(lines: string[]): LinesByLevel {
  const kept = lines.filter((l) => l && !l.startsWith("Notice: Compiled catalog") && !l.startsWith("Notice: Applied catalog"));
  return { out: kept.filter((l) => l.startsWith("Notice:")), err: kept.filter((l) => !l.startsWith("Notice:")) };
}

/** cfg's stdout up to "Applied catalog" (the summary after it is cfg's own) plus its stderr, by level. */
export function cfgByLevel(r: { stdout: string; stderr: string }): LinesByLevel {
  const out = r.stdout.split("\n");
  const end = out.findIndex((l) => l.startsWith("Notice: Applied catalog"));
  return byLevel([...out.slice(0, end), ...r.stderr.split("\n")]);
}
