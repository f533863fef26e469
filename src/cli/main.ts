// The `cfg` program. Commands live in commands/<name>.ts and export `register(program)`.
// They are imported lazily: only the invoked command's module (and what it imports) is loaded,
// which keeps `cfg --version` and small commands fast to start.
import { Command, CommanderError } from "commander";
import { EXIT_INTERNAL, EXIT_USAGE } from "./exit-codes.js";
import { VERSION } from "./version.js";

// V8 flags are set by bin/cfg.mjs, before this bundle is compiled.


type Loader = () => Promise<{ register(program: Command): void }>;

/** name -> loader. Add a command here and in commands/. */
const COMMANDS: Record<string, Loader> = {
  validate: () => import("./commands/validate.js"),
  parse: () => import("./commands/parse.js"),
  compile: () => import("./commands/compile.js"),
  apply: () => import("./commands/apply.js"),
  facts: () => import("./commands/facts.js"),
  lint: () => import("./commands/lint.js"),
};

/** Runs one command line (bin/cfg.mjs's code-cache training run calls it several times). */
export async function main(argv: string[]): Promise<void> {
  const program = new Command();
  program
    .name("cfg")
    .description("A Puppet-language compiler and toolchain: validate, compile, apply, lint.")
    .version(VERSION, "-V, --version")
    .showHelpAfterError()
    .exitOverride();

  const first = argv.slice(2).find((a) => !a.startsWith("-"));
  const wantsVersionOnly = !first && argv.some((a) => a === "-V" || a === "--version");
  const names = first && first in COMMANDS ? [first] : wantsVersionOnly ? [] : Object.keys(COMMANDS);
  for (const name of names) {
    try {
      (await COMMANDS[name]!()).register(program);
    } catch (e) {
      // A command that is not built yet must not break the others.
      if (names.length === 1) throw e;
    }
  }

  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode === 0 ? 0 : EXIT_USAGE;
      return;
    }
    throw e;
  }
}

/** The reader of our output went away (`cfg lint ... | head`): stop quietly, as Unix tools do. */
function isBrokenPipe(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as NodeJS.ErrnoException).code === "EPIPE";
}
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    if (isBrokenPipe(e)) process.exit(process.exitCode ?? 0);
    throw e;
  });
}

if (!process.env.CFG_CODE_CACHE_TRAIN) {
  main(process.argv).catch((e: unknown) => {
    if (isBrokenPipe(e)) return;
    process.stderr.write(`cfg: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.stderr.write("This is a bug in cfg; please report it with the input that caused it.\n");
    process.exitCode = EXIT_INTERNAL;
  });
}
