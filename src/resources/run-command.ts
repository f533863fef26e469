// Runs a program for a provider or an exec. No shell unless the caller asks for one (exec's
// `provider => shell`): argv goes straight to execve, so titles and parameters can never inject.
import { spawn } from "node:child_process";

export interface RunOptions {
  readonly cwd?: string;
  /** Replaces the environment when given (merge with process.env yourself if wanted). */
  readonly env?: Readonly<Record<string, string>>;
  readonly uid?: number;
  readonly gid?: number;
  /** Kill the process (SIGKILL on its group) after this many milliseconds; 0 or absent = no limit. */
  readonly timeoutMs?: number;
  /** Written to the child's stdin (then closed); stdin is /dev/null otherwise. */
  readonly input?: string;
}

export interface RunResult {
  /** Exit status, or null when killed by a signal or never started. */
  readonly status: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout and stderr interleaved in arrival order (what exec's logoutput shows). */
  readonly output: string;
  readonly timedOut: boolean;
  /** Set when the program could not be started (ENOENT, EACCES, ...). */
  readonly spawnError?: string;
}

export function runCommand(argv: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const [file, ...args] = argv;
    if (!file) {
      resolve({ status: null, signal: null, stdout: "", stderr: "", output: "", timedOut: false, spawnError: "empty command" });
      return;
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const all: Buffer[] = [];
    let timedOut = false;
    let settled = false;
    const child = spawn(file, args, {
      cwd: opts.cwd,
      env: opts.env ? { ...opts.env } : process.env,
      uid: opts.uid,
      gid: opts.gid,
      shell: false,
      detached: true, // own process group, so a timeout kills the whole tree
      stdio: [opts.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    const timer =
      opts.timeoutMs && opts.timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            try {
              if (child.pid) process.kill(-child.pid, "SIGKILL");
            } catch {
              /* already gone */
            }
          }, opts.timeoutMs)
        : undefined;
    child.stdout?.on("data", (b: Buffer) => {
      out.push(b);
      all.push(b);
    });
    child.stderr?.on("data", (b: Buffer) => {
      err.push(b);
      all.push(b);
    });
    if (opts.input !== undefined && child.stdin) {
      child.stdin.on("error", () => undefined);
      child.stdin.end(opts.input);
    }
    const finish = (status: number | null, signal: string | null, spawnError?: string): void => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      resolve({
        status,
        signal,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        output: Buffer.concat(all).toString("utf8"),
        timedOut,
        spawnError,
      });
    };
    child.on("error", (e: NodeJS.ErrnoException) => finish(null, null, e.code ? `${e.code}: ${e.message}` : e.message));
    child.on("close", (code, signal) => finish(code, signal));
    // A program that starts a daemon may leave it holding our pipes, and "close" would wait for the
    // daemon. Once the program itself exited, give its output a moment, then stop listening.
    child.on("exit", (code, signal) => {
      setTimeout(() => {
        if (settled) return;
        child.stdout?.destroy();
        child.stderr?.destroy();
        finish(code, signal);
      }, 250).unref();
    });
  });
}

/** Runs a shell command line with /bin/sh -c: only where the resource asks for a shell. */
export function runShell(commandLine: string, opts: RunOptions = {}): Promise<RunResult> {
  return runCommand(["/bin/sh", "-c", commandLine], opts);
}
