// File modes as Puppet 7 reads them (puppet/util/symbolic_file_mode.rb and type/file/mode.rb):
// numeric "0644"/"644"/"2755", or symbolic clauses "u+rwx,go-w". Error texts are Puppet's, because
// they reach the user as the failure message of the mode property.

export class ModeError extends Error {}

const NUMERIC = /^0?[0-7]{1,4}$/;
const SYMBOLIC = /^([ugoa]*[-=+][-=+rstwxXugo]*)(,[ugoa]*[-=+][-=+rstwxXugo]*)*$/;

/** Numeric modes lose their leading zeros ("0644" -> "644"); symbolic ones are kept as written. */
export function normalizeMode(value: string): string {
  return NUMERIC.test(value) ? parseInt(value, 8).toString(8) : value;
}

export function isValidMode(value: string): boolean {
  const v = normalizeMode(value);
  return NUMERIC.test(v) || SYMBOLIC.test(v);
}

export function isNumericMode(value: string): boolean {
  return /^\d+$/.test(value);
}

/** Puppet's display of a desired mode: numeric ones padded to four digits, symbolic ones as written. */
export function displayMode(value: string): string {
  return NUMERIC.test(value) ? normalizeMode(value).padStart(4, "0") : value;
}

/** Current mode bits (07777) as Puppet shows them: "0644". */
export function octal4(bits: number): string {
  return (bits & 0o7777).toString(8).padStart(4, "0");
}

const PERM: Record<string, number> = { r: 4, w: 2, x: 1 };
const SPECIAL: Record<string, Record<string, number>> = {
  t: { u: 1, g: 1, o: 1 },
  s: { u: 4, g: 2, o: 1 },
};

/**
 * Puppet's symbolic_mode_to_int: applies `modification` to `current` (for symbolic modes). X adds
 * execute when the target is a directory or any execute bit is already set, and only with '+'.
 */
export function modeToInt(modification: string, current = 0, isDirectory = false): number {
  if (modification === "") throw new ModeError("An empty mode string is illegal");
  if (/^[0-7]+$/.test(modification)) return parseInt(modification, 8);
  if (/^\d+$/.test(modification)) throw new ModeError("Numeric modes must be in octal, not decimal!");
  const original = { s: (current & 0o7000) >> 9, u: (current & 0o700) >> 6, g: (current & 0o70) >> 3, o: current & 0o7 };
  const anyExec = (current & 0o111) !== 0;
  const final: Record<string, number> = { ...original };
  const parts = modification.split(/\s*,\s*/);
  for (const part of parts) {
    try {
      const m = /^([ugoa]*)([-+=].*)$/.exec(part);
      if (!m) throw new ModeError("Missing action");
      const to = m[1] || "a";
      const dsl = m[2]!;
      const snapshot: Record<string, number> = { ...final };
      const whos = [...new Set(to.replace(/a/g, "ugo").split(""))];
      for (const who of whos) {
        let value = snapshot[who]!;
        let action = "!";
        const act = (cur: number, bits: number): number => {
          if (action === "!") throw new ModeError("Missing operation (-, =, or +)");
          return action === "-" ? cur & ~bits : cur | bits;
        };
        for (const op of dsl) {
          if (op === "-" || op === "+" || op === "=") {
            action = op;
            if (op === "=") value = 0;
          } else if (op === "u" || op === "g" || op === "o") {
            value = act(value, snapshot[op]!);
          } else if (op === "r" || op === "w" || op === "x") {
            value = act(value, PERM[op]!);
          } else if (op === "X") {
            if (action !== "+") throw new ModeError("X only works with the '+' operator");
            if (isDirectory || anyExec) value = act(value, 1);
          } else if (op === "s" || op === "t") {
            const bit = SPECIAL[op]![who];
            if (bit === undefined) throw new ModeError("internal error");
            final.s = act(final.s!, bit);
          } else {
            throw new ModeError("Unknown operation");
          }
        }
        final[who] = value;
      }
    } catch (e) {
      if (!(e instanceof ModeError)) throw e;
      const rest = part !== modification ? ` at ${JSON.stringify(part)}` : "";
      throw new ModeError(`${e.message}${rest} in symbolic mode ${JSON.stringify(modification)}`);
    }
  }
  return (final.s! << 9) | (final.u! << 6) | (final.g! << 3) | final.o!;
}

/** Numeric modes on directories: search permission wherever read permission is set (Puppet's dirmask). */
export function dirmask(value: string): string {
  if (!/^\d+$/.test(value)) return value;
  let v = parseInt(value, 8);
  if (v & 0o400) v |= 0o100;
  if (v & 0o40) v |= 0o10;
  if (v & 0o4) v |= 0o1;
  return v.toString(8);
}

/**
 * The mode a file should have, given the desired spec and its current bits: numeric modes
 * (dirmasked on directories) or symbolic ones applied to the current bits.
 */
export function desiredBits(spec: string, currentBits: number, isDirectory: boolean): number {
  const s = normalizeMode(spec);
  if (isNumericMode(s)) return parseInt(isDirectory ? dirmask(s) : s, 8);
  return modeToInt(s, currentBits & 0o7777, isDirectory);
}
