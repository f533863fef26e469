// SemVer and SemVerRange values (Puppet's SemanticPuppet::Version / VersionRange): parsing,
// ordering, printing and range matching (`SemVer('1.5.0') =~ SemVerRange('>=1.0.0 <2.0.0')`).
import { PHash, PObjectValue, type Value } from "../../compiler/values.js";
import { PuppetTypeError } from "./parameterize.js";

const VERSION_RE = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

export class PSemVerValue extends PObjectValue {
  readonly typeName = "SemVer";
  constructor(
    readonly major: bigint,
    readonly minor: bigint,
    readonly patch: bigint,
    readonly prerelease: readonly string[] = [],
    readonly build: readonly string[] = [],
  ) {
    super();
  }
  static parse(s: string): PSemVerValue | undefined {
    const m = VERSION_RE.exec(s);
    if (!m) return undefined;
    return new PSemVerValue(BigInt(m[1]!), BigInt(m[2]!), BigInt(m[3]!), m[4] ? m[4].split(".") : [], m[5] ? m[5].split(".") : []);
  }
  toString(): string {
    let s = `${this.major}.${this.minor}.${this.patch}`;
    if (this.prerelease.length > 0) s += `-${this.prerelease.join(".")}`;
    if (this.build.length > 0) s += `+${this.build.join(".")}`;
    return s;
  }
}

function cmpBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** SemVer precedence (build metadata ignored). */
export function compareSemVer(a: PSemVerValue, b: PSemVerValue): number {
  const c = cmpBig(a.major, b.major) || cmpBig(a.minor, b.minor) || cmpBig(a.patch, b.patch);
  if (c !== 0) return c;
  if (a.prerelease.length === 0) return b.prerelease.length === 0 ? 0 : 1;
  if (b.prerelease.length === 0) return -1;
  for (let i = 0; i < Math.max(a.prerelease.length, b.prerelease.length); i++) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const xn = /^\d+$/.test(x);
    const yn = /^\d+$/.test(y);
    if (xn && yn) {
      const d = cmpBig(BigInt(x), BigInt(y));
      if (d !== 0) return d;
    } else if (xn !== yn) return xn ? -1 : 1;
    else if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

interface Comparator {
  readonly op: "<" | "<=" | ">" | ">=" | "=";
  readonly version: PSemVerValue;
}

export class PSemVerRangeValue extends PObjectValue {
  readonly typeName = "SemVerRange";
  constructor(
    readonly text: string,
    /** Alternatives (||) of comparator sets (all must hold). */
    readonly sets: readonly (readonly Comparator[])[],
  ) {
    super();
  }
  static parse(text: string): PSemVerRangeValue {
    const sets = text.split("||").map((alt) => parseSet(alt.trim(), text));
    return new PSemVerRangeValue(text, sets);
  }
  includes(v: PSemVerValue): boolean {
    return this.sets.some((set) => {
      if (!set.every((c) => test(c, v))) return false;
      if (v.prerelease.length === 0) return true;
      // A prerelease only matches a set that names a prerelease of the same version.
      return set.some((c) => c.version.prerelease.length > 0 && c.version.major === v.major && c.version.minor === v.minor && c.version.patch === v.patch);
    });
  }
  toString(): string {
    return this.text;
  }
}

function test(c: Comparator, v: PSemVerValue): boolean {
  const d = compareSemVer(v, c.version);
  switch (c.op) {
    case "<":
      return d < 0;
    case "<=":
      return d <= 0;
    case ">":
      return d > 0;
    case ">=":
      return d >= 0;
    case "=":
      return d === 0;
  }
}

interface Partial {
  major?: bigint;
  minor?: bigint;
  patch?: bigint;
  pre: string[];
}

function parsePartial(s: string, whole: string): Partial {
  const m = /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:-([0-9A-Za-z-.]+))?(?:\+[0-9A-Za-z-.]+)?$/.exec(s);
  if (!m) throw new PuppetTypeError(`Unparsable version range: "${whole}"`);
  const num = (x: string | undefined): bigint | undefined => (x === undefined || /^[xX*]$/.test(x) ? undefined : BigInt(x));
  const major = num(m[1]);
  const minor = major === undefined ? undefined : num(m[2]);
  const patch = minor === undefined ? undefined : num(m[3]);
  return { major, minor, patch, pre: m[4] ? m[4].split(".") : [] };
}

const v3 = (a: bigint, b: bigint, c: bigint, pre: string[] = []): PSemVerValue => new PSemVerValue(a, b, c, pre);

function lower(p: Partial): PSemVerValue {
  return v3(p.major ?? 0n, p.minor ?? 0n, p.patch ?? 0n, p.patch !== undefined ? p.pre : []);
}
/** The exclusive upper bound of a partial version (`1.2` -> 1.3.0, `1` -> 2.0.0). */
function nextUp(p: Partial): PSemVerValue | undefined {
  if (p.major === undefined) return undefined;
  if (p.minor === undefined) return v3(p.major + 1n, 0n, 0n);
  return v3(p.major, p.minor + 1n, 0n);
}

function parseSet(alt: string, whole: string): Comparator[] {
  if (alt === "" || alt === "*") return [{ op: ">=", version: v3(0n, 0n, 0n) }];
  const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(alt);
  if (hyphen) {
    const a = parsePartial(hyphen[1]!, whole);
    const b = parsePartial(hyphen[2]!, whole);
    // Puppet treats a partial upper bound as its .0 version, inclusive (1.2.3 - 1.6 = <=1.6.0).
    return [
      { op: ">=", version: lower(a) },
      { op: "<=", version: lower(b) },
    ];
  }
  const out: Comparator[] = [];
  for (const tok of alt.replace(/(>=|<=|>|<|=|~>|~|\^)\s+/g, "$1").split(/\s+/)) {
    const m = /^(>=|<=|>|<|=|~>|~|\^)?(.*)$/.exec(tok)!;
    const op = m[1] ?? "";
    const p = parsePartial(m[2]!, whole);
    const exact = p.patch !== undefined;
    switch (op) {
      case "":
      case "=":
        if (exact) out.push({ op: "=", version: lower(p) });
        else {
          out.push({ op: ">=", version: lower(p) });
          const up = nextUp(p);
          if (up) out.push({ op: "<", version: up });
        }
        break;
      case ">=":
        out.push({ op: ">=", version: lower(p) });
        break;
      case ">":
        if (exact) out.push({ op: ">", version: lower(p) });
        else {
          const up = nextUp(p);
          out.push(up ? { op: ">=", version: up } : { op: "<", version: v3(0n, 0n, 0n) });
        }
        break;
      case "<":
        out.push({ op: "<", version: lower(p) });
        break;
      case "<=":
        if (exact) out.push({ op: "<=", version: lower(p) });
        else {
          const up = nextUp(p);
          if (up) out.push({ op: "<", version: up });
        }
        break;
      case "~":
      case "~>": {
        out.push({ op: ">=", version: lower(p) });
        const up = p.minor === undefined ? nextUp(p) : v3(p.major!, p.minor + 1n, 0n);
        if (up) out.push({ op: "<", version: up });
        break;
      }
      case "^": {
        out.push({ op: ">=", version: lower(p) });
        const maj = p.major ?? 0n;
        let up: PSemVerValue;
        if (maj > 0n || p.minor === undefined) up = v3(maj + 1n, 0n, 0n);
        else if ((p.minor ?? 0n) > 0n || p.patch === undefined) up = v3(0n, (p.minor ?? 0n) + 1n, 0n);
        else up = v3(0n, 0n, (p.patch ?? 0n) + 1n);
        out.push({ op: "<", version: up });
        break;
      }
    }
  }
  return out;
}

/** `SemVer.new(...)`: a string, (major, minor, patch[, prerelease[, build]]) or a hash. */
export function newSemVer(args: readonly Value[]): PSemVerValue {
  const a = args[0] ?? null;
  if (a instanceof PSemVerValue) return a;
  if (typeof a === "string") {
    const v = PSemVerValue.parse(a);
    if (!v) throw new PuppetTypeError(`'new_Version' The string '${a}' cannot be converted to a SemVer`);
    return v;
  }
  if (typeof a === "bigint") {
    const [mi, pa, pre, build] = [args[1], args[2], args[3], args[4]];
    return new PSemVerValue(a, typeof mi === "bigint" ? mi : 0n, typeof pa === "bigint" ? pa : 0n, typeof pre === "string" ? pre.split(".") : [], typeof build === "string" ? build.split(".") : []);
  }
  if (a instanceof PHash) {
    const g = (k: string): bigint => {
      const v = a.get(k);
      return typeof v === "bigint" ? v : 0n;
    };
    const pre = a.get("prerelease");
    const build = a.get("build");
    return new PSemVerValue(g("major"), g("minor"), g("patch"), typeof pre === "string" ? pre.split(".") : [], typeof build === "string" ? build.split(".") : []);
  }
  throw new PuppetTypeError(`'new_Version' Value cannot be converted to a SemVer`);
}

export function newSemVerRange(args: readonly Value[]): PSemVerRangeValue {
  const a = args[0] ?? null;
  if (a instanceof PSemVerRangeValue) return a;
  if (typeof a === "string") return PSemVerRangeValue.parse(a);
  throw new PuppetTypeError(`'new_VersionRange' Value cannot be converted to a SemVerRange`);
}
