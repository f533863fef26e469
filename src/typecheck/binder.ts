// Symbol tables over a modulepath for cfg lint's static checks: classes and defined types with
// their parameter signatures, Ruby resource types and functions found in modules. Built by
// parsing every module manifest once (the lint command does this only when a check needs it).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fg from "fast-glob";
import type { Parameter, Program } from "../ast/nodes.js";
import { collectNodes } from "../ast/walk.js";
import { parseManifest } from "../parser/parse.js";
import { SourceFile } from "../source/source-file.js";
import type { DefinitionSignature, ModuleIndex, ParameterSignature } from "../lint/rule.js";

/** Puppet 7's built-in resource types (lib/puppet/type). */
export const BUILTIN_RESOURCE_TYPES: ReadonlySet<string> = new Set([
  "component", "exec", "file", "filebucket", "group", "notify", "package", "resources", "schedule", "service", "stage", "tidy", "user", "whit",
  "node", "class",
]);

/** Puppet 7's built-in functions (lib/puppet/functions and lib/puppet/parser/functions). */
export const BUILTIN_FUNCTIONS: ReadonlySet<string> = new Set(
  ("abs alert all annotate any assert_type binary_file break call camelcase capitalize ceiling chomp chop compare contain convert_to crit " +
    "debug defined dig downcase each emerg empty epp err eyaml_lookup_key filter find_file find_template flatten floor get getvar group_by " +
    "hiera hiera_array hiera_hash hiera_include hocon_data import include index info inline_epp join json_data keys length lest lookup " +
    "lstrip map match max min module_directory new next notice partition reduce regsubst require return reverse_each round rstrip scanf " +
    "size slice sort split step strftime strip then tree_each type unique unwrap upcase values versioncmp warning with yaml_data " +
    "create_resources digest fail file fqdn_rand generate inline_template md5 realize sha1 sha256 shellquote sprintf tag tagged template " +
    "debug info notice warning err emerg alert crit").split(" "),
);

/** Metaparameters every resource accepts. */
export const METAPARAMETERS: ReadonlySet<string> = new Set([
  "alias", "audit", "before", "loglevel", "noop", "notify", "require", "schedule", "stage", "subscribe", "tag", "consume", "export",
]);

function signature(params: readonly Parameter[], text: string, file: string): DefinitionSignature {
  const map = new Map<string, ParameterSignature>();
  for (const p of params) {
    map.set(p.name, { required: p.value === undefined && !p.capturesRest, typeText: p.typeExpr ? text.slice(p.typeExpr.span.start, p.typeExpr.span.end) : undefined });
  }
  return { params: map, file };
}

export interface MutableModuleIndex extends ModuleIndex {
  readonly classes: Map<string, DefinitionSignature>;
  readonly definedTypes: Map<string, DefinitionSignature>;
  readonly resourceTypes: Set<string>;
  readonly functions: Set<string>;
  readonly resources: Map<string, Set<string>>;
  readonly dynamicTypes: Set<string>;
  allDynamic: boolean;
}

export function emptyIndex(): MutableModuleIndex {
  return { classes: new Map(), definedTypes: new Map(), resourceTypes: new Set(), functions: new Set(), resources: new Map(), dynamicTypes: new Set(), allDynamic: false };
}

/** Titles are compared as Puppet does for references; file paths ignore a trailing slash. */
export function canonicalTitle(type: string, title: string): string {
  return type === "file" && title.length > 1 ? title.replace(/\/+$/, "") : title;
}

const NAMEVAR_ATTRIBUTES = new Set(["name", "path", "command", "alias"]);
const DECLARING_FUNCTIONS = new Set(["create_resources", "ensure_resource", "ensure_resources", "stdlib::ensure_resource"]);

function indexResources(index: MutableModuleIndex, program: Program): void {
  const add = (type: string, title: string): void => {
    let set = index.resources.get(type);
    if (!set) index.resources.set(type, (set = new Set()));
    set.add(canonicalTitle(type, title));
  };
  for (const n of collectNodes(program)) {
    if (n.kind === "ResourceExpression") {
      if (n.typeName.kind !== "QualifiedName") {
        index.allDynamic = true;
        continue;
      }
      const type = n.typeName.value.toLowerCase().replace(/^::/, "");
      for (const b of n.bodies) {
        const titles = b.title.kind === "LiteralList" ? b.title.values : [b.title];
        for (const t of titles) {
          if (t.kind === "LiteralString") add(type, t.value);
          else if (t.kind === "LiteralDefault") continue;
          else index.dynamicTypes.add(type);
        }
        for (const op of b.operations) {
          if (op.kind === "AttributesOperation") continue;
          if (NAMEVAR_ATTRIBUTES.has(op.attributeName) && op.valueExpr.kind === "LiteralString") add(type, op.valueExpr.value);
        }
      }
    } else if (n.kind === "CallNamedFunctionExpression" && n.functor.kind === "QualifiedName") {
      const fn = n.functor.value;
      if (fn === "ensure_packages" || fn === "stdlib::ensure_packages") index.dynamicTypes.add("package");
      else if (DECLARING_FUNCTIONS.has(fn)) {
        const first = n.args[0];
        if (first && (first.kind === "LiteralString" || first.kind === "QualifiedName")) index.dynamicTypes.add(first.value.toLowerCase().replace(/^::/, ""));
        else index.allDynamic = true;
      }
    }
  }
}

/** Adds the definitions of one manifest's text to an index. */
export function indexManifest(index: MutableModuleIndex, path: string, text: string): void {
  const parsed = parseManifest(new SourceFile(path, text), { validate: false });
  indexResources(index, parsed.program);
  for (const d of parsed.program.definitions) {
    if (d.kind === "HostClassDefinition") index.classes.set(d.name.toLowerCase().replace(/^::/, ""), signature(d.parameters, text, path));
    else if (d.kind === "ResourceTypeDefinition") index.definedTypes.set(d.name.toLowerCase().replace(/^::/, ""), signature(d.parameters, text, path));
    else if (d.kind === "FunctionDefinition") index.functions.add(d.name.toLowerCase().replace(/^::/, ""));
  }
}

/** Indexes every module under each modulepath directory. */
export function buildModuleIndex(modulepath: readonly string[]): MutableModuleIndex {
  const index = emptyIndex();
  for (const root of modulepath) {
    const opts = { cwd: root, followSymbolicLinks: true, suppressErrors: true };
    for (const f of fg.sync("*/manifests/**/*.pp", opts)) {
      try {
        indexManifest(index, join(root, f), readFileSync(join(root, f), "utf8"));
      } catch {
        // unreadable: the file is reported when linted, not here
      }
    }
    for (const f of fg.sync("*/lib/puppet/type/*.rb", opts)) index.resourceTypes.add(f.replace(/^.*\//, "").replace(/\.rb$/, ""));
    for (const f of fg.sync("*/lib/puppet/functions/**/*.rb", opts)) {
      index.functions.add(f.replace(/^[^/]+\/lib\/puppet\/functions\//, "").replace(/\.rb$/, "").replace(/\//g, "::"));
    }
    for (const f of fg.sync("*/lib/puppet/parser/functions/*.rb", opts)) index.functions.add(f.replace(/^.*\//, "").replace(/\.rb$/, ""));
    for (const f of fg.sync("*/functions/**/*.pp", opts)) {
      const mod = f.split("/")[0]!;
      index.functions.add(`${mod}::${f.replace(/^[^/]+\/functions\//, "").replace(/\.pp$/, "").replace(/\//g, "::")}`);
    }
  }
  return index;
}

/** Modulepath roots implied by manifest paths (`<root>/<module>/manifests/...`). */
export function inferModulepath(paths: readonly string[]): string[] {
  const roots = new Set<string>();
  for (const p of paths) {
    const m = /^(.*)\/[a-z][a-z0-9_]*\/manifests\//.exec(p.replace(/\\/g, "/"));
    if (m) roots.add(m[1] || "/");
  }
  return [...roots].sort();
}
