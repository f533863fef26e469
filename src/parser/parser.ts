// Recursive-descent / precedence-climbing parser for Puppet 7, producing the AST of src/ast/nodes.ts.
// It follows Puppet's LALR grammar (pops/parser/egrammar.ra) rule by rule; the comments name the
// grammar rule each method implements. Precedence (high to low), as egrammar's table:
//   postfix ( . [ <| ; prefix ! * - ; in ; =~ !~ ; * / % ; + - ; << >> ; == != ; > >= < <= ; ? ;
//   and ; or ; (resource level: { bodies }, @, @@) ; -> ~> <- <~ ; = += -= (right) ; , (statement args)
// Errors are collected: after a syntax error the parser skips to a statement boundary and continues,
// so one run reports several independent errors.
import type * as A from "../ast/nodes.js";
import type { Token } from "../lexer/lexer.js";
import type { SourceFile, Span } from "../source/source-file.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";

class SyntaxError_ extends Error {
  constructor(
    readonly diagnostic: Diagnostic,
    readonly at: number,
  ) {
    super(diagnostic.message);
  }
}

/** Names that may be called without parentheses (Puppet's Factory::STATEMENT_CALLS). */
export const STATEMENT_CALLS = new Set([
  "require",
  "realize",
  "include",
  "contain",
  "tag",
  "debug",
  "info",
  "notice",
  "warning",
  "err",
  "fail",
  "import",
  "break",
  "next",
  "return",
]);

const KEYWORD_KINDS = new Set([
  "AND",
  "CASE",
  "CLASS",
  "DEFAULT",
  "DEFINE",
  "ELSE",
  "ELSIF",
  "IF",
  "IN",
  "INHERITS",
  "NODE",
  "OR",
  "UNDEF",
  "UNLESS",
  "TYPE",
  "ATTR",
  "FUNCTION",
  "PRIVATE",
]);

// Binary operators: token kind -> [precedence, AST builder key]. Higher binds tighter.
const BINARY: Record<string, number> = {
  IN: 90,
  MATCH: 80,
  NOMATCH: 80,
  TIMES: 70,
  DIV: 70,
  MODULO: 70,
  PLUS: 60,
  MINUS: 60,
  LSHIFT: 50,
  RSHIFT: 50,
  ISEQUAL: 40,
  NOTEQUAL: 40,
  GREATERTHAN: 30,
  GREATEREQUAL: 30,
  LESSTHAN: 30,
  LESSEQUAL: 30,
  QMARK: 20,
  AND: 10,
  OR: 5,
};
const PREFIX_PREC = 100; // ! * - bind tighter than every binary operator

const OPERATOR_TEXT: Record<string, string> = {
  MATCH: "=~",
  NOMATCH: "!~",
  TIMES: "*",
  DIV: "/",
  MODULO: "%",
  PLUS: "+",
  MINUS: "-",
  LSHIFT: "<<",
  RSHIFT: ">>",
  ISEQUAL: "==",
  NOTEQUAL: "!=",
  GREATERTHAN: ">",
  GREATEREQUAL: ">=",
  LESSTHAN: "<",
  LESSEQUAL: "<=",
  IN_EDGE: "->",
  IN_EDGE_SUB: "~>",
  OUT_EDGE: "<-",
  OUT_EDGE_SUB: "<~",
};

/** Deep nesting is reported, not allowed to overflow the stack. */
const MAX_DEPTH = 1000;

export class Parser {
  private i = 0;
  private depth = 0;
  readonly diagnostics: Diagnostic[] = [];
  readonly definitions: A.Definition[] = [];
  private readonly namestack: string[] = [];
  private readonly eof: Token;

  constructor(
    private readonly file: SourceFile,
    private readonly tokens: readonly Token[],
  ) {
    const n = file.text.length;
    this.eof = { kind: "EOF", text: "", start: n, end: n };
  }

  // ------------------------------------------------------------------ token helpers
  private peek(o = 0): Token {
    return this.tokens[this.i + o] ?? this.eof;
  }
  private get kind(): string {
    return (this.tokens[this.i] ?? this.eof).kind;
  }
  private next(): Token {
    const t = this.peek();
    if (this.i < this.tokens.length) this.i++;
    return t;
  }
  private at(kind: string): boolean {
    return this.kind === kind;
  }
  private accept(kind: string): Token | undefined {
    return this.at(kind) ? this.next() : undefined;
  }
  private expect(kind: string): Token {
    if (this.at(kind)) return this.next();
    this.syntaxError();
  }
  private prevEnd(): number {
    const t = this.tokens[this.i - 1];
    return t ? t.end : 0;
  }
  private span(start: number, end = this.prevEnd()): Span {
    return { start, end: Math.max(start, end) };
  }

  /** Puppet's message: "Syntax error at 'x'" or "Syntax error at end of input". */
  syntaxError(token: Token = this.peek(), message?: string): never {
    const where = token.kind === "EOF" ? "end of input" : `'${tokenDisplay(token)}'`;
    const msg = message ?? `Syntax error at ${where}`;
    const start = token.start;
    const end = token.kind === "EOF" ? token.start : token.end;
    throw new SyntaxError_(createDiagnostic("CFG1100", { file: this.file, span: { start, end: Math.max(end, start) }, args: { message: msg } }), this.i);
  }

  private errorAt(span: Span, message: string): never {
    throw new SyntaxError_(createDiagnostic("CFG1100", { file: this.file, span, args: { message } }), this.i);
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) {
      this.depth = 0;
      this.errorAt({ start: this.peek().start, end: this.peek().end }, `Expression nesting is too deep (more than ${MAX_DEPTH} levels)`);
    }
  }
  private leave(): void {
    this.depth--;
  }

  // ------------------------------------------------------------------ program

  parseProgram(): A.Program {
    const start = 0;
    const statements = this.statementsUntil(["EOF"], true);
    if (!this.at("EOF")) {
      // statementsUntil only returns at EOF when recovering at top level
      this.syntaxError();
    }
    let body: A.Expression[];
    if (statements.length === 0) body = [];
    else body = statements;
    return { kind: "Program", span: { start, end: this.file.text.length }, body, definitions: this.definitions };
  }

  parseEppProgram(): A.Program {
    const start = this.expect("EPP_START").start;
    let parameters: A.Parameter[] = [];
    let specified = false;
    if (this.at("PIPE")) {
      specified = true;
      this.next();
      if (!this.accept("PIPE")) {
        parameters = this.parameters();
        this.accept("COMMA");
        this.expect("PIPE");
      }
    }
    const statements = this.statementsUntil(["EOF"], true);
    const body = this.blockOrExpression(statements, start, this.file.text.length);
    const epp: A.EppExpression = { kind: "EppExpression", span: this.span(start, this.file.text.length), parametersSpecified: specified, parameters, body };
    return { kind: "Program", span: { start: 0, end: this.file.text.length }, body: [epp], definitions: this.definitions };
  }

  /**
   * syntactic_statements -> statements (with transform_calls). Parses until one of `terminators`.
   * At top level, errors are recorded and parsing resumes at the next statement.
   */
  private statementsUntil(terminators: readonly string[], recover: boolean): A.Expression[] {
    const raw: (A.Expression | A.Expression[])[] = [];
    const errorsBefore = this.diagnostics.length;
    // `;` only separates statements (egrammar: syntactic_statements SEMIC syntactic_statement): a
    // leading, doubled or trailing `;` is a syntax error in Puppet 7.
    let afterStatement = false;
    let afterSemicolon = false;
    while (!terminators.includes(this.kind) && !this.at("EOF")) {
      const before = this.i;
      try {
        if (this.at("SEMIC")) {
          if (!afterStatement) this.syntaxError();
          this.next();
          afterStatement = false;
          afterSemicolon = true;
          continue;
        }
        raw.push(this.syntacticStatement());
        afterStatement = true;
        afterSemicolon = false;
      } catch (e) {
        if (!(e instanceof SyntaxError_) || !recover) throw e;
        // A token that cannot start a statement after a complete one: Puppet's LALR parser first
        // reduces the list so far (default reductions), transforming its calls, so a bad comma
        // list before it is reported first.
        if (this.i === before && this.diagnostics.length === errorsBefore) {
          try {
            this.transformCalls([...raw]);
          } catch (te) {
            if (!(te instanceof SyntaxError_)) throw te;
            this.diagnostics.push(te.diagnostic);
          }
        }
        this.diagnostics.push(e.diagnostic);
        this.recover(before);
        afterStatement = false;
        afterSemicolon = false;
      }
    }
    if (afterSemicolon) {
      try {
        this.syntaxError();
      } catch (e) {
        if (!(e instanceof SyntaxError_) || !recover) throw e;
        this.diagnostics.push(e.diagnostic);
      }
    }
    if (!recover) return this.transformCalls(raw);
    try {
      return this.transformCalls(raw);
    } catch (e) {
      if (!(e instanceof SyntaxError_)) throw e;
      // Puppet transforms the calls when it reduces the whole list, at its end: after a syntax error
      // in the list it never gets there, so its first error is the syntax error. Report it only then.
      if (this.diagnostics.length === errorsBefore) this.diagnostics.push(e.diagnostic);
      return [];
    }
  }

  /** Skips to a plausible statement start after a syntax error (the token after `;` or a closing brace at depth 0). */
  private recover(before: number): void {
    if (this.i <= before) this.i = before + 1;
    let depth = 0;
    while (!this.at("EOF")) {
      const k = this.kind;
      if (k === "LBRACE" || k === "SELBRACE") depth++;
      else if (k === "RBRACE") {
        if (depth === 0) {
          this.next();
          return;
        }
        depth--;
        if (depth === 0) {
          this.next();
          return;
        }
      } else if (k === "SEMIC" && depth === 0) {
        this.next();
        return;
      } else if (depth === 0 && this.peek().start > 0 && this.isLineStart(this.peek()) && startsStatement(k)) {
        return;
      }
      this.next();
    }
  }

  private isLineStart(t: Token): boolean {
    const text = this.file.text;
    for (let p = t.start - 1; p >= 0; p--) {
      const c = text.charCodeAt(p);
      if (c === 10) return true;
      if (c !== 32 && c !== 9 && c !== 13) return false;
    }
    return true;
  }

  /** statements: the body of a block, no recovery (errors propagate to the enclosing statement). */
  private statements(terminator: string): A.Expression[] {
    return this.statementsUntil([terminator], false);
  }

  /** syntactic_statement: assignment (COMMA assignment)* */
  private syntacticStatement(): A.Expression | A.Expression[] {
    const first = this.assignment();
    if (!this.at("COMMA")) return first;
    const list = [first];
    while (this.accept("COMMA")) list.push(this.assignment());
    return list;
  }

  /** Factory.transform_calls: `name arg, arg` statement calls. */
  private transformCalls(raw: (A.Expression | A.Expression[])[]): A.Expression[] {
    const out: A.Expression[] = [];
    for (const expr of raw) {
      const prev = out[out.length - 1];
      if (prev && prev.kind === "QualifiedName" && STATEMENT_CALLS.has(prev.value)) {
        const args = Array.isArray(expr) ? expr : [expr];
        for (const a of args) if (a.kind === "CallNamedFunctionExpression") (a as { rvalRequired: boolean }).rvalRequired = true;
        const last = args[args.length - 1]!;
        out[out.length - 1] = {
          kind: "CallNamedFunctionExpression",
          span: { start: prev.span.start, end: last.span.end },
          functor: prev,
          args,
          rvalRequired: false,
        };
      } else if (Array.isArray(expr)) {
        const name = prev && prev.kind === "QualifiedName" ? prev.value : undefined;
        // Puppet locates this error at the first comma of the list.
        const comma = this.file.text.indexOf(",", expr[0]!.span.end);
        this.errorAt(
          comma >= 0 ? { start: comma, end: comma + 1 } : expr[1]!.span,
          name !== undefined
            ? `attempt to pass argument list to the function '${name}' which cannot be called without parentheses`
            : "illegal comma separated argument list",
        );
      } else {
        if (expr.kind === "CallNamedFunctionExpression") (expr as { rvalRequired: boolean }).rvalRequired = false;
        out.push(expr);
      }
    }
    return out;
  }

  private blockOrExpression(statements: A.Expression[], start: number, end: number): A.BlockExpression | A.Nop {
    if (statements.length === 0) return { kind: "Nop", span: { start, end } };
    return { kind: "BlockExpression", span: { start, end }, statements };
  }

  // ------------------------------------------------------------------ assignment / relationship / resource

  /** assignment: relationship ((= | += | -=) assignment)? */
  private assignment(): A.Expression {
    this.enter();
    try {
      const left = this.relationship();
      const k = this.kind;
      if (k === "EQUALS" || k === "APPENDS" || k === "DELETES") {
        this.next();
        const right = this.assignment();
        return {
          kind: "AssignmentExpression",
          span: { start: left.span.start, end: right.span.end },
          operator: k === "EQUALS" ? "=" : k === "APPENDS" ? "+=" : "-=",
          left,
          right,
        };
      }
      return left;
    } finally {
      this.leave();
    }
  }

  /** argument: assignment | hashpair (an unfolded hash) */
  private argument(): A.Expression {
    // A keyword (`type`, `function`) is an argument only as the key of a hash pair.
    const t = this.peek();
    const e = (t.kind === "TYPE" || t.kind === "FUNCTION") && this.peek(1).kind !== "FARROW" ? this.assignment() : this.hashEntryValue();
    if (this.at("FARROW")) {
      this.next();
      const v = this.hashEntryValue();
      const entry: A.KeyedEntry = { kind: "KeyedEntry", span: { start: e.span.start, end: v.span.end }, key: e, value: v };
      return { kind: "LiteralHash", span: entry.span, entries: [entry], unfolded: true } as A.LiteralHash;
    }
    return e;
  }

  /** arguments with Factory.ARGUMENTS merging adjacent unfolded hashes. */
  private argumentList(close: string): A.Expression[] {
    const args: A.Expression[] = [];
    // Access brackets need at least one key: `Optional[]` fails at ']'.
    if (close === "RBRACK" && this.at(close)) this.syntaxError();
    while (!this.at(close)) {
      const a = this.argument();
      const last = args[args.length - 1];
      if (last && isUnfoldedHash(last) && isUnfoldedHash(a)) {
        args[args.length - 1] = {
          ...last,
          span: { start: last.span.start, end: a.span.end },
          entries: [...last.entries, ...a.entries],
        } as A.LiteralHash;
      } else {
        args.push(a);
      }
      // Puppet's LALR precedence: in access brackets `$y[$a = 1, 2]` the comma after an assignment
      // is a syntax error (call arguments and arrays accept it).
      if (close === "RBRACK" && a.kind === "AssignmentExpression" && this.at("COMMA")) this.syntaxError();
      if (!this.accept("COMMA")) break;
    }
    return args;
  }

  /** relationship: resource ((-> | ~> | <- | <~) resource)* */
  private relationship(): A.Expression {
    let left = this.resource();
    for (;;) {
      const k = this.kind;
      if (k !== "IN_EDGE" && k !== "IN_EDGE_SUB" && k !== "OUT_EDGE" && k !== "OUT_EDGE_SUB") return left;
      this.next();
      const right = this.resource();
      left = {
        kind: "RelationshipExpression",
        span: { start: left.span.start, end: right.span.end },
        operator: OPERATOR_TEXT[k] as A.RelationshipExpression["operator"],
        left,
        right,
      };
    }
  }

  /** resource: expression | @ resource | @@ resource | resource { bodies } | class { bodies } */
  private resource(): A.Expression {
    const t = this.peek();
    if (t.kind === "AT" || t.kind === "ATAT") {
      this.next();
      this.enter();
      let r: A.Expression;
      try {
        r = this.resource();
      } finally {
        this.leave();
      }
      const form: A.ResourceForm = t.kind === "AT" ? "virtual" : "exported";
      if (r.kind !== "ResourceExpression" && r.kind !== "ResourceDefaultsExpression" && r.kind !== "ResourceOverrideExpression") {
        this.errorAt({ start: t.start, end: t.end }, `${t.kind === "AT" ? "Virtual (@)" : "Exported (@@)"} can only be applied to a Resource Expression`);
      }
      return { ...r, form, span: { start: t.start, end: r.span.end } } as A.Expression;
    }
    let left: A.Expression;
    if (t.kind === "CLASS" && this.peek(1).kind === "LBRACE") {
      // class { 'name': ... } : a resource-like class declaration
      this.next();
      const lb = this.next();
      const bodies = this.resourceBodies(t.start);
      this.accept("SEMIC");
      const rb = this.expect("RBRACE");
      void lb;
      left = {
        kind: "ResourceExpression",
        span: { start: t.start, end: rb.end },
        form: "regular",
        typeName: { kind: "QualifiedName", span: { start: t.start, end: t.end }, value: "class" },
        bodies,
      };
    } else {
      left = this.expression(0);
    }
    while (this.at("LBRACE")) {
      left = this.resourceRest(left);
    }
    return left;
  }

  /** The `{ ... }` after a resource's left-hand side. */
  private resourceRest(left: A.Expression): A.Expression {
    const lb = this.expect("LBRACE");
    if (this.looksLikeAttributeOps()) {
      const ops = this.attributeOperations();
      this.accept("COMMA");
      const rb = this.expect("RBRACE");
      const span = { start: left.span.start, end: rb.end };
      switch (resourceShape(left)) {
        case "resource": {
          // `name { a => b }`: a hash argument to a statement call, as Puppet transforms it
          if (ops.some((o) => o.kind === "AttributeOperation" && o.operator === "+>") || ops.some((o) => o.kind === "AttributesOperation")) {
            this.errorAt({ start: lb.start, end: lb.end }, "Syntax error resource body without title or hash with +>");
          }
          const entries: A.KeyedEntry[] = (ops as A.AttributeOperation[]).map((o) => ({
            kind: "KeyedEntry",
            span: o.span,
            key: { kind: "LiteralString", span: { start: o.span.start, end: o.span.start + o.attributeName.length }, value: o.attributeName },
            value: o.valueExpr,
          }));
          const hash: A.LiteralHash = { kind: "LiteralHash", span: { start: lb.start, end: rb.end }, entries };
          const q = left as A.QualifiedName;
          if (STATEMENT_CALLS.has(q.value)) {
            return { kind: "CallNamedFunctionExpression", span, functor: q, args: [hash], rvalRequired: false };
          }
          return { kind: "BlockExpression", span, statements: [left, hash] };
        }
        case "defaults":
          return { kind: "ResourceDefaultsExpression", span, form: "regular", typeRef: left, operations: ops };
        case "override":
          return { kind: "ResourceOverrideExpression", span, form: "regular", resources: left, operations: ops };
        default:
          this.errorAt(left.span, "Expression is not valid as a resource, resource-default, or resource-override");
      }
    }
    // resource LBRACE expression COLON attribute_operations additional_resource_bodies RBRACE
    const bodies = this.resourceBodies(lb.start);
    this.accept("SEMIC");
    const rb = this.expect("RBRACE");
    return { kind: "ResourceExpression", span: { start: left.span.start, end: rb.end }, form: "regular", typeName: left, bodies };
  }

  private looksLikeAttributeOps(): boolean {
    const k = this.kind;
    if (k === "RBRACE") return true;
    if (k === "TIMES" && this.peek(1).kind === "FARROW") return true;
    if (k === "NAME" || KEYWORD_KINDS.has(k)) {
      const n = this.peek(1).kind;
      return n === "FARROW" || n === "PARROW";
    }
    return false;
  }

  /** resource_bodies: resource_body (; resource_body)* ; resource_body: expression : attribute_operations endcomma */
  private resourceBodies(_start: number): A.ResourceBody[] {
    const bodies: A.ResourceBody[] = [];
    for (;;) {
      const title = this.expression(0);
      this.expect("COLON");
      const ops = this.attributeOperations();
      this.accept("COMMA");
      bodies.push({ kind: "ResourceBody", span: this.span(title.span.start), title, operations: ops });
      if (this.at("SEMIC") && this.peek(1).kind !== "RBRACE") {
        this.next();
        continue;
      }
      return bodies;
    }
  }

  /** attribute_operations: (attribute_operation (, attribute_operation)*)? */
  private attributeOperations(): A.AttributeOp[] {
    const ops: A.AttributeOp[] = [];
    let afterComma = false;
    for (;;) {
      const t = this.peek();
      if (t.kind === "TIMES" && this.peek(1).kind === "FARROW") {
        this.next();
        this.next();
        const e = this.expression(0);
        ops.push({ kind: "AttributesOperation", span: { start: t.start, end: e.span.end }, expr: e });
      } else if ((t.kind === "NAME" || KEYWORD_KINDS.has(t.kind)) && (this.peek(1).kind === "FARROW" || this.peek(1).kind === "PARROW")) {
        this.next();
        const op = this.next();
        const e = this.expression(0);
        ops.push({
          kind: "AttributeOperation",
          span: { start: t.start, end: e.span.end },
          attributeName: t.text,
          operator: op.kind === "FARROW" ? "=>" : "+>",
          valueExpr: e,
        });
      } else {
        // After a separating comma another operation must follow (`a => 1,, b => 2` fails at the 2nd
        // comma); a name or keyword there is taken as an attribute name, so the error is after it.
        if (afterComma) {
          if (t.kind === "NAME" || KEYWORD_KINDS.has(t.kind)) this.next();
          this.syntaxError();
        }
        return ops;
      }
      if (!this.at("COMMA")) return ops;
      // a trailing comma before } or ; is allowed (endcomma)
      const after = this.peek(1).kind;
      if (after === "RBRACE" || after === "SEMIC") return ops;
      this.next();
      afterComma = true;
    }
  }

  // ------------------------------------------------------------------ expressions

  /** expression, by precedence climbing over Puppet's binary operators. */
  private expression(minPrec: number): A.Expression {
    this.enter();
    try {
      let left = this.unary();
      for (;;) {
        const k = this.kind;
        const prec = BINARY[k];
        if (prec === undefined || prec < minPrec) return left;
        this.next();
        if (k === "QMARK") {
          left = this.selector(left);
          continue;
        }
        const right = this.expression(prec + 1);
        left = this.binary(k, left, right);
      }
    } finally {
      this.leave();
    }
  }

  private binary(k: string, left: A.Expression, right: A.Expression): A.Expression {
    const span = { start: left.span.start, end: right.span.end };
    switch (k) {
      case "IN":
        return { kind: "InExpression", span, left, right };
      case "MATCH":
      case "NOMATCH":
        return { kind: "MatchExpression", span, operator: OPERATOR_TEXT[k] as "=~" | "!~", left, right };
      case "AND":
        return { kind: "AndExpression", span, left, right };
      case "OR":
        return { kind: "OrExpression", span, left, right };
      case "ISEQUAL":
      case "NOTEQUAL":
      case "GREATERTHAN":
      case "GREATEREQUAL":
      case "LESSTHAN":
      case "LESSEQUAL":
        return { kind: "ComparisonExpression", span, operator: OPERATOR_TEXT[k] as A.ComparisonOperator, left, right };
      default:
        return { kind: "ArithmeticExpression", span, operator: OPERATOR_TEXT[k] as A.ArithmeticOperator, left, right };
    }
  }

  /** expression QMARK selector_entries */
  private selector(left: A.Expression): A.Expression {
    const entries: A.SelectorEntry[] = [];
    if (this.accept("SELBRACE")) {
      while (!this.at("RBRACE")) {
        entries.push(this.selectorEntry());
        if (!this.accept("COMMA")) break;
      }
      const rb = this.expect("RBRACE");
      return { kind: "SelectorExpression", span: { start: left.span.start, end: rb.end }, left, selectors: entries };
    }
    const e = this.selectorEntry();
    return { kind: "SelectorExpression", span: { start: left.span.start, end: e.span.end }, left, selectors: [e] };
  }

  private selectorEntry(): A.SelectorEntry {
    const m = this.expression(0);
    this.expect("FARROW");
    const v = this.expression(0);
    return { kind: "SelectorEntry", span: { start: m.span.start, end: v.span.end }, matching: m, value: v };
  }

  /** Prefix operators ! - * (bind tighter than any binary operator), then postfix. */
  private unary(): A.Expression {
    const t = this.peek();
    if (t.kind === "NOT" || t.kind === "MINUS" || t.kind === "TIMES") {
      this.next();
      this.enter();
      let e: A.Expression;
      try {
        e = this.unary();
      } finally {
        this.leave();
      }
      const span = { start: t.start, end: e.span.end };
      if (t.kind === "NOT") return { kind: "NotExpression", span, expr: e };
      if (t.kind === "MINUS") return { kind: "UnaryMinusExpression", span, expr: e };
      return { kind: "UnfoldExpression", span, expr: e };
    }
    void PREFIX_PREC;
    return this.postfix(this.primary());
  }

  /** Postfix: calls `(`, method calls `.name`, access `[`, collectors `<| |>`. */
  private postfix(expr: A.Expression): A.Expression {
    let e = expr;
    for (;;) {
      const k = this.kind;
      if (k === "LPAREN") {
        e = this.callNamed(e);
      } else if (k === "DOT") {
        e = this.methodCall(e);
      } else if (k === "LBRACK") {
        this.next();
        const keys = this.argumentList("RBRACK");
        const rb = this.expect("RBRACK");
        e = { kind: "AccessExpression", span: { start: e.span.start, end: rb.end }, left: e, keys };
      } else if (k === "LCOLLECT" || k === "LLCOLLECT") {
        e = this.collect(e);
      } else {
        return e;
      }
    }
  }

  /** call_function_expression: expression ( arguments ) lambda? */
  private callNamed(functor: A.Expression): A.Expression {
    this.expect("LPAREN");
    const args = this.argumentList("RPAREN");
    let end = this.expect("RPAREN").end;
    let lambda: A.LambdaExpression | undefined;
    if (this.at("PIPE")) {
      lambda = this.lambda();
      end = lambda.span.end;
    }
    return {
      kind: "CallNamedFunctionExpression",
      span: { start: functor.span.start, end },
      functor: functor as A.QualifiedName,
      args,
      lambda,
      rvalRequired: true,
    };
  }

  /** call_method_with_lambda_expression: expression . name (( arguments ))? lambda? */
  private methodCall(left: A.Expression): A.Expression {
    this.expect("DOT");
    const nameTok = this.peek();
    if (nameTok.kind !== "NAME" && nameTok.kind !== "TYPE") this.syntaxError();
    this.next();
    const name: A.QualifiedName = { kind: "QualifiedName", span: { start: nameTok.start, end: nameTok.end }, value: nameTok.text };
    const functor: A.NamedAccessExpression = { kind: "NamedAccessExpression", span: { start: left.span.start, end: nameTok.end }, left, right: name };
    let args: A.Expression[] = [];
    let end = nameTok.end;
    if (this.at("LPAREN")) {
      this.next();
      args = this.argumentList("RPAREN");
      end = this.expect("RPAREN").end;
    }
    let lambda: A.LambdaExpression | undefined;
    if (this.at("PIPE")) {
      lambda = this.lambda();
      end = lambda.span.end;
    }
    return { kind: "CallMethodExpression", span: { start: left.span.start, end }, functor, args, lambda, rvalRequired: true };
  }

  /** lambda: | parameters | opt_return_type { statements } */
  private lambda(): A.LambdaExpression {
    const start = this.expect("PIPE").start;
    let parameters: A.Parameter[] = [];
    if (!this.accept("PIPE")) {
      parameters = this.parameters();
      this.accept("COMMA");
      this.expect("PIPE");
    }
    const returnType = this.optReturnType();
    const lb = this.expect("LBRACE");
    const stmts = this.statements("RBRACE");
    const rb = this.expect("RBRACE");
    return {
      kind: "LambdaExpression",
      span: { start, end: rb.end },
      parameters,
      body: this.blockOrExpression(stmts, lb.start, rb.end),
      returnType,
    };
  }

  private optReturnType(): A.Expression | undefined {
    if (!this.at("RSHIFT")) return undefined;
    this.next();
    const t = this.expect("CLASSREF");
    let type: A.Expression = { kind: "QualifiedReference", span: { start: t.start, end: t.end }, cased: t.value as string };
    if (this.at("LBRACK")) {
      this.next();
      const keys = this.argumentList("RBRACK");
      const rb = this.expect("RBRACK");
      type = { kind: "AccessExpression", span: { start: t.start, end: rb.end }, left: type, keys };
    }
    return type;
  }

  /** collection_expression: expression collect_query ({ attribute_operations })? */
  private collect(typeExpr: A.Expression): A.Expression {
    const open = this.next();
    const exported = open.kind === "LLCOLLECT";
    const close = exported ? "RRCOLLECT" : "RCOLLECT";
    let q: A.Expression | undefined;
    if (!this.at(close)) q = this.expression(0);
    const ct = this.expect(close);
    const query: A.VirtualQuery | A.ExportedQuery = exported
      ? { kind: "ExportedQuery", span: { start: open.start, end: ct.end }, expr: q }
      : { kind: "VirtualQuery", span: { start: open.start, end: ct.end }, expr: q };
    let ops: A.AttributeOp[] = [];
    let end = ct.end;
    if (this.at("LBRACE")) {
      this.next();
      ops = this.attributeOperations();
      this.accept("COMMA");
      end = this.expect("RBRACE").end;
    }
    return { kind: "CollectExpression", span: { start: typeExpr.span.start, end }, typeExpr, query, operations: ops };
  }

  // ------------------------------------------------------------------ primary expressions

  private primary(): A.Expression {
    const t = this.peek();
    const sp = { start: t.start, end: t.end };
    switch (t.kind) {
      case "VARIABLE":
        this.next();
        return { kind: "VariableExpression", span: sp, name: t.value as string };
      case "NUMBER":
        this.next();
        return numberLiteral(t.value as string, sp);
      case "BOOLEAN":
        this.next();
        return { kind: "LiteralBoolean", span: sp, value: t.value as boolean };
      case "DEFAULT":
        this.next();
        return { kind: "LiteralDefault", span: sp };
      case "UNDEF":
        this.next();
        return { kind: "LiteralUndef", span: sp };
      case "NAME":
        this.next();
        return { kind: "QualifiedName", span: sp, value: t.value as string };
      case "CLASSREF":
        this.next();
        return { kind: "QualifiedReference", span: sp, cased: t.value as string };
      case "STRING":
      case "WORD":
        this.next();
        return { kind: "LiteralString", span: sp, value: t.value as string };
      case "DQPRE":
        return this.dqString();
      case "HEREDOC":
        return this.heredoc();
      case "REGEX":
        this.next();
        return { kind: "LiteralRegularExpression", span: sp, pattern: t.value as string };
      case "LISTSTART":
      case "LBRACK":
        return this.array();
      case "LBRACE":
        return this.hash();
      case "LPAREN":
      case "WSLPAREN": {
        this.next();
        const e = this.assignment();
        const rp = this.expect("RPAREN");
        return { kind: "ParenthesizedExpression", span: { start: t.start, end: rp.end }, expr: e };
      }
      case "PRIVATE":
      case "ATTR":
        this.next();
        return { kind: "ReservedWord", span: sp, word: t.text, future: false };
      case "IF":
        return this.ifExpression();
      case "UNLESS":
        return this.unlessExpression();
      case "CASE":
        return this.caseExpression();
      case "CLASS":
        return this.hostclass();
      case "DEFINE":
        return this.define();
      case "NODE":
        return this.nodeDefinition();
      case "FUNCTION":
        return this.functionDefinition();
      case "TYPE":
        return this.typeKeyword();
      case "RENDER_STRING":
        this.next();
        return { kind: "RenderStringExpression", span: sp, value: t.value as string };
      case "RENDER_EXPR":
        return this.renderExpr();
      default:
        this.syntaxError();
    }
  }

  private renderExpr(): A.Expression {
    const t = this.next();
    let e: A.Expression;
    if (this.at("LBRACE")) {
      const lb = this.next();
      const stmts = this.statements("RBRACE");
      const rb = this.expect("RBRACE");
      e = stmts.length === 1 ? stmts[0]! : this.blockOrExpression(stmts, lb.start, rb.end);
    } else {
      e = this.expression(0);
    }
    if (!this.accept("EPP_END") && !this.accept("EPP_END_TRIM")) this.syntaxError();
    return { kind: "RenderExpression", span: this.span(t.start), expr: e };
  }

  /** dq_string: DQPRE (text_expression (DQMID text_expression)* DQPOST) */
  private dqString(): A.ConcatenatedString {
    const pre = this.next();
    const segments: (A.LiteralString | A.TextExpression)[] = [];
    if ((pre.value as string) !== "") segments.push({ kind: "LiteralString", span: { start: pre.start, end: pre.end }, value: pre.value as string });
    else segments.push({ kind: "LiteralString", span: { start: pre.start, end: pre.end }, value: "" });
    for (;;) {
      const e = this.assignment();
      segments.push({ kind: "TextExpression", span: e.span, expr: interpolated(e) });
      const t = this.next();
      if (t.kind === "DQMID") {
        segments.push({ kind: "LiteralString", span: { start: t.start, end: t.end }, value: t.value as string });
        continue;
      }
      if (t.kind === "DQPOST") {
        segments.push({ kind: "LiteralString", span: { start: t.start, end: t.end }, value: t.value as string });
        return { kind: "ConcatenatedString", span: { start: pre.start, end: t.end }, segments: segments.filter((s) => !(s.kind === "LiteralString" && s.value === "")) };
      }
      this.syntaxError(t);
    }
  }

  private heredoc(): A.HeredocExpression {
    const h = this.next();
    let text: A.LiteralString | A.ConcatenatedString;
    const t = this.peek();
    if (t.kind === "STRING") {
      this.next();
      text = { kind: "LiteralString", span: { start: t.start, end: t.end }, value: t.value as string };
    } else if (t.kind === "DQPRE") {
      text = this.dqString();
    } else {
      this.syntaxError(t);
    }
    return { kind: "HeredocExpression", span: { start: h.start, end: h.end }, syntax: h.value as string, text };
  }

  /** array: [ collection_entries endcomma ] */
  private array(): A.Expression {
    const lb = this.next();
    const values: A.Expression[] = [];
    while (!this.at("RBRACK")) {
      const a = this.collectionEntry(true);
      const last = values[values.length - 1];
      if (last && isUnfoldedHash(last) && isUnfoldedHash(a)) {
        values[values.length - 1] = { ...last, span: { start: last.span.start, end: a.span.end }, entries: [...last.entries, ...a.entries] } as A.LiteralHash;
      } else values.push(a);
      if (!this.accept("COMMA")) break;
    }
    const rb = this.expect("RBRACK");
    return { kind: "LiteralList", span: { start: lb.start, end: rb.end }, values };
  }

  /** collection_entry: argument | TYPE | FUNCTION (as literal strings) */
  private collectionEntry(allowPair: boolean): A.Expression {
    const e = this.hashEntryValue();
    if (allowPair && this.at("FARROW")) {
      this.next();
      const v = this.hashEntryValue();
      const entry: A.KeyedEntry = { kind: "KeyedEntry", span: { start: e.span.start, end: v.span.end }, key: e, value: v };
      return { kind: "LiteralHash", span: entry.span, entries: [entry], unfolded: true } as A.LiteralHash;
    }
    return e;
  }

  /** hash_entry: assignment | TYPE | FUNCTION */
  private hashEntryValue(): A.Expression {
    const t = this.peek();
    if ((t.kind === "TYPE" || t.kind === "FUNCTION") && isEntryEnd(this.peek(1).kind)) {
      this.next();
      return { kind: "LiteralString", span: { start: t.start, end: t.end }, value: t.text };
    }
    return this.assignment();
  }

  /** hash: { hashpairs ,? } */
  private hash(): A.Expression {
    const lb = this.next();
    const entries: A.KeyedEntry[] = [];
    while (!this.at("RBRACE")) {
      const k = this.hashEntryValue();
      this.expect("FARROW");
      const v = this.hashEntryValue();
      entries.push({ kind: "KeyedEntry", span: { start: k.span.start, end: v.span.end }, key: k, value: v });
      if (!this.accept("COMMA")) break;
    }
    const rb = this.expect("RBRACE");
    return { kind: "LiteralHash", span: { start: lb.start, end: rb.end }, entries };
  }

  // ------------------------------------------------------------------ conditionals

  private ifExpression(): A.IfExpression {
    const t = this.next();
    return this.ifPart(t.start);
  }

  /** if_part: expression { statements } else */
  private ifPart(start: number): A.IfExpression {
    const test = this.expression(0);
    const lb = this.expect("LBRACE");
    const stmts = this.statements("RBRACE");
    const rb = this.expect("RBRACE");
    const then = this.blockOrExpression(stmts, lb.start, rb.end);
    let els: A.Expression | A.Nop = { kind: "Nop", span: { start: rb.end, end: rb.end } };
    let end = rb.end;
    if (this.at("ELSIF")) {
      const et = this.next();
      els = this.ifPart(et.start);
      end = els.span.end;
    } else if (this.at("ELSE")) {
      this.next();
      const lb2 = this.expect("LBRACE");
      const s2 = this.statements("RBRACE");
      const rb2 = this.expect("RBRACE");
      els = this.blockOrExpression(s2, lb2.start, rb2.end);
      end = rb2.end;
    }
    return { kind: "IfExpression", span: { start, end }, test, then, else: els };
  }

  private unlessExpression(): A.UnlessExpression {
    const t = this.next();
    const test = this.expression(0);
    const lb = this.expect("LBRACE");
    const stmts = this.statements("RBRACE");
    const rb = this.expect("RBRACE");
    let els: A.Expression | A.Nop = { kind: "Nop", span: { start: rb.end, end: rb.end } };
    let end = rb.end;
    if (this.at("ELSE")) {
      this.next();
      const lb2 = this.expect("LBRACE");
      const s2 = this.statements("RBRACE");
      const rb2 = this.expect("RBRACE");
      els = this.blockOrExpression(s2, lb2.start, rb2.end);
      end = rb2.end;
    } else if (this.at("ELSIF")) {
      this.syntaxError();
    }
    return { kind: "UnlessExpression", span: { start: t.start, end }, test, then: this.blockOrExpression(stmts, lb.start, rb.end), else: els };
  }

  /** case_expression: CASE expression { case_option+ } */
  private caseExpression(): A.CaseExpression {
    const t = this.next();
    const test = this.expression(0);
    this.expect("LBRACE");
    const options: A.CaseOption[] = [];
    do {
      const values: A.Expression[] = [this.expression(0)];
      while (this.accept("COMMA")) values.push(this.expression(0));
      const colon = this.expect("COLON");
      const lb = this.expect("LBRACE");
      const stmts = this.statements("RBRACE");
      const rb = this.expect("RBRACE");
      options.push({ kind: "CaseOption", span: { start: values[0]!.span.start, end: rb.end }, values, then: this.blockOrExpression(stmts, lb.start, rb.end) });
      void colon;
    } while (!this.at("RBRACE"));
    const rb = this.expect("RBRACE");
    return { kind: "CaseExpression", span: { start: t.start, end: rb.end }, test, options };
  }

  // ------------------------------------------------------------------ definitions

  private classname(): Token {
    const t = this.peek();
    if (t.kind === "NAME" || t.kind === "WORD" || t.kind === "CLASSREF") return this.next();
    if (t.kind === "CLASS") this.errorAt({ start: t.start, end: t.end }, "'class' keyword not allowed at this location");
    if (t.kind === "STRING") this.errorAt({ start: t.start, end: t.end }, "A quoted string is not valid as a name here");
    this.syntaxError();
  }

  private qualify(name: string): string {
    // Puppet: [namespace, name].join('::').sub(/^::/, '') with namespace "" at top level, so
    // `class ::foo` keeps its leading '::' (and the checker then rejects the name).
    return `${this.namestack.join("::")}::${name}`.replace(/^::/, "");
  }

  /** parameter_list: ( parameters ,? ) or nothing */
  private parameterList(): A.Parameter[] {
    if (!this.at("LPAREN") && !this.at("WSLPAREN")) return [];
    this.next();
    if (this.accept("RPAREN")) return [];
    const ps = this.parameters();
    this.accept("COMMA");
    this.expect("RPAREN");
    return ps;
  }

  private parameters(): A.Parameter[] {
    const ps: A.Parameter[] = [this.parameter()];
    while (this.at("COMMA") && this.peek(1).kind !== "RPAREN" && this.peek(1).kind !== "PIPE") {
      this.next();
      ps.push(this.parameter());
    }
    return ps;
  }

  /** parameter: (type ([access_args])?)? *? $name (= expression)? */
  private parameter(): A.Parameter {
    const start = this.peek().start;
    let typeExpr: A.Expression | undefined;
    if (this.at("CLASSREF")) {
      const t = this.next();
      typeExpr = { kind: "QualifiedReference", span: { start: t.start, end: t.end }, cased: t.value as string };
      if (this.at("LBRACK")) {
        this.next();
        const keys = this.argumentList("RBRACK");
        const rb = this.expect("RBRACK");
        typeExpr = { kind: "AccessExpression", span: { start: t.start, end: rb.end }, left: typeExpr, keys };
      }
    }
    const capturesRest = !!this.accept("TIMES");
    const v = this.expect("VARIABLE");
    let value: A.Expression | undefined;
    if (this.accept("EQUALS")) value = this.expression(0);
    return { kind: "Parameter", span: this.span(start), name: v.value as string, typeExpr, value, capturesRest };
  }

  private hostclass(): A.Expression {
    const t = this.next();
    const nameTok = this.classname();
    const name = this.qualify(String(nameTok.value ?? nameTok.text));
    this.namestack.push(String(nameTok.value ?? nameTok.text));
    try {
      const parameters = this.parameterList();
      let parentClass: string | undefined;
      if (this.accept("INHERITS")) {
        const p = this.peek();
        if (p.kind === "DEFAULT") {
          this.next();
          parentClass = "default";
        } else parentClass = String(this.classname().value);
      }
      const lb = this.expect("LBRACE");
      const stmts = this.statements("RBRACE");
      const rb = this.expect("RBRACE");
      const def: A.HostClassDefinition = {
        kind: "HostClassDefinition",
        span: { start: t.start, end: rb.end },
        name,
        parameters,
        parentClass,
        body: this.blockOrExpression(stmts, lb.start, rb.end),
      };
      this.definitions.push(def);
      return def;
    } finally {
      this.namestack.pop();
    }
  }

  private define(): A.Expression {
    const t = this.next();
    const nameTok = this.classname();
    const name = this.qualify(String(nameTok.value ?? nameTok.text));
    const parameters = this.parameterList();
    const lb = this.expect("LBRACE");
    const stmts = this.statements("RBRACE");
    const rb = this.expect("RBRACE");
    const def: A.ResourceTypeDefinition = {
      kind: "ResourceTypeDefinition",
      span: { start: t.start, end: rb.end },
      name,
      parameters,
      body: this.blockOrExpression(stmts, lb.start, rb.end),
    };
    this.definitions.push(def);
    return def;
  }

  private nodeDefinition(): A.Expression {
    const t = this.next();
    const hostMatches: A.Expression[] = [this.hostname()];
    while (this.at("COMMA")) {
      this.next();
      if (this.at("LBRACE") || this.at("INHERITS")) break;
      hostMatches.push(this.hostname());
    }
    let parent: A.Expression | undefined;
    if (this.accept("INHERITS")) parent = this.hostname();
    const lb = this.expect("LBRACE");
    const stmts = this.statements("RBRACE");
    const rb = this.expect("RBRACE");
    const def: A.NodeDefinition = {
      kind: "NodeDefinition",
      span: { start: t.start, end: rb.end },
      hostMatches,
      parent,
      body: this.blockOrExpression(stmts, lb.start, rb.end),
    };
    this.definitions.push(def);
    return def;
  }

  /** hostname: dotted_name | quotedtext | DEFAULT | regex */
  private hostname(): A.Expression {
    const t = this.peek();
    switch (t.kind) {
      case "NAME":
      case "NUMBER": {
        this.next();
        let value = t.text;
        let end = t.end;
        while (this.at("DOT") && (this.peek(1).kind === "NAME" || this.peek(1).kind === "NUMBER")) {
          this.next();
          const n = this.next();
          value += "." + n.text;
          end = n.end;
        }
        return { kind: "LiteralString", span: { start: t.start, end }, value };
      }
      case "DEFAULT":
        this.next();
        return { kind: "LiteralDefault", span: { start: t.start, end: t.end } };
      case "REGEX":
        this.next();
        return { kind: "LiteralRegularExpression", span: { start: t.start, end: t.end }, pattern: t.value as string };
      case "STRING":
      case "WORD":
        this.next();
        return { kind: "LiteralString", span: { start: t.start, end: t.end }, value: t.value as string };
      case "DQPRE":
        return this.dqString();
      case "HEREDOC":
        return this.heredoc();
      default:
        this.syntaxError();
    }
  }

  private functionDefinition(): A.Expression {
    const t = this.next();
    const nameTok = this.classname();
    const parameters = this.parameterList();
    const returnType = this.optReturnType();
    const lb = this.expect("LBRACE");
    const stmts = this.statements("RBRACE");
    const rb = this.expect("RBRACE");
    const def: A.FunctionDefinition = {
      kind: "FunctionDefinition",
      span: { start: t.start, end: rb.end },
      name: String(nameTok.value ?? nameTok.text),
      parameters,
      body: this.blockOrExpression(stmts, lb.start, rb.end),
      returnType,
    };
    this.definitions.push(def);
    return def;
  }

  /** `type` keyword: type alias `type X = T`, `type(...)` call, or a literal 'type'. */
  private typeKeyword(): A.Expression {
    const t = this.peek();
    const n = this.peek(1);
    if (n.kind === "LPAREN") {
      this.next();
      return this.callNamed({ kind: "QualifiedName", span: { start: t.start, end: t.end }, value: "type" });
    }
    if (n.kind === "CLASSREF") {
      this.next();
      const nameTok = this.next();
      let lhs: A.Expression = { kind: "QualifiedReference", span: { start: nameTok.start, end: nameTok.end }, cased: nameTok.value as string };
      if (this.at("LBRACK")) {
        // type Foo[...] = ... (type mapping) is parsed as an access on the left
        this.next();
        const keys = this.argumentList("RBRACK");
        const rb = this.expect("RBRACK");
        lhs = { kind: "AccessExpression", span: { start: nameTok.start, end: rb.end }, left: lhs, keys };
      }
      if (this.at("EQUALS")) {
        this.next();
        const rhs = this.typeAliasRhs();
        const def: A.TypeAlias | A.TypeMapping =
          lhs.kind === "QualifiedReference"
            ? { kind: "TypeAlias", span: { start: t.start, end: rhs.span.end }, name: (lhs as A.QualifiedReference).cased, typeExpr: rhs }
            : { kind: "TypeMapping", span: { start: t.start, end: rhs.span.end }, typeExpr: lhs, mappingExpr: rhs };
        this.definitions.push(def);
        return def;
      }
      this.syntaxError();
    }
    // A bare `type` is only a name where keywords are (hash keys, attribute names): elsewhere
    // Puppet's grammar fails on the token after it.
    this.next();
    this.syntaxError();
  }

  /** type_alias right-hand side: type, type[...], type hash (Object shorthand), hash, array */
  private typeAliasRhs(): A.Expression {
    const t = this.peek();
    if (t.kind === "CLASSREF") {
      this.next();
      let e: A.Expression = { kind: "QualifiedReference", span: { start: t.start, end: t.end }, cased: t.value as string };
      if (this.at("LBRACK")) {
        this.next();
        const keys = this.argumentList("RBRACK");
        const rb = this.expect("RBRACK");
        e = { kind: "AccessExpression", span: { start: t.start, end: rb.end }, left: e, keys };
      } else if (this.at("LBRACE")) {
        const h = this.hash();
        const entry: A.KeyedEntry = { kind: "KeyedEntry", span: { start: t.start, end: h.span.end }, key: e, value: h };
        return { kind: "LiteralHash", span: entry.span, entries: [entry] };
      }
      return e;
    }
    if (t.kind === "LBRACE") return this.hash();
    if (t.kind === "LBRACK" || t.kind === "LISTSTART") return this.array();
    this.syntaxError();
  }
}

function isEntryEnd(k: string): boolean {
  return k === "FARROW" || k === "COMMA" || k === "RBRACK" || k === "RBRACE" || k === "RPAREN";
}

function isUnfoldedHash(e: A.Expression): e is A.LiteralHash {
  return e.kind === "LiteralHash" && (e as { unfolded?: boolean }).unfolded === true;
}

function startsStatement(k: string): boolean {
  return k === "NAME" || k === "VARIABLE" || k === "CLASS" || k === "DEFINE" || k === "NODE" || k === "IF" || k === "UNLESS" || k === "CASE" || k === "CLASSREF" || k === "AT" || k === "ATAT" || k === "FUNCTION";
}

/** resource_shape: what `left { attribute_operations }` means. */
function resourceShape(left: A.Expression): "resource" | "defaults" | "override" | "error" {
  if (left.kind === "QualifiedName") return "resource";
  if (left.kind === "QualifiedReference") return "defaults";
  if (left.kind === "AccessExpression") {
    if (left.left.kind === "QualifiedReference" && left.left.cased.toLowerCase() === "resource" && left.keys.length === 1) return "defaults";
    return "override";
  }
  return "error";
}

/** An interpolated `${name}` / `${1}` is a variable (the lexer already turned such tokens into VARIABLE). */
function interpolated(e: A.Expression): A.Expression {
  if (e.kind === "LiteralInteger") return { kind: "VariableExpression", span: e.span, name: String(e.value) };
  if (e.kind === "QualifiedName") return { kind: "VariableExpression", span: e.span, name: e.value };
  return e;
}

/** Factory.NUMBER: Integer with radix, or Float. */
export function numberLiteral(text: string, span: Span): A.LiteralInteger | A.LiteralFloat {
  if (/^0[xX]/.test(text)) return { kind: "LiteralInteger", span, value: BigInt(text), radix: 16 };
  if (/^0\d+$/.test(text)) return { kind: "LiteralInteger", span, value: BigInt("0o" + text.slice(1)), radix: 8 };
  if (/^\d+$/.test(text)) return { kind: "LiteralInteger", span, value: BigInt(text), radix: 10 };
  return { kind: "LiteralFloat", span, value: Number(text) };
}

function tokenDisplay(t: Token): string {
  switch (t.kind) {
    case "STRING":
    case "DQPRE":
    case "DQMID":
    case "DQPOST":
    case "WORD":
    case "NAME":
    case "CLASSREF":
    case "NUMBER":
    case "RENDER_STRING":
      return String(t.value ?? t.text);
    case "VARIABLE":
      return String(t.value);
    case "BOOLEAN":
      return String(t.value);
    case "REGEX":
      return String(t.value);
    case "HEREDOC":
      return String(t.value);
    default:
      return t.text;
  }
}

export { SyntaxError_ as ParseAbort };
