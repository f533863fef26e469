// The Puppet AST: a discriminated union on `kind`. Kinds and fields follow Puppet's own model
// (pops/model/ast.pp) so the evaluator reads like the domain and `cfg parse --format pn` can print
// exactly what `puppet parser dump --format pn` prints. Every node carries a half-open span of
// UTF-16 offsets into its file's text; line/column are derived only for display.
//
// This file is the contract between the parser (producer) and the compiler, type checker and lint
// (consumers). Extending it (new optional fields, new kinds) is fine; renaming needs every consumer.
import type { Span } from "../source/source-file.js";

export interface BaseNode {
  readonly kind: string;
  readonly span: Span;
}

// ---------------------------------------------------------------- program and blocks
export interface Program extends BaseNode {
  readonly kind: "Program";
  /** The top-level statements (Puppet wraps several in a BlockExpression; we keep the list). */
  readonly body: readonly Expression[];
  /** Definitions (class, define, node, function, type alias) found anywhere in the file, in order. */
  readonly definitions: readonly Definition[];
}

export interface BlockExpression extends BaseNode {
  readonly kind: "BlockExpression";
  readonly statements: readonly Expression[];
}

export interface Nop extends BaseNode {
  readonly kind: "Nop";
}

// ---------------------------------------------------------------- literals
export interface LiteralString extends BaseNode {
  readonly kind: "LiteralString";
  /** The value, escapes processed. */
  readonly value: string;
}
export interface LiteralInteger extends BaseNode {
  readonly kind: "LiteralInteger";
  /** Exact over Puppet's 64-bit range. */
  readonly value: bigint;
  readonly radix: 10 | 16 | 8;
}
export interface LiteralFloat extends BaseNode {
  readonly kind: "LiteralFloat";
  readonly value: number;
}
export interface LiteralBoolean extends BaseNode {
  readonly kind: "LiteralBoolean";
  readonly value: boolean;
}
export interface LiteralUndef extends BaseNode {
  readonly kind: "LiteralUndef";
}
export interface LiteralDefault extends BaseNode {
  readonly kind: "LiteralDefault";
}
export interface LiteralRegularExpression extends BaseNode {
  readonly kind: "LiteralRegularExpression";
  /** Pattern between the slashes, as written (Ruby syntax; `\/` kept as written). */
  readonly pattern: string;
}
export interface LiteralList extends BaseNode {
  readonly kind: "LiteralList";
  readonly values: readonly Expression[];
}
export interface KeyedEntry extends BaseNode {
  readonly kind: "KeyedEntry";
  readonly key: Expression;
  readonly value: Expression;
}
export interface LiteralHash extends BaseNode {
  readonly kind: "LiteralHash";
  readonly entries: readonly KeyedEntry[];
}

/** A bare word: `foo`, `foo::bar` (function names, class names in `include foo`, hash keys...). */
export interface QualifiedName extends BaseNode {
  readonly kind: "QualifiedName";
  readonly value: string;
}
/** A capitalised type reference: `File`, `Foo::Bar`, `Integer`. */
export interface QualifiedReference extends BaseNode {
  readonly kind: "QualifiedReference";
  /** As written, e.g. "Foo::Bar". */
  readonly cased: string;
}
/** A reserved word used where a value is expected (e.g. `application`), as Puppet models it. */
export interface ReservedWord extends BaseNode {
  readonly kind: "ReservedWord";
  readonly word: string;
  readonly future: boolean;
}

// ---------------------------------------------------------------- strings
/** `$x` / `$::x` / `$a::b`, and numeric match variables `$0`, `$1`. */
export interface VariableExpression extends BaseNode {
  readonly kind: "VariableExpression";
  /** Name without `$`, e.g. "x", "::x", "a::b", "0". */
  readonly name: string;
}
/** An interpolation segment `${...}` or `$x` inside a double-quoted string or heredoc. */
export interface TextExpression extends BaseNode {
  readonly kind: "TextExpression";
  readonly expr: Expression;
}
/** A double-quoted string (or heredoc text) with interpolation. */
export interface ConcatenatedString extends BaseNode {
  readonly kind: "ConcatenatedString";
  readonly segments: readonly (LiteralString | TextExpression)[];
}
export interface HeredocExpression extends BaseNode {
  readonly kind: "HeredocExpression";
  /** The syntax tag after ':' ("" when none), e.g. "json". */
  readonly syntax: string;
  readonly text: LiteralString | ConcatenatedString;
}

// ---------------------------------------------------------------- operators
export interface UnaryMinusExpression extends BaseNode {
  readonly kind: "UnaryMinusExpression";
  readonly expr: Expression;
}
export interface NotExpression extends BaseNode {
  readonly kind: "NotExpression";
  readonly expr: Expression;
}
/** `*expr` splat. */
export interface UnfoldExpression extends BaseNode {
  readonly kind: "UnfoldExpression";
  readonly expr: Expression;
}
export interface ParenthesizedExpression extends BaseNode {
  readonly kind: "ParenthesizedExpression";
  readonly expr: Expression;
}
export type ArithmeticOperator = "+" | "-" | "*" | "/" | "%" | "<<" | ">>";
export interface ArithmeticExpression extends BaseNode {
  readonly kind: "ArithmeticExpression";
  readonly operator: ArithmeticOperator;
  readonly left: Expression;
  readonly right: Expression;
}
export type ComparisonOperator = "==" | "!=" | "<" | ">" | "<=" | ">=";
export interface ComparisonExpression extends BaseNode {
  readonly kind: "ComparisonExpression";
  readonly operator: ComparisonOperator;
  readonly left: Expression;
  readonly right: Expression;
}
export interface MatchExpression extends BaseNode {
  readonly kind: "MatchExpression";
  readonly operator: "=~" | "!~";
  readonly left: Expression;
  readonly right: Expression;
}
export interface InExpression extends BaseNode {
  readonly kind: "InExpression";
  readonly left: Expression;
  readonly right: Expression;
}
export interface AndExpression extends BaseNode {
  readonly kind: "AndExpression";
  readonly left: Expression;
  readonly right: Expression;
}
export interface OrExpression extends BaseNode {
  readonly kind: "OrExpression";
  readonly left: Expression;
  readonly right: Expression;
}
export interface AssignmentExpression extends BaseNode {
  readonly kind: "AssignmentExpression";
  readonly operator: "=" | "+=" | "-=";
  /** A VariableExpression, or a LiteralList of them for `[$a, $b] = ...`. */
  readonly left: Expression;
  readonly right: Expression;
}
/** `left[keys...]`: hash/array/string access and type parameterisation (`Integer[1,2]`). */
export interface AccessExpression extends BaseNode {
  readonly kind: "AccessExpression";
  readonly left: Expression;
  readonly keys: readonly Expression[];
}
/** `left.right` where right is a name: the functor of a method call. */
export interface NamedAccessExpression extends BaseNode {
  readonly kind: "NamedAccessExpression";
  readonly left: Expression;
  readonly right: QualifiedName;
}

// ---------------------------------------------------------------- conditionals
export interface IfExpression extends BaseNode {
  readonly kind: "IfExpression";
  readonly test: Expression;
  readonly then: BlockExpression | Nop;
  /** `elsif` is an IfExpression here, as in Puppet's model. */
  readonly else: Expression | Nop;
}
export interface UnlessExpression extends BaseNode {
  readonly kind: "UnlessExpression";
  readonly test: Expression;
  readonly then: BlockExpression | Nop;
  readonly else: Expression | Nop;
}
export interface CaseOption extends BaseNode {
  readonly kind: "CaseOption";
  readonly values: readonly Expression[];
  readonly then: BlockExpression | Nop;
}
export interface CaseExpression extends BaseNode {
  readonly kind: "CaseExpression";
  readonly test: Expression;
  readonly options: readonly CaseOption[];
}
export interface SelectorEntry extends BaseNode {
  readonly kind: "SelectorEntry";
  readonly matching: Expression;
  readonly value: Expression;
}
export interface SelectorExpression extends BaseNode {
  readonly kind: "SelectorExpression";
  readonly left: Expression;
  readonly selectors: readonly SelectorEntry[];
}

// ---------------------------------------------------------------- calls and lambdas
export interface Parameter extends BaseNode {
  readonly kind: "Parameter";
  /** Without `$`. */
  readonly name: string;
  readonly value?: Expression;
  readonly typeExpr?: Expression;
  /** `*$rest` */
  readonly capturesRest: boolean;
}
export interface LambdaExpression extends BaseNode {
  readonly kind: "LambdaExpression";
  readonly parameters: readonly Parameter[];
  readonly body: BlockExpression | Nop;
  readonly returnType?: Expression;
}
/** `f(a, b)`, `f a, b` (statement calls), `Type(a)`, `Type.new(...)` is a CallMethodExpression. */
export interface CallNamedFunctionExpression extends BaseNode {
  readonly kind: "CallNamedFunctionExpression";
  /** A QualifiedName (`notice`) or QualifiedReference (`Integer('0x10')`). */
  readonly functor: QualifiedName | QualifiedReference | Expression;
  readonly args: readonly Expression[];
  readonly lambda?: LambdaExpression;
  /** True when the call is used as a value (Puppet's rval_required). */
  readonly rvalRequired: boolean;
}
/** `$x.each |$v| { }`, `$x.size`, `Integer.new('1')`. */
export interface CallMethodExpression extends BaseNode {
  readonly kind: "CallMethodExpression";
  readonly functor: NamedAccessExpression;
  readonly args: readonly Expression[];
  readonly lambda?: LambdaExpression;
  readonly rvalRequired: boolean;
}

// ---------------------------------------------------------------- resources
export type ResourceForm = "regular" | "virtual" | "exported";
export interface AttributeOperation extends BaseNode {
  readonly kind: "AttributeOperation";
  readonly attributeName: string;
  readonly operator: "=>" | "+>";
  readonly valueExpr: Expression;
}
/** `* => $hash` */
export interface AttributesOperation extends BaseNode {
  readonly kind: "AttributesOperation";
  readonly expr: Expression;
}
export type AttributeOp = AttributeOperation | AttributesOperation;
export interface ResourceBody extends BaseNode {
  readonly kind: "ResourceBody";
  readonly title: Expression;
  readonly operations: readonly AttributeOp[];
}
/** `file { 't': ... }`, `@file {...}`, `@@file {...}`, `class { 'x': }`. */
export interface ResourceExpression extends BaseNode {
  readonly kind: "ResourceExpression";
  readonly form: ResourceForm;
  /** QualifiedName (`file`, `foo::bar`, `class`) or, rarely, another expression. */
  readonly typeName: Expression;
  readonly bodies: readonly ResourceBody[];
}
/** `File { mode => '0644' }` */
export interface ResourceDefaultsExpression extends BaseNode {
  readonly kind: "ResourceDefaultsExpression";
  readonly form: ResourceForm;
  readonly typeRef: Expression;
  readonly operations: readonly AttributeOp[];
}
/** `File['/x'] { mode => '0644' }` */
export interface ResourceOverrideExpression extends BaseNode {
  readonly kind: "ResourceOverrideExpression";
  readonly form: ResourceForm;
  readonly resources: Expression;
  readonly operations: readonly AttributeOp[];
}
export interface VirtualQuery extends BaseNode {
  readonly kind: "VirtualQuery";
  readonly expr?: Expression;
}
export interface ExportedQuery extends BaseNode {
  readonly kind: "ExportedQuery";
  readonly expr?: Expression;
}
/** `File <| tag == 'x' |> { owner => root }` */
export interface CollectExpression extends BaseNode {
  readonly kind: "CollectExpression";
  readonly typeExpr: QualifiedReference | Expression;
  readonly query: VirtualQuery | ExportedQuery;
  readonly operations: readonly AttributeOp[];
}
export interface RelationshipExpression extends BaseNode {
  readonly kind: "RelationshipExpression";
  readonly operator: "->" | "~>" | "<-" | "<~";
  readonly left: Expression;
  readonly right: Expression;
}

// ---------------------------------------------------------------- definitions
export interface HostClassDefinition extends BaseNode {
  readonly kind: "HostClassDefinition";
  readonly name: string;
  readonly parameters: readonly Parameter[];
  readonly parentClass?: string;
  readonly body: BlockExpression | Nop;
}
export interface ResourceTypeDefinition extends BaseNode {
  readonly kind: "ResourceTypeDefinition";
  readonly name: string;
  readonly parameters: readonly Parameter[];
  readonly body: BlockExpression | Nop;
}
export interface NodeDefinition extends BaseNode {
  readonly kind: "NodeDefinition";
  /** LiteralString, QualifiedName (dotted names become one string), LiteralRegularExpression, LiteralDefault. */
  readonly hostMatches: readonly Expression[];
  readonly parent?: Expression;
  readonly body: BlockExpression | Nop;
}
export interface FunctionDefinition extends BaseNode {
  readonly kind: "FunctionDefinition";
  readonly name: string;
  readonly parameters: readonly Parameter[];
  readonly body: BlockExpression | Nop;
  readonly returnType?: Expression;
}
export interface TypeAlias extends BaseNode {
  readonly kind: "TypeAlias";
  readonly name: string;
  readonly typeExpr: Expression;
}
export interface TypeMapping extends BaseNode {
  readonly kind: "TypeMapping";
  readonly typeExpr: Expression;
  readonly mappingExpr: Expression;
}
export type Definition =
  | HostClassDefinition
  | ResourceTypeDefinition
  | NodeDefinition
  | FunctionDefinition
  | TypeAlias
  | TypeMapping;

// ---------------------------------------------------------------- EPP
/** The top of a parsed EPP template. */
export interface EppExpression extends BaseNode {
  readonly kind: "EppExpression";
  /** True when the template has a `<%- | params | -%>` tag. */
  readonly parametersSpecified: boolean;
  readonly parameters: readonly Parameter[];
  readonly body: BlockExpression | Nop;
}
/** Literal template text. */
export interface RenderStringExpression extends BaseNode {
  readonly kind: "RenderStringExpression";
  readonly value: string;
}
/** `<%= expr %>` */
export interface RenderExpression extends BaseNode {
  readonly kind: "RenderExpression";
  readonly expr: Expression;
}

export type Expression =
  | BlockExpression
  | Nop
  | LiteralString
  | LiteralInteger
  | LiteralFloat
  | LiteralBoolean
  | LiteralUndef
  | LiteralDefault
  | LiteralRegularExpression
  | LiteralList
  | LiteralHash
  | QualifiedName
  | QualifiedReference
  | ReservedWord
  | VariableExpression
  | TextExpression
  | ConcatenatedString
  | HeredocExpression
  | UnaryMinusExpression
  | NotExpression
  | UnfoldExpression
  | ParenthesizedExpression
  | ArithmeticExpression
  | ComparisonExpression
  | MatchExpression
  | InExpression
  | AndExpression
  | OrExpression
  | AssignmentExpression
  | AccessExpression
  | NamedAccessExpression
  | IfExpression
  | UnlessExpression
  | CaseExpression
  | SelectorExpression
  | LambdaExpression
  | CallNamedFunctionExpression
  | CallMethodExpression
  | ResourceExpression
  | ResourceDefaultsExpression
  | ResourceOverrideExpression
  | CollectExpression
  | RelationshipExpression
  | Definition
  | EppExpression
  | RenderStringExpression
  | RenderExpression;

export type Node =
  | Program
  | Expression
  | KeyedEntry
  | CaseOption
  | SelectorEntry
  | Parameter
  | ResourceBody
  | AttributeOperation
  | AttributesOperation
  | VirtualQuery
  | ExportedQuery;

export type NodeKind = Node["kind"];
export type NodeOfKind<K extends NodeKind> = Extract<Node, { kind: K }>;
