// Ruby's Kernel#sprintf, which Puppet's sprintf() and String(v, fmt) use: flags `-+ 0#`, width,
// precision, `*`, `%<name>s` / `%{name}` references into a hash argument, conversions
// d i u f e E g G x X o b B s p c a %.
import { PHash, type Value } from "../values.js";
import { PuppetEvalError, rubyInspect, rubyToS, valueTypeName } from "../value-ops.js";

interface Spec {
  flags: string;
  width: number | undefined;
  precision: number | undefined;
  conv: string;
}

/** How Ruby names a value in conversion errors: `true`, `Array`, `Hash`. */
function rubyName(v: Value): string {
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return "Array";
  if (v instanceof PHash) return "Hash";
  return valueTypeName(v);
}

function toInteger(v: Value): bigint {
  if (typeof v === "bigint") return v;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new PuppetEvalError(`${v} cannot be converted to Integer`);
    return BigInt(Math.trunc(v));
  }
  if (typeof v === "string") {
    const s = v.trim().replace(/_/g, "");
    const m = /^([+-]?)(0x[0-9a-f]+|0b[01]+|0o?[0-7]+|\d+)$/i.exec(s);
    if (m) {
      const body = m[2]!.toLowerCase();
      let n: bigint;
      if (body.startsWith("0x") || body.startsWith("0b")) n = BigInt(body);
      else if (body.length > 1 && body.startsWith("0")) n = BigInt(`0o${body.replace(/^0o?/, "")}`);
      else n = BigInt(body);
      return m[1] === "-" ? -n : n;
    }
    throw new PuppetEvalError(`invalid value for Integer(): ${rubyInspect(v)}`);
  }
  if (v === null) throw new PuppetEvalError("can't convert nil into Integer");
  throw new PuppetEvalError(`can't convert ${rubyName(v)} into Integer`);
}

function toFloat(v: Value): number {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "string") {
    const s = v.trim().replace(/_/g, "");
    if (/^[+-]?(\d+(\.\d+)?([eE][+-]?\d+)?|0x[0-9a-f]+)$/i.test(s)) return Number(s);
    throw new PuppetEvalError(`invalid value for Float(): ${rubyInspect(v)}`);
  }
  if (v === null) throw new PuppetEvalError("can't convert nil into Float");
  throw new PuppetEvalError(`can't convert ${rubyName(v)} into Float`);
}

function pad(body: string, sign: string, spec: Spec, numeric: boolean): string {
  const w = spec.width ?? 0;
  const len = sign.length + [...body].length;
  if (len >= w) return sign + body;
  if (spec.flags.includes("-")) return sign + body + " ".repeat(w - len);
  if (numeric && spec.flags.includes("0") && !(spec.precision !== undefined && "diuxXobB".includes(spec.conv))) return sign + "0".repeat(w - len) + body;
  return " ".repeat(w - len) + sign + body;
}

function signOf(neg: boolean, flags: string): string {
  return neg ? "-" : flags.includes("+") ? "+" : flags.includes(" ") ? " " : "";
}

/**
 * Decimal digits of |x| rounded to `n` significant digits the way Ruby's sprintf (BSD dtoa)
 * rounds: half-to-even applied to the shortest round-trip digits, except when no digit is kept
 * (then the binary value decides). Returns the digits and the decimal exponent of the first one.
 */
function roundDigits(x: number, n: number, e0?: number): { digits: string; exp: number } {
  const [m, es] = Math.abs(x).toExponential().split("e") as [string, string];
  const digits = m.replace(".", "");
  const exp = Number(es);
  if (n <= 0) {
    // fcvt style with no digit kept: compare the binary value with half a unit.
    const unitExp = exp - n + 1; // not used directly; caller passes e0 for fixed format
    void unitExp;
    const half = 5 * 10 ** ((e0 ?? exp) - 1);
    if (n === 0 && Math.abs(x) > half) return { digits: "1", exp: (e0 ?? exp) };
    return { digits: "", exp };
  }
  if (n >= digits.length) return { digits: digits.padEnd(n, "0"), exp };
  const keep = digits.slice(0, n);
  const r = Number(digits[n]);
  const rest = digits.slice(n + 1);
  const up = r > 5 || (r === 5 && (/[1-9]/.test(rest) || Number(keep[keep.length - 1]) % 2 === 1));
  if (!up) return { digits: keep, exp };
  // increment the kept digits
  const arr = keep.split("").map(Number);
  let i = arr.length - 1;
  while (i >= 0) {
    if (arr[i]! < 9) {
      arr[i]!++;
      break;
    }
    arr[i] = 0;
    i--;
  }
  if (i < 0) return { digits: `1${arr.join("")}`.slice(0, n), exp: exp + 1 };
  return { digits: arr.join(""), exp };
}

/** Exact test: x > 5 * 10^k (x finite, positive). */
function exceedsHalfUnit(x: number, k: number): boolean {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const expBits = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let q: number;
  if (expBits === 0) q = -1074;
  else {
    mant |= 1n << 52n;
    q = expBits - 1075;
  }
  // compare mant * 2^q with 5 * 10^k
  let left = mant;
  let right = 5n;
  if (q >= 0) left <<= BigInt(q);
  else right <<= BigInt(-q);
  if (k >= 0) right *= 10n ** BigInt(k);
  else left *= 10n ** BigInt(-k);
  return left > right;
}

/** C-style exponent form with Ruby's at-least-two-digit exponent. */
export function formatExp(x: number, prec: number, upper = false): string {
  let body: string;
  if (x === 0) body = `${prec > 0 ? `0.${"0".repeat(prec)}` : "0"}e+00`;
  else {
    const { digits, exp } = roundDigits(x, prec + 1);
    const mant = prec > 0 ? `${digits[0]}.${digits.slice(1)}` : digits[0]!;
    body = `${mant}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  return upper ? body.toUpperCase() : body;
}

function formatFixed(x: number, prec: number): string {
  if (x === 0) return prec > 0 ? `0.${"0".repeat(prec)}` : "0";
  const exp = Number(Math.abs(x).toExponential().split("e")[1]);
  const n = exp + 1 + prec;
  let digits: string;
  let e: number;
  if (n <= 0) {
    if (n === 0 && exceedsHalfUnit(Math.abs(x), -prec - 1)) {
      digits = "1";
      e = -prec;
    } else {
      return prec > 0 ? `0.${"0".repeat(prec)}` : "0";
    }
  } else {
    const r = roundDigits(x, n);
    digits = r.digits;
    e = r.exp;
  }
  // place digits: first digit at 10^e, we need positions down to 10^-prec
  const totalLen = e + 1 + prec;
  let all = digits.padEnd(totalLen, "0");
  if (e < 0) all = "0".repeat(-e - 1 + 1).slice(0, -e - 1) + all;
  const intLen = Math.max(e + 1, 0);
  let intPart = all.slice(0, intLen) || "0";
  let frac = e + 1 >= 0 ? all.slice(intLen) : all;
  if (e < 0) {
    frac = "0".repeat(-e - 1) + digits.padEnd(prec - (-e - 1), "0");
    frac = frac.slice(0, prec);
    intPart = "0";
  }
  return prec > 0 ? `${intPart}.${frac.padEnd(prec, "0")}` : intPart;
}

function formatG(x: number, prec: number, alt: boolean, upper: boolean): string {
  const p = prec === 0 ? 1 : prec;
  if (x === 0) return alt ? (0).toFixed(p - 1) : "0";
  const { exp: e } = roundDigits(x, p);
  let s: string;
  if (e < -4 || e >= p) {
    s = formatExp(x, p - 1, upper);
    if (!alt) s = s.replace(/\.?0+(e)/i, "$1");
  } else {
    s = formatFixed(x, Math.max(0, p - 1 - e));
    if (!alt && s.includes(".")) s = s.replace(/\.?0+$/, "");
  }
  return s;
}

function formatOne(spec: Spec, arg: Value): string {
  const { flags, conv } = spec;
  switch (conv) {
    case "s": {
      let s = rubyToS(arg);
      if (spec.precision !== undefined) s = [...s].slice(0, spec.precision).join("");
      return pad(s, "", spec, false);
    }
    case "p": {
      let s = rubyInspect(arg);
      if (spec.precision !== undefined) s = [...s].slice(0, spec.precision).join("");
      return pad(s, "", spec, false);
    }
    case "c": {
      const s = typeof arg === "string" ? [...arg][0] ?? "" : String.fromCodePoint(Number(toInteger(arg)));
      return pad(s, "", spec, false);
    }
    case "d":
    case "i":
    case "u": {
      const n = toInteger(arg);
      const neg = n < 0n;
      let body = (neg ? -n : n).toString();
      if (spec.precision !== undefined) body = body.padStart(spec.precision, "0");
      return pad(body, signOf(neg, flags), spec, true);
    }
    case "x":
    case "X":
    case "o":
    case "b":
    case "B": {
      const n = toInteger(arg);
      const neg = n < 0n;
      const radix = conv === "o" ? 8 : conv === "b" || conv === "B" ? 2 : 16;
      if (neg && !flags.includes("+") && !flags.includes(" ")) {
        // Ruby shows negative numbers in two's complement with a `..` prefix: -255 -> "..f01".
        const k = (-n).toString(radix).length + 1;
        let digits = (BigInt(radix) ** BigInt(k) + n).toString(radix);
        const max = (radix - 1).toString(radix);
        digits = digits.replace(new RegExp(`^${max}+`), max);
        if (conv === "X") digits = digits.toUpperCase();
        const prefix = flags.includes("#") ? (conv === "o" ? "" : conv === "x" ? "0x" : conv === "X" ? "0X" : conv === "b" ? "0b" : "0B") : "";
        return pad(`${prefix}..${digits}`, "", spec, false);
      }
      let body = (neg ? -n : n).toString(radix);
      if (spec.precision !== undefined) body = body.padStart(spec.precision, "0");
      if (conv === "X") body = body.toUpperCase();
      let prefix = "";
      if (flags.includes("#")) {
        if (conv === "o") prefix = body.startsWith("0") ? "" : "0";
        else if (n !== 0n) prefix = conv === "x" ? "0x" : conv === "X" ? "0X" : conv === "b" ? "0b" : "0B";
      }
      return pad(body, signOf(neg, flags) + prefix, spec, true);
    }
    case "f":
    case "e":
    case "E":
    case "g":
    case "G":
    case "a":
    case "A": {
      const x = toFloat(arg);
      if (!Number.isFinite(x)) {
        const body = Number.isNaN(x) ? "NaN" : "Inf";
        return pad(body, signOf(x < 0, flags), { ...spec, flags: spec.flags.replace("0", "") }, true);
      }
      const neg = x < 0 || Object.is(x, -0);
      const ax = Math.abs(x);
      const prec = spec.precision ?? 6;
      let body: string;
      if (conv === "f") body = formatFixed(ax, prec);
      else if (conv === "e" || conv === "E") body = formatExp(ax, prec, conv === "E");
      else if (conv === "g" || conv === "G") body = formatG(ax, prec, flags.includes("#"), conv === "G");
      else body = ax.toString(16);
      if (flags.includes("#") && conv === "f" && prec === 0) body += ".";
      return pad(body, signOf(neg, flags), spec, true);
    }
  }
  throw new PuppetEvalError(`malformed format string - %${conv}`);
}

/**
 * Ruby `format(fmt, *args)` as Puppet's sprintf calls it (undef arguments arrive as '', since
 * sprintf is a 3.x function). Throws PuppetEvalError with Ruby's message on bad input.
 */
export function rubySprintf(fmt: string, rawArgs: readonly Value[]): string {
  const args = rawArgs.map((a) => (a === null ? "" : a));
  let out = "";
  let argi = 0;
  let i = 0;
  const nextArg = (): Value => {
    if (argi >= args.length) throw new PuppetEvalError("too few arguments");
    return args[argi++]!;
  };
  const named = (name: string): Value => {
    const h = args[0];
    if (!(h instanceof PHash)) throw new PuppetEvalError("one hash required");
    if (!h.has(name)) throw new PuppetEvalError(`key<${name}> not found`);
    return h.get(name)!;
  };
  while (i < fmt.length) {
    const c = fmt[i]!;
    if (c !== "%") {
      out += c;
      i++;
      continue;
    }
    i++;
    if (fmt[i] === "%") {
      out += "%";
      i++;
      continue;
    }
    let flags = "";
    let width: number | undefined;
    let precision: number | undefined;
    let namedValue: Value | undefined;
    let hasNamed = false;
    for (;;) {
      const d = fmt[i];
      if (d !== undefined && "-+ 0#".includes(d)) {
        flags += d;
        i++;
      } else if (d === "<") {
        const end = fmt.indexOf(">", i);
        if (end < 0) throw new PuppetEvalError("malformed name - unmatched parenthesis");
        namedValue = named(fmt.slice(i + 1, end));
        hasNamed = true;
        i = end + 1;
      } else if (d === "{") {
        const end = fmt.indexOf("}", i);
        if (end < 0) throw new PuppetEvalError("malformed name - unmatched parenthesis");
        const v = named(fmt.slice(i + 1, end));
        i = end + 1;
        out += pad(rubyToS(v), "", { flags, width, precision, conv: "s" }, false);
        flags = "\u0000";
        break;
      } else break;
    }
    if (flags === "\u0000") continue;
    if (fmt[i] === "*") {
      const w = Number(toInteger(nextArg()));
      if (w < 0) {
        flags += "-";
        width = -w;
      } else width = w;
      i++;
    } else {
      const m = /^\d+/.exec(fmt.slice(i));
      if (m) {
        width = Number(m[0]);
        i += m[0].length;
      }
    }
    if (fmt[i] === ".") {
      i++;
      if (fmt[i] === "*") {
        precision = Number(toInteger(nextArg()));
        i++;
      } else {
        const m = /^\d+/.exec(fmt.slice(i));
        precision = m ? Number(m[0]) : 0;
        if (m) i += m[0].length;
      }
    }
    if (fmt[i] === "<" && !hasNamed) {
      const end = fmt.indexOf(">", i);
      namedValue = named(fmt.slice(i + 1, end));
      hasNamed = true;
      i = end + 1;
    }
    const conv = fmt[i];
    if (conv === undefined) {
      throw new PuppetEvalError("incomplete format specifier; use %% (double %) instead");
    }
    i++;
    if (!"diufeEgGxXobBspcaA".includes(conv)) throw new PuppetEvalError(`malformed format string - %${conv}`);
    const arg = hasNamed ? namedValue! : nextArg();
    out += formatOne({ flags, width, precision, conv }, arg);
  }
  return out;
}

export { toInteger as rubyInteger, toFloat as rubyFloat };
