// Puppet's grammar as a chevrotain grammar model, for the railroad diagrams and the serialized
// grammar in grammar/ (scripts/gen-grammar.mjs; tests/grammar.test.ts fails when they are stale).
//
// The executable parser is the hand-written recursive-descent one in parser.ts (Puppet's grammar is
// LALR and its lexing context-sensitive; porting lexer2/egrammar by hand was the way to byte-for-byte
// agreement with `puppet parser dump`). This model mirrors parser.ts rule by rule, with the same
// precedence levels (egrammar.ra's prechigh..preclow) and token kinds (src/lexer/README.md). It is
// not used to parse: grammar validations are skipped, since the LALR grammar is ambiguous for LL(k)
// where parser.ts decides with its own look-ahead (resource bodies vs blocks, hashes vs blocks).
import { EmbeddedActionsParser, createToken, type TokenType } from "chevrotain";

const KINDS = [
  "NAME", "WORD", "CLASSREF", "VARIABLE", "NUMBER", "STRING", "DQPRE", "DQMID", "DQPOST", "HEREDOC", "REGEX",
  "BOOLEAN", "UNDEF", "DEFAULT", "CASE", "CLASS", "DEFINE", "IF", "ELSIF", "ELSE", "INHERITS", "NODE", "AND", "OR",
  "IN", "UNLESS", "FUNCTION", "TYPE", "ATTR", "PRIVATE", "LBRACE", "SELBRACE", "RBRACE", "LBRACK", "LISTSTART",
  "RBRACK", "LPAREN", "WSLPAREN", "RPAREN", "FARROW", "PARROW", "EQUALS", "APPENDS", "DELETES", "ISEQUAL",
  "NOTEQUAL", "MATCH", "NOMATCH", "LESSTHAN", "LESSEQUAL", "GREATERTHAN", "GREATEREQUAL", "LSHIFT", "RSHIFT",
  "PLUS", "MINUS", "TIMES", "DIV", "MODULO", "NOT", "IN_EDGE", "IN_EDGE_SUB", "OUT_EDGE", "OUT_EDGE_SUB",
  "LCOLLECT", "RCOLLECT", "LLCOLLECT", "RRCOLLECT", "PIPE", "AT", "ATAT", "DOT", "COMMA", "SEMIC", "COLON",
  "QMARK", "EPP_START", "RENDER_STRING", "RENDER_EXPR", "EPP_END", "EPP_END_TRIM",
] as const;

export type TokenKind = (typeof KINDS)[number];
/** One chevrotain token type per lexer token kind (same names). */
export const TOKEN_TYPES: Readonly<Record<TokenKind, TokenType>> = Object.fromEntries(
  KINDS.map((k) => [k, createToken({ name: k, pattern: /NA/ })]),
) as Record<TokenKind, TokenType>;

const T = TOKEN_TYPES;

class PuppetGrammar extends EmbeddedActionsParser {
  constructor() {
    super(Object.values(TOKEN_TYPES), { skipValidations: true, maxLookahead: 3 });
    this.performSelfAnalysis();
  }

  // ---- programs
  program = this.RULE("program", () => {
    this.MANY(() => this.OR([{ ALT: () => this.SUBRULE(this.statement) }, { ALT: () => this.CONSUME(T.SEMIC) }]));
  });

  eppProgram = this.RULE("eppProgram", () => {
    this.CONSUME(T.EPP_START);
    this.OPTION(() => this.SUBRULE(this.lambdaParameters));
    this.MANY(() =>
      this.OR([
        { ALT: () => this.CONSUME(T.RENDER_STRING) },
        { ALT: () => this.SUBRULE(this.renderExpression) },
        { ALT: () => this.SUBRULE(this.statement) },
        { ALT: () => this.CONSUME1(T.SEMIC) },
      ]),
    );
  });

  renderExpression = this.RULE("renderExpression", () => {
    this.CONSUME(T.RENDER_EXPR);
    this.SUBRULE(this.expression);
    this.OR([{ ALT: () => this.CONSUME(T.EPP_END) }, { ALT: () => this.CONSUME(T.EPP_END_TRIM) }]);
  });

  statement = this.RULE("statement", () => {
    this.SUBRULE(this.assignment);
  });

  /** assignment: relationship ((= | += | -=) assignment)? — right associative */
  assignment = this.RULE("assignment", () => {
    this.SUBRULE(this.relationship);
    this.OPTION(() => {
      this.OR([{ ALT: () => this.CONSUME(T.EQUALS) }, { ALT: () => this.CONSUME(T.APPENDS) }, { ALT: () => this.CONSUME(T.DELETES) }]);
      this.SUBRULE(this.assignment);
    });
  });

  /** relationship: resource ((-> | ~> | <- | <~) resource)* */
  relationship = this.RULE("relationship", () => {
    this.SUBRULE(this.resource);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.IN_EDGE) },
        { ALT: () => this.CONSUME(T.IN_EDGE_SUB) },
        { ALT: () => this.CONSUME(T.OUT_EDGE) },
        { ALT: () => this.CONSUME(T.OUT_EDGE_SUB) },
      ]);
      this.SUBRULE1(this.resource);
    });
  });

  /**
   * resource: (@ | @@)? expression ({ resource bodies } | { attribute operations })?
   * `file { 'a': }` (instances), `File { }` (defaults), `File['a'] { }` (override).
   */
  resource = this.RULE("resource", () => {
    this.OPTION(() => this.OR([{ ALT: () => this.CONSUME(T.AT) }, { ALT: () => this.CONSUME(T.ATAT) }]));
    this.SUBRULE(this.expression);
    this.OPTION1(() => {
      this.CONSUME(T.LBRACE);
      this.OR1([{ ALT: () => this.SUBRULE(this.resourceBodies) }, { ALT: () => this.SUBRULE(this.attributeOperations) }]);
      this.CONSUME(T.RBRACE);
    });
  });

  resourceBodies = this.RULE("resourceBodies", () => {
    this.SUBRULE(this.resourceBody);
    this.MANY(() => {
      this.CONSUME(T.SEMIC);
      this.OPTION(() => this.SUBRULE1(this.resourceBody));
    });
  });

  resourceBody = this.RULE("resourceBody", () => {
    this.SUBRULE(this.expression);
    this.CONSUME(T.COLON);
    this.SUBRULE(this.attributeOperations);
  });

  attributeOperations = this.RULE("attributeOperations", () => {
    this.MANY_SEP({ SEP: T.COMMA, DEF: () => this.SUBRULE(this.attributeOperation) });
  });

  /** name => value, name +> value, * => hash */
  attributeOperation = this.RULE("attributeOperation", () => {
    this.OR([
      {
        ALT: () => {
          this.SUBRULE(this.attributeName);
          this.OR1([{ ALT: () => this.CONSUME(T.FARROW) }, { ALT: () => this.CONSUME(T.PARROW) }]);
          this.SUBRULE(this.expression);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.TIMES);
          this.CONSUME1(T.FARROW);
          this.SUBRULE1(this.expression);
        },
      },
    ]);
  });

  attributeName = this.RULE("attributeName", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.NAME) },
      { ALT: () => this.SUBRULE(this.keyword) },
    ]);
  });

  keyword = this.RULE("keyword", () => {
    this.OR(
      (["AND", "CASE", "CLASS", "DEFAULT", "DEFINE", "ELSE", "ELSIF", "IF", "IN", "INHERITS", "NODE", "OR", "UNDEF", "UNLESS", "TYPE", "ATTR", "FUNCTION", "PRIVATE", "BOOLEAN"] as const).map((k) => ({
        ALT: () => this.CONSUME(T[k]),
      })),
    );
  });

  // ---- expressions, lowest precedence first (egrammar.ra preclow..prechigh)
  expression = this.RULE("expression", () => {
    this.SUBRULE(this.orExpression);
  });

  orExpression = this.RULE("orExpression", () => {
    this.SUBRULE(this.andExpression);
    this.MANY(() => {
      this.CONSUME(T.OR);
      this.SUBRULE1(this.andExpression);
    });
  });

  andExpression = this.RULE("andExpression", () => {
    this.SUBRULE(this.comparison);
    this.MANY(() => {
      this.CONSUME(T.AND);
      this.SUBRULE1(this.comparison);
    });
  });

  comparison = this.RULE("comparison", () => {
    this.SUBRULE(this.equality);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.LESSTHAN) },
        { ALT: () => this.CONSUME(T.LESSEQUAL) },
        { ALT: () => this.CONSUME(T.GREATERTHAN) },
        { ALT: () => this.CONSUME(T.GREATEREQUAL) },
      ]);
      this.SUBRULE1(this.equality);
    });
  });

  equality = this.RULE("equality", () => {
    this.SUBRULE(this.shift);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.ISEQUAL) }, { ALT: () => this.CONSUME(T.NOTEQUAL) }]);
      this.SUBRULE1(this.shift);
    });
  });

  shift = this.RULE("shift", () => {
    this.SUBRULE(this.additive);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.LSHIFT) }, { ALT: () => this.CONSUME(T.RSHIFT) }]);
      this.SUBRULE1(this.additive);
    });
  });

  additive = this.RULE("additive", () => {
    this.SUBRULE(this.multiplicative);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.PLUS) }, { ALT: () => this.CONSUME(T.MINUS) }]);
      this.SUBRULE1(this.multiplicative);
    });
  });

  multiplicative = this.RULE("multiplicative", () => {
    this.SUBRULE(this.matchExpression);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.TIMES) }, { ALT: () => this.CONSUME(T.DIV) }, { ALT: () => this.CONSUME(T.MODULO) }]);
      this.SUBRULE1(this.matchExpression);
    });
  });

  matchExpression = this.RULE("matchExpression", () => {
    this.SUBRULE(this.inExpression);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.MATCH) }, { ALT: () => this.CONSUME(T.NOMATCH) }]);
      this.SUBRULE1(this.inExpression);
    });
  });

  inExpression = this.RULE("inExpression", () => {
    this.SUBRULE(this.unary);
    this.MANY(() => {
      this.CONSUME(T.IN);
      this.SUBRULE1(this.unary);
    });
  });

  /** ! expr, - expr, * expr (splat/unfold) */
  unary = this.RULE("unary", () => {
    this.OR([
      {
        ALT: () => {
          this.OR1([{ ALT: () => this.CONSUME(T.NOT) }, { ALT: () => this.CONSUME(T.MINUS) }, { ALT: () => this.CONSUME(T.TIMES) }]);
          this.SUBRULE(this.unary);
        },
      },
      { ALT: () => this.SUBRULE(this.postfix) },
    ]);
  });

  /** primary followed by [access], .method(args) |lambda|, (call args), ? { selector } */
  postfix = this.RULE("postfix", () => {
    this.SUBRULE(this.primary);
    this.MANY(() =>
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.LBRACK);
            this.SUBRULE(this.arguments);
            this.CONSUME(T.RBRACK);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.DOT);
            this.OR1([{ ALT: () => this.CONSUME(T.NAME) }, { ALT: () => this.CONSUME(T.TYPE) }, { ALT: () => this.CONSUME(T.CLASSREF) }]);
            this.OPTION(() => {
              this.CONSUME(T.LPAREN);
              this.SUBRULE1(this.arguments);
              this.CONSUME(T.RPAREN);
            });
            this.OPTION1(() => this.SUBRULE(this.lambda));
          },
        },
        {
          ALT: () => {
            this.CONSUME1(T.LPAREN);
            this.SUBRULE2(this.arguments);
            this.CONSUME1(T.RPAREN);
            this.OPTION2(() => this.SUBRULE1(this.lambda));
          },
        },
        { ALT: () => this.SUBRULE(this.selector) },
      ]),
    );
  });

  selector = this.RULE("selector", () => {
    this.CONSUME(T.QMARK);
    this.CONSUME(T.SELBRACE);
    this.MANY_SEP({
      SEP: T.COMMA,
      DEF: () => {
        this.SUBRULE(this.expression);
        this.CONSUME(T.FARROW);
        this.SUBRULE1(this.expression);
      },
    });
    this.CONSUME(T.RBRACE);
  });

  /** arguments: (expression | key => value) separated by commas, trailing comma allowed */
  arguments = this.RULE("arguments", () => {
    this.MANY(() => {
      this.SUBRULE(this.expression);
      this.OPTION(() => {
        this.CONSUME(T.FARROW);
        this.SUBRULE1(this.expression);
      });
      this.OPTION1(() => this.CONSUME(T.COMMA));
    });
  });

  primary = this.RULE("primary", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.literal) },
      { ALT: () => this.CONSUME(T.VARIABLE) },
      { ALT: () => this.SUBRULE(this.nameOrStatementCall) },
      { ALT: () => this.SUBRULE(this.typeReferenceOrCollector) },
      { ALT: () => this.SUBRULE(this.array) },
      { ALT: () => this.SUBRULE(this.hash) },
      { ALT: () => this.SUBRULE(this.string) },
      { ALT: () => this.SUBRULE(this.heredoc) },
      { ALT: () => this.SUBRULE(this.parenthesized) },
      { ALT: () => this.SUBRULE(this.ifExpression) },
      { ALT: () => this.SUBRULE(this.unlessExpression) },
      { ALT: () => this.SUBRULE(this.caseExpression) },
      { ALT: () => this.SUBRULE(this.classDefinition) },
      { ALT: () => this.SUBRULE(this.defineDefinition) },
      { ALT: () => this.SUBRULE(this.nodeDefinition) },
      { ALT: () => this.SUBRULE(this.functionDefinition) },
      { ALT: () => this.SUBRULE(this.typeAlias) },
      { ALT: () => this.SUBRULE(this.reservedWord) },
      { ALT: () => this.SUBRULE(this.renderExpression) },
    ]);
  });

  literal = this.RULE("literal", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.NUMBER) },
      { ALT: () => this.CONSUME(T.BOOLEAN) },
      { ALT: () => this.CONSUME(T.UNDEF) },
      { ALT: () => this.CONSUME(T.DEFAULT) },
      { ALT: () => this.CONSUME(T.REGEX) },
      { ALT: () => this.CONSUME(T.WORD) },
    ]);
  });

  /** `notice $x`, `include a, b`: a statement function called without parentheses, else a bare name */
  nameOrStatementCall = this.RULE("nameOrStatementCall", () => {
    this.CONSUME(T.NAME);
    this.OPTION(() => {
      this.SUBRULE(this.expression);
      this.MANY(() => {
        this.CONSUME(T.COMMA);
        this.SUBRULE1(this.expression);
      });
    });
  });

  /** File, File['x'] (via postfix), File <| query |>, File <<| query |>> { overrides } */
  typeReferenceOrCollector = this.RULE("typeReferenceOrCollector", () => {
    this.CONSUME(T.CLASSREF);
    this.OPTION(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.LCOLLECT);
            this.OPTION1(() => this.SUBRULE(this.expression));
            this.CONSUME(T.RCOLLECT);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.LLCOLLECT);
            this.OPTION2(() => this.SUBRULE1(this.expression));
            this.CONSUME(T.RRCOLLECT);
          },
        },
      ]);
      this.OPTION3(() => {
        this.CONSUME(T.LBRACE);
        this.SUBRULE(this.attributeOperations);
        this.CONSUME(T.RBRACE);
      });
    });
  });

  array = this.RULE("array", () => {
    this.OR([{ ALT: () => this.CONSUME(T.LISTSTART) }, { ALT: () => this.CONSUME(T.LBRACK) }]);
    this.SUBRULE(this.arguments);
    this.CONSUME(T.RBRACK);
  });

  hash = this.RULE("hash", () => {
    this.CONSUME(T.LBRACE);
    this.MANY(() => {
      this.SUBRULE(this.hashKey);
      this.CONSUME(T.FARROW);
      this.SUBRULE(this.expression);
      this.OPTION(() => this.CONSUME(T.COMMA));
    });
    this.CONSUME(T.RBRACE);
  });

  hashKey = this.RULE("hashKey", () => {
    this.OR([{ ALT: () => this.SUBRULE(this.expression) }, { ALT: () => this.CONSUME(T.TYPE) }, { ALT: () => this.CONSUME(T.FUNCTION) }]);
  });

  /** 'text', "text", "a${expr}b$var c" */
  string = this.RULE("string", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.STRING) },
      {
        ALT: () => {
          this.CONSUME(T.DQPRE);
          this.SUBRULE(this.expression);
          this.MANY(() => {
            this.CONSUME(T.DQMID);
            this.SUBRULE1(this.expression);
          });
          this.CONSUME(T.DQPOST);
        },
      },
    ]);
  });

  heredoc = this.RULE("heredoc", () => {
    this.CONSUME(T.HEREDOC);
    this.SUBRULE(this.string);
  });

  parenthesized = this.RULE("parenthesized", () => {
    this.OR([{ ALT: () => this.CONSUME(T.LPAREN) }, { ALT: () => this.CONSUME(T.WSLPAREN) }]);
    this.SUBRULE(this.assignment);
    this.CONSUME(T.RPAREN);
  });

  block = this.RULE("block", () => {
    this.CONSUME(T.LBRACE);
    this.MANY(() => this.OR([{ ALT: () => this.SUBRULE(this.statement) }, { ALT: () => this.CONSUME(T.SEMIC) }]));
    this.CONSUME(T.RBRACE);
  });

  ifExpression = this.RULE("ifExpression", () => {
    this.CONSUME(T.IF);
    this.SUBRULE(this.expression);
    this.SUBRULE(this.block);
    this.MANY(() => {
      this.CONSUME(T.ELSIF);
      this.SUBRULE1(this.expression);
      this.SUBRULE1(this.block);
    });
    this.OPTION(() => {
      this.CONSUME(T.ELSE);
      this.SUBRULE2(this.block);
    });
  });

  unlessExpression = this.RULE("unlessExpression", () => {
    this.CONSUME(T.UNLESS);
    this.SUBRULE(this.expression);
    this.SUBRULE(this.block);
    this.OPTION(() => {
      this.CONSUME(T.ELSE);
      this.SUBRULE1(this.block);
    });
  });

  caseExpression = this.RULE("caseExpression", () => {
    this.CONSUME(T.CASE);
    this.SUBRULE(this.expression);
    this.CONSUME(T.LBRACE);
    this.AT_LEAST_ONE(() => {
      this.AT_LEAST_ONE_SEP({ SEP: T.COMMA, DEF: () => this.SUBRULE1(this.expression) });
      this.CONSUME(T.COLON);
      this.SUBRULE(this.block);
    });
    this.CONSUME(T.RBRACE);
  });

  lambda = this.RULE("lambda", () => {
    this.SUBRULE(this.lambdaParameters);
    this.OPTION(() => this.SUBRULE(this.returnType));
    this.SUBRULE(this.block);
  });

  lambdaParameters = this.RULE("lambdaParameters", () => {
    this.CONSUME(T.PIPE);
    this.MANY_SEP({ SEP: T.COMMA, DEF: () => this.SUBRULE(this.parameter) });
    this.CONSUME1(T.PIPE);
  });

  parameterList = this.RULE("parameterList", () => {
    this.OR([{ ALT: () => this.CONSUME(T.LPAREN) }, { ALT: () => this.CONSUME(T.WSLPAREN) }]);
    this.MANY(() => {
      this.SUBRULE(this.parameter);
      this.OPTION(() => this.CONSUME(T.COMMA));
    });
    this.CONSUME(T.RPAREN);
  });

  /** Type? *? $name (= default)? */
  parameter = this.RULE("parameter", () => {
    this.OPTION(() => this.SUBRULE(this.postfix));
    this.OPTION1(() => this.CONSUME(T.TIMES));
    this.CONSUME(T.VARIABLE);
    this.OPTION2(() => {
      this.CONSUME(T.EQUALS);
      this.SUBRULE(this.expression);
    });
  });

  returnType = this.RULE("returnType", () => {
    this.CONSUME(T.RSHIFT);
    this.SUBRULE(this.postfix);
  });

  classDefinition = this.RULE("classDefinition", () => {
    this.CONSUME(T.CLASS);
    this.OR([{ ALT: () => this.CONSUME(T.NAME) }, { ALT: () => this.CONSUME(T.CLASS) }]);
    this.OPTION(() => this.SUBRULE(this.parameterList));
    this.OPTION1(() => {
      this.CONSUME(T.INHERITS);
      this.OR1([{ ALT: () => this.CONSUME1(T.NAME) }, { ALT: () => this.CONSUME(T.DEFAULT) }]);
    });
    this.SUBRULE(this.block);
  });

  defineDefinition = this.RULE("defineDefinition", () => {
    this.CONSUME(T.DEFINE);
    this.CONSUME(T.NAME);
    this.OPTION(() => this.SUBRULE(this.parameterList));
    this.SUBRULE(this.block);
  });

  nodeDefinition = this.RULE("nodeDefinition", () => {
    this.CONSUME(T.NODE);
    this.AT_LEAST_ONE_SEP({
      SEP: T.COMMA,
      DEF: () =>
        this.OR([
          { ALT: () => this.CONSUME(T.STRING) },
          { ALT: () => this.CONSUME(T.NAME) },
          { ALT: () => this.CONSUME(T.NUMBER) },
          { ALT: () => this.CONSUME(T.REGEX) },
          { ALT: () => this.CONSUME(T.DEFAULT) },
          { ALT: () => this.SUBRULE(this.string) },
        ]),
    });
    this.OPTION(() => {
      this.CONSUME(T.INHERITS);
      this.CONSUME1(T.NAME);
    });
    this.SUBRULE(this.block);
  });

  functionDefinition = this.RULE("functionDefinition", () => {
    this.CONSUME(T.FUNCTION);
    this.CONSUME(T.NAME);
    this.OPTION(() => this.SUBRULE(this.parameterList));
    this.OPTION1(() => this.SUBRULE(this.returnType));
    this.SUBRULE(this.block);
  });

  /** type Name = Type | Type[...] | { hash } (type mapping: type Name[...] = ...) */
  typeAlias = this.RULE("typeAlias", () => {
    this.CONSUME(T.TYPE);
    this.CONSUME(T.CLASSREF);
    this.OPTION(() => {
      this.CONSUME(T.LBRACK);
      this.SUBRULE(this.arguments);
      this.CONSUME(T.RBRACK);
    });
    this.CONSUME(T.EQUALS);
    this.SUBRULE(this.expression);
  });

  reservedWord = this.RULE("reservedWord", () => {
    this.OR([{ ALT: () => this.CONSUME(T.ATTR) }, { ALT: () => this.CONSUME(T.PRIVATE) }]);
  });
}

let instance: PuppetGrammar | undefined;
/** The grammar model (built once per process). */
export function puppetGrammar(): PuppetGrammar {
  instance ??= new PuppetGrammar();
  return instance;
}
