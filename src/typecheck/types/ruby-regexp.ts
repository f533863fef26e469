// Ruby (Onigmo) regular expressions -> JavaScript RegExp.
// Puppet regexes are Ruby regexes: `^`/`$` are always line anchors, `\A` `\z` `\Z` anchor the string,
// `\h` is a hex digit, `(?i)`/`(?m)`/`(?x)` switch options (Ruby's `m` is JS's `s`), POSIX bracket
// classes exist, and atomic groups/possessive quantifiers exist. We compile with JS's `m` flag so
// `^`/`$` keep Ruby's line semantics and translate the string anchors to lookarounds.

const POSIX_CLASSES: Record<string, string> = {
  alpha: "a-zA-Z",
  digit: "0-9",
  alnum: "a-zA-Z0-9",
  upper: "A-Z",
  lower: "a-z",
  space: " \\t\\r\\n\\v\\f",
  xdigit: "0-9a-fA-F",
  punct: "!-\\/:-@\\[-`{-~",
  word: "\\w",
  blank: " \\t",
  cntrl: "\\x00-\\x1f\\x7f",
  print: "\\x20-\\x7e",
  graph: "\\x21-\\x7e",
};

/** Ruby property names -> JavaScript Unicode property escapes (needs the `u` flag). */
const UNICODE_PROPS: Record<string, string> = {
  alpha: "\\p{Alphabetic}",
  digit: "\\p{Nd}",
  alnum: "[\\p{Alphabetic}\\p{Nd}]",
  upper: "\\p{Uppercase}",
  lower: "\\p{Lowercase}",
  space: "\\p{White_Space}",
  word: "[\\p{L}\\p{M}\\p{Nd}\\p{Pc}]",
  punct: "\\p{P}",
  l: "\\p{L}",
  n: "\\p{N}",
  p: "\\p{P}",
};

/** `a` -> `[aA]` for letters, to emulate a scoped `(?i:...)` group. */
function foldCase(c: string): string {
  const l = c.toLowerCase();
  const u = c.toUpperCase();
  return l !== u ? `[${l}${u}]` : c;
}

export interface TranslatedRegExp {
  readonly source: string;
  readonly flags: string;
}

/** Translates Ruby regex syntax to a JS source plus flags (always includes `m`). */
export function translateRubyRegExp(ruby: string, extraFlags = ""): TranslatedRegExp {
  let flags = new Set<string>(["m", ...extraFlags]);
  let out = "";
  let i = 0;
  let inClass = 0;
  let extended = false;
  const n = ruby.length;
  // Depths of open groups, and the depth at which a scoped (?i:...) began (-1: none).
  let depth = 0;
  const ciStarts: number[] = [];
  while (i < n) {
    const c = ruby[i]!;
    if (c === "\\") {
      const d = ruby[i + 1];
      if (d === undefined) {
        out += "\\\\";
        i++;
        continue;
      }
      if (!inClass) {
        if (d === "A") {
          out += "(?<![\\s\\S])";
          i += 2;
          continue;
        }
        if (d === "z") {
          out += "(?![\\s\\S])";
          i += 2;
          continue;
        }
        if (d === "Z") {
          out += "(?=\\n?(?![\\s\\S]))";
          i += 2;
          continue;
        }
        if (d === "G") {
          i += 2;
          continue;
        }
      }
      if (d === "h") {
        out += inClass ? "0-9a-fA-F" : "[0-9a-fA-F]";
        i += 2;
        continue;
      }
      if (d === "H" && !inClass) {
        out += "[^0-9a-fA-F]";
        i += 2;
        continue;
      }
      if (d === "/") {
        out += "\\/";
        i += 2;
        continue;
      }
      if (d === "p" || d === "P") {
        const m = /^\\[pP]\{\^?(\w+)\}/.exec(ruby.slice(i));
        const prop = m ? UNICODE_PROPS[m[1]!.toLowerCase()] : undefined;
        if (m && prop) {
          const negate = d === "P" || m[0].includes("{^");
          flags.add("u");
          if (inClass) out += prop.replace(/^\[|\]$/g, "");
          else out += negate ? (prop.startsWith("[") ? `[^${prop.slice(1)}` : prop.replace("\\p", "\\P")) : prop;
          i += m[0].length;
          continue;
        }
      }
      out += c + d;
      i += 2;
      continue;
    }
    if (inClass) {
      if (c === "[" && ruby[i + 1] === ":") {
        const m = /^\[:(\^?)([a-z]+):\]/.exec(ruby.slice(i));
        if (m && POSIX_CLASSES[m[2]!] !== undefined) {
          // A negated POSIX class inside a class cannot be expressed simply; approximate by content.
          out += POSIX_CLASSES[m[2]!];
          i += m[0].length;
          continue;
        }
      }
      if (c === "[") {
        // Ruby nested class `[a[b]]` = union; JS without `v` flag treats `[` literally: good enough.
        out += "\\[";
        i++;
        continue;
      }
      if (c === "&" && ruby[i + 1] === "&") {
        out += "&&";
        i += 2;
        continue;
      }
      if (c === "]") {
        inClass--;
        out += c;
        i++;
        continue;
      }
      out += c;
      i++;
      continue;
    }
    if (c === "[") {
      inClass++;
      out += c;
      i++;
      if (ruby[i] === "^") {
        out += "^";
        i++;
      }
      if (ruby[i] === "]") {
        out += "\\]";
        i++;
      }
      continue;
    }
    if (c === "(" && ruby[i + 1] === "?") {
      const rest = ruby.slice(i + 2);
      // comment group
      if (rest.startsWith("#")) {
        // (a comment group opens no capture)
        const end = ruby.indexOf(")", i);
        i = end < 0 ? n : end + 1;
        continue;
      }
      // atomic group -> plain group (approximation)
      if (rest.startsWith(">")) {
        out += "(?:";
        depth++;
        i += 3;
        continue;
      }
      // option switches (?imx-imx) or (?imx-imx:...)
      const m = /^([imx]*)(?:-([imx]*))?(\)|:)/.exec(rest);
      if (m && (m[1] || m[2] !== undefined)) {
        const on = m[1] ?? "";
        if (on.includes("m")) flags.add("s");
        if (on.includes("x")) extended = true;
        if (m[3] === ")") {
          if (on.includes("i")) flags.add("i");
          i += 2 + m[0].length;
        } else {
          // A scoped (?i:...) group: fold letters inside it (JS has no scoped modifiers here).
          if (on.includes("i")) ciStarts.push(depth + 1);
          out += "(?:";
          depth++;
          i += 2 + m[0].length;
        }
        continue;
      }
      out += "(?";
      depth++;
      i += 2;
      continue;
    }
    if (c === "(") {
      depth++;
      out += c;
      i++;
      continue;
    }
    if (c === ")") {
      if (ciStarts.length > 0 && ciStarts[ciStarts.length - 1] === depth) ciStarts.pop();
      depth--;
      out += c;
      i++;
      continue;
    }
    // possessive quantifiers: drop the `+`
    if (c === "+" && i > 0 && ruby[i - 2] !== "\\" && (/[*+?]/.test(ruby[i - 1]!) || /\{\d+(,\d*)?\}$/.test(ruby.slice(0, i)))) {
      i++;
      continue;
    }
    if (extended) {
      if (/\s/.test(c)) {
        i++;
        continue;
      }
      if (c === "#") {
        while (i < n && ruby[i] !== "\n") i++;
        continue;
      }
    }
    out += ciStarts.length > 0 && /[a-zA-Z]/.test(c) ? foldCase(c) : c;
    i++;
  }
  const flagStr = [...flags].sort().join("");
  flags = new Set();
  return { source: out, flags: flagStr };
}

const cache = new Map<string, RegExp>();

/** A JS RegExp equivalent to the Ruby regex `source` (cached; do not rely on lastIndex). */
export function toJsRegExp(source: string, extraFlags = ""): RegExp {
  const key = `${extraFlags}/${source}`;
  let re = cache.get(key);
  if (!re) {
    const t = translateRubyRegExp(source, extraFlags);
    try {
      re = new RegExp(t.source, t.flags);
    } catch (e) {
      // The `u` flag (for \p{...}) is strict about escapes; retry without it.
      if (!t.flags.includes("u")) throw e;
      re = new RegExp(t.source, t.flags.replace("u", ""));
    }
    cache.set(key, re);
  }
  return re;
}
