// The contract between the lint runner and its rules. One rule per file under rules/, named after
// its check (puppet-lint's name where one exists), holding `meta` and `check`.
import type { Program, Node } from "../ast/nodes.js";
import type { TextEdit } from "../diagnostics/diagnostic.js";
import type { Token } from "../lexer/lexer.js";
import type { SourceFile } from "../source/source-file.js";
import type { LayoutToken } from "./layout-tokens.js";

export type LintLevel = "warning" | "error";

export interface RuleOptionSpec {
  readonly type: "number" | "string" | "string[]" | "boolean";
  readonly default: unknown;
  readonly description: string;
}

export interface RuleMeta {
  /** The check name: puppet-lint's spelling (`140chars`, `arrow_alignment`) or a cfg name. */
  readonly name: string;
  readonly level: LintLevel;
  /** Off-by-default checks are turned on with `--<name>-check` or the config file. */
  readonly enabled: boolean;
  readonly fixable: boolean;
  /** Where the check comes from: puppet-lint core, a community plugin, or cfg's own (typecheck). */
  readonly origin: "puppet-lint" | "plugin" | "cfg";
  readonly description: string;
  readonly options?: Readonly<Record<string, RuleOptionSpec>>;
}

export interface Report {
  /** Offset of the problem (line and column shown are those of `start`). */
  readonly start: number;
  readonly end?: number;
  readonly message: string;
  /** Non-overlapping edits against the original text that fix the problem. */
  readonly fix?: readonly TextEdit[];
  /** Overrides the check's configured level (e.g. unquoted_node_name's syntax errors). */
  readonly level?: LintLevel;
}

/** What the modulepath defines (src/typecheck/binder.ts); structured-clonable for worker threads. */
export interface ModuleIndex {
  /** Lowercased class name -> its parameters. */
  readonly classes: ReadonlyMap<string, DefinitionSignature>;
  readonly definedTypes: ReadonlyMap<string, DefinitionSignature>;
  /** Resource types written in Ruby in modules (lib/puppet/type/*.rb). */
  readonly resourceTypes: ReadonlySet<string>;
  /** Functions from modules (Ruby and Puppet language) and manifests. */
  readonly functions: ReadonlySet<string>;
  /** Literal titles (and namevar / alias values) of declared resources, per lowercased type. */
  readonly resources: ReadonlyMap<string, ReadonlySet<string>>;
  /** Types declared somewhere with a computed title (or by create_resources / ensure_resource). */
  readonly dynamicTypes: ReadonlySet<string>;
  /** True when some declaration's type itself is computed (then no type can be judged). */
  readonly allDynamic: boolean;
}

export interface ParameterSignature {
  readonly required: boolean;
  /** The type as written (`Integer[1, 65535]`), when there is one. */
  readonly typeText?: string;
}

export interface DefinitionSignature {
  readonly params: ReadonlyMap<string, ParameterSignature>;
  readonly file: string;
}

export interface RuleContext {
  readonly file: SourceFile;
  /** Absolute path (for autoloader_layout); "" for stdin. */
  readonly fullpath: string;
  readonly tokens: readonly Token[];
  readonly comments: readonly Token[];
  readonly program: Program;
  /** puppet-lint-shaped token list with whitespace tokens (built on first use). */
  readonly layout: readonly LayoutToken[];
  /** Parent of an AST node (built on first use). */
  parentOf(node: Node): Node | undefined;
  /** Every AST node, parents before children (built on first use). */
  readonly nodes: readonly Node[];
  readonly options: Readonly<Record<string, unknown>>;
  /** Settings that are not per-check: `relative` for autoloader_layout. */
  readonly settings: LintSettings;
  report(r: Report): void;
}

export interface LintSettings {
  readonly relative?: boolean;
  readonly modules?: ModuleIndex;
}

export interface LintRule {
  readonly meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export function defineRule(rule: LintRule): LintRule {
  return rule;
}
