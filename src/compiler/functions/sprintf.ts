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

function toInteger(v: Value): bigint {
  if (typeof v === "bigint") return v;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new PuppetEvalError(`${v} cannot be converted to Integer`);
    return BigInt(Math.floor(v));
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
  throw new PuppetEvalError(`can't convert ${valueTypeName(v)} into Integer`);
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
  throw new PuppetEvalError(`can't convert ${valueTypeName(v)} into Float`);
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

/** C-style exponent form with Ruby's at-least-two-digit exponent. */
export function formatExp(x: number, prec: number, upper = false): string {
  let s = x.toExponential(prec);
  s = s.replace(/e([+-])(\d)$/, "e$10$2");
  return upper ? s.toUpperCase() : s;
}

function formatFixed(x: number, prec: number): string {
  if (Math.abs(x) < 1e21) return x.toFixed(prec);
  // toFixed switches to exponent form for big numbers; expand exactly via BigInt
  const int = BigInt(Math.trunc(x)).toString();
  return prec > 0 ? `${int}.${"0".repeat(prec)}` : int;
}

function formatG(x: number, prec: number, alt: boolean, upper: boolean): string {
  const p = prec === 0 ? 1 : prec;
  if (x === 0) {
    return alt ? (0).toFixed(p - 1) : "0";
  }
  const exp = Math.floor(Math.log10(Math.abs(x)));
  // exponent after rounding to p significant digits
  const e = Number(x.toExponential(p - 1).split("e")[1]);
  void exp;
  let s: string;
  if (e < -4 || e >= p) {
    s = formatExp(x, p - 1, upper);
    if (!alt) s = s.replace(/\.?0+(e)/i, "$1");
  } else {
    s = x.toFixed(Math.max(0, p - 1 - e));
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

/** Ruby `format(fmt, *args)`. Throws PuppetEvalError with Ruby's message on bad input. */
export function rubySprintf(fmt: string, args: readonly Value[]): string {
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
