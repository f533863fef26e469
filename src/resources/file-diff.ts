// show_diff: Puppet runs `diff -u <current file> <temporary file with the new content>` and logs
// "\n" + its output at the resource's log level (puppet/type/file/data_sync.rb).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCommand } from "./run-command.js";

/** The unified diff from `path` to `content`, as `diff -u` prints it ("" when diff is unavailable). */
export async function unifiedDiff(path: string, content: Buffer): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "cfg-diff-"));
  const tmp = join(dir, "puppet-file");
  try {
    writeFileSync(tmp, content, { mode: 0o600 });
    const res = await runCommand(["diff", "-u", path, tmp]);
    if (res.spawnError) return "";
    const out = res.stdout;
    // Binary or undecodable output: Puppet says the files differ instead.
    if (/Binary files .* differ/.test(out) || out.includes("\uFFFD")) return `Binary files ${path} and ${tmp} differ`;
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
