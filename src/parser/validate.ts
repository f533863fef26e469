// Puppet's static validation (pops/validation/checker4_0.rb) for the rules real code trips, run after
// a clean parse and before evaluation. Messages, severities and positions are Puppet's.
import type * as A from "../ast/nodes.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile, Span } from "../source/source-file.js";
import { forEachChild } from "../ast/walk.js";

/** Puppet's LabelProvider: the human name of an expression, with its article. */
export function labelOf(n: A.Node): string {
  switch (n.kind) {
    case "LiteralInteger":
      return "Literal Integer";
    case "LiteralFloat":
      return "Literal Float";
    case "LiteralString":
    case "ConcatenatedString":
    case "HeredocExpression":
      return "String";
    case "LiteralBoolean":
      return "Boolean";
    case "LiteralUndef":
      return "Literal Undef";
    case "LiteralDefault":
      return "'default' expression";
    case "LiteralRegularExpression":
      return "Regular Expression";
    case "LiteralList":
      return "Array Expression";
    case "LiteralHash":
      return "Hash Expression";
    case "QualifiedName":
      return "Name";
    case "QualifiedReference":
      return "Type-Name";
    case "VariableExpression":
      return "Variable";
    case "AccessExpression":
      return "'[]' expression";
    case "ArithmeticExpression":
      return `'${n.operator}' expression`;
    case "ComparisonExpression":
      return `'${n.operator}' expression`;
    case "MatchExpression":
      return `'${n.operator}' expression`;
    case "InExpression":
      return "'in' expression";
    case "AndExpression":
      return "'and' expression";
    case "OrExpression":
      return "'or' expression";
    case "NotExpression":
      return "'not' expression";
    case "UnaryMinusExpression":
      return "Unary Minus";
    case "UnfoldExpression":
      return "Unfold";
    case "SelectorExpression":
      return "Selector Expression";
    case "IfExpression":
      return "'if' statement";
    case "UnlessExpression":
      return "'unless' Statement";
    case "ParenthesizedExpression":
      return "Parenthesized Expression";
    case "NamedAccessExpression":
      return "'.' expression";
    case "CaseExpression":
      return "'case' statement";
    case "HostClassDefinition":
      return "Host Class Definition";
    case "ResourceTypeDefinition":
      return "'define' expression";
    case "NodeDefinition":
      return "Node Definition";
    case "FunctionDefinition":
      return "Function Definition";
    case "TypeAlias":
      return "Type Alias";
    case "CallNamedFunctionExpression":
      return "Function Call";
    case "ResourceExpression":
      return "Resource Statement";
    default:
      return n.kind.replace(/Expression$/, " Expression");
  }
}

function article(label: string): string {
  return /^[aeiouAEIOU]/.test(label) ? `an ${label}` : `a ${label}`;
}

function articleUc(label: string): string {
  const a = article(label);
  return a.charAt(0).toUpperCase() + a.slice(1);
}

/** checker4_0 RESERVED_TYPE_NAMES (as Puppet 7.23 rejects them, checked name by name): unusable for classes, defines, functions. */
const RESERVED_TYPE_NAMES = new Set([
  "any", "array", "boolean", "collection", "enum", "float", "hash", "init", "integer", "numeric", "object",
  "optional", "pattern", "regexp", "runtime", "scalar", "semver", "semverrange", "sensitive", "string",
  "struct", "timespan", "timestamp", "tuple", "typeset", "unit", "variant",
]);
/** Patterns::CLASSREF_DECL: a lower-case, possibly qualified name. */
const DEFINITION_NAME = /^[a-z]\w*(?:::[a-z]\w*)*$/;
/** Patterns::VAR_NAME and NUMERIC_VAR_NAME. */
const VAR_NAME = /^(?:::)?(?:[a-z]\w*::)*[a-z_]\w*$/;
const NUMERIC_VAR_NAME = /^(?:0|[1-9][0-9]*)$/;
const PARAM_NAME = /^[a-z_]\w*$/;
const HOSTNAME_ILLEGAL = /[^-\w.]/;

type DefinitionNode = A.HostClassDefinition | A.ResourceTypeDefinition | A.NodeDefinition | A.FunctionDefinition;
function isDefinitionWithBody(n: A.Node): n is DefinitionNode {
  return n.kind === "HostClassDefinition" || n.kind === "ResourceTypeDefinition" || n.kind === "NodeDefinition" || n.kind === "FunctionDefinition";
}

/** Expressions without side effects ("idem"): a value produced and forgotten when not last in a block. */
/** Kinds that only produce a value (checker4_0's idem): a Set lookup, not a 25-way string switch. */
const IDEM_KINDS: ReadonlySet<string> = new Set([
  "LiteralString", "LiteralInteger", "LiteralFloat", "LiteralBoolean", "LiteralUndef", "LiteralDefault",
  "LiteralRegularExpression", "LiteralList", "LiteralHash", "QualifiedName", "QualifiedReference",
  "VariableExpression", "ConcatenatedString", "HeredocExpression", "ArithmeticExpression",
  "ComparisonExpression", "InExpression", "AndExpression", "OrExpression", "NotExpression",
  "UnaryMinusExpression", "AccessExpression", "SelectorExpression", "Nop",
]);

function isIdem(e: A.Expression): boolean {
  if (IDEM_KINDS.has(e.kind)) return true;
  switch (e.kind) {
    case "ParenthesizedExpression":
      return isIdem(e.expr);
    case "IfExpression":
    case "UnlessExpression":
      return isIdem(e.test) && isIdemBody(e.then) && isIdemBody(e.else);
    case "CaseExpression":
      return isIdem(e.test) && e.options.every((o) => isIdemBody(o.then));
    default:
      return false;
  }
}

/** A body without any productive statement (checker4_0 idem_BlockExpression; Nop is idem). */
function isIdemBody(e: A.Expression): boolean {
  return e.kind === "BlockExpression" ? e.statements.every(isIdem) : isIdem(e);
}

/** The file being checked; set by validateProgram for the duration of one (synchronous) run, so
 * that the checks below are created once, not per file: per-file closures made V8 recompile the
 * code that calls them for every new file. */
let run: { file: SourceFile; out: Diagnostic[]; epp: boolean } = { file: undefined as unknown as SourceFile, out: [], epp: false };

const report = (span: Span, message: string, severity: "error" | "warning" = "error") =>
  run.out.push(createDiagnostic(severity === "error" ? "CFG1200" : "CFG1201", { file: run.file, span, args: { message } }));

/** Where Puppet locates a node: a binary operator expression at its operator. */
const locate = (n: A.Expression): Span => {
  switch (n.kind) {
    case "ArithmeticExpression":
    case "ComparisonExpression":
    case "MatchExpression":
      return operatorAt(n.left.span.end, n.operator);
    case "InExpression":
      return operatorAt(n.left.span.end, "in");
    case "AndExpression":
      return operatorAt(n.left.span.end, "and");
    case "OrExpression":
      return operatorAt(n.left.span.end, "or");
    default:
      return n.span;
  }
};

const checkBlock = (statements: readonly A.Expression[]) => {
  for (let i = 0; i < statements.length - 1; i++) {
    const s = statements[i]!;
    if (isIdem(s)) {
      report(locate(s), `This ${labelOf(s)} has no effect. A value was produced and then forgotten (one or more preceding expressions may have the wrong form)`);
    }
  }
};

const checkAssignTarget = (target: A.Expression, whole: A.AssignmentExpression) => {
  if (target.kind === "VariableExpression") {
    if (/^\d+$/.test(target.name)) {
      report(target.span, `Illegal attempt to assign to the numeric match result variable '$${target.name}'. Numeric variables are not assignable`);
    } else if (target.name.includes("::")) {
      report(target.span, `Illegal attempt to assign to '${target.name}'. Cannot assign to variables in other namespaces`);
    }
    return;
  }
  if (target.kind === "LiteralList" && whole.operator === "=") {
    for (const v of target.values) checkAssignTarget(v, whole);
    return;
  }
  if (target.kind === "AccessExpression") {
    report(target.span, "Illegal attempt to assign via [index/key]. Not an assignable reference");
    return;
  }
  report(target.span, `Illegal attempt to assign to '${article(labelOf(target))}'. Not an assignable reference`);
};

/** Offset of an operator in the source between two nodes (the AST keeps no span for operators). */
const operatorAt = (from: number, op: string): Span => {
  const at = run.file.text.indexOf(op, from);
  return at < 0 ? { start: from, end: from } : { start: at, end: at + op.length };
};

/** Puppet locates a parameter at its variable (after any type and `*`). */
const paramAt = (p: A.Parameter): Span => {
  const at = run.file.text.indexOf("$" + p.name, p.span.start);
  return at < 0 || at > p.span.end ? p.span : { start: at, end: at + p.name.length + 1 };
};

const checkParams = (params: readonly A.Parameter[], owner: A.Node) => {
  const seen = new Set<string>();
  const supportsRest = owner.kind === "FunctionDefinition" || owner.kind === "LambdaExpression";
  params.forEach((p, i) => {
    if (!supportsRest && p.capturesRest) {
      report(paramAt(p), `Parameter $${p.name} has 'captures rest' - not supported in ${article(labelOf(owner))}`);
    } else if (owner.kind === "LambdaExpression" && p.capturesRest && i !== params.length - 1) {
      // Puppet checks this for lambdas only (a function's misplaced rest parameter passes validation).
      report(paramAt(p), `Parameter $${p.name} is not last, and has 'captures rest'`);
    }
    if (seen.has(p.name)) report(paramAt(p), `The parameter '${p.name}' is declared more than once in the parameter list`);
    seen.add(p.name);
    if ((owner.kind === "HostClassDefinition" || owner.kind === "ResourceTypeDefinition") && (p.name === "name" || p.name === "title")) {
      report(paramAt(p), `The parameter $${p.name} redefines a built in parameter in the ${labelOf(owner)}`);
    }
  });
  // check_Parameter runs when the parameters themselves are visited (after the owner's checks).
};

const checkParameter = (p: A.Parameter) => {
  if (/^\d+$/.test(p.name)) report(paramAt(p), `The numeric parameter name '$${p.name}' cannot be used (clashes with numeric match result variables)`);
  if (!PARAM_NAME.test(p.name)) report(paramAt(p), `Illegal parameter name. The given name '${p.name}' does not conform to the naming rule /^[a-z_]\\w*$/`);
};

const checkNamedDefinition = (n: A.HostClassDefinition | A.ResourceTypeDefinition | A.FunctionDefinition) => {
  if (!DEFINITION_NAME.test(n.name)) {
    report(n.span, `Unacceptable name. The name '${n.name}' is unacceptable as the name of ${article(labelOf(n))}`);
  } else if (RESERVED_TYPE_NAMES.has(n.name)) {
    report(n.span, `The name: '${n.name}' is already defined by Puppet and can not be used as the name of ${article(labelOf(n))}.`);
  }
};

/** checker4_0 internal_check_no_idem_last: a class, define or node body may not end with a bare value. */
const checkNoIdemLast = (n: DefinitionNode) => {
  const body = n.body;
  if (body.kind === "Nop") return;
  const last = body.kind === "BlockExpression" ? body.statements[body.statements.length - 1] : (body as A.Expression);
  if (last && isIdem(last)) {
    report(locate(last), `This ${labelOf(last)} has no effect. ${articleUc(labelOf(n))} can not end with a value-producing expression without other effect`);
  }
};

/**
 * checker4_0 top(): definitions only at top level or inside classes; functions and type aliases only
 * at the very top. `chain` is the containment in Puppet's model, nearest last: a block exists there
 * for a definition's body always, elsewhere only for two or more statements.
 */
const checkTop = (def: A.Node, chain: readonly string[]) => {
  const absolute = def.kind === "FunctionDefinition" || def.kind === "TypeAlias" || def.kind === "TypeMapping";
  for (let i = chain.length - 1; i >= 0; i--) {
    const o = chain[i]!;
    if (o === "Program" || o === "HostClassDefinition") return;
    if (o === "Block") {
      const c = chain[i - 1];
      if (c !== "Program" && absolute) {
        report(def.span, `${articleUc(labelOf(def))} may only appear at toplevel`);
        return;
      }
      continue;
    }
    report(def.span, "Classes, definitions, and nodes may only appear at toplevel or inside other classes");
    return;
  }
};

const checkResourceOps = (ops: readonly A.AttributeOp[], where: string | undefined) => {
  let unfolds = 0;
  for (const op of ops) {
    if (op.kind === "AttributesOperation") {
      if (++unfolds > 1) report(op.span, "Unfolding of attributes from Hash can only be used once per resource body");
    } else if (op.operator === "+>" && where) {
      report(op.span, `Illegal +> operation on attribute ${op.attributeName}. This operator can not be used in ${where}`);
    }
  }
};

const checkHostname = (e: A.Expression) => {
  if (e.kind === "LiteralString" || e.kind === "QualifiedName") {
    if (HOSTNAME_ILLEGAL.test(e.value)) report(e.span, `The hostname '${e.value}' contains illegal characters (only letters, digits, '_', '-', and '.' are allowed)`);
  } else if (e.kind === "ConcatenatedString") {
    for (const seg of e.segments) {
      if (seg.kind === "TextExpression") report(seg.expr.span, "An interpolated expression is not allowed in a hostname of a node");
      else if (HOSTNAME_ILLEGAL.test(seg.value)) report(e.span, `The hostname '${seg.value}' contains illegal characters (only letters, digits, '_', '-', and '.' are allowed)`);
    }
  }
};

/** checker4_0 rvalue(): collections and definitions produce no value. */
const rvalue = (e: A.Expression) => {
  let label: string | undefined;
  if (e.kind === "CollectExpression") label = e.query.kind === "VirtualQuery" ? "Virtual Query" : "Exported Query";
  else if (isDefinitionKind(e.kind)) label = labelOf(e);
  if (label) report(e.span, `Invalid use of expression. ${articleUc(label)} does not produce a value`);
};

const isDefinitionKind = (k: string) =>
  k === "HostClassDefinition" || k === "ResourceTypeDefinition" || k === "NodeDefinition" || k === "FunctionDefinition" || k === "TypeAlias";

// The checks per node kind, each its own small function: one big switch was recompiled by V8's
// optimizing compiler again and again as new node shapes reached it (~50 ms on the corpus).
// Each takes the node of its own kind; `visit` looks the function up by that kind.
const checks: Record<string, (n: never, chain: string[]) => void> = {};
checks.Program = (n: A.NodeOfKind<"Program">) => {
  if (!run.epp) checkBlock(n.body);
};
checks.BlockExpression = (n: A.NodeOfKind<"BlockExpression">) => {
  checkBlock(n.statements);
};
checks.AssignmentExpression = (n: A.NodeOfKind<"AssignmentExpression">) => {
  if (n.operator !== "=") {
    report(operatorAt(n.left.span.end, n.operator), `The operator '${n.operator}' is no longer supported. See http://links.puppet.com/remove-plus-equals`);
  }
  rvalue(n.right);
  checkAssignTarget(n.left, n);
};
checks.UnaryMinusExpression = (n: A.NodeOfKind<"UnaryMinusExpression"> | A.NodeOfKind<"NotExpression">) => {
  rvalue(n.expr);
};
checks.NotExpression = checks.UnaryMinusExpression;
checks.VariableExpression = (n: A.NodeOfKind<"VariableExpression">) => {
  if (/^[0-9]/.test(n.name)) {
    if (!NUMERIC_VAR_NAME.test(n.name)) report(n.span, `Illegal numeric variable name, The given name '${n.name}' must be a decimal value if it starts with a digit 0-9`);
  } else if (!VAR_NAME.test(n.name)) {
    report(n.span, `Illegal variable name, The given name '${n.name}' does not conform to the naming rule /^((::)?[a-z]\\w*)*((::)?[a-z_]\\w*)$/`);
  }
};
checks.ArithmeticExpression = (n: A.NodeOfKind<"ArithmeticExpression"> | A.NodeOfKind<"ComparisonExpression"> | A.NodeOfKind<"MatchExpression"> | A.NodeOfKind<"InExpression"> | A.NodeOfKind<"AndExpression"> | A.NodeOfKind<"OrExpression">) => {
  rvalue(n.left);
  rvalue(n.right);
};
checks.ComparisonExpression = checks.ArithmeticExpression;
checks.MatchExpression = checks.ArithmeticExpression;
checks.InExpression = checks.ArithmeticExpression;
checks.AndExpression = checks.ArithmeticExpression;
checks.OrExpression = checks.ArithmeticExpression;
checks.AccessExpression = (n: A.NodeOfKind<"AccessExpression">) => {
  n.keys.forEach(rvalue);
};
checks.LiteralList = (n: A.NodeOfKind<"LiteralList">) => {
  n.values.forEach(rvalue);
};
checks.IfExpression = (n: A.NodeOfKind<"IfExpression"> | A.NodeOfKind<"UnlessExpression">) => {
  rvalue(n.test);
};
checks.UnlessExpression = checks.IfExpression;
checks.HostClassDefinition = (n: A.NodeOfKind<"HostClassDefinition"> | A.NodeOfKind<"ResourceTypeDefinition"> | A.NodeOfKind<"FunctionDefinition">, chain: string[]) => {
  checkTop(n, chain);
  checkNamedDefinition(n);
  checkParams(n.parameters, n);
  if (n.kind !== "FunctionDefinition") checkNoIdemLast(n);
};
checks.ResourceTypeDefinition = checks.HostClassDefinition;
checks.FunctionDefinition = checks.HostClassDefinition;
checks.NodeDefinition = (n: A.NodeOfKind<"NodeDefinition">, chain: string[]) => {
  checkTop(n, chain);
  for (const h of n.hostMatches) checkHostname(h);
  checkNoIdemLast(n);
};
checks.TypeAlias = (n: A.NodeOfKind<"TypeAlias"> | A.NodeOfKind<"TypeMapping">, chain: string[]) => {
  // Puppet locates a type alias at its name, not at `type`.
  const nameAt = n.kind === "TypeAlias" ? run.file.text.indexOf(n.name, n.span.start) : -1;
  checkTop(n.kind === "TypeAlias" && nameAt >= 0 ? { ...n, span: { start: nameAt, end: nameAt + n.name.length } } : n, chain);
  if (n.kind === "TypeAlias" && n.typeExpr.kind === "LiteralList") {
    report(n.typeExpr.span, `Illegal expression. ${articleUc(labelOf(n.typeExpr))} is unacceptable as a type reference in ${article(labelOf(n))}`);
  }
};
checks.TypeMapping = checks.TypeAlias;
checks.HeredocExpression = (n: A.NodeOfKind<"HeredocExpression">) => {
  if (n.syntax === "json" && n.text.kind === "LiteralString") {
    try {
      JSON.parse(n.text.value);
    } catch (e) {
      report(n.text.span, `Invalid produced text having syntax: 'json'. JSON syntax checker: Cannot parse invalid JSON string. "${(e as Error).message}"`);
    }
  }
};
checks.LambdaExpression = (n: A.NodeOfKind<"LambdaExpression"> | A.NodeOfKind<"EppExpression">) => {
  checkParams(n.parameters, n);
};
checks.EppExpression = checks.LambdaExpression;
checks.Parameter = (n: A.NodeOfKind<"Parameter">) => {
  checkParameter(n);
};
checks.ReservedWord = (n: A.NodeOfKind<"ReservedWord">) => {
  if (!n.future) report(n.span, `Use of reserved word: ${n.word}, must be quoted if intended to be a String value`);
};
checks.CallNamedFunctionExpression = (n: A.NodeOfKind<"CallNamedFunctionExpression">) => {
  const f = n.functor;
  if (f.kind !== "QualifiedName" && f.kind !== "QualifiedReference") {
    report(n.span, `Illegal expression. ${articleUc(labelOf(f))} is unacceptable as function name in a Function Call`);
  }
};
checks.ResourceExpression = (n: A.NodeOfKind<"ResourceExpression">) => {
  const t = n.typeName;
  if (n.form !== "regular" && t.kind === "QualifiedName" && t.value === "class") report(n.span, "Classes are not virtualizable");
  for (const b of n.bodies) checkResourceOps(b.operations, "a Resource Instance Definition");
};
checks.ResourceDefaultsExpression = (n: A.NodeOfKind<"ResourceDefaultsExpression">) => {
  if (n.form !== "regular") report(n.span, "Resource Defaults are not virtualizable");
  checkResourceOps(n.operations, undefined);
};
checks.ResourceOverrideExpression = (n: A.NodeOfKind<"ResourceOverrideExpression">) => {
  if (n.form !== "regular") report(n.span, "Resource Defaults are not virtualizable");
  checkResourceOps(n.operations, undefined);
};
checks.CaseExpression = (n: A.NodeOfKind<"CaseExpression">) => {
  let seenDefault = false;
  for (const o of n.options) {
    for (const v of o.values) {
      if (v.kind === "LiteralDefault") {
        if (seenDefault) report(v.span, "This 'case' statement already has a 'default' entry - this is a duplicate");
        seenDefault = true;
      }
    }
  }
};
checks.SelectorExpression = (n: A.NodeOfKind<"SelectorExpression">) => {
  let seenDefault = false;
  for (const s of n.selectors) {
    if (s.matching.kind === "LiteralDefault") {
      if (seenDefault) report(s.matching.span, "This 'selector' expression already has a 'default' entry - this is a duplicate");
      seenDefault = true;
    }
  }
};
checks.LiteralHash = (n: A.NodeOfKind<"LiteralHash">) => {
  const seen = new Set<string>();
  for (const e of n.entries) {
    const k = e.key;
    if (k.kind === "LiteralString" || k.kind === "LiteralInteger" || k.kind === "LiteralBoolean" || k.kind === "QualifiedName") {
      const key = `${k.kind === "QualifiedName" ? "LiteralString" : k.kind}:${String(k.value)}`;
      if (seen.has(key)) report(k.span, `The key '${String(k.value)}' is declared more than once`, "warning");
      seen.add(key);
    }
  }
};

const visit = (n: A.Node, chain: string[]) => {
  const c = checks[n.kind] as ((n: A.Node, chain: string[]) => void) | undefined;
  if (c !== undefined) c(n, chain);
  // The containment chain in Puppet's model (see checkTop).
  let pushed = 0;
  if (n.kind === "BlockExpression") {
    if (n.statements.length >= 2 && chain[chain.length - 1] !== "Block") {
      chain.push("Block");
      pushed++;
    }
  } else {
    chain.push(n.kind);
    pushed++;
    // Program's statements sit in a block that counts as top level.
    if (isDefinitionWithBody(n) || n.kind === "Program") {
      chain.push("Block");
      pushed++;
    }
  }
  forEachChild(n, visit, chain);
  // pop(), not `length -=`: shrinking the length makes V8 trim the backing store every time.
  for (; pushed > 0; pushed--) chain.pop();
};

export function validateProgram(file: SourceFile, program: A.Program, opts: { epp: boolean }): Diagnostic[] {
  const saved = run;
  run = { file, out: [], epp: opts.epp };
  try {
    visit(program, []);
    return run.out;
  } finally {
    run = saved;
  }
}
