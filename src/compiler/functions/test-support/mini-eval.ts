// A deliberately small expression evaluator, only for testing the function library and the type
// system against Puppet's outputs without the real evaluator: literals, strings with
// interpolation, variables bound by lambdas, types and `[]`, function and method calls with lambdas,
// arithmetic, comparison, `=~`, `in`, `!`, `and`/`or`, `if`, splat in lists.
import type { Expression, LambdaExpression } from "../../../ast/nodes.js";
import { parseManifest } from "../../../parser/parse.js";
import { SourceFile } from "../../../source/source-file.js";
import { DEFAULT, PHash, PObjectValue, PRegexp, type Value } from "../../values.js";
import { PSemVerRangeValue, PSemVerValue, PType, regexpFromLiteral, defineAlias, isCoreTypeName, isInstance, makeRegexp, newFromType, parameterize, parseTypeString, resolveTypeName } from "../../../typecheck/types.js";

const BUILTIN_RESOURCE_TYPES = new Set(["file", "package", "service", "exec", "user", "group", "notify", "class", "resource"]);
import { compareValues, isTruthy, puppetEquals, puppetIn, valueToString, PuppetEvalError } from "../../value-ops.js";
import { NextSignal, callByName, type CallContext, type LogLevel, type PLambda, PIteratorValue } from "../api.js";
import "../index.js";

class MiniLambda extends PObjectValue implements PLambda {
  readonly typeName = "Callable";
  constructor(
    readonly node: LambdaExpression,
    readonly scope: Map<string, Value>,
  ) {
    super();
  }
  get parameterCount(): number {
    return this.node.parameters.length;
  }
  get requiredCount(): number {
    return this.node.parameters.filter((p) => p.value === undefined && !p.capturesRest).length;
  }
  get capturesRest(): boolean {
    return this.node.parameters.some((p) => p.capturesRest);
  }
  toString(): string {
    return "Callable";
  }
}

export interface MiniResult {
  logs: string[];
}

export class MiniEvaluator implements CallContext {
  readonly logs: string[] = [];
  private scope = new Map<string, Value>();
  private readonly aliases = new Map<string, PType>();

  private factsHash: PHash = new PHash();
  /** Facts for facts()/fqdn_rand; each fact is also a top-scope variable. */
  withFacts(facts: PHash): this {
    this.factsHash = facts;
    for (const [k, v] of facts) if (typeof k === "string") this.scope.set(k, v);
    this.scope.set("facts", facts);
    return this;
  }
  nodeFacts(): Value {
    return this.factsHash;
  }

  /** `aliasSources`: name -> type expression source (`type Name = <source>`). */
  constructor(aliasSources: Record<string, string> = {}) {
    for (const [name, src] of Object.entries(aliasSources)) {
      this.aliases.set(name, defineAlias(name, () => parseTypeString(src, (n) => this.aliases.get(n))));
    }
  }
  lookupType(name: string): PType | undefined {
    return this.aliases.get(name);
  }

  evaluate(src: string): Value {
    const r = parseManifest(new SourceFile("probe.pp", src), { validate: false });
    if (r.diagnostics.length > 0) throw new Error(r.diagnostics[0]!.message);
    let last: Value = null;
    for (const st of r.program.body) last = this.eval(st);
    return last;
  }

  callLambda(lambda: PLambda, args: Value[]): Value {
    const l = lambda as MiniLambda;
    const saved = this.scope;
    this.scope = new Map(l.scope);
    l.node.parameters.forEach((p, i) => {
      if (p.capturesRest) this.scope.set(p.name, args.slice(i));
      else this.scope.set(p.name, i < args.length ? args[i]! : p.value ? this.eval(p.value) : null);
    });
    try {
      let last: Value = null;
      if (l.node.body.kind === "BlockExpression") for (const st of l.node.body.statements) last = this.eval(st);
      return last;
    } catch (e) {
      if (e instanceof NextSignal) return e.value;
      throw e;
    } finally {
      this.scope = saved;
    }
  }
  log(level: LogLevel, message: string): void {
    const label = { notice: "Notice", warning: "Warning", err: "Error", info: "Info", debug: "Debug", alert: "Alert", emerg: "Emergency", crit: "Critical" }[level];
    this.logs.push(`${label}: Scope(Class[main]): ${message}`);
  }
  warning(message: string): void {
    this.logs.push(`warning: ${message}`);
  }
  callFunction(name: string, args: Value[], lambda?: PLambda): Value {
    return callByName(name, args, this, lambda);
  }
  lookupVariable(name: string): Value | undefined {
    return this.scope.get(name.replace(/^::/, ""));
  }

  private call(name: string, args: Value[], lambda?: LambdaExpression): Value {
    const l = lambda ? new MiniLambda(lambda, new Map(this.scope)) : undefined;
    return callByName(name, args, this, l);
  }

  private args(list: readonly Expression[]): Value[] {
    const out: Value[] = [];
    for (const a of list) {
      if (a.kind === "UnfoldExpression") {
        const v = this.eval(a.expr);
        if (Array.isArray(v)) out.push(...v);
        else if (v instanceof PIteratorValue) out.push(...v.toArray());
        else if (v !== null) out.push(v);
      } else out.push(this.eval(a));
    }
    return out;
  }

  eval(e: Expression): Value {
    switch (e.kind) {
      case "LiteralString":
        return e.value;
      case "LiteralInteger":
        return e.value;
      case "LiteralFloat":
        return e.value;
      case "LiteralBoolean":
        return e.value;
      case "LiteralUndef":
        return null;
      case "LiteralDefault":
        return DEFAULT;
      case "LiteralRegularExpression":
        return regexpFromLiteral(e.pattern);
      case "LiteralList":
        return this.args(e.values);
      case "LiteralHash": {
        const h = new PHash();
        for (const en of e.entries) h.set(this.eval(en.key), this.eval(en.value));
        return h;
      }
      case "QualifiedName":
        return e.value;
      case "QualifiedReference": {
        const alias = this.aliases.get(e.cased);
        if (alias) return alias;
        const t = resolveTypeName(e.cased);
        if (!isCoreTypeName(e.cased) && !BUILTIN_RESOURCE_TYPES.has(e.cased.toLowerCase())) throw new PuppetEvalError(`Resource type not found: ${e.cased}`);
        return t;
      }
      case "ConcatenatedString":
        return e.segments.map((s) => (s.kind === "LiteralString" ? s.value : valueToString(this.eval(s.expr)))).join("");
      case "TextExpression":
        return valueToString(this.eval(e.expr));
      case "VariableExpression": {
        const v = this.scope.get(e.name.replace(/^::/, ""));
        if (v === undefined) throw new PuppetEvalError(`Unknown variable: '${e.name}'`);
        return v;
      }
      case "ParenthesizedExpression":
        return this.eval(e.expr);
      case "UnaryMinusExpression": {
        const v = this.eval(e.expr);
        return typeof v === "bigint" ? -v : -(v as number);
      }
      case "NotExpression":
        return !isTruthy(this.eval(e.expr));
      case "AndExpression":
        return isTruthy(this.eval(e.left)) && isTruthy(this.eval(e.right));
      case "OrExpression":
        return isTruthy(this.eval(e.left)) || isTruthy(this.eval(e.right));
      case "AssignmentExpression": {
        const v = this.eval(e.right);
        if (e.left.kind === "VariableExpression") this.scope.set(e.left.name, v);
        return v;
      }
      case "ArithmeticExpression":
        return arith(e.operator, this.eval(e.left), this.eval(e.right));
      case "ComparisonExpression": {
        const a = this.eval(e.left);
        const b = this.eval(e.right);
        switch (e.operator) {
          case "==":
            return puppetEquals(a, b);
          case "!=":
            return !puppetEquals(a, b);
          case "<":
            return compareValues(a, b, "<") < 0;
          case "<=":
            return compareValues(a, b, "<=") <= 0;
          case ">":
            return compareValues(a, b, ">") > 0;
          case ">=":
            return compareValues(a, b, ">=") >= 0;
        }
        break;
      }
      case "MatchExpression": {
        const a = this.eval(e.left);
        const b = this.eval(e.right);
        let r: boolean;
        if (b instanceof PSemVerRangeValue) r = a instanceof PSemVerValue && b.includes(a);
        else if (b instanceof PType) r = isInstance(a, b);
        else {
          const re = b instanceof PRegexp ? b.regexp : makeRegexp(String(b)).regexp;
          r = typeof a === "string" && new RegExp(re.source, re.flags.replace("g", "")).test(a);
        }
        return e.operator === "=~" ? r : !r;
      }
      case "InExpression":
        return puppetIn(this.eval(e.left), this.eval(e.right));
      case "IfExpression": {
        if (isTruthy(this.eval(e.test))) return e.then.kind === "BlockExpression" ? this.block(e.then.statements) : null;
        if (e.else.kind === "Nop") return null;
        return e.else.kind === "BlockExpression" ? this.block(e.else.statements) : this.eval(e.else);
      }
      case "BlockExpression":
        return this.block(e.statements);
      case "AccessExpression": {
        const left = this.eval(e.left);
        const keys = this.args(e.keys);
        if (left instanceof PType) return parameterize(left, keys);
        if (Array.isArray(left)) {
          const i = Number(keys[0] as bigint);
          return left[i < 0 ? left.length + i : i] ?? null;
        }
        if (left instanceof PHash) return left.get(keys[0]!) ?? null;
        if (typeof left === "string") return [...left][Number(keys[0] as bigint)] ?? "";
        throw new PuppetEvalError(`cannot access ${valueToString(left)}`);
      }
      case "CallNamedFunctionExpression": {
        const args = this.args(e.args);
        if (e.functor.kind === "QualifiedReference") return newFromType(resolveTypeName(e.functor.cased), args);
        if (e.functor.kind === "QualifiedName") return this.call(e.functor.value, args, e.lambda);
        const f = this.eval(e.functor);
        if (f instanceof PType) return newFromType(f, args);
        break;
      }
      case "CallMethodExpression": {
        const recv = this.eval(e.functor.left);
        const name = e.functor.right.value;
        const args = this.args(e.args);
        if (recv instanceof PType && name === "new") return newFromType(recv, args);
        return this.call(name, [recv, ...args], e.lambda);
      }
      case "ResourceExpression":
      case "ResourceDefaultsExpression":
      case "ResourceOverrideExpression":
      case "Nop":
        return null;
      default:
        break;
    }
    throw new Error(`mini-eval: unsupported ${e.kind}`);
  }

  private block(statements: readonly Expression[]): Value {
    let last: Value = null;
    for (const s of statements) last = this.eval(s);
    return last;
  }
}

function arith(op: string, a: Value, b: Value): Value {
  if (op === "+" && Array.isArray(a)) return [...a, ...(Array.isArray(b) ? b : [b])] as Value[];
  if (op === "+" && a instanceof PHash && b instanceof PHash) {
    const h = a.clone();
    for (const [k, v] of b) h.set(k, v);
    return h;
  }
  if (typeof a === "bigint" && typeof b === "bigint") {
    switch (op) {
      case "+":
        return a + b;
      case "-":
        return a - b;
      case "*":
        return a * b;
      case "/": {
        const q = a / b;
        return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
      }
      case "%": {
        const r = a % b;
        return r !== 0n && (r < 0n) !== (b < 0n) ? r + b : r;
      }
    }
  }
  const x = Number(a);
  const y = Number(b);
  const r = op === "+" ? x + y : op === "-" ? x - y : op === "*" ? x * y : op === "/" ? x / y : NaN;
  if (r === Infinity || r === -Infinity) throw new PuppetEvalError(`The result of the ${op} expression is ${r}`);
  if (!Number.isNaN(r)) return r;
  throw new PuppetEvalError(`unsupported operator ${op}`);
}
