// Process exit codes shared by every command (puppet apply's --detailed-exitcodes are in commands/apply.ts).
export const EXIT_OK = 0;
/** Errors in the user's input (syntax, evaluation, lint errors). */
export const EXIT_INPUT_ERROR = 1;
/** Usage or configuration error (bad flag, unreadable config). */
export const EXIT_USAGE = 2;
/** Internal error: a bug in cfg. */
export const EXIT_INTERNAL = 3;
