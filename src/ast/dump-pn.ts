// Puppet's PN (Puppet extended S-expression notation) dump of an AST, byte for byte what
// `puppet parser dump --format pn` prints (pops/model/pn_transformer.rb + pops/pn.rb, compact form).
import type * as A from "./nodes.js";
import { rubyFloatToString } from "../util/ruby-float.js";

type PN =
  | { t: "call"; name: string; elements: PN[] }
  | { t: "list"; elements: PN[] }
  | { t: "map"; entries: [string, PN][] }
  | { t: "lit"; value: string | bigint | number | boolean | null };

const call = (name: string, ...elements: PN[]): PN => ({ t: "call", name, elements });
const list = (elements: PN[]): PN => ({ t: "list", elements });
const map = (entries: [string, PN][]): PN => ({ t: "map", entries });
const lit = (value: string | bigint | number | boolean | null): PN => ({ t: "lit", value });
const asCall = (name: string, p: PN): PN => (p.t === "list" ? call(name, ...p.elements) : call(name, p));

function arr(nodes: readonly A.Node[]): PN {
  return list(nodes.map(transform));
}

function blockEntry(name: string, e: A.Expression): [string, PN] {
  if (e.kind === "BlockExpression") return [name, arr(e.statements)];
  return [name, arr([e])];
}

function isNop(e: A.Node | undefined): boolean {
  return e === undefined || e.kind === "Nop";
}

function paramsEntry(ps: readonly A.Parameter[]): [string, PN] {
  return [
    "params",
    map(
      ps.map((p) => {
        const entries: [string, PN][] = [];
        if (p.typeExpr) entries.push(["type", transform(p.typeExpr)]);
        if (p.capturesRest) entries.push(["splat", lit(true)]);
        if (p.value) entries.push(["value", transform(p.value)]);
        return [p.name, map(entries)];
      }),
    ),
  ];
}

function definition(e: { name: string; parameters: readonly A.Parameter[]; body: A.Expression }, type: string, parent?: string, returns?: A.Expression): PN {
  const entries: [string, PN][] = [["name", lit(e.name)]];
  if (parent !== undefined) entries.push(["parent", lit(parent)]);
  if (e.parameters.length) entries.push(paramsEntry(e.parameters));
  if (!isNop(e.body)) entries.push(blockEntry("body", e.body));
  if (returns) entries.push(["returns", transform(returns)]);
  return asCall(type, map(entries));
}

function callToPn(e: A.CallNamedFunctionExpression | A.CallMethodExpression, r: string, nr: string): PN {
  const entries: [string, PN][] = [
    ["functor", transform(e.functor)],
    ["args", arr(e.args)],
  ];
  if (e.lambda) entries.push(["block", transform(e.lambda)]);
  return asCall(e.rvalRequired ? r : nr, map(entries));
}

function ifToPn(e: A.IfExpression | A.UnlessExpression, name: string): PN {
  const entries: [string, PN][] = [["test", transform(e.test)]];
  if (!isNop(e.then)) entries.push(blockEntry("then", e.then));
  if (!isNop(e.else)) entries.push(blockEntry("else", e.else));
  return asCall(name, map(entries));
}

function transform(n: A.Node): PN {
  switch (n.kind) {
    case "Program":
      // An EPP template is, in Puppet's model, a lambda (its parameters) whose body is the epp.
      if (n.body.length === 1 && n.body[0]!.kind === "EppExpression") {
        const epp = n.body[0];
        const entries: [string, PN][] = [];
        if (epp.parameters.length) entries.push(paramsEntry(epp.parameters));
        entries.push(["body", list([transform(epp)])]);
        return asCall("lambda", map(entries));
      }
      if (n.body.length === 0) return call("nop");
      if (n.body.length === 1) return transform(n.body[0]!);
      return asCall("block", arr(n.body));
    case "BlockExpression":
      return asCall("block", arr(n.statements));
    case "Nop":
      return call("nop");
    case "AccessExpression":
      return call("access", transform(n.left), ...n.keys.map(transform));
    case "AndExpression":
      return call("and", transform(n.left), transform(n.right));
    case "OrExpression":
      return call("or", transform(n.left), transform(n.right));
    case "ArithmeticExpression":
    case "ComparisonExpression":
    case "MatchExpression":
    case "RelationshipExpression":
    case "AssignmentExpression":
      return call(n.operator, transform(n.left), transform(n.right));
    case "InExpression":
      return call("in", transform(n.left), transform(n.right));
    case "NamedAccessExpression":
      return call(".", transform(n.left), transform(n.right));
    case "AttributeOperation":
      return call(n.operator, lit(n.attributeName), transform(n.valueExpr));
    case "AttributesOperation":
      return call("splat-hash", transform(n.expr));
    case "CallNamedFunctionExpression":
      return callToPn(n, "call", "invoke");
    case "CallMethodExpression":
      return callToPn(n, "call-method", "invoke-method");
    case "CaseExpression":
      return call("case", transform(n.test), arr(n.options));
    case "CaseOption":
      return map([["when", arr(n.values)], blockEntry("then", n.then)]);
    case "CollectExpression": {
      const entries: [string, PN][] = [
        ["type", transform(n.typeExpr)],
        ["query", transform(n.query)],
      ];
      if (n.operations.length) entries.push(["ops", arr(n.operations)]);
      return asCall("collect", map(entries));
    }
    case "ConcatenatedString":
      return asCall("concat", arr(n.segments));
    case "EppExpression":
      if (isNop(n.body)) return call("epp");
      return n.body.kind === "BlockExpression" ? asCall("epp", arr(n.body.statements)) : call("epp", transform(n.body));
    case "ExportedQuery":
      return isNop(n.expr) ? call("exported-query") : call("exported-query", transform(n.expr!));
    case "VirtualQuery":
      return isNop(n.expr) ? call("virtual-query") : call("virtual-query", transform(n.expr!));
    case "FunctionDefinition":
      return definition(n, "function", undefined, n.returnType);
    case "HeredocExpression": {
      const entries: [string, PN][] = [];
      if (n.syntax !== "") entries.push(["syntax", lit(n.syntax)]);
      entries.push(["text", transform(n.text)]);
      return asCall("heredoc", map(entries));
    }
    case "HostClassDefinition":
      return definition(n, "class", n.parentClass);
    case "ResourceTypeDefinition":
      return definition(n, "define");
    case "IfExpression":
      return ifToPn(n, "if");
    case "UnlessExpression":
      return ifToPn(n, "unless");
    case "KeyedEntry":
      return call("=>", transform(n.key), transform(n.value));
    case "LambdaExpression": {
      const entries: [string, PN][] = [];
      if (n.parameters.length) entries.push(paramsEntry(n.parameters));
      if (n.returnType) entries.push(["returns", transform(n.returnType)]);
      if (!isNop(n.body)) entries.push(blockEntry("body", n.body));
      return asCall("lambda", map(entries));
    }
    case "LiteralBoolean":
      return lit(n.value);
    case "LiteralDefault":
      return call("default");
    case "LiteralFloat":
      return lit(n.value);
    case "LiteralHash":
      return asCall("hash", arr(n.entries));
    case "LiteralInteger":
      return n.radix === 10 ? lit(n.value) : asCall("int", map([["radix", lit(BigInt(n.radix))], ["value", lit(n.value)]]));
    case "LiteralList":
      return asCall("array", arr(n.values));
    case "LiteralRegularExpression":
      return asCall("regexp", lit(n.pattern));
    case "LiteralString":
      return lit(n.value);
    case "LiteralUndef":
      return lit(null);
    case "NodeDefinition": {
      const entries: [string, PN][] = [["matches", arr(n.hostMatches)]];
      if (n.parent) entries.push(["parent", transform(n.parent)]);
      if (!isNop(n.body)) entries.push(blockEntry("body", n.body));
      return asCall("node", map(entries));
    }
    case "NotExpression":
      return call("!", transform(n.expr));
    case "Parameter": {
      const entries: [string, PN][] = [["name", lit(n.name)]];
      if (n.typeExpr) entries.push(["type", transform(n.typeExpr)]);
      if (n.capturesRest) entries.push(["splat", lit(true)]);
      if (n.value) entries.push(["value", transform(n.value)]);
      return map(entries);
    }
    case "ParenthesizedExpression":
      return call("paren", transform(n.expr));
    case "QualifiedName":
      return call("qn", lit(n.value));
    case "QualifiedReference":
      return call("qr", lit(n.cased));
    case "RenderExpression":
      return call("render", transform(n.expr));
    case "RenderStringExpression":
      return asCall("render-s", lit(n.value));
    case "ReservedWord":
      return asCall("reserved", lit(n.word));
    case "ResourceBody":
      return asCall(
        "resource_body",
        map([
          ["title", transform(n.title)],
          ["ops", arr(n.operations)],
        ]),
      );
    case "ResourceDefaultsExpression": {
      const entries: [string, PN][] = [
        ["type", transform(n.typeRef)],
        ["ops", arr(n.operations)],
      ];
      if (n.form !== "regular") entries.push(["form", lit(n.form)]);
      return asCall("resource-defaults", map(entries));
    }
    case "ResourceExpression": {
      const entries: [string, PN][] = [
        ["type", transform(n.typeName)],
        ["bodies", list(n.bodies.map((b) => (transform(b) as { elements: PN[] }).elements[0]!))],
      ];
      if (n.form !== "regular") entries.push(["form", lit(n.form)]);
      return asCall("resource", map(entries));
    }
    case "ResourceOverrideExpression": {
      const entries: [string, PN][] = [
        ["resources", transform(n.resources)],
        ["ops", arr(n.operations)],
      ];
      if (n.form !== "regular") entries.push(["form", lit(n.form)]);
      return asCall("resource-override", map(entries));
    }
    case "SelectorEntry":
      return call("=>", transform(n.matching), transform(n.value));
    case "SelectorExpression":
      return call("?", transform(n.left), arr(n.selectors));
    case "TextExpression":
      return call("str", transform(n.expr));
    case "TypeAlias":
      return call("type-alias", lit(n.name), transform(n.typeExpr));
    case "TypeMapping":
      return call("type-mapping", transform(n.typeExpr), transform(n.mappingExpr));
    case "UnaryMinusExpression":
      if (n.expr.kind === "LiteralInteger") return lit(-n.expr.value);
      if (n.expr.kind === "LiteralFloat") return lit(-n.expr.value);
      return call("-", transform(n.expr));
    case "UnfoldExpression":
      return call("unfold", transform(n.expr));
    case "VariableExpression":
      return call("var", lit(n.name));
  }
}

function doubleQuote(s: string): string {
  let b = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x09) b += "\\t";
    else if (cp === 0x0a) b += "\\n";
    else if (cp === 0x0d) b += "\\r";
    else if (cp === 0x22) b += '\\"';
    else if (cp === 0x5c) b += "\\\\";
    else if (cp < 0x20) b += "\\o" + cp.toString(8).padStart(3, "0");
    else b += ch;
  }
  return b + '"';
}

function format(p: PN): string {
  switch (p.t) {
    case "call":
      return p.elements.length ? `(${p.name} ${p.elements.map(format).join(" ")})` : `(${p.name})`;
    case "list":
      return `[${p.elements.map(format).join(" ")}]`;
    case "map":
      return `{${p.entries.map(([k, v]) => `:${k} ${format(v)}`).join(" ")}}`;
    case "lit": {
      const v = p.value;
      if (v === null) return "nil";
      if (typeof v === "string") return doubleQuote(v);
      if (typeof v === "number") return rubyFloatToString(v);
      return String(v);
    }
  }
}

/** The PN text of a program (no trailing newline), as Puppet's PNTransformer + compact format. */
export function dumpPn(program: A.Program): string {
  return format(transform(program));
}
