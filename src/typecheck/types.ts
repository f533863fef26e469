// Puppet's type system (section 4 of the language checklist): the type model, parameterisation
// (`Integer[1, 10]`), instance checks, assignability, inference and Puppet's printed form.
// Owned by the type-system work; this is the minimal base the rest of the code compiles against.
export abstract class PType {
  /** Puppet's printed form, e.g. `Integer[1, 10]`, `File['/etc/motd']`. */
  abstract toString(): string;
}
