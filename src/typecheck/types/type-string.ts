// A small parser for type expressions written as strings: function signatures in this code base and
// Puppet's string forms (`assert_type('Array[Integer]', ...)`, `lookup(k, 'String')`...).
// Grammar: Name ('[' arg (',' arg)* ']')? where arg is a type, integer, float, quoted string, regex,
// `default`, `true`/`false`, or a `{ key => type, ... }` hash (Struct).
import { DEFAULT, PHash, type Value } from "../../compiler/values.js";
import { PType } from "./model.js";
import { PuppetTypeError, makeRegexp, parameterize, resolveTypeName } from "./parameterize.js";

export function parseTypeString(src: string, lookupAlias?: (name: string) => PType | undefined): PType {
  const v = parseLiteral(src, lookupAlias);
  if (!(v instanceof PType)) throw new PuppetTypeError(`The expression '${src}' is not a valid type specification.`);
  return v;
}

/** Parses a Puppet literal (types, numbers, strings, arrays, hashes, regexps, undef, default). */
export function parseLiteral(src: string, lookupAlias?: (name: string) => PType | undefined): Value {
  let i = 0;
  const ws = (): void => {
    while (i < src.length && /\s/.test(src[i]!)) i++;
  };
  const fail = (): never => {
    throw new PuppetTypeError(`The expression '${src}' is not a valid type specification.`);
  };
  const parseValue = (): Value => {
    ws();
    const c = src[i];
    if (c === undefined) return fail();
    if (c === "'" || c === '"') {
      let s = "";
      i++;
      while (i < src.length && src[i] !== c) {
        if (src[i] === "\\" && i + 1 < src.length) i++;
        s += src[i++];
      }
      i++;
      return s;
    }
    if (c === "/") {
      let s = "";
      i++;
      while (i < src.length && src[i] !== "/") {
        if (src[i] === "\\" && src[i + 1] === "/") i++;
        s += src[i++];
      }
      i++;
      return makeRegexp(s);
    }
    if (c === "{") {
      i++;
      const h = new PHash();
      ws();
      while (src[i] !== "}") {
        const k = parseValue();
        ws();
        if (src.slice(i, i + 2) !== "=>") fail();
        i += 2;
        const v = parseValue();
        h.set(k, v);
        ws();
        if (src[i] === ",") i++;
        ws();
        if (i >= src.length) fail();
      }
      i++;
      return h;
    }
    if (c === "[") {
      i++;
      const arr: Value[] = [];
      ws();
      while (src[i] !== "]") {
        arr.push(parseValue());
        ws();
        if (src[i] === ",") i++;
        ws();
        if (i >= src.length) fail();
      }
      i++;
      return arr;
    }
    const num = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(i));
    if (c === "-" && !num) return fail();
    if (num) {
      i += num[0].length;
      return num[1] || num[2] ? Number(num[0]) : BigInt(num[0]);
    }
    const word = /^(::)?[A-Za-z_][\w]*(::[A-Za-z_]\w*)*/.exec(src.slice(i));
    if (!word) return fail();
    i += word[0].length;
    const w = word[0];
    if (w === "default") return DEFAULT;
    if (w === "true") return true;
    if (w === "false") return false;
    if (w === "undef") return null;
    if (/^[a-z_]/.test(w.replace(/^::/, ""))) return w; // bare word = string
    let t: Value = resolveTypeName(w.replace(/^::/, ""), lookupAlias);
    ws();
    while (src[i] === "[") {
      i++;
      const args: Value[] = [];
      ws();
      while (src[i] !== "]") {
        args.push(parseValue());
        ws();
        if (src[i] === ",") i++;
        ws();
        if (i >= src.length) fail();
      }
      i++;
      if (!(t instanceof PType)) fail();
      t = parameterize(t as PType, args);
      ws();
    }
    return t;
  };
  const v = parseValue();
  ws();
  if (i !== src.length) fail();
  return v;
}
