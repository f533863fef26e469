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
        const end = ruby.indexOf(")", i);
        i = end < 0 ? n : end + 1;
        continue;
      }
      // atomic group -> plain group (approximation)
      if (rest.startsWith(">")) {
        out += "(?:";
        i += 3;
        continue;
      }
      // option switches (?imx-imx) or (?imx-imx:...)
      const m = /^([imx]*)(?:-([imx]*))?(\)|:)/.exec(rest);
      if (m && (m[1] || m[2] !== undefined)) {
        const on = m[1] ?? "";
        if (on.includes("i")) flags.add("i");
        if (on.includes("m")) flags.add("s");
        if (on.includes("x")) extended = true;
        if (m[3] === ")") {
          i += 2 + m[0].length;
        } else {
          out += "(?:";
          i += 2 + m[0].length;
        }
        continue;
      }
      out += "(?";
      i += 2;
      continue;
    }
    // possessive quantifiers: drop the `+`
    if (c === "+" && i > 0 && /[*+?}]/.test(ruby[i - 1]!) && ruby[i - 2] !== "\\") {
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
    out += c;
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
    re = new RegExp(t.source, t.flags);
    cache.set(key, re);
  }
  return re;
}
