// The `cfg` program. Commands live in commands/<name>.ts and export `register(program)`.
// They are imported lazily: only the invoked command's module (and what it imports) is loaded,
// which keeps `cfg --version` and small commands fast to start.
import { setFlagsFromString } from "node:v8";
import { Command, CommanderError } from "commander";
import { EXIT_INTERNAL, EXIT_USAGE } from "./exit-codes.js";

// cfg's runs are short and cold, so V8's optimizing compiler (a background thread) is a large share
// of their CPU time, and it inlines so much into the big lexer, parser and lint-rule functions that
// each compile takes tens of ms. A smaller inlining budget measured faster everywhere (module corpus,
// 2 cores: validate 0.33 -> 0.28 s, lint 0.98 -> 0.87 s, 10k-resource compile 0.66 -> 0.63 s).
// Set before any command module is loaded; worker threads share the process's flags.
setFlagsFromString("--max-inlined-bytecode-size-cumulative=200");

export const VERSION = "0.1.0";

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

async function main(argv: string[]): Promise<void> {
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

main(process.argv).catch((e: unknown) => {
  if (isBrokenPipe(e)) return;
  process.stderr.write(`cfg: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.stderr.write("This is a bug in cfg; please report it with the input that caused it.\n");
  process.exitCode = EXIT_INTERNAL;
});
