// The contract between the evaluator and the function library: how functions are declared (Puppet
// 4.x-style dispatches with typed parameters), how calls are checked (Puppet's arity and type
// messages), and what a function may ask of the evaluator (CallContext).
import type { Value } from "../values.js";
import { PObjectValue } from "../values.js";
import { PIterableArgType, PType, describeMismatch, isInstance, parseTypeString } from "../../typecheck/types.js";
import { PuppetEvalError } from "../value-ops.js";

/**
 * A lambda (block) as the evaluator implements it. Functions only inspect its arity and hand it
 * back to `CallContext.callLambda`. Also a PObjectValue with typeName "Callable" so it is a Value.
 */
export interface PLambda {
  /** Declared parameter count (a captures-rest parameter counts once). */
  readonly parameterCount: number;
  /** Parameters without a default value (the minimum number of arguments). */
  readonly requiredCount: number;
  /** True when the last parameter is `*$rest` (then the maximum is unbounded). */
  readonly capturesRest: boolean;
}

export type LogLevel = "debug" | "info" | "notice" | "warning" | "err" | "alert" | "emerg" | "crit";

/** What functions may ask of the evaluator. Optional members: the function fails cleanly without. */
export interface CallContext {
  /** Calls the lambda with the given arguments; returns its value (`next(v)` gives v). */
  callLambda(lambda: PLambda, args: Value[]): Value;
  /** Logs as Puppet's compiler does ("Scope(Class[main]): msg" source is the evaluator's job). */
  log(level: LogLevel, message: string): void;
  /** A warning not tied to the current scope (deprecations...). */
  warning(message: string): void;
  /** Calls another function by name (for `call()` and for functions implemented via others). */
  callFunction(name: string, args: Value[], lambda?: PLambda): Value;
  /** Resolves a type alias / resource type name (for type strings: `assert_type('Foo::Bar', v)`). */
  lookupType?(name: string): PType | undefined;
  /** `$var` / `$a::b` lookup for getvar(); undefined when unknown. */
  lookupVariable?(name: string): Value | undefined;
  /** The node's fact hash (fact(), fqdn_rand seeding). */
  nodeFacts?(): Value;
  /** Node name (for fqdn_rand: Puppet seeds with `$facts['networking']['fqdn']`). */
  nodeName?(): string;
  /**
   * lookup()/hiera*() with their raw arguments: the evaluator parses them with
   * `parseLookupArgs` (../hiera), runs `Hiera.lookup` with the current scope and, when a lambda
   * is given, uses it as the default (`callLambda(lambda, [name])`).
   */
  hieraLookup?(args: Value[], lambda?: PLambda): Value;
}

/** A parameter of a dispatch. `type` is a PType or a type string parsed once. */
export interface ParamSpec {
  readonly name: string;
  readonly type: PType;
  /** Not required (`Optional` position in Puppet's dispatch: `optional_param`). */
  readonly optional?: boolean;
  /** Takes all remaining arguments (`repeated_param`); with `required` at least one. */
  readonly repeated?: "optional" | "required";
}

export type BlockSpec = "none" | "optional" | "required";

export type FunctionImpl = (args: Value[], ctx: CallContext, lambda: PLambda | undefined) => Value;

export interface Dispatch {
  readonly params: readonly ParamSpec[];
  readonly block: BlockSpec;
  /** Block arity for "block expects N arguments" checks: [min, max] of lambda params accepted. */
  readonly blockParams?: readonly [number, number];
  readonly impl: FunctionImpl;
}

export interface FunctionDef {
  readonly name: string;
  readonly dispatches: readonly Dispatch[];
}

/** A function failure with Puppet's message; the evaluator adds "Error while evaluating a Function Call, ". */
export class FunctionError extends PuppetEvalError {
  constructor(message: string) {
    super(message);
    this.name = "FunctionError";
  }
}

// ---------------------------------------------------------------- control flow signals
/** Thrown by `break()`; iteration functions catch it and stop. */
export class BreakSignal {
  readonly kind = "break";
}
/** Thrown by `next(v)`; the evaluator's callLambda catches it and returns `value`. */
export class NextSignal {
  readonly kind = "next";
  constructor(readonly value: Value) {}
}
/** Thrown by `return(v)`; the evaluator's function-call code catches it. */
export class ReturnSignal {
  readonly kind = "return";
  constructor(readonly value: Value) {}
}

// ---------------------------------------------------------------- declaring functions
const typeCache = new Map<string, PType>();
const ITERABLE_ARG = new PIterableArgType();
export function T(src: string): PType {
  if (src === "Iterable") return ITERABLE_ARG;
  let t = typeCache.get(src);
  if (!t) {
    t = parseTypeString(src);
    typeCache.set(src, t);
  }
  return t;
}

/**
 * Compact signature: "String str, Variant[String, Regexp] pattern, Optional[Integer] limit?, Any *rest"
 * (`?` = optional, `*` = repeated optional, `+` = repeated required). Block: "&" (required) or "&?".
 */
export function sig(spec: string, impl: FunctionImpl, blockParams?: readonly [number, number]): Dispatch {
  return new LazySignature(spec, impl, blockParams);
}

/**
 * A signature parsed on first use: the ~300 functions' signatures (and their types) would
 * otherwise all be parsed when the compiler loads, though a compile calls a handful.
 */
class LazySignature implements Dispatch {
  private parsed?: { params: ParamSpec[]; block: BlockSpec };
  constructor(
    private readonly spec: string,
    readonly impl: FunctionImpl,
    readonly blockParams?: readonly [number, number],
  ) {}
  get params(): readonly ParamSpec[] {
    return (this.parsed ??= parseSignature(this.spec)).params;
  }
  get block(): BlockSpec {
    return (this.parsed ??= parseSignature(this.spec)).block;
  }
}

function parseSignature(spec: string): { params: ParamSpec[]; block: BlockSpec } {
  const params: ParamSpec[] = [];
  let block: BlockSpec = "none";
  for (const part of splitTop(spec)) {
    const p = part.trim();
    if (p === "") continue;
    if (p === "&") {
      block = "required";
      continue;
    }
    if (p === "&?") {
      block = "optional";
      continue;
    }
    const m = /^(.*\S)\s+([*+]?)(\w+)(\??)$/.exec(p);
    if (!m) throw new Error(`bad signature part ${p}`);
    params.push({
      name: m[3]!,
      type: T(m[1]!),
      optional: m[4] === "?",
      repeated: m[2] === "*" ? "optional" : m[2] === "+" ? "required" : undefined,
    });
  }
  return { params, block };
}

function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const c of s) {
    if (c === "[" || c === "{" || c === "(") depth++;
    if (c === "]" || c === "}" || c === ")") depth--;
    if (c === "," && depth === 0) {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out;
}

const registry = new Map<string, FunctionDef>();

export function defineFunction(name: string, ...dispatches: Dispatch[]): void {
  registry.set(name, { name, dispatches });
}

export function getFunction(name: string): FunctionDef | undefined {
  return registry.get(name);
}

export function functionNames(): string[] {
  return [...registry.keys()];
}

// ---------------------------------------------------------------- checking and calling
function arityRange(d: Dispatch): [number, number] {
  let min = 0;
  let max = 0;
  for (const p of d.params) {
    if (p.repeated) {
      if (p.repeated === "required") min++;
      max = Infinity;
    } else {
      if (!p.optional) min++;
      max++;
    }
  }
  return [min, max];
}

function countText(n: number): string {
  return n === 0 ? "none" : String(n);
}

function expectsText(min: number, max: number): string {
  if (min === max) return `${min} argument${min === 1 ? "" : "s"}`;
  if (max === Infinity) return `at least ${min} argument${min === 1 ? "" : "s"}`;
  return `between ${min} and ${max} arguments`;
}

function checkTypes(d: Dispatch, args: readonly Value[]): string | undefined {
  let ai = 0;
  for (const p of d.params) {
    if (p.repeated) {
      for (; ai < args.length; ai++) {
        const m = describeMismatch(p.type, args[ai]!, `parameter '${p.name}' `);
        if (m) return m;
      }
      break;
    }
    if (ai >= args.length) break;
    const m = describeMismatch(p.type, args[ai]!, `parameter '${p.name}' `);
    if (m) return m;
    ai++;
  }
  return undefined;
}

function lambdaRange(l: PLambda): [number, number] {
  return [l.requiredCount, l.capturesRest ? Infinity : l.parameterCount];
}

function signatureText(d: Dispatch): string {
  const parts = d.params.map((p) => `${p.type.toString()} ${p.name}${p.repeated ? "*" : p.optional ? "?" : ""}`);
  if (d.block !== "none") {
    const bt = d.blockParams ? `Callable[${d.blockParams[0]}, ${d.blockParams[1]}]` : "Callable";
    parts.push(`${bt} block${d.block === "optional" ? "?" : ""}`);
  }
  return `(${parts.join(", ")})`;
}

/**
 * Checks a call against the function's dispatches and runs the first that accepts it, with
 * Puppet's error messages ("'split' expects 2 arguments, got 1", "'keys' parameter 'hsh' expects a
 * Hash value, got String", "'each' expects a block", "'each' block expects between 1 and 2 arguments,
 * got 3").
 */
export function callFunction(def: FunctionDef, args: Value[], ctx: CallContext, lambda?: PLambda): Value {
  const name = def.name;
  const byArity = def.dispatches.filter((d) => {
    const [min, max] = arityRange(d);
    return args.length >= min && args.length <= max;
  });
  if (byArity.length === 0) {
    let min = Infinity;
    let max = 0;
    for (const d of def.dispatches) {
      const [a, b] = arityRange(d);
      min = Math.min(min, a);
      max = Math.max(max, b);
    }
    throw new FunctionError(`'${name}' expects ${expectsText(min, max)}, got ${countText(args.length)}`);
  }
  const failures: [Dispatch, string][] = [];
  for (const d of byArity) {
    const m = checkTypes(d, args);
    if (m) {
      failures.push([d, m]);
      continue;
    }
    if (lambda === undefined && d.block === "required") {
      failures.push([d, "expects a block"]);
      continue;
    }
    if (lambda !== undefined && d.block === "none") {
      failures.push([d, "does not expect a block"]);
      continue;
    }
    if (lambda !== undefined && d.blockParams) {
      const [lmin, lmax] = lambdaRange(lambda);
      const [bmin, bmax] = d.blockParams;
      // The lambda must be callable with some count in [bmin, bmax].
      if (lmin > bmax || lmax < bmin) {
        failures.push([d, `block expects ${expectsText(bmin, bmax)}, got ${lambda.parameterCount}`]);
        continue;
      }
    }
    try {
      return d.impl(args, ctx, lambda);
    } catch (e) {
      // A JavaScript error from an implementation (bad input we did not foresee, an invalid user
      // regexp) must surface as a Puppet error, never as a stack trace.
      if (e instanceof TypeError || e instanceof RangeError || e instanceof SyntaxError || e instanceof ReferenceError) {
        throw new FunctionError(`${name}(): ${e.message}`);
      }
      throw e;
    }
  }
  if (failures.length === 1 || failures.every(([, m]) => m === failures[0]![1])) {
    throw new FunctionError(`'${name}' ${failures[0]![1]}`);
  }
  const lines = failures.map(([d, m]) => `  ${signatureText(d)}\n    rejected: ${m}`);
  throw new FunctionError(`The function '${name}' was called with arguments it does not accept. It expects one of:\n${lines.join("\n")}`);
}

/** Calls a registered function by name; throws FunctionError "Unknown function: 'x'" otherwise. */
export function callByName(name: string, args: Value[], ctx: CallContext, lambda?: PLambda): Value {
  const def = getFunction(name);
  if (!def) throw new FunctionError(`Unknown function: '${name}'`);
  return callFunction(def, args, ctx, lambda);
}

/** An instance check used by implementations. */
export function is(v: Value, type: string): boolean {
  return isInstance(v, T(type));
}

/** A lazily evaluated iterator value (`reverse_each`, `step` without a block). */
export class PIteratorValue extends PObjectValue {
  readonly typeName = "Iterator";
  constructor(private readonly produce: () => Value[]) {
    super();
  }
  toArray(): Value[] {
    return this.produce();
  }
  toString(): string {
    return "Iterator-Value";
  }
}
