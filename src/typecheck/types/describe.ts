// Puppet's TypeMismatchDescriber: the text of "expects an Integer[1, 100] value, got Integer[250, 250]",
// "entry 'a' expects ...", "index 1 expects ...", "expects a value for key 'd'", "unrecognized key 'c'",
// "expects size to be at least 3, got 2", "expects a match for Enum['a', 'b'], got 'c'".
import { PHash, type Value } from "../../compiler/values.js";
import {
  PArrayType,
  PEnumType,
  PHashType,
  PNotUndefType,
  POptionalType,
  PDataType,
  PRichDataType,
  PStringType,
  PPatternType,
  PStructType,
  PTupleType,
  PType,
  PTypeAliasType,
  PUndefType,
  PVariantType,
  inferType,
  isAssignable,
  typeToExpandedString,
  isInstance,
  quoteString,
  resolveAlias,
} from "./model.js";

function aAn(s: string): string {
  return /^[AEIOU]/i.test(s) ? `an ${s}` : `a ${s}`;
}

function expandedString(t: PType): string {
  return typeToExpandedString(t);
}

/** Puppet's report_detailed?: the unparameterised form of `e` accepts the actual type. */
function reportDetailed(e: PType, a: PType): boolean {
  const r = resolveAlias(e);
  if ((r instanceof PEnumType || r instanceof PPatternType) && a instanceof PStringType) return true;
  if (r instanceof PStructType && a instanceof PHashType) return true;
  return isAssignable(r.defaultOfKind(), a);
}

function typeMismatch(path: string, expected: PType, actual: PType, actualValue: Value): string {
  let e: PType = expected;
  let optional = false;
  const r = resolveAlias(e);
  if (r instanceof POptionalType && r.type !== undefined && !(e instanceof PTypeAliasType)) {
    e = r.type;
    // Optional[Alias] is reported as the alias alone.
    optional = !(e instanceof PTypeAliasType);
  }
  const re = resolveAlias(e);
  const isMatchType = (t: PType): boolean => {
    const x = resolveAlias(t);
    return x instanceof PEnumType || x instanceof PPatternType;
  };
  if (!(re instanceof PVariantType) && isMatchType(e)) {
    const what = `a match for ${expandedString(e)}`;
    const got = typeof actualValue === "string" ? quoteString(actualValue) : actual.shortName();
    return `${path}expects ${optional ? `an undef value or ${what}` : what}, got ${got}`;
  }
  let es: string[];
  let as: string;
  let multi = false;
  if (e instanceof PTypeAliasType) {
    es = [expandedString(e)];
    as = reportDetailed(re, actual) ? actual.toString() : actual.shortName();
  } else if (re instanceof PVariantType) {
    // Puppet lists Undef first (as for Optional).
    const members = [...re.types.filter((t) => resolveAlias(t) instanceof PUndefType), ...re.types.filter((t) => !(resolveAlias(t) instanceof PUndefType))];
    if (members.some((m) => m instanceof PTypeAliasType || reportDetailed(m, actual))) {
      es = members.map(expandedString);
      as = actual.toString();
    } else {
      es = [...new Set(members.map((m) => resolveAlias(m).shortName()))];
      as = actual.shortName();
    }
  } else if (re instanceof PDataType || re instanceof PRichDataType) {
    // Puppet defines these as aliases of Variants: the actual type is named by its base name.
    es = [re.shortName()];
    as = actual.name;
  } else if (reportDetailed(e, actual)) {
    es = [expandedString(e)];
    as = actual.toString();
  } else {
    es = [re.shortName()];
    as = actual.shortName();
  }
  if (optional) es.unshift("Undef");
  let estr: string;
  if (es.length === 1) estr = es[0]!;
  else if (es.length === 2) {
    estr = `${es[0]} or ${es[1]}`;
    multi = true;
  } else {
    estr = `${es.slice(0, -1).join(", ")}, or ${es[es.length - 1]}`;
    multi = true;
  }
  return multi ? `${path}expects a value of type ${estr}, got ${as}` : `${path}expects ${aAn(estr)} value, got ${as}`;
}

function sizeText(min: number, max: number): string {
  if (min === max) return String(min);
  if (max === Infinity) return `at least ${min}`;
  if (min === 0) return `at most ${max}`;
  return `between ${min} and ${max}`;
}

function keyText(k: Value): string {
  return typeof k === "string" ? quoteString(k) : String(k);
}

/** Mismatch descriptions of `value` against `expected` (empty when it matches). */
export function describeMismatches(expected: PType, value: Value, path = ""): string[] {
  if (isInstance(value, expected)) return [];
  const r = resolveAlias(expected);
  if (r instanceof POptionalType && r.type !== undefined && value !== null) {
    // Puppet describes the optional type; a plain mismatch at this level names "Undef or T".
    const inner = describeMismatches(r.type, value, "");
    if (inner.length === 1 && inner[0]!.startsWith("expects ") && !inner[0]!.startsWith("expects size")) return [typeMismatch(path, expected, inferType(value), value)];
    return inner.map((d) => path + d);
  }
  if (r instanceof PNotUndefType && r.type !== undefined) return describeMismatches(r.type, value, path);
  if (r instanceof PVariantType && value !== null) {
    // Variant[Undef, T] is Optional[T] for Puppet.
    const rest = r.types.filter((t) => !(resolveAlias(t) instanceof PUndefType));
    if (rest.length === 1 && rest.length < r.types.length) {
      const inner = describeMismatches(rest[0]!, value, "");
      if (inner.length === 1 && inner[0]!.startsWith("expects ") && !inner[0]!.startsWith("expects size")) return [typeMismatch(path, expected, inferType(value), value)];
      return inner.map((d) => path + d);
    }
  }
  if (r instanceof PVariantType && r.types.length > 0) {
    // Each member's problems; when every member fails plainly at this level the message is merged
    // ("expects a value of type A or B"), otherwise each is listed as "variant N ...".
    const per = r.types.map((t) => describeMismatches(t, value, ""));
    const plain = per.every((d) => d.length === 1 && d[0]!.startsWith("expects ") && !d[0]!.startsWith("expects size"));
    if (plain) return [typeMismatch(path, expected, inferType(value), value)];
    return per.flatMap((d, i) => d.map((x) => `${path}variant ${i} ${x}`));
  }
  if (r instanceof PStructType && value instanceof PHash && r.elements.length > 0 && [...value.keys()].every((k) => typeof k === "string")) {
    const required = r.elements.filter((e) => !e.optional()).length;
    // An empty hash infers as Hash[0, 0] (not a Struct), so Puppet reports its size.
    if (value.size === 0 && required > 0) return [`${path}expects size to be ${sizeText(required, r.elements.length)}, got ${value.size}`];
    const out: string[] = [];
    for (const e of r.elements) {
      if (!value.has(e.name)) {
        if (!e.optional()) out.push(`${path}expects a value for key '${e.name}'`);
      } else {
        out.push(...describeMismatches(e.valueType, value.get(e.name)!, `${path}entry '${e.name}' `));
      }
    }
    for (const k of value.keys()) if (typeof k !== "string" || r.element(k) === undefined) out.push(`${path}unrecognized key ${keyText(k)}`);
    if (out.length > 0) return out;
  }
  if (r instanceof PHashType && value instanceof PHash && [...value.keys()].every((k) => typeof k === "string")) {
    if (value.size < r.min || value.size > r.max) return [`${path}expects size to be ${sizeText(r.min, r.max)}, got ${value.size}`];
    const out: string[] = [];
    for (const [k, v] of value) {
      if (!isInstance(k, r.keyType)) out.push(...describeMismatches(r.keyType, k, `${path}key of entry ${keyText(k)} `));
      out.push(...describeMismatches(r.valueType, v, `${path}entry ${keyText(k)} `));
    }
    if (out.length > 0) return out;
  }
  if (r instanceof PArrayType && Array.isArray(value)) {
    if (value.length < r.min || value.length > r.max) return [`${path}expects size to be ${sizeText(r.min, r.max)}, got ${value.length}`];
    const out: string[] = [];
    value.forEach((v, i) => out.push(...describeMismatches(r.elementType, v, `${path}index ${i} `)));
    if (out.length > 0) return out;
  }
  if (r instanceof PTupleType && Array.isArray(value)) {
    if (value.length < r.sizeMin || value.length > r.sizeMax) return [`${path}expects size to be ${sizeText(r.sizeMin, r.sizeMax)}, got ${value.length}`];
    const out: string[] = [];
    // Puppet names the position of the type, not of the element, when the last type repeats.
    value.forEach((v, i) => out.push(...describeMismatches(r.typeAt(i)!, v, `${path}index ${Math.min(i, Math.max(r.types.length - 1, 0))} `)));
    if (out.length > 0) return out;
  }
  return [typeMismatch(path, expected, inferType(value), value)];
}

function isCollectionMatch(t: PType, v: Value): boolean {
  if (Array.isArray(v)) return t instanceof PArrayType || t instanceof PTupleType;
  if (v instanceof PHash) return t instanceof PHashType || t instanceof PStructType;
  return false;
}

/**
 * Puppet's mismatch text for `value` against `expected`, e.g. "expects an Integer[1, 100] value, got
 * Integer[250, 250]"; several problems are joined with "\n " as Puppet does. `prefix` is prepended
 * to each line (e.g. "parameter 'x' "). Returns undefined when the value matches.
 */
export function describeMismatch(expected: PType, value: Value, prefix = ""): string | undefined {
  const all = describeMismatches(expected, value, prefix);
  if (all.length === 0) return undefined;
  return all.join("\n ");
}

/**
 * Mismatch text with a label as Puppet prints it: one problem -> "label msg"; several ->
 * " label msg1\n  label msg2" (e.g. label "assert_type():"). Undefined when the value matches.
 */
export function describeMismatchLabelled(expected: PType, value: Value, label: string): string | undefined {
  const all = describeMismatches(expected, value);
  if (all.length === 0) return undefined;
  if (all.length === 1) return `${label} ${all[0]}`;
  return all.map((l) => ` ${label} ${l}`).join("\n ");
}

/** Mismatch text of a type against a type (for return types and Type[...] checks). */
export function describeTypeMismatch(expected: PType, actual: PType, prefix = ""): string | undefined {
  if (isAssignable(expected, actual)) return undefined;
  return typeMismatch(prefix, expected, actual, null);
}


/** One typed parameter to check (class, define, function, lambda, EPP parameters). */
export interface ParameterCheck {
  readonly name: string;
  readonly type: PType;
  readonly value: Value;
}

/**
 * Puppet's text for parameter type mismatches of one declaration, e.g. `Class[C]` with one problem:
 * "Class[C]: parameter 'y' expects an Integer value, got String"; with several, each on its own
 * line: "Class[C]:\n  parameter 'x' index 0 expects ...\n  parameter 'y' expects ...".
 * `label` is e.g. "Class[Limits]", "Foo[title]", "function 'f'" (verified against Puppet 7.23).
 * Undefined when every value matches.
 */
export function describeParameterMismatches(label: string, params: readonly ParameterCheck[]): string | undefined {
  const lines: string[] = [];
  for (const p of params) lines.push(...describeMismatches(p.type, p.value, `parameter '${p.name}' `));
  if (lines.length === 0) return undefined;
  if (lines.length === 1) return `${label}: ${lines[0]}`;
  return `${label}:\n  ${lines.join("\n  ")}`;
}
