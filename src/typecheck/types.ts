// Puppet's type system (section 4 of the language checklist): the type model, parameterisation
// (`Integer[1, 10]`), instance checks, assignability, inference, mismatch messages, conversions
// (`Integer('0x10')`) and Puppet's printed form. The implementation lives in ./types/.
export * from "./types/model.js";
export * from "./types/parameterize.js";
export * from "./types/describe.js";
export * from "./types/new.js";
export * from "./types/type-string.js";
export * from "./types/semver.js";
export { toJsRegExp, translateRubyRegExp } from "./types/ruby-regexp.js";
import type { PType } from "./types/model.js";

/** Puppet's printed form of a type (`Integer[1, 10]`, `File['/x']`, `Class[foo]`). */
export function typeToString(t: PType): string {
  return t.toString();
}
