// Placeholder until the 'validate' command lands; replaced by its implementation.
import type { Command } from "commander";
import { EXIT_USAGE } from "../exit-codes.js";

export function register(program: Command): void {
  program
    .command("validate")
    .description("(not implemented yet)")
    .allowUnknownOption()
    .argument("[args...]")
    .action(() => {
      process.stderr.write("cfg validate: not implemented yet\n");
      process.exitCode = EXIT_USAGE;
    });
}
