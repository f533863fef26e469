// The evaluator: walks the AST with Puppet's semantics and builds the catalog. Order of evaluation
// follows Puppet's compiler: main class body at once, then the node; classes are evaluated when
// declared; defined-type instances are queued and evaluated in the generator loop together with
// collectors; overrides, resource defaults and relationships are applied at the end (finish).
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type * as A from "../ast/nodes.js";
import { parseEpp, parseManifest } from "../parser/parse.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { SourceFile } from "../source/source-file.js";
import { DEFAULT, PHash, PObjectValue, PRegexp, PSensitive, type Value } from "./values.js";
import {
  PClassType, PResourceType, PType, PTypeAliasType, capitalizeTypeName, defineAlias, describeMismatch, isInstance,
  makeRegexp, newFromType, PIntegerType, parameterize, resolveTypeName, inferType, PuppetTypeError, PCallableType,
} from "../typecheck/types.js";
import { compareValues, isTruthy, puppetEquals, valueToString, PuppetEvalError } from "./value-ops.js";
import {
  BreakSignal, NextSignal, ReturnSignal, callFunction, getFunction, type CallContext, type LogLevel, type PLambda,
  PIteratorValue,
} from "./functions/index.js";
import { Hiera, LookupError, parseLookupArgs, type HieraScope } from "./hiera/index.js";
import { BUILTIN_TYPES, METAPARAMS, NAMEVAR } from "./resource-types.js";

/** An evaluation error located in source; `prefix` is Puppet's "Error while evaluating a X, ". */
export class EvalError extends Error {
  constructor(
    message: string,
    public file?: SourceFile,
    public span?: A.BaseNode["span"],
    public kindPrefix = true,
  ) {
    super(message);
  }
  /** Location has only a line (no column) in Puppet's text. */
  lineOnly = false;
  /** Message is shown without "Evaluation Error: " (catalog-level errors). */
  plain = false;
  /** Another place the error involves (the first declaration of a duplicate). */
  related?: { file: SourceFile; span: A.BaseNode["span"]; message: string };
  /** ` (file: f, line: l, column: c)` as Puppet appends it ("" without a location). */
  locationText(): string {
    if (!this.file || !this.span) return "";
    const p = this.file.position(this.span.start);
    return this.lineOnly ? ` (file: ${this.file.path}, line: ${p.line})` : ` (file: ${this.file.path}, line: ${p.line}, column: ${p.column})`;
  }
}

export class Lambda extends PObjectValue implements PLambda {
  readonly typeName = "Callable";
  constructor(
    readonly node: A.LambdaExpression,
    readonly scope: Scope,
    readonly file: SourceFile,
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

export class Resource {
  params = new Map<string, Value>();
  tags: string[] = [];
  file?: string;
  line?: number;
  exported = false;
  virtual = false;
  kind: string;
  container?: Resource;
  scope?: Scope;
  evaluated = false;
  /** Set for defined-type instances and classes. */
  def?: Def;
  /** A declared class whose body is still to be evaluated (see declareClass). */
  pending?: () => void;
  /** Where a defined-type instance was declared (errors in its body are reported there too). */
  declFile?: SourceFile;
  declSpan?: A.BaseNode["span"];
  /** Lines of relationship metaparameters (for "Could not find resource" errors); rare, so lazy. */
  paramLines?: Map<string, number>;
  constructor(
    readonly type: string,
    readonly title: string,
    kind: string,
  ) {
    this.kind = kind;
  }
  get ref(): string {
    return `${this.type}[${this.title}]`;
  }
  tag(...ts: string[]): void {
    for (const t0 of ts) this.addTag(t0);
  }
  /** One tag (and, for `a::b`, its segments). */
  addTag(t0: string): void {
    const parts = tagParts(t0, true);
    for (let i = 0; i < parts.length; i++) if (!this.tags.includes(parts[i]!)) this.tags.push(parts[i]!);
  }
  /** Tags that are unique per resource (titles): not memoised. */
  tagOnce(t0: string): void {
    const parts = tagParts(t0, false);
    for (const x of parts) if (!this.tags.includes(x)) this.tags.push(x);
  }
}

/** A tag and, for `a::b`, its segments; [] when not a valid tag. Memoised: tags repeat a lot. */
const tagCache = new Map<string, readonly string[]>();
function tagParts(t0: string, memo: boolean): readonly string[] {
  let parts = memo ? tagCache.get(t0) : undefined;
  if (parts) return parts;
  const t = t0.toLowerCase();
  // The Unicode test only matters for non-ASCII text (titles, mostly paths, fail both).
  if (!/^[a-z0-9_][a-z0-9_:.-]*$/.test(t) && (!/[^\x00-\x7f]/.test(t) || !/^[\p{L}\p{N}_][\p{L}\p{N}_:.-]*$/u.test(t))) parts = [];
  else if (t.includes("::")) parts = [t, ...t.split("::").filter((p) => p && p !== t)];
  else parts = [t];
  if (memo && tagCache.size < 100000) tagCache.set(t0, parts);
  return parts;
}

interface Def {
  kind: "class" | "define" | "function" | "node";
  node: A.HostClassDefinition | A.ResourceTypeDefinition | A.FunctionDefinition | A.NodeDefinition;
  file: SourceFile;
  name: string;
  moduleName: string;
}

export class Scope {
  vars = new Map<string, Value>();
  /** Resource defaults declared in this scope (most scopes have none: created on first use). */
  defaults: Map<string, { ops: [string, Value, "=>" | "+>"][] }> | undefined;
  match: Value[] | undefined;
  constructor(
    readonly parent: Scope | undefined,
    readonly source: string,
    readonly resource: Resource | undefined,
    readonly dynParent: Scope | undefined,
    readonly moduleName: string,
    readonly className?: string,
  ) {}
  lookupLocal(name: string): Value | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      if (s.vars.has(name)) return s.vars.get(name);
    }
    return undefined;
  }
}

const NOTFOUND = Symbol("notfound");

interface Collector {
  type: string;
  query: A.Expression | undefined;
  exported: boolean;
  ops: A.AttributeOp[];
  scope: Scope;
  file: SourceFile;
  node: A.CollectExpression;
  matched: Set<Resource>;
}

export interface CompileInput {
  envDir: string;
  manifest: string;
  modulepath: string[];
  nodeName: string;
  facts: Record<string, unknown>;
  environment: string;
}

export function jsToValue(v: unknown): Value {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isInteger(v) ? BigInt(v) : v;
  if (typeof v === "string" || typeof v === "boolean" || typeof v === "bigint") return v;
  if (Array.isArray(v)) return v.map(jsToValue);
  if (typeof v === "object") {
    const h = new PHash();
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) h.set(k, jsToValue(x));
    return h;
  }
  return null;
}

export class Evaluator implements CallContext {
  resources: Resource[] = [];
  /** Resources by lower-cased type, then title. */
  index = new Map<string, Map<string, Resource>>();
  classes: string[] = [];
  classRes = new Map<string, Resource>();
  edges: [Resource, Resource][] = [];
  logs: string[] = [];
  catalogTags: string[] = [];
  private catalogTagSet = new Set<string>();
  private edgeKeys = new Set<string>();
  private defs = new Map<string, Def>();
  private nodes: Def[] = [];
  private aliases = new Map<string, PTypeAliasType>();
  private loadedFiles = new Set<string>();
  private queue: Resource[] = [];
  private queueIndex = 0;
  private collectors: Collector[] = [];
  private overrides: { refs: Value; ops: A.AttributeOp[]; scope: Scope; file: SourceFile; node: A.Expression }[] = [];
  private relationships: { left: Value; right: Value; op: string; file: SourceFile; node: A.Expression }[] = [];
  private realizeRefs: { refs: Value[]; file: SourceFile; node: A.Expression }[] = [];
  topScope: Scope;
  nodeScope: Scope | undefined;
  mainRes: Resource;
  stageMain: Resource;
  private hiera: Hiera;
  private curFile!: SourceFile;
  private curScope!: Scope;
  private factsHash: PHash;
  facts(): Value {
    return this.factsHash;
  }

  constructor(readonly input: CompileInput) {
    this.stageMain = this.addResource(new Resource("Stage", "main", "compilable_type"));
    this.stageMain.params.set("name", "main");
    this.stageMain.tag("stage");
    this.mainRes = this.addResource(new Resource("Class", "main", "unknown"));
    this.mainRes.params.set("name", "main");
    this.mainRes.tag("class");
    this.edges.push([this.stageMain, this.mainRes]);
    this.topScope = new Scope(undefined, "Class[main]", this.mainRes, undefined, "");
    this.factsHash = jsToValue(input.facts) as PHash;
    this.hiera = new Hiera({
      environmentDir: input.envDir,
      moduleDir: (name) => this.moduleDir(name),
      lookupType: (n) => this.lookupType(n),
    });
  }

  // ------------------------------------------------------------ loading
  private moduleDirs = new Map<string, string | null>();
  private moduleDir(name: string): string | undefined {
    const c = this.moduleDirs.get(name);
    if (c !== undefined) return c ?? undefined;
    let found: string | null = null;
    for (const mp of this.input.modulepath) {
      const d = join(mp, name);
      if (existsSync(d)) {
        found = d;
        break;
      }
    }
    this.moduleDirs.set(name, found);
    return found ?? undefined;
  }

  loadFile(path: string): void {
    if (this.loadedFiles.has(path)) return;
    this.loadedFiles.add(path);
    const file = new SourceFile(path, readFileSync(path, "utf8"));
    const r = parseManifest(file);
    const errs = r.diagnostics.filter((d) => d.severity === "error");
    // Puppet's lexer warns about unknown escapes in double-quoted strings.
    for (const t of r.tokens) {
      if (!(t.kind === "DQPRE" || t.kind === "DQMID" || t.kind === "DQPOST" || (t.kind === "STRING" && t.text.startsWith('"')))) continue;
      const txt = t.text;
      for (let i = 0; i < txt.length - 1; i++) {
        if (txt[i] !== "\\") continue;
        const c = txt[i + 1]!;
        if (!"\\$'\"rntsu\r\n".includes(c)) {
          const p = file.position(t.end);
          this.logs.push(`Warning: Unrecognized escape sequence '\\${c}' (file: ${file.path}, line: ${p.line}, column: ${p.column})`);
        }
        i++;
      }
    }
    for (const w of r.diagnostics) {
      if (w.severity !== "warning" || !w.span) continue;
      const p = file.position(w.span.start);
      this.logs.push(`Warning: ${w.message} (file: ${file.path}, line: ${p.line}, column: ${p.column})`);
    }
    if (errs.length) {
      const d = errs[0]!;
      let span = d.span;
      const ne = /^This '(\S+)' expression has no effect/.exec(d.message);
      if (ne && span && /^[-+*\/%<>=!]+$/.test(ne[1]!)) {
        const seg = file.text.slice(span.start, span.end);
        const m = new RegExp(`\\s(${ne[1]!.replace(/[-+*\/%]/g, "\\$&")})\\s`).exec(seg);
        if (m) span = { start: span.start + m.index + 1, end: span.start + m.index + 1 + ne[1]!.length };
      }
      const e = new EvalError(d.message, file, span, false);
      (e as EvalError & { parse?: boolean }).plain = true;
      (e as EvalError & { parseError?: boolean }).parseError = true;
      throw e;
    }
    const mod = this.moduleOfPath(path);
    for (const d of r.program.definitions) this.register(d, file, mod);
    this.programs.set(path, { program: r.program, file });
  }
  programs = new Map<string, { program: A.Program; file: SourceFile }>();

  private moduleOfPath(path: string): string {
    for (const mp of this.input.modulepath) {
      if (path.startsWith(mp + "/")) return path.slice(mp.length + 1).split("/")[0]!;
    }
    return "";
  }

  private register(d: A.Definition, file: SourceFile, mod: string): void {
    switch (d.kind) {
      case "HostClassDefinition":
        this.defs.set("class:" + d.name.toLowerCase().replace(/^::/, ""), { kind: "class", node: d, file, name: d.name.toLowerCase(), moduleName: mod });
        break;
      case "ResourceTypeDefinition":
        this.defs.set("define:" + d.name.toLowerCase().replace(/^::/, ""), { kind: "define", node: d, file, name: d.name.toLowerCase(), moduleName: mod });
        break;
      case "FunctionDefinition":
        this.defs.set("function:" + d.name.toLowerCase().replace(/^::/, ""), { kind: "function", node: d, file, name: d.name.toLowerCase(), moduleName: mod });
        break;
      case "NodeDefinition":
        if (d.parent) {
          const e = new EvalError("Node inheritance is not supported in Puppet >= 4.0.0. See http://links.puppet.com/puppet-node-inheritance-deprecation", file, d.parent.span, false);
          (e as EvalError & { parseError?: boolean }).parseError = true;
          throw e;
        }
        this.nodes.push({ kind: "node", node: d, file, name: "", moduleName: "" });
        break;
      case "TypeAlias": {
        const scope = this.topScope;
        const name = d.name;
        this.aliases.set(name.toLowerCase(), defineAlias(name, () => {
          const v = this.withFile(file, () => this.eval(d.typeExpr, scope));
          if (!(v instanceof PType)) throw new EvalError(`type alias ${name} is not a type`, file, d.span);
          return v;
        }));
        break;
      }
      default:
        break;
    }
  }

  private withFile<T>(file: SourceFile, f: () => T): T {
    const saved = this.curFile;
    this.curFile = file;
    try {
      return f();
    } finally {
      this.curFile = saved;
    }
  }

  /** Finds a class/define/function/type, autoloading from the modulepath. */
  findDef(kind: "class" | "define" | "function", name0: string): Def | undefined {
    const keys = this.defKeys[kind];
    let key = keys.get(name0);
    if (key === undefined) keys.set(name0, (key = `${kind}:${canonicalName(name0)}`));
    let d = this.defs.get(key);
    if (d) return d;
    if (this.missingDefs.has(key)) return undefined;
    d = this.autoload(kind, key.slice(kind.length + 1), key);
    if (!d) this.missingDefs.add(key);
    return d;
  }
  private missingDefs = new Set<string>();
  /** Name as written -> "kind:canonical name", the key of `defs` (names are looked up over and over). */
  private defKeys = { class: new Map<string, string>(), define: new Map<string, string>(), function: new Map<string, string>() };

  private autoload(kind: "class" | "define" | "function", name: string, key: string): Def | undefined {
    let d: Def | undefined;
    const parts = name.split("::");
    const dir = this.moduleDir(parts[0]!);
    const sub = kind === "function" ? "functions" : "manifests";
    if (dir) {
      const p = parts.length === 1 ? join(dir, sub, kind === "function" ? `${parts[0]}.pp` : "init.pp") : join(dir, sub, ...parts.slice(1, -1), `${parts[parts.length - 1]}.pp`);
      if (existsSync(p)) this.loadFile(p);
      d = this.defs.get(key);
      if (!d && parts.length > 1 && kind !== "function") {
        const init = join(dir, "manifests", "init.pp");
        if (existsSync(init)) this.loadFile(init);
        d = this.defs.get(key);
      }
    }
    if (!d && kind === "function" && parts[0] === "environment") {
      const p = join(this.input.envDir, "functions", `${parts[1]}.pp`);
      if (existsSync(p)) this.loadFile(p);
      d = this.defs.get(key);
    }
    return d;
  }

  lookupType(name: string): PType | undefined {
    const lc = canonicalName(name);
    let a = this.aliases.get(lc);
    if (a) return a;
    const parts = lc.split("::");
    if (parts.length > 1) {
      const dir = parts[0] === "environment" ? this.input.envDir : this.moduleDir(parts[0]!);
      if (dir) {
        const p = join(dir, "types", ...parts.slice(1, -1), `${parts[parts.length - 1]}.pp`);
        if (existsSync(p)) this.loadFile(p);
        a = this.aliases.get(lc);
      }
    }
    return a;
  }

  // ------------------------------------------------------------ CallContext
  callLambda(lambda: PLambda, args: Value[]): Value {
    const l = lambda as Lambda;
    const scope = new Scope(l.scope, l.scope.source, l.scope.resource, l.scope, l.scope.moduleName, l.scope.className);
    const ps = l.node.parameters;
    return this.withFile(l.file, () => {
      for (let i = 0; i < ps.length; i++) {
        const p = ps[i]!;
        let v: Value;
        if (p.capturesRest) v = args.slice(i);
        else if (i < args.length) v = args[i]!;
        else if (p.value) v = this.eval(p.value, scope);
        else v = null;
        if (p.typeExpr && !p.capturesRest) {
          const t = this.paramType(p, scope);
          if (t instanceof PType && !isInstance(v, t)) throw new PuppetEvalError(describeMismatch(t, v, `block parameter '${p.name}' `) ?? "type mismatch");
        }
        scope.vars.set(p.name, v);
      }
      try {
        return this.evalBody(l.node.body, scope);
      } catch (e) {
        if (e instanceof NextSignal) return e.value;
        throw e;
      }
    });
  }
  log(level: LogLevel, message: string): void {
    this.logLine(level, `Scope(${this.curScope?.source ?? "Class[main]"})`, message);
  }
  warning(message: string): void {
    this.logs.push(`Warning: ${message}`);
  }
  callFunction(name: string, args: Value[], lambda?: PLambda): Value {
    return this.callNamed(name, args, lambda as Lambda | undefined, this.curScope, undefined);
  }
  lookupVariable(name: string): Value | undefined {
    const v = this.lookupVar(name, this.curScope, undefined, false);
    return v === NOTFOUND ? undefined : (v as Value);
  }
  nodeName(): string {
    return this.input.nodeName;
  }
  hieraLookup(args: Value[], lambda?: PLambda): Value {
    const req = parseLookupArgs(args, (n) => this.lookupType(n));
    const r = lambda ? { ...req, defaultValue: { compute: (n: string) => this.callLambda(lambda, [n]) } } : req;
    return this.hiera.lookup(r, this.hieraScope(this.curScope));
  }

  private hieraScope(scope: Scope): HieraScope {
    return {
      variable: (name: string) => {
        const v = this.lookupVar(name, scope, undefined, false);
        return v === NOTFOUND ? undefined : (v as Value);
      },
    };
  }

  private logLine(level: LogLevel, source: string, message: string): void {
    const L: Record<string, string> = { debug: "Debug", info: "Info", notice: "Notice", warning: "Warning", err: "Error", alert: "Alert", emerg: "Emergency", crit: "Critical" };
    if (level === "debug" || level === "info") return;
    this.logs.push(`${L[level]}: ${source}: ${message}`);
  }

  private loc(node: A.BaseNode, file = this.curFile): string {
    const p = file.position(node.span.start);
    return `(file: ${file.path}, line: ${p.line}, column: ${p.column})`;
  }

  // ------------------------------------------------------------ the compile
  run(): void {
    // site manifest(s)
    const m = this.input.manifest;
    let files: string[] = [];
    if (existsSync(m) && statSync(m).isDirectory()) {
      files = readdirSync(m).filter((f) => f.endsWith(".pp")).sort().map((f) => join(m, f));
    } else if (existsSync(m)) files = [m];
    for (const f of files) this.loadFile(f);
    this.setupTopScope();
    this.curScope = this.topScope;
    this.mainRes.evaluated = true;
    for (const f of files) {
      const { program, file } = this.programs.get(f)!;
      this.curFile = file;
      this.evalStatements(program.body, this.topScope);
    }
    this.evalNode();
    this.generate();
    this.finish();
  }

  private setupTopScope(): void {
    const s = this.topScope;
    for (const [k, v] of this.factsHash) s.vars.set(k as string, v);
    s.vars.set("facts", this.factsHash);
    const node = this.input.nodeName;
    const dot = node.indexOf(".");
    s.vars.set("trusted", PHash.fromObject({
      authenticated: "local", certname: node, extensions: new PHash(),
      hostname: dot < 0 ? node : node.slice(0, dot), domain: dot < 0 ? "" : node.slice(dot + 1), external: new PHash(),
    }));
    s.vars.set("server_facts", PHash.fromObject({ environment: this.input.environment }));
    s.vars.set("environment", this.input.environment);
    if (!s.vars.has("clientcert")) s.vars.set("clientcert", node);
    s.vars.set("name", "main");
    s.vars.set("title", "main");
    s.vars.set("module_name", "");
  }

  private evalNode(): void {
    if (this.nodes.length === 0) return;
    const name = this.input.nodeName.toLowerCase();
    let found: { def: Def; title: string; match?: RegExpExecArray } | undefined;
    const parts = name.split(".");
    const exactFirst = (cands: string[]): void => {
    outer: for (const cand of cands) {
      for (const d of this.nodes) {
        for (const hm of (d.node as A.NodeDefinition).hostMatches) {
          if ((hm.kind === "LiteralString" || hm.kind === "QualifiedName") && (hm as { value: string }).value.toLowerCase() === cand) {
            found = { def: d, title: (hm as { value: string }).value.toLowerCase() };
            break outer;
          }
        }
      }
    }
    };
    exactFirst([name]);
    if (!found) {
      outer2: for (const d of this.nodes) {
        for (const hm of (d.node as A.NodeDefinition).hostMatches) {
          if (hm.kind === "LiteralRegularExpression") {
            const re = makeRegexp(hm.pattern).regexp;
            const mm = re.exec(this.input.nodeName);
            if (mm) {
              found = { def: d, title: `__node_regexp__${hm.pattern.replace(/[^-\w:.]/g, "").replace(/^\.+/, "")}`, match: mm };
              break outer2;
            }
          }
        }
      }
    }
    if (!found) {
      const cands: string[] = [];
      for (let i = parts.length - 1; i > 0; i--) cands.push(parts.slice(0, i).join("."));
      exactFirst(cands);
    }
    if (!found) {
      for (const d of this.nodes) {
        if ((d.node as A.NodeDefinition).hostMatches.some((h) => h.kind === "LiteralDefault")) found = { def: d, title: "default" };
      }
    }
    if (!found) throw new EvalError(`Could not find node statement with name 'default' or '${this.input.nodeName}'`, undefined, undefined, false);
    const res = this.addResource(new Resource("Node", found.title, "unknown"));
    res.tag("node", found.title);
    res.container = this.mainRes;
    this.edges.push([this.mainRes, res]);
    this.classes.push(found.title);
    this.addCatalogTags(["node", ...res.tags.filter((t) => t !== "node")]);
    const scope = new Scope(this.topScope, `Node[${found.title}]`, res, this.topScope, "");
    if (found.match) scope.match = [...found.match].map((x) => x ?? null);
    res.tag("class");
    this.nodeScope = scope;
    this.withFile(found.def.file, () => this.evalBody((found!.def.node as A.NodeDefinition).body, scope));
  }

  /**
   * Puppet's generator loop: collectors, then every defined-type instance not yet evaluated, in
   * catalog order (so virtual instances realized by several collectors are evaluated in the order
   * they were declared), until nothing changes.
   */
  private generate(): void {
    for (let guard = 0; guard < 100000; guard++) {
      let progress = false;
      for (const c of this.collectors) {
        if (this.runCollector(c)) progress = true;
      }
      const pending: Resource[] = [];
      const all = this.resources;
      for (let i = this.firstUnevaluated; i < all.length; i++) {
        const r = all[i]!;
        if (r.def?.kind === "define" && !r.evaluated && !r.virtual) pending.push(r);
      }
      for (const r of pending) {
        if (r.evaluated || r.virtual) continue;
        this.evalDefine(r);
        progress = true;
      }
      // Resources before the first unevaluated (or virtual) define never need a rescan.
      while (this.firstUnevaluated < all.length) {
        const r = all[this.firstUnevaluated]!;
        if (r.def?.kind === "define" && !r.evaluated) break;
        this.firstUnevaluated++;
      }
      if (!progress) break;
    }
  }
  private firstUnevaluated = 0;

  private finish(): void {
    for (const o of this.overrides) this.applyOverride(o);
    for (const rr of this.realizeRefs) {
      const missing: string[] = [];
      for (const ref of rr.refs) {
        const r = this.resolveRef(ref);
        if (!r) missing.push(refString(ref));
        else if (r.virtual) {
          r.virtual = false;
        }
      }
      if (missing.length) {
        const e = new EvalError(`Failed to realize virtual resources ${missing.join(", ")}`, undefined, undefined, false);
        e.plain = true;
        throw e;
      }
    }
    this.generate();
    for (const rel of this.relationships) this.applyRelationship(rel);
    // validate relationship targets
    for (const r of this.resources) {
      if (r.virtual) continue;
      for (const p of ["before", "require", "notify", "subscribe"]) {
        const v = r.params.get(p);
        if (v === undefined) continue;
        for (const x of Array.isArray(v) ? flatten(v) : [v]) {
          if (x instanceof PType) {
            const t = this.resolveRef(x);
            if (!t || t.virtual) {
              const e = new EvalError(`Could not find resource '${refString(x)}' in parameter '${p}'`, undefined, undefined, false);
              e.plain = true;
              (e as EvalError & { where?: string }).where = r.file ? `(file: ${r.file}, line: ${r.paramLines?.get(p) ?? r.line})` : undefined;
              throw e;
            }
          }
        }
      }
    }
  }

  // ------------------------------------------------------------ catalog operations
  private addResource(r: Resource): Resource {
    this.resources.push(r);
    const key = lowerType(r.type);
    let byTitle = this.index.get(key);
    if (!byTitle) this.index.set(key, (byTitle = new Map()));
    byTitle.set(r.title, r);
    return r;
  }

  findResource(type: string, title: string): Resource | undefined {
    return this.index.get(lowerType(type))?.get(title);
  }

  resolveRef(ref: Value): Resource | undefined {
    if (ref instanceof PClassType && ref.className) return this.classRes.get(canonicalName(ref.className));
    if (ref instanceof PResourceType && ref.typeName && ref.title !== undefined) {
      if (ref.typeName === "Class") return this.classRes.get(canonicalName(ref.title));
      const r = this.findResource(ref.typeName, ref.title);
      if (r) return r;
      // alias / namevar match
      for (const x of this.resources) if (x.type.toLowerCase() === ref.typeName.toLowerCase() && (x.params.get("alias") === ref.title || (Array.isArray(x.params.get("alias")) && (x.params.get("alias") as Value[]).includes(ref.title)))) return x;
      return undefined;
    }
    if (typeof ref === "string") {
      const m = /^([\w:]+)\[(.*)\]$/s.exec(ref);
      if (m) return this.resolveRef(new PResourceType(capitalizeTypeName(m[1]!), m[2]!));
    }
    return undefined;
  }

  // ------------------------------------------------------------ classes
  /**
   * Declares a class: its Class resource is added at once; its body is evaluated at once too, unless
   * `defer` (then `runPending` evaluates it). Puppet adds the resources of all classes named by one
   * `include a, b` (and of a class and its parent) before evaluating any of their bodies.
   */
  declareClass(name0: string, params: PHash | undefined, scope: Scope, node: A.BaseNode, resourceLike: boolean, stage?: string, defer = false): Resource {
    const name = canonicalName(name0);
    const existing = this.classRes.get(name);
    if (existing) {
      if (resourceLike) {
        throw new PuppetEvalError(`Duplicate declaration: Class[${capitalizeTypeName(name)}] is already declared; cannot redeclare (file: ${this.curFile.path}, line: ${this.curFile.position(node.span.start).line})`);
      }
      return existing;
    }
    const def = this.findDef("class", name);
    if (!def) {
      throw new PuppetEvalError(resourceLike ? `Could not find declared class ${name}` : `Could not find class ::${name} for ${this.input.nodeName}`);
    }
    const cdef = def.node as A.HostClassDefinition;
    // parent first
    let parentScope: Scope | undefined;
    let parentRes: Resource | undefined;
    if (cdef.parentClass) {
      parentRes = this.declareClass(cdef.parentClass, undefined, scope, node, false, undefined, true);
      parentScope = this.classScopes.get(parentRes.title.toLowerCase());
    }
    const title = capitalizeTypeName(name);
    const res = this.addResource(new Resource("Class", title, resourceLike ? "class" : "unknown"));
    if (resourceLike) {
      res.file = this.curFile.path;
      res.line = this.curFile.position(node.span.start).line;
    }
    res.def = def;
    res.tag("class", name);
    for (const t of scope.resource?.tags ?? []) res.tag(t);
    this.classRes.set(name, res);
    this.classes.push(name);
    for (const t of ["class", ...new Resource("x", "y", "").tags, name]) void t;
    this.addCatalogTags(["class", name, ...(name.includes("::") ? name.split("::") : [])]);
    // stage containment
    let stageRes = this.stageMain;
    if (stage) {
      const s = this.findResource("Stage", stage);
      if (!s) throw new PuppetEvalError(`Could not find stage ${stage} specified by Class[${title}]`);
      stageRes = s;
    }
    if (parentScope && !stage) {
      const pr = this.classRes.get(canonicalName(cdef.parentClass!));
      const pc = pr?.container;
      if (pc) stageRes = pc;
    }
    res.container = stageRes;
    this.edges.push([stageRes, res]);
    if (params) for (const [k, v] of params) if (v !== null || true) this.setMeta(res, k as string, v);
    const cscope = new Scope(parentScope ?? this.nodeScope ?? this.topScope, `Class[${title}]`, res, scope, def.moduleName, name);
    this.classScopes.set(title.toLowerCase(), cscope);
    res.scope = cscope;
    res.pending = () => this.withFile(def.file, () => {
      if (parentRes) this.runPending(parentRes);
      const savedScope = this.curScope;
      this.curScope = cscope;
      try {
        cscope.vars.set("title", name);
        cscope.vars.set("name", name);
        cscope.vars.set("module_name", def.moduleName);
        cscope.vars.set("caller_module_name", scope.moduleName);
        this.bindParams(cdef.parameters, params, cscope, `Class[${title}]`, name, def.file);
        res.evaluated = true;
        this.evalBody(cdef.body, cscope);
      } finally {
        this.curScope = savedScope;
      }
    });
    if (!defer) this.runPending(res);
    return res;
  }

  /** Evaluates a declared class's body if that has not happened yet. */
  runPending(res: Resource): void {
    const f = res.pending;
    if (f) {
      res.pending = undefined;
      f();
    }
  }
  private classScopes = new Map<string, Scope>();

  private addCatalogTags(ts: string[]): void {
    for (const t of ts) {
      if (!this.catalogTagSet.has(t)) {
        this.catalogTagSet.add(t);
        this.catalogTags.push(t);
      }
    }
  }

  private setMeta(res: Resource, k: string, v: Value): void {
    if (v === null) return;
    if (!METAPARAMS.has(k)) return;
    res.params.set(k, v);
    if (k === "tag") {
      const ts = flatten(v).map(String);
      res.tag(...ts);
      this.addCatalogTags(ts.flatMap((t) => [...tagParts(t, true)]));
    }
  }

  /** Binds class/define parameters: given values, Hiera (classes), defaults; checks types. */
  private bindParams(params: readonly A.Parameter[], given: PHash | undefined, scope: Scope, label: string, className: string | undefined, file: SourceFile): void {
    const res = scope.resource!;
    if (given) {
      const names = parameterNames(params);
      given.forEach((v, k) => {
        const key = k as string;
        const declared = names.has(key);
        if (!declared && !METAPARAMS.has(key) && !(key === "name" && !className)) {
          throw new PuppetEvalError(`${label}: has no parameter named '${key}'`);
        }
        if (v !== null && declared) res.params.set(key, v);
      });
    }
    // Puppet's order of parameters in the catalog: given, then found in Hiera, then defaults.
    // (Names and values in separate arrays: no tuples to destructure on this hot path.)
    const hieraNames: string[] = [];
    const hieraValues: Value[] = [];
    const defaultNames: string[] = [];
    const defaultValues: Value[] = [];
    for (const p of params) {
      const givenKey = given?.has(p.name) ?? false;
      let v: Value | undefined = given?.get(p.name);
      if (v === null) v = undefined;
      let source: "hiera" | "default" | undefined = v === undefined ? "default" : undefined;
      if (v === undefined && className) {
        const r = this.hiera.lookupClassParameter(`${className}::${p.name}`, this.hieraScope(scope));
        if (r.found) {
          v = r.value;
          source = "hiera";
        }
      }
      if (v === undefined && p.value) v = this.eval(p.value, scope);
      if (v === undefined) {
        if (givenKey) v = null;
        else if (p.typeExpr) {
          const t = this.paramType(p, scope);
          if (t instanceof PType && isInstance(null, t) && false) v = null;
          else throw new PuppetEvalError(`${label}: expects a value for parameter '${p.name}'`);
        } else throw new PuppetEvalError(`${label}: expects a value for parameter '${p.name}'`);
      }
      if (p.typeExpr) {
        const t = this.paramType(p, scope);
        if (t instanceof PType && !isInstance(v, t)) {
          throw new PuppetEvalError(`${label}: ${describeMismatch(t, v, `parameter '${p.name}' `)}`);
        }
      }
      scope.vars.set(p.name, v);
      if (v !== null) {
        if (source === "hiera") {
          hieraNames.push(p.name);
          hieraValues.push(v);
        } else if (source === "default") {
          defaultNames.push(p.name);
          defaultValues.push(v);
        } else res.params.set(p.name, v);
      }
    }
    for (let i = 0; i < hieraNames.length; i++) res.params.set(hieraNames[i]!, hieraValues[i]!);
    for (let i = 0; i < defaultNames.length; i++) res.params.set(defaultNames[i]!, defaultValues[i]!);
    void file;
  }

  // ------------------------------------------------------------ defines
  private evalDefine(r: Resource): void {
    r.evaluated = true;
    const def = r.def!;
    const d = def.node as A.ResourceTypeDefinition;
    const declScope = r.scope!;
    r.scope = undefined;
    const scope = new Scope(this.nodeScope ?? this.topScope, r.ref, r, declScope, def.moduleName);
    const given = new PHash();
    for (const k of r.params.keys()) given.set(k, r.params.get(k)!);
    this.withFile(def.file, () => {
      const saved = this.curScope;
      this.curScope = scope;
      try {
        scope.vars.set("title", r.title);
        scope.vars.set("name", r.params.has("name") ? r.params.get("name")! : r.title);
        scope.vars.set("module_name", def.moduleName);
        scope.vars.set("caller_module_name", declScope.moduleName);
        this.bindParams(defineParameters(d), given, scope, r.ref, undefined, def.file);
        this.evalBody(d.body, scope);
      } catch (e) {
        let msg: string | undefined;
        if (e instanceof EvalError && !e.plain) msg = `Error while evaluating a Resource Statement, Evaluation Error: ${e.message}${e.locationText()}`;
        else if ((e instanceof PuppetEvalError || e instanceof PuppetTypeError) && !(e instanceof EvalError)) msg = `Error while evaluating a Resource Statement, ${e.message}`;
        if (msg !== undefined) {
          const x = new EvalError(msg, r.declFile, r.declSpan);
          x.lineOnly = true;
          throw x;
        }
        throw e;
      } finally {
        this.curScope = saved;
      }
    });
  }

  // ------------------------------------------------------------ statements
  evalBody(body: A.BlockExpression | A.Nop | A.Expression, scope: Scope): Value {
    if (body.kind === "Nop") return null;
    if (body.kind === "BlockExpression") return this.evalStatements(body.statements, scope);
    return this.eval(body, scope);
  }

  evalStatements(stmts: readonly A.Expression[], scope: Scope): Value {
    let last: Value = null;
    for (const s of stmts) last = this.eval(s, scope);
    return last;
  }

  /** Evaluates with Puppet's error wrapping (location of the innermost failing expression). */
  eval(e: A.Expression, scope: Scope): Value {
    try {
      return this.evalInner(e, scope);
    } catch (err) {
      if (this.errorScope === undefined && !(err instanceof BreakSignal || err instanceof NextSignal || err instanceof ReturnSignal)) this.errorScope = scope;
      if (err instanceof EvalError || err instanceof BreakSignal || err instanceof NextSignal || err instanceof ReturnSignal) throw err;
      if (err instanceof PuppetEvalError || err instanceof PuppetTypeError || err instanceof LookupError) {
        let msg = err.message;
        const prefix =
          e.kind === "CallNamedFunctionExpression"
            ? "Function Call"
            : e.kind === "CallMethodExpression"
              ? "Method call"
            : e.kind === "ResourceExpression"
              ? "Resource Statement"
              : undefined;
        if (prefix && !(err as { noPrefix?: boolean }).noPrefix) msg = `Error while evaluating a ${prefix}, ${msg}`;
        const located = new EvalError(msg, this.curFile, this.opSpan(e));
        located.related = (err as { related?: EvalError["related"] }).related;
        throw located;
      }
      if (err instanceof RangeError) throw new EvalError(`Stack level too deep`, this.curFile, e.span);
      throw err;
    }
  }

  /** Puppet locates binary expressions at their operator. */
  opSpan(e: A.Expression): A.BaseNode["span"] {
    if (e.kind === "CallMethodExpression") {
      // Puppet locates a method call at its '.'
      const at = this.curFile.text.indexOf(".", e.functor.left.span.end);
      if (at >= 0 && at < e.functor.right.span.start) return { start: at, end: at + 1 };
    }
    const bin = e as { left?: A.Expression; right?: A.Expression; operator?: string };
    if (bin.left && bin.right && "left" in e && e.kind !== "RelationshipExpression") {
      const text = this.curFile.text;
      const op = bin.operator ?? (e.kind === "InExpression" ? "in" : e.kind === "AndExpression" ? "and" : e.kind === "OrExpression" ? "or" : "");
      if (op) {
        let i = bin.left.span.end;
        // skip whitespace, comments and closing parentheses
        const at = text.indexOf(op, i);
        if (at >= 0 && at < bin.right.span.start) i = at;
        return { start: i, end: i + op.length };
      }
    }
    return e.span;
  }

  private evalInner(e: A.Expression, scope: Scope): Value {
    switch (e.kind) {
      case "Nop":
        return null;
      case "BlockExpression":
        return this.evalStatements(e.statements, scope);
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
      case "LiteralRegularExpression": {
        const re = makeRegexp(e.pattern);
        const src = e.pattern.replace(/\\.|\//g, (m) => (m === "/" ? "\\/" : m));
        return re.source === src ? re : new PRegexp(src, re.regexp);
      }
      case "LiteralList": {
        const out: Value[] = [];
        for (const v of e.values) {
          if (v.kind === "UnfoldExpression") {
            const x = this.eval(v.expr, scope);
            if (x instanceof PIteratorValue) out.push(...x.toArray());
            else if (Array.isArray(x)) out.push(...x);
            else if (x instanceof PHash) out.push(...[...x].map(([k, vv]) => [k, vv] as Value));
            else out.push(x);
          } else out.push(this.eval(v, scope));
        }
        return out;
      }
      case "LiteralHash": {
        const h = new PHash();
        for (const en of e.entries) h.set(this.eval(en.key, scope), this.eval(en.value, scope));
        return h;
      }
      case "QualifiedName":
        return e.value;
      case "QualifiedReference":
        return this.resolveTypeRef(e.cased);
      case "ReservedWord":
        return e.word;
      case "VariableExpression": {
        const v = this.lookupVar(e.name, scope, e, true);
        return v === NOTFOUND ? null : (v as Value);
      }
      case "TextExpression":
        return valueToString(this.eval(e.expr, scope));
      case "ConcatenatedString": {
        let s = "";
        for (const seg of e.segments) {
          if (seg.kind === "LiteralString") s += seg.value;
          else s += this.interp(this.eval(seg.expr, scope));
        }
        return s;
      }
      case "HeredocExpression":
        return this.eval(e.text, scope);
      case "UnaryMinusExpression": {
        const v = this.eval(e.expr, scope);
        if (typeof v === "bigint") return -v;
        if (typeof v === "number") return -v;
        const n = this.coerceNumber(v, e);
        if (n !== undefined) return typeof n === "bigint" ? -n : -n;
        throw new PuppetEvalError(`The value '${valueToString(v)}' cannot be converted to Numeric.`);
      }
      case "NotExpression":
        return !isTruthy(this.eval(e.expr, scope));
      case "UnfoldExpression":
        return this.eval(e.expr, scope);
      case "ParenthesizedExpression":
        return this.eval(e.expr, scope);
      case "ArithmeticExpression":
        return this.arith(e.operator, this.eval(e.left, scope), this.eval(e.right, scope), e);
      case "ComparisonExpression": {
        const a = this.eval(e.left, scope);
        const b = this.eval(e.right, scope);
        switch (e.operator) {
          case "==":
            return puppetEquals(a, b);
          case "!=":
            return !puppetEquals(a, b);
          default: {
            const c = compareValues(a, b, e.operator);
            return e.operator === "<" ? c < 0 : e.operator === "<=" ? c <= 0 : e.operator === ">" ? c > 0 : c >= 0;
          }
        }
      }
      case "MatchExpression": {
        const a = this.eval(e.left, scope);
        const b = this.eval(e.right, scope);
        let ok: boolean;
        if (b instanceof PType) ok = isInstance(a, b);
        else {
          const re = b instanceof PRegexp ? b : typeof b === "string" ? makeRegexp(b) : undefined;
          if (!re) throw new PuppetEvalError(`Left operand of =~ must be a String`);
          if (typeof a !== "string") {
            throw new PuppetEvalError(`Left match operand must result in a String value. Got ${inferType(a).generalize().shortName()}`);
          }
          const m = re.regexp.exec(a);
          ok = m !== null;
          if (m && e.operator === "=~") scope.match = [...m].map((x) => x ?? null);
        }
        return e.operator === "=~" ? ok : !ok;
      }
      case "InExpression": {
        const a = this.eval(e.left, scope);
        const b = this.eval(e.right, scope);
        return this.isIn(a, b, scope);
      }
      case "AndExpression":
        return isTruthy(this.eval(e.left, scope)) && isTruthy(this.eval(e.right, scope));
      case "OrExpression":
        return isTruthy(this.eval(e.left, scope)) || isTruthy(this.eval(e.right, scope));
      case "AssignmentExpression":
        return this.assign(e, scope);
      case "AccessExpression":
        return this.access(e, scope);
      case "IfExpression":
      case "UnlessExpression": {
        const saved = scope.match;
        const t = isTruthy(this.eval(e.test, scope));
        const take = e.kind === "IfExpression" ? t : !t;
        try {
          if (take) return this.evalBody(e.then, scope);
          return this.evalBody(e.else, scope);
        } finally {
          scope.match = saved;
        }
      }
      case "CaseExpression":
        return this.evalCase(e, scope);
      case "SelectorExpression":
        return this.evalSelector(e, scope);
      case "LambdaExpression":
        return new Lambda(e, scope, this.curFile);
      case "CallNamedFunctionExpression":
        return this.evalCall(e, scope);
      case "CallMethodExpression":
        return this.evalMethodCall(e, scope);
      case "ResourceExpression":
        return this.evalResource(e, scope);
      case "ResourceDefaultsExpression":
        return this.evalDefaults(e, scope);
      case "ResourceOverrideExpression": {
        const refs = this.eval(e.resources, scope);
        this.overrides.push({ refs, ops: [...e.operations], scope, file: this.curFile, node: e });
        return refs;
      }
      case "CollectExpression":
        return this.evalCollect(e, scope);
      case "RelationshipExpression":
        return this.evalRelationship(e, scope);
      case "HostClassDefinition":
      case "ResourceTypeDefinition":
      case "NodeDefinition":
      case "FunctionDefinition":
      case "TypeAlias":
      case "TypeMapping":
        return null;
      case "EppExpression":
        return this.evalBody(e.body, scope);
      case "RenderStringExpression":
        this.eppOut.push(e.value);
        return null;
      case "RenderExpression": {
        const v = this.eval(e.expr, scope);
        this.eppOut.push(valueToString(v));
        return null;
      }
      case "NamedAccessExpression":
        throw new PuppetEvalError(`Unsupported named access`);
      default:
        throw new PuppetEvalError(`Unsupported expression ${(e as A.BaseNode).kind}`);
    }
  }
  private eppOut: string[] = [];
  /** The scope where the first error was raised (for the evaluation path in diagnostics). */
  errorScope: Scope | undefined;

  /** `Class[Foo] <- Class[Bar] <- Node[x]`: which declarations led to the scope. */
  evaluationPath(): string | undefined {
    const out: string[] = [];
    for (let s = this.errorScope; s; s = s.dynParent ?? s.parent) if (out[out.length - 1] !== s.source) out.push(s.source);
    return out.length ? out.join(" <- ") : undefined;
  }

  private interp(v: Value): string {
    return valueToString(v);
  }

  private coerceNumber(v: Value, node: A.BaseNode): bigint | number | undefined {
    if (typeof v === "string") {
      const s = v.trim();
      let n: bigint | number | undefined;
      if (/^-?(0x[0-9a-f]+|0[0-7]*|[1-9]\d*)$/i.test(s)) {
        const neg = s.startsWith("-");
        const b = s.replace(/^-/, "");
        n = /^0x/i.test(b) ? BigInt(b) : /^0\d/.test(b) ? BigInt("0o" + b.slice(1)) : BigInt(b);
        if (neg) n = -n;
      } else if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(s)) n = Number(s);
      if (n !== undefined) {
        this.logs.push(`Warning: The string '${v}' was automatically coerced to the numerical value ${n.toString()} ${this.loc(node)}`);
      }
      return n;
    }
    return undefined;
  }

  private arith(op: A.ArithmeticOperator, a0: Value, b0: Value, node: A.BaseNode): Value {
    let a = a0;
    let b = b0;
    if (op === "+" || op === "-" || op === "<<") {
      if (Array.isArray(a)) {
        if (op === "<<") return [...a, b];
        if (op === "+") return b instanceof PHash ? [...a, ...[...b].map(([k, v]) => [k, v] as Value)] : Array.isArray(b) ? [...a, ...b] : [...a, b];
        const bs = Array.isArray(b) ? b : b instanceof PHash ? [...b].map(([k, v]) => [k, v] as Value) : [b];
        return (a as Value[]).filter((x: Value) => !(bs as Value[]).some((y: Value) => strictEq(x, y)));
      }
      if (a instanceof PHash) {
        if (op === "+") {
          const h = PHash.from(a);
          if (b instanceof PHash) for (const [k, v] of b) h.set(k, v);
          else if (Array.isArray(b)) {
            if (b.length % 2 !== 0 && !b.every(Array.isArray)) throw new PuppetEvalError(`odd number of arguments for Hash`);
            if (b.every(Array.isArray)) for (const p of b as Value[][]) h.set(p[0]!, p[1]!);
            else for (let i = 0; i < b.length; i += 2) h.set(b[i]!, b[i + 1]!);
          } else throw new PuppetEvalError(`Operator '+' is not applicable to a Hash and ${inferType(b).generalize().shortName()}`);
          return h;
        }
        if (op === "-") {
          const keys = b instanceof PHash ? [...b.keys()] : Array.isArray(b) ? b : [b];
          const h = new PHash();
          for (const [k, v] of a) if (!(keys as Value[]).some((x: Value) => strictEq(x, k))) h.set(k, v);
          return h;
        }
      }
    }
    if (op === "*" && Array.isArray(a)) throw new PuppetEvalError(`Operator '*' is not applicable to an Array.`);
    if (typeof a === "string") a = this.coerceNumber(a, node) ?? a;
    if (typeof b === "string") b = this.coerceNumber(b, node) ?? b;
    const isNum = (x: Value): x is bigint | number => typeof x === "bigint" || typeof x === "number";
    if (!isNum(a)) throw new PuppetEvalError(`Operator '${op}' is not applicable to ${aType(a)}.`);
    if (!isNum(b)) throw new PuppetEvalError(`Operator '${op}' is not applicable to ${aType(a)} and ${aType(b)}.`);
    if (typeof a === "bigint" && typeof b === "bigint") {
      switch (op) {
        case "+":
          return a + b;
        case "-":
          return a - b;
        case "*":
          return a * b;
        case "/": {
          if (b === 0n) throw new PuppetEvalError(`Division by 0`);
          let q = a / b;
          if ((a % b !== 0n) && ((a < 0n) !== (b < 0n))) q -= 1n;
          return q;
        }
        case "%": {
          if (b === 0n) throw new PuppetEvalError(`Division by 0`);
          let r = a % b;
          if (r !== 0n && (r < 0n) !== (b < 0n)) r += b;
          return r;
        }
        case "<<":
          return b >= 0n ? a << b : a >> -b;
        case ">>":
          return b >= 0n ? a >> b : a << -b;
      }
    }
    const x = Number(a);
    const y = Number(b);
    switch (op) {
      case "+":
        return x + y;
      case "-":
        return x - y;
      case "*":
        return x * y;
      case "/":
        if (y === 0) throw new PuppetEvalError(`Division by 0`);
        return x / y;
      case "%":
        throw new PuppetEvalError(`Operator '%' is not applicable to a Float.`);
      default:
        throw new PuppetEvalError(`Operator '${op}' is not applicable to a Float.`);
    }
  }

  private isIn(a: Value, b: Value, scope: Scope): boolean {
    if (typeof b === "string") {
      if (a instanceof PRegexp) {
        const m = a.regexp.exec(b);
        if (m) scope.match = [...m].map((x) => x ?? null);
        return m !== null;
      }
      if (typeof a !== "string") return false;
      return b.toLowerCase().includes(a.toLowerCase());
    }
    const items = Array.isArray(b) ? b : b instanceof PHash ? [...b.keys()] : [];
    for (const x of items) {
      if (a instanceof PType) {
        if (isInstance(x, a)) return true;
      } else if (a instanceof PRegexp) {
        if (typeof x === "string" && a.regexp.exec(x)) return true;
      } else if (puppetEquals(a, x)) return true;
    }
    return false;
  }

  private assign(e: A.AssignmentExpression, scope: Scope): Value {
    const v = this.eval(e.right, scope);
    const setVar = (node: A.Expression, val: Value): void => {
      if (node.kind === "LiteralList" && Array.isArray(val)) {
        if (val.length !== node.values.length) throw new PuppetEvalError(`Mismatched number of assignable values, expected ${node.values.length}, got ${val.length}`);
        node.values.forEach((t, i) => setVar(t, val[i]!));
        return;
      }
      if (node.kind !== "VariableExpression") throw new PuppetEvalError(`Illegal attempt to assign to '${node.kind}'. Not an assignable reference`);
      const name = node.name;
      if (name.includes("::")) throw new EvalError(`Cannot assign to variables in other namespaces`, this.curFile, node.span);
      if (/^\d+$/.test(name)) throw new EvalError(`Illegal attempt to assign to 'a Match Variable'. Not an assignable reference`, this.curFile, node.span);
      if (scope.vars.has(name)) throw new EvalError(`Cannot reassign variable '$${name}'`, this.curFile, this.opSpan(e));
      scope.vars.set(name, val);
    };
    if (e.left.kind === "LiteralList") {
      const targets = e.left.values;
      if (Array.isArray(v)) {
        if (v.length !== targets.length) throw new PuppetEvalError(`Mismatched number of assignable values, expected ${targets.length}, got ${v.length}`);
        targets.forEach((t, i) => setVar(t, v[i]!));
      } else if (v instanceof PHash) {
        for (const t of targets) {
          const nm = (t as A.VariableExpression).name;
          if (!v.has(nm)) throw new PuppetEvalError(`No value for required key '${nm}' in assignment to variables from hash`);
          setVar(t, v.get(nm)!);
        }
      } else throw new PuppetEvalError(`Value of type ${inferType(v).generalize().shortName()} cannot be assigned to an array of variables`);
      return v;
    }
    setVar(e.left, v);
    return v;
  }

  private lookupVar(name0: string, scope: Scope, node: A.BaseNode | undefined, warn: boolean): Value | typeof NOTFOUND {
    let name = name0;
    if (/^\d+$/.test(name)) {
      const i = Number(name);
      for (let s: Scope | undefined = scope; s; s = s.parent) {
        if (s.match) return s.match[i] ?? null;
      }
      return null;
    }
    if (name.startsWith("::")) {
      name = name.slice(2);
      if (!name.includes("::")) {
        if (this.topScope.vars.has(name)) return this.topScope.vars.get(name)!;
        if (warn && node) this.warnUnknown(name0, node);
        return NOTFOUND;
      }
    }
    if (name.includes("::")) {
      let parts = qualifiedVariables.get(name);
      if (parts === undefined) {
        const i = name.lastIndexOf("::");
        parts = [capitalizeTypeName(name.slice(0, i).toLowerCase()).toLowerCase(), name.slice(i + 2)];
        qualifiedVariables.set(name, parts);
      }
      const vn = parts[1];
      const cs = this.classScopes.get(parts[0]);
      if (cs && cs.vars.has(vn)) return cs.vars.get(vn)!;
      if (cs) {
        const v = cs.lookupLocal(vn);
        if (v !== undefined) return v;
      }
      if (warn && node) {
        if (!cs) {
          this.warnUnknown(name0, node);
        } else this.warnUnknown(name0, node);
      }
      return NOTFOUND;
    }
    const v = scope.lookupLocal(name);
    if (v !== undefined) return v;
    if (warn && node) this.warnUnknown(name0, node);
    return NOTFOUND;
  }

  private warnUnknown(name: string, node: A.BaseNode): void {
    this.logs.push(`Warning: Unknown variable: '${name}'. ${this.loc(node)}`);
  }

  private resolveTypeRef(cased: string): Value {
    const t = resolveTypeName(cased, (n) => this.lookupType(n));
    return t;
  }

  private access(e: A.AccessExpression, scope: Scope): Value {
    const left = this.eval(e.left, scope);
    const keys: Value[] = [];
    for (const k of e.keys) {
      if (k.kind === "UnfoldExpression") {
        const x = this.eval(k.expr, scope);
        if (Array.isArray(x)) keys.push(...x);
        else keys.push(x);
      } else keys.push(this.eval(k, scope));
    }
    if (left instanceof PResourceType && left.typeName !== undefined && left.title !== undefined && keys.length === 1 && typeof keys[0] === "string") {
      const r = this.resolveRef(left);
      if (!r) throw new PuppetEvalError(`Resource not found: ${left.referenceString()}`);
      const v = r.params.get(keys[0]);
      return v === undefined ? null : v;
    }
    if (left instanceof PClassType && left.className !== undefined && keys.length === 1 && typeof keys[0] === "string") {
      const r = this.classRes.get(left.className.toLowerCase());
      if (!r) throw new PuppetEvalError(`Class not found: ${left.className}`);
      const v = r.params.get(keys[0]);
      return v === undefined ? null : v;
    }
    if (left instanceof PResourceType && left.typeName !== undefined && left.title === undefined) {
      const lc = left.typeName.toLowerCase();
      if (lc !== "node" && lc !== "class" && !BUILTIN_TYPES[lc] && !this.findDef("define", lc) && !this.moduleRubyType(lc)) {
        throw new PuppetEvalError(`Resource type not found: ${left.typeName}`);
      }
    }
    if (left instanceof PType) {
      if (left instanceof PResourceType && left.typeName === undefined && keys.length >= 1 && (typeof keys[0] === "string" || keys[0] instanceof PType)) {
        const tn = keys[0] instanceof PResourceType ? keys[0].typeName! : capitalizeTypeName(String(keys[0]));
        const base = tn.toLowerCase() === "class" ? PClassType.DEFAULT : new PResourceType(tn, undefined);
        if (keys.length === 1) return base;
        return parameterize(base, keys.slice(1));
      }
      return parameterize(left, keys);
    }
    if (Array.isArray(left)) {
      const n = left.length;
      const idx = (x: Value): number => {
        if (typeof x !== "bigint") throw new PuppetEvalError(`Array index must be Integer, got ${inferType(x).generalize().shortName()}`);
        return Number(x);
      };
      if (keys.length === 1) {
        let i = idx(keys[0]!);
        if (i < 0) i += n;
        return i >= 0 && i < n ? left[i]! : null;
      }
      let start = idx(keys[0]!);
      let count = idx(keys[1]!);
      if (start < 0) start += n;
      if (start < 0) start = 0;
      if (start > n) return [];
      if (count < 0) count = n + count + 1 - start;
      return left.slice(start, start + count);
    }
    if (left instanceof PHash) {
      if (keys.length === 1) {
        const v = left.get(keys[0]!);
        return v === undefined ? null : v;
      }
      return keys.map((k) => left.get(k) ?? null).filter((x) => x !== null);
    }
    if (typeof left === "string") {
      const n = [...left].length;
      const chars = [...left];
      let start = Number(keys[0] as bigint);
      if (start < 0) start += n;
      if (keys.length === 1) return start >= 0 && start < n ? chars[start]! : "";
      let count = Number(keys[1] as bigint);
      if (count < 0) count = n + count + 1 - start;
      return chars.slice(start, start + count).join("");
    }
    if (left === null) throw new PuppetEvalError(`Operator '[]' is not applicable to an Undef Value.`);
    throw new PuppetEvalError(`Operator '[]' is not applicable to ${aType(left)}.`);
  }

  private caseMatch(test: Value, opt: Value, scope: Scope): boolean {
    if (opt === DEFAULT) return true;
    if (opt instanceof PRegexp) {
      if (typeof test !== "string") return false;
      const m = opt.regexp.exec(test);
      if (m) scope.match = [...m].map((x) => x ?? null);
      return m !== null;
    }
    if (opt instanceof PType) return isInstance(test, opt);
    if (Array.isArray(opt) && Array.isArray(test)) {
      return opt.length === test.length && opt.every((o, i) => this.caseMatch(test[i]!, o, scope));
    }
    return puppetEquals(test, opt);
  }

  private evalCase(e: A.CaseExpression, scope: Scope): Value {
    const test = this.eval(e.test, scope);
    const saved = scope.match;
    try {
      let dflt: A.CaseOption | undefined;
      for (const o of e.options) {
        for (const vexp of o.values) {
          if (vexp.kind === "LiteralDefault") {
            dflt = o;
            continue;
          }
          const vals = vexp.kind === "UnfoldExpression" ? (this.eval(vexp.expr, scope) as Value[]) : [this.eval(vexp, scope)];
          for (const v of (Array.isArray(vals) ? vals : [vals]) as Value[]) {
            if (this.caseMatch(test, v, scope)) return this.evalBody(o.then, scope);
          }
        }
      }
      if (dflt) return this.evalBody(dflt.then, scope);
      return null;
    } finally {
      scope.match = saved;
    }
  }

  private evalSelector(e: A.SelectorExpression, scope: Scope): Value {
    const test = this.eval(e.left, scope);
    const saved = scope.match;
    try {
      let dflt: A.SelectorEntry | undefined;
      for (const s of e.selectors) {
        if (s.matching.kind === "LiteralDefault") {
          dflt = s;
          continue;
        }
        const m = this.eval(s.matching, scope);
        if (this.caseMatch(test, m, scope)) return this.eval(s.value, scope);
      }
      if (dflt) return this.eval(dflt.value, scope);
      throw new PuppetEvalError(`No matching entry for selector parameter with value '${valueToString(test)}'`);
    } finally {
      scope.match = saved;
    }
  }

  // ------------------------------------------------------------ calls
  private evalArgs(list: readonly A.Expression[], scope: Scope): Value[] {
    const out: Value[] = [];
    for (const a of list) {
      if (a.kind === "UnfoldExpression") {
        const v = this.eval(a.expr, scope);
        if (v instanceof PIteratorValue) out.push(...v.toArray());
        else if (Array.isArray(v)) out.push(...v);
        else out.push(v);
      } else out.push(this.eval(a, scope));
    }
    return out;
  }

  private evalCall(e: A.CallNamedFunctionExpression, scope: Scope): Value {
    const f = e.functor;
    const lambda = e.lambda ? new Lambda(e.lambda, scope, this.curFile) : undefined;
    if (f.kind === "QualifiedReference") {
      const t = this.resolveTypeRef(f.cased);
      const args = this.evalArgs(e.args, scope);
      return newFromType(t as PType, args);
    }
    const name = f.kind === "QualifiedName" ? f.value : valueToString(this.eval(f, scope));
    const args = this.evalArgs(e.args, scope);
    return this.callNamed(name, args, lambda, scope, e);
  }

  private evalMethodCall(e: A.CallMethodExpression, scope: Scope): Value {
    const recv = this.eval(e.functor.left, scope);
    const name = e.functor.right.value;
    const lambda = e.lambda ? new Lambda(e.lambda, scope, this.curFile) : undefined;
    const args = this.evalArgs(e.args, scope);
    if (name === "new" && recv instanceof PType) return newFromType(recv, args);
    return this.callNamed(name, [recv, ...args], lambda, scope, e);
  }

  callNamed(name: string, args: Value[], lambda: Lambda | undefined, scope: Scope, node: A.Expression | undefined): Value {
    const saved = this.curScope;
    this.curScope = scope;
    try {
      const own = this.builtin(name, args, lambda, scope, node);
      if (own !== NOTFOUND) return own as Value;
      const ud = this.findDef("function", name);
      if (ud) return this.callUserFunction(ud, args, lambda);
      const def = getFunction(name);
      if (args.length && args[0] instanceof PIntegerType && args[0].min !== null && args[0].max !== null && ITERATORS.has(name)) {
        const out: Value[] = [];
        for (let i = args[0].min; i <= args[0].max; i++) out.push(i);
        args = [out, ...args.slice(1)];
      }
      if (!def) {
        const ruby = this.rubyFunctionFile(name);
        if (ruby) throw new PuppetEvalError(`Function '${name}' is implemented in Ruby (${ruby}); cfg cannot run Ruby functions`);
        const err = new PuppetEvalError(`Unknown function: '${name}'.`);
        (err as { noPrefix?: boolean }).noPrefix = true;
        throw err;
      }
      try {
        return callFunction(def, args, this, lambda);
      } catch (x) {
        if (x instanceof BreakSignal && !lambda) throw x;
        throw x;
      }
    } finally {
      this.curScope = saved;
    }
  }

  private callUserFunction(def: Def, args: Value[], lambda: Lambda | undefined): Value {
    const fd = def.node as A.FunctionDefinition;
    const scope = new Scope(this.topScope, this.curScope.source, this.curScope.resource, undefined, "");
    return this.withFile(def.file, () => {
      const ps = fd.parameters;
      const required = ps.filter((p) => !p.value && !p.capturesRest).length;
      if (args.length < required || (!ps.some((p) => p.capturesRest) && args.length > ps.length)) {
        throw new PuppetEvalError(`'${fd.name}' expects ${required === ps.length ? `${required} argument${required === 1 ? "" : "s"}` : `between ${required} and ${ps.length} arguments`}, got ${args.length}`);
      }
      for (let i = 0; i < ps.length; i++) {
        const p = ps[i]!;
        let v: Value = p.capturesRest ? args.slice(i) : i < args.length ? args[i]! : p.value ? this.eval(p.value, scope) : null;
        if (p.typeExpr && !p.capturesRest) {
          const t = this.paramType(p, scope);
          if (t instanceof PType && !isInstance(v, t)) throw new PuppetEvalError(`'${fd.name}' ${describeMismatch(t, v, `parameter '${p.name}' `)}`);
        }
        scope.vars.set(p.name, v);
        void v;
        v = null;
      }
      void lambda;
      let result: Value;
      try {
        result = this.evalBody(fd.body, scope);
      } catch (x) {
        if (x instanceof ReturnSignal) result = x.value;
        else throw x;
      }
      if (fd.returnType) {
        const t = this.eval(fd.returnType, scope);
        if (t instanceof PType && !isInstance(result, t)) {
          throw new PuppetEvalError(`value returned from ${fd.name} has wrong type, ${describeMismatch(t, result, "")}`);
        }
      }
      return result;
    });
  }

  private classNames(args: Value[]): string[] {
    const out: string[] = [];
    const add = (v: Value): void => {
      if (Array.isArray(v)) v.forEach(add);
      else if (typeof v === "string") out.push(v);
      else if (v instanceof PClassType && v.className) out.push(v.className);
      else if (v instanceof PResourceType && v.typeName === "Class" && v.title) out.push(v.title);
      else if (v instanceof PResourceType && v.typeName && v.title === undefined) out.push(v.typeName);
      else throw new PuppetEvalError(`Cannot use ${aType(v)} as a class name`);
    };
    args.forEach(add);
    return out;
  }

  private builtin(name: string, args: Value[], lambda: Lambda | undefined, scope: Scope, node: A.Expression | undefined): Value | typeof NOTFOUND {
    switch (name) {
      case "include":
      case "require":
      case "contain": {
        const refs: Value[] = [];
        const declared: Resource[] = [];
        for (const cn of this.classNames(args)) {
          if (/^[A-Z]/.test(cn) && typeof cn === "string" && args.includes(cn)) {
            // capitalised name as a string is not a class name
          }
          const r = this.declareClass(cn, undefined, scope, node ?? { kind: "Nop", span: { start: 0, end: 0 } }, false, undefined, true);
          declared.push(r);
          refs.push(new PClassType(r.title.toLowerCase()));
          if (name === "require" && scope.resource) {
            const cur = scope.resource.params.get("require");
            const ref = new PResourceType("Class", r.title);
            scope.resource.params.set("require", cur === undefined ? [ref] : Array.isArray(cur) ? [...cur, ref] : [cur, ref]);
          }
          if (name === "contain" && scope.resource && scope.resource !== this.mainRes) {
            const key = `${scope.resource.ref}\u0000${r.ref}`;
            if (!this.edgeKeys.has(key)) {
              this.edgeKeys.add(key);
              this.edges.push([scope.resource, r]);
            }
          }
        }
        for (const r of declared) this.runPending(r);
        return refs;
      }
      case "realize": {
        const refs = flatten(args);
        this.realizeRefs.push({ refs, file: this.curFile, node: node! });
        for (const ref of refs) {
          const r = this.resolveRef(ref);
          if (r && r.virtual) {
            r.virtual = false;
            if (r.def?.kind === "define") this.queue.push(r);
          }
        }
        return refs;
      }
      case "tag": {
        const r = scope.resource;
        if (r) for (const t of flatten(args)) r.tag(String(t));
        return null;
      }
      case "tagged": {
        const r = scope.resource;
        return flatten(args).every((t) => r?.tags.includes(String(t).toLowerCase()) ?? false);
      }
      case "defined": {
        for (const a of args) {
          if (typeof a === "string") {
            if (a.startsWith("$")) {
              const v = this.lookupVar(a.slice(1), scope, undefined, false);
              if (v !== NOTFOUND) return true;
              continue;
            }
            const lc = a.toLowerCase();
            if (BUILTIN_TYPES[lc] || this.findDef("class", lc) || this.findDef("define", lc) || this.findDef("function", lc) || getFunction(lc) || ["include", "require", "contain", "realize", "tag", "tagged", "defined", "lookup", "epp", "inline_epp", "file", "template", "inline_template", "notice", "warning", "err", "info", "debug", "alert", "crit", "emerg", "fail", "create_resources"].includes(lc)) return true;
          } else if (a instanceof PClassType) {
            if (a.className === undefined ? true : this.classRes.has(a.className)) return true;
          } else if (a instanceof PResourceType) {
            if (a.typeName === undefined) return true;
            if (a.title === undefined) {
              if (BUILTIN_TYPES[a.typeName.toLowerCase()] || this.findDef("define", a.typeName)) return true;
            } else if (this.resolveRef(a)) return true;
          } else if (a instanceof PType) return true;
        }
        return false;
      }
      case "lookup":
      case "hiera":
        return this.hieraLookup(args, lambda);
      case "notice":
      case "warning":
      case "err":
      case "info":
      case "debug":
      case "alert":
      case "crit":
      case "emerg": {
        const msg = args.map((a) => valueToString(a)).join(" ");
        this.logLine(name as LogLevel, `Scope(${scope.source})`, msg);
        return null;
      }
      case "fail":
        throw new PuppetEvalError(args.map((a) => valueToString(a)).join(" "));
      case "template":
      case "inline_template":
        throw new PuppetEvalError(`ERB templates are not supported by cfg: ${name}(${args.map((a) => valueToString(a)).join(", ")})`);
      case "file": {
        for (const a of args) {
          const p = this.modulePath(String(a), "files");
          if (p && existsSync(p)) return readFileSync(p, "utf8");
        }
        throw new PuppetEvalError(`Could not find any files from ${args.map((a) => valueToString(a)).join(", ")}`);
      }
      case "epp": {
        const spec = String(args[0]);
        let p = this.templatePaths.get(spec);
        if (p === undefined && !this.templatePaths.has(spec)) this.templatePaths.set(spec, (p = this.modulePath(spec, "templates")));
        let tf = p ? this.templateFiles.get(p) : undefined;
        if (!tf) {
          if (!p || !existsSync(p)) throw new PuppetEvalError(`Could not find template '${String(args[0])}'`);
          tf = new SourceFile(p, readFileSync(p, "utf8"));
          this.templateFiles.set(p, tf);
        }
        return this.renderEpp(tf, args[1] instanceof PHash ? args[1] : undefined, scope);
      }
      case "inline_epp":
        return this.renderEpp(new SourceFile(this.curFile.path, String(args[0])), args[1] instanceof PHash ? args[1] : undefined, scope);
      case "assert_private": {
        // stdlib: the calling class must be in the same module as the class that calls assert_private.
        return null;
      }
      case "ensure_resource":
      case "ensure_resources":
      case "ensure_packages": {
        let type: string;
        let items: [string, PHash][] = [];
        let defaults = new PHash();
        if (name === "ensure_packages") {
          type = "package";
          defaults = args[1] instanceof PHash ? args[1] : new PHash();
          if (args[0] instanceof PHash) items = [...args[0]].map(([k, v]) => [String(k), v instanceof PHash ? v : new PHash()]);
          else items = flatten(args[0] ?? null).map((t) => [String(t), new PHash()]);
          if (!defaults.has("ensure")) defaults.set("ensure", "installed");
        } else if (name === "ensure_resource") {
          type = String(args[0]);
          const params = args[2] instanceof PHash ? args[2] : new PHash();
          items = flatten(args[1] ?? null).map((t) => [String(t), params]);
        } else {
          type = String(args[0]);
          defaults = args[2] instanceof PHash ? args[2] : new PHash();
          items = args[1] instanceof PHash ? [...args[1]].map(([k, v]) => [String(k), v instanceof PHash ? v : new PHash()]) : [];
        }
        for (const [title, params] of items) {
          const h = PHash.from(defaults);
          for (const [k, v] of params) h.set(k, v);
          if (type.toLowerCase() === "class") {
            this.declareClass(title, h, scope, node!, false);
            continue;
          }
          const existing = this.findResource(capitalizeTypeName(type.toLowerCase()), title);
          if (existing) {
            // stdlib: fine when the existing resource has the same parameters, else a duplicate.
            const same = [...h].every(([k, v]) => puppetEquals(existing.params.get(String(k)) ?? null, v));
            if (same) continue;
          }
          this.createResource(type, title, h, scope, node!, "regular");
        }
        return null;
      }
      case "defined_with_params": {
        const r = this.resolveRef(args[0] ?? null);
        if (!r) return false;
        const params = args[1] instanceof PHash ? args[1] : new PHash();
        return [...params].every(([k, v]) => puppetEquals(r.params.get(String(k)) ?? null, v));
      }
      case "getparam": {
        const r = this.resolveRef(args[0] ?? null);
        const v = r?.params.get(String(args[1]));
        return v === undefined ? "" : v;
      }
      case "create_resources": {
        const type = String(args[0]);
        const instances = args[1] as PHash;
        const defaults = (args[2] as PHash | undefined) ?? new PHash();
        for (const [title, params] of instances) {
          const h = PHash.from(defaults);
          for (const [k, v] of params as PHash) h.set(k, v);
          if (type.toLowerCase() === "class") this.declareClass(String(title), h, scope, node!, true);
          else this.createResource(type, String(title), h, scope, node!, "regular");
        }
        return null;
      }
      default:
        return NOTFOUND;
    }
  }

  private modulePath(spec: string, sub: string): string | undefined {
    if (spec.startsWith("/")) return spec;
    const i = spec.indexOf("/");
    if (i < 0) return undefined;
    const dir = this.moduleDir(spec.slice(0, i));
    return dir ? join(dir, sub, spec.slice(i + 1)) : undefined;
  }

  private templateFiles = new Map<string, SourceFile>();
  /** epp()'s template name -> file path (templates are rendered once per resource that uses them). */
  private templatePaths = new Map<string, string | undefined>();
  private typeNames = new Map<string, string>();
  /** Parsed templates: by SourceFile for epp() (one per template file), by text for inline_epp(). */
  private eppByFile = new WeakMap<SourceFile, ParsedEpp>();
  private eppByText = new Map<string, ParsedEpp>();
  private parsedEpp(file: SourceFile): ParsedEpp {
    let parsed = this.eppByFile.get(file);
    if (parsed) return parsed;
    const cacheKey = `${file.path}\u0000${file.text}`;
    parsed = this.eppByText.get(cacheKey);
    if (!parsed) {
      const r = parseEpp(file);
      const error = r.diagnostics.find((d) => d.severity === "error");
      const epp = (r.program.body.find((b) => b.kind === "EppExpression") ?? r.program.body[0]) as A.EppExpression | undefined;
      parsed = { program: r.program, error, epp };
      this.eppByText.set(cacheKey, parsed);
    }
    this.eppByFile.set(file, parsed);
    return parsed;
  }
  private renderEpp(file: SourceFile, params: PHash | undefined, scope: Scope): string {
    const r = this.parsedEpp(file);
    if (r.error) throw new EvalError(r.error.message, file, r.error.span);
    const epp = r.epp;
    // EPP templates see only top scope (plus given parameters), except inline_epp which sees the caller's
    const escope = new Scope(this.topScope, scope.source, scope.resource, scope, scope.moduleName);
    const savedOut = this.eppOut;
    this.eppOut = [];
    try {
      return this.withFile(file, () => {
        if (epp && epp.kind === "EppExpression") {
          if (epp.parametersSpecified) {
            for (const p of epp.parameters) {
              let v = params?.get(p.name);
              if (v === undefined) {
                if (p.value) v = this.eval(p.value, escope);
                else throw new PuppetEvalError(`Invalid EPP: missing parameter ${p.name}`);
              }
              if (p.typeExpr) {
                const t = this.paramType(p, escope);
                if (t instanceof PType && !isInstance(v, t)) throw new PuppetEvalError(`epp(): ${describeMismatch(t, v, `parameter '${p.name}' `)}`);
              }
              escope.vars.set(p.name, v);
            }
          } else if (params) for (const [k, v] of params) escope.vars.set(String(k), v);
          this.evalBody(epp.body, escope);
        } else {
          if (params) for (const [k, v] of params) escope.vars.set(String(k), v);
          this.evalStatements(r.program.body, escope);
        }
        return this.eppOut.join("");
      });
    } finally {
      this.eppOut = savedOut;
    }
  }

  // ------------------------------------------------------------ resources
  private evalOps(ops: readonly A.AttributeOp[], scope: Scope): [string, Value, "=>" | "+>"][] {
    const out: [string, Value, "=>" | "+>"][] = [];
    for (const op of ops) {
      if (op.kind === "AttributesOperation") {
        const h = this.eval(op.expr, scope);
        if (h instanceof PHash) for (const [k, v] of h) out.push([String(k), v, "=>"]);
        else if (h !== null) throw new EvalError(`Unfolded attribute operation expects a Hash, got ${aType(h)}`, this.curFile, op.span);
      } else {
        out.push([op.attributeName, this.eval(op.valueExpr, scope), op.operator]);
      }
    }
    return out;
  }

  private evalResource(e: A.ResourceExpression, scope: Scope): Value {
    if (e.form === "exported") {
      // No storeconfigs (PuppetDB) in cfg, as in the reference compile: Puppet drops the export.
      this.logs.push(`Warning: You cannot collect exported resources without storeconfigs being set; the export is ignored ${this.loc(e)}`);
      return [];
    }
    let typeName: string;
    if (e.typeName.kind === "QualifiedName") typeName = e.typeName.value;
    else {
      const t = this.eval(e.typeName, scope);
      typeName = t instanceof PResourceType && t.typeName ? t.typeName : String(t);
    }
    const lc = canonicalName(typeName);
    // evaluate bodies: titles, ops; default: body
    const bodies: { titles: Value[]; ops: [string, Value, "=>" | "+>"][]; node: A.ResourceBody }[] = [];
    let defaultOps: [string, Value, "=>" | "+>"][] | undefined;
    for (const b of e.bodies) {
      const t = this.eval(b.title, scope);
      const ops = this.evalOps(b.operations, scope);
      if (t === DEFAULT) {
        defaultOps = ops;
        continue;
      }
      bodies.push({ titles: Array.isArray(t) ? flatten(t) : [t], ops, node: b });
    }
    const refs: Value[] = [];
    for (const b of bodies) {
      // The default body's attributes, then this body's: setting one twice in a body is an error.
      // (Index loops, no destructuring: cheaper for V8 while this code is still cold.)
      const merged = new Map<string, Value>();
      if (defaultOps) for (let i = 0; i < defaultOps.length; i++) merged.set(defaultOps[i]![0], defaultOps[i]![1]);
      for (let i = 0; i < b.ops.length; i++) {
        const k = b.ops[i]![0];
        if (merged.has(k) && !(defaultOps && defaultOps.some((d) => d[0] === k))) {
          throw new EvalError(`The attribute '${k}' has already been set`, this.curFile, b.node.span);
        }
        merged.set(k, b.ops[i]![1]);
      }
      let h: PHash | undefined;
      let m: Map<string, Value> | undefined;
      if (lc === "class") {
        h = new PHash();
        for (const k of merged.keys()) h.set(k, merged.get(k)!);
      } else m = merged;
      for (const title of b.titles) {
        if (lc === "class") {
          const r = this.withSpan(e, () => this.declareClass(String(title), h!, scope, b.node, true, h!.get("stage") as string | undefined));
          refs.push(new PResourceType("Class", r.title));
        } else {
          if (title === null || title === "") throw new EvalError(`Missing title. The title expression resulted in undef`, this.curFile, b.node.span);
          const r = this.createResource(typeName, typeof title === "string" ? title : valueToString(title), m!, scope, b.node, e.form, e);
          for (const op of b.node.operations) {
            if (op.kind === "AttributeOperation" && RELATION_PARAMS.has(op.attributeName)) (r.paramLines ??= new Map()).set(op.attributeName, this.curFile.position(op.span.start).line);
          }
          refs.push(new PResourceType(r.type, r.title));
        }
      }
    }
    return refs;
  }

  private withSpan<T>(_e: A.BaseNode, f: () => T): T {
    return f();
  }

  createResource(typeName: string, title: string, params: PHash | Map<string, Value>, scope: Scope, node: A.BaseNode, form: A.ResourceForm, stmt?: A.BaseNode): Resource {
    const lc = canonicalName(typeName);
    let kind = "compilable_type";
    let def: Def | undefined;
    let allowed: Set<string> | undefined = BUILTIN_TYPES[lc];
    if (!allowed) {
      def = this.findDef("define", lc);
      if (def) kind = "defined_type";
      else {
        allowed = this.moduleRubyType(lc);
        if (!allowed) throw new PuppetEvalError(`Unknown resource type: '${lc}'`);
      }
    }
    let type = this.typeNames.get(lc);
    if (type === undefined) this.typeNames.set(lc, (type = capitalizeTypeName(lc)));
    const existing = this.findResource(type, title);
    const line = this.curFile.position((stmt ?? node).span.start).line;
    if (existing) {
      const err = new PuppetEvalError(
        `Duplicate declaration: ${type}[${title}] is already declared at (file: ${existing.file}, line: ${existing.line}); cannot redeclare (file: ${this.curFile.path}, line: ${line})`,
      );
      if (existing.declFile && existing.declSpan) (err as { related?: unknown }).related = { file: existing.declFile, span: existing.declSpan, message: `${type}[${title}] first declared here` };
      throw err;
    }
    const r = new Resource(type, title, kind);
    r.file = this.curFile.path;
    r.line = line;
    r.scope = scope; // kept only until a defined type's body is evaluated
    r.def = def;
    r.declFile = this.curFile;
    r.declSpan = (stmt ?? node).span;
    r.virtual = form !== "regular";
    r.exported = form === "exported";
    let tagParam: Value | undefined;
    // forEach (Map's or PHash's) rather than destructured entries: cheaper for V8 while this code is still cold.
    params.forEach((v: Value, k0: Value) => {
      const k = String(k0);
      if (allowed && !allowed.has(k) && !METAPARAMS.has(k)) throw this.noParameter(k, type, title, line, node);
      if (v === null) return;
      if (k === "tag") tagParam = v;
      r.params.set(k, v);
    });
    if (tagParam !== undefined) for (const t of Array.isArray(tagParam) ? flatten(tagParam) : [tagParam]) r.addTag(String(t));
    r.addTag(lc);
    r.tagOnce(title);
    // tags of the container scope
    const container = scope.resource ?? this.mainRes;
    r.container = container;
    const ctags = container.tags;
    for (let i = 0; i < ctags.length; i++) r.addTag(ctags[i]!);
    const isStage = lc === "stage";
    // inherit tag param from defined-type container
    const ctag = container.def?.kind === "define" ? container.params.get("tag") : undefined;
    if (ctag !== undefined && !r.params.has("tag")) {
      r.params.set("tag", ctag);
    }
    this.applyDefaults(r);
    if (!def) r.scope = undefined;
    this.addResource(r);
    if (!isStage) this.edges.push([container, r]);
    if (def && !r.virtual) this.queue.push(r);
    void stmt;
    return r;
  }

  private noParameter(k: string, type: string, title: string, line: number, node: A.BaseNode): EvalError {
    const err = new EvalError(`no parameter named '${k}' (file: ${this.curFile.path}, line: ${line}) on ${type}[${title}] (file: ${this.curFile.path}, line: ${line})`, this.curFile, node.span, false);
    err.plain = true;
    err.lineOnly = true;
    return err;
  }

  /** A module's Ruby implementation of a function (lib/puppet/functions or parser/functions), if any. */
  private rubyFunctionFile(name: string): string | undefined {
    const parts = name.toLowerCase().split("::");
    for (const mp of this.input.modulepath) {
      let mods: string[] = [];
      try {
        mods = parts.length > 1 ? [parts[0]!] : readdirSync(mp);
      } catch {
        continue;
      }
      for (const m of mods) {
        for (const f of [join(mp, m, "lib", "puppet", "functions", ...parts) + ".rb", join(mp, m, "lib", "puppet", "parser", "functions", `${parts[parts.length - 1]}.rb`)]) {
          if (existsSync(f)) return f;
        }
      }
    }
    return undefined;
  }

  /**
   * The declared type of a parameter. Evaluated once per parameter node when the type expression
   * uses no variables (nearly always), since classes and defines are declared many times.
   */
  private paramTypes = new WeakMap<A.Parameter, Value>();
  private paramType(p: A.Parameter, scope: Scope): Value {
    const cached = this.paramTypes.get(p);
    if (cached !== undefined) return cached;
    const t = this.eval(p.typeExpr!, scope);
    // An unknown name (e.g. Stdlib::Absolutepath without stdlib) evaluates to a resource type; Puppet
    // rejects it as a parameter type when no such resource type exists.
    if (t instanceof PResourceType && t.typeName !== undefined && t.title === undefined) {
      const lc = t.typeName.toLowerCase();
      if (lc !== "node" && lc !== "class" && !BUILTIN_TYPES[lc] && !this.findDef("define", lc) && !this.moduleRubyType(lc)) {
        throw new EvalError(`Resource type not found: ${t.typeName}`, this.curFile, p.span);
      }
    }
    if (!this.curFile.text.slice(p.typeExpr!.span.start, p.typeExpr!.span.end).includes("$")) this.paramTypes.set(p, t);
    return t;
  }

  private rubyTypes = new Map<string, Set<string> | null>();
  /**
   * A native type shipped by a module (`<module>/lib/puppet/type/<name>.rb`, e.g. stdlib's anchor and
   * file_line): its attribute names are read from the newparam/newproperty declarations.
   */
  moduleRubyType(lc: string): Set<string> | undefined {
    if (lc.includes("::")) return undefined;
    let t = this.rubyTypes.get(lc);
    if (t === undefined) {
      t = null;
      for (const mp of this.input.modulepath) {
        let mods: string[] = [];
        try {
          mods = readdirSync(mp);
        } catch {
          continue;
        }
        for (const m of mods) {
          const f = join(mp, m, "lib", "puppet", "type", `${lc}.rb`);
          if (!existsSync(f)) continue;
          const src = readFileSync(f, "utf8");
          t = new Set(["name"]);
          for (const mm of src.matchAll(/new(?:param|property)\s*\(?\s*:(\w+)/g)) t.add(mm[1]!);
          if (/ensurable/.test(src)) t.add("ensure");
          break;
        }
        if (t) break;
      }
      this.rubyTypes.set(lc, t);
    }
    return t ?? undefined;
  }

  private evalDefaults(e: A.ResourceDefaultsExpression, scope: Scope): Value {
    const t = this.eval(e.typeRef, scope);
    const tn = t instanceof PResourceType && t.typeName ? t.typeName : String(t);
    const ops = this.evalOps(e.operations, scope);
    const key = tn.toLowerCase();
    const cur = scope.defaults?.get(key);
    if (cur) cur.ops.push(...ops);
    else (scope.defaults ??= new Map()).set(key, { ops });
    return null;
  }

  private applyDefaults(r: Resource): void {
    if (!r.scope) return;
    const key = lowerType(r.type);
    let seen: Set<string> | undefined;
    for (let s: Scope | undefined = r.scope; s; s = s.dynParent ?? s.parent) {
      const d = s.defaults?.get(key);
      if (d) {
        seen ??= new Set<string>();
        for (const [k, v] of d.ops) {
          if (seen.has(k)) continue;
          seen.add(k);
          if (!r.params.has(k) && v !== null) r.params.set(k, v);
        }
      }
    }
  }

  private applyOverride(o: { refs: Value; ops: A.AttributeOp[]; scope: Scope; file: SourceFile; node: A.Expression }): void {
    const ops = this.withFile(o.file, () => this.evalOps(o.ops, o.scope));
    const refs: Value[] = flatten(o.refs);
    for (const ref of refs) {
      const r = this.resolveRef(ref);
      if (!r) throw new EvalError(`Resource Override can only operate on resources; got: ${refString(ref)}`, o.file, o.node.span);
      const src = o.scope.resource ?? this.mainRes;
      if (r.container && r.container !== src && !this.isSubclassOf(src, r.container)) {
        const e = new EvalError(`Only subclasses can override parameters (file: ${o.file.path}, line: ${o.file.position(o.node.span.start).line})`, o.file, o.node.span, false);
        e.plain = true;
        e.lineOnly = true;
        throw e;
      }
      this.setAttrs(r, ops);
    }
  }

  private isSubclassOf(child: Resource, parent: Resource): boolean {
    for (let c: Resource | undefined = child; c; ) {
      const d = c.def?.node;
      if (!d || d.kind !== "HostClassDefinition" || !d.parentClass) return false;
      c = this.classRes.get(canonicalName(d.parentClass));
      if (c === parent) return true;
    }
    return false;
  }

  private setAttrs(r: Resource, ops: [string, Value, "=>" | "+>"][]): void {
    for (const [k, v, op] of ops) {
      if (op === "+>") {
        const cur = r.params.get(k);
        const add = Array.isArray(v) ? v : [v];
        r.params.set(k, cur === undefined || cur === null ? v : [...((Array.isArray(cur) ? cur : [cur]) as Value[]), ...(add as Value[])]);
      } else if (v === null) r.params.delete(k);
      else r.params.set(k, v);
      if (k === "tag") r.tag(...(Array.isArray(v) ? flatten(v) : [v]).map(String));
    }
  }

  // ------------------------------------------------------------ collectors
  private evalCollect(e: A.CollectExpression, scope: Scope): Value {
    if (e.query.kind === "ExportedQuery") {
      this.logs.push(`Warning: You cannot collect exported resources without storeconfigs being set; the collection will be ignored ${this.loc(e)}`);
      return [];
    }
    const t = this.eval(e.typeExpr, scope);
    const tn = t instanceof PResourceType && t.typeName ? t.typeName : String(t);
    const c: Collector = {
      type: tn.toLowerCase(), query: e.query.expr, exported: false, ops: [...e.operations],
      scope, file: this.curFile, node: e, matched: new Set(),
    };
    this.collectors.push(c);
    this.runCollector(c);
    return new CollectorRef(c);
  }

  private runCollector(c: Collector): boolean {
    let progress = false;
    const ops = c.ops.length ? this.withFile(c.file, () => this.evalOps(c.ops, c.scope)) : [];
    for (const r of this.resources) {
      if (r.type.toLowerCase() !== c.type || c.matched.has(r)) continue;
      if (c.exported && !r.exported) continue;
      if (c.query && !this.withFile(c.file, () => this.queryMatch(c.query!, r, c.scope))) continue;
      c.matched.add(r);
      if (r.virtual && !(r.exported && !c.exported)) {
        r.virtual = false;
        if (r.def?.kind === "define") this.queue.push(r);
        progress = true;
      }
      if (ops.length) this.setAttrs(r, ops);
      for (const rel of this.pendingCollectorRels) void rel;
    }
    return progress;
  }
  private pendingCollectorRels: unknown[] = [];

  private queryMatch(q: A.Expression, r: Resource, scope: Scope): boolean {
    switch (q.kind) {
      case "ParenthesizedExpression":
        return this.queryMatch(q.expr, r, scope);
      case "AndExpression":
        return this.queryMatch(q.left, r, scope) && this.queryMatch(q.right, r, scope);
      case "OrExpression":
        return this.queryMatch(q.left, r, scope) || this.queryMatch(q.right, r, scope);
      case "ComparisonExpression": {
        const attr = q.left.kind === "QualifiedName" ? q.left.value : String(this.eval(q.left, scope));
        const want = this.eval(q.right, scope);
        let have: Value | undefined;
        let eq: boolean;
        if (attr === "tag") eq = r.tags.includes(String(want).toLowerCase());
        else if (attr === "title") eq = puppetEquals(r.title, want);
        else {
          have = r.params.get(attr);
          if (have === undefined) have = null;
          eq = Array.isArray(have) ? have.some((x) => puppetEquals(x, want)) : puppetEquals(have, want);
        }
        return q.operator === "==" ? eq : !eq;
      }
      default:
        return isTruthy(this.eval(q, scope));
    }
  }

  // ------------------------------------------------------------ relationships
  private evalRelationship(e: A.RelationshipExpression, scope: Scope): Value {
    const left = this.eval(e.left, scope);
    const right = this.eval(e.right, scope);
    this.relationships.push({ left, right, op: e.operator, file: this.curFile, node: e });
    return right;
  }

  private relTargets(v: Value, file: SourceFile, node: A.Expression, other?: Resource[]): Resource[] {
    const out: Resource[] = [];
    const add = (x: Value): void => {
      if (Array.isArray(x)) return x.forEach(add);
      if (x instanceof CollectorRef) {
        for (const r of x.c.matched) out.push(r);
        return;
      }
      if (x === null) return;
      const r = this.resolveRef(x);
      if (!r) {
        const err = new EvalError(
          other ? `Could not find resource '${refString(x)}' for relationship from '${other[0]?.ref ?? ""}'` : `Could not find resource '${refString(x)}' for relationship on '${refString(x)}'`,
          undefined,
          undefined,
          false,
        );
        err.plain = true;
        throw err;
      }
      out.push(r);
    };
    add(v);
    return out;
  }

  private applyRelationship(rel: { left: Value; right: Value; op: string; file: SourceFile; node: A.Expression }): void {
    let src = this.relTargets(rel.left, rel.file, rel.node);
    let dst = this.relTargets(rel.right, rel.file, rel.node, src);
    let param = rel.op === "->" || rel.op === "<-" ? "before" : "notify";
    if (rel.op === "<-" || rel.op === "<~") [src, dst] = [dst, src];
    void param;
    for (const s of src) {
      for (const d of dst) {
        const p = rel.op === "->" || rel.op === "<-" ? "before" : "notify";
        const ref = new PResourceType(d.type, d.title);
        const cur = s.params.get(p);
        s.params.set(p, cur === undefined || cur === null ? [ref] : Array.isArray(cur) ? [...cur, ref] : [cur, ref]);
      }
    }
    param = "";
  }
  relEdges: [Resource, Resource, string][] = [];
}

const lowerTypes = new Map<string, string>();
interface ParsedEpp {
  readonly program: A.Program;
  /** The first syntax error, reported when the template is rendered. */
  readonly error?: Diagnostic;
  readonly epp: A.EppExpression | undefined;
}

/** A parameter list's names (bindParams checks every given attribute against them). */
const parameterNameSets = new WeakMap<readonly A.Parameter[], Set<string>>();
function parameterNames(params: readonly A.Parameter[]): Set<string> {
  let names = parameterNameSets.get(params);
  if (!names) parameterNameSets.set(params, (names = new Set(params.map((p) => p.name))));
  return names;
}

/** A defined type's parameters other than `name` (bound from the instance's attributes). */
const defineParameterLists = new WeakMap<A.ResourceTypeDefinition, A.Parameter[]>();
function defineParameters(d: A.ResourceTypeDefinition): A.Parameter[] {
  let params = defineParameterLists.get(d);
  if (!params) defineParameterLists.set(d, (params = d.parameters.filter((p) => p.name !== "name")));
  return params;
}

/** `a::b::x` -> [the class scope key "a::b", "x"]: qualified variables are read over and over. */
const qualifiedVariables = new Map<string, [string, string]>();

/** A class, type or function name as Puppet compares them: lower case, without a leading `::`. */
function canonicalName(name: string): string {
  let c = canonicalNames.get(name);
  if (c === undefined) {
    c = name.toLowerCase().replace(/^::/, "");
    if (canonicalNames.size < 10000) canonicalNames.set(name, c);
  }
  return c;
}
const canonicalNames = new Map<string, string>();

function lowerType(t: string): string {
  let l = lowerTypes.get(t);
  if (l === undefined) {
    l = t.toLowerCase();
    if (lowerTypes.size < 10000) lowerTypes.set(t, l);
  }
  return l;
}

const RELATION_PARAMS = new Set(["before", "require", "notify", "subscribe"]);
const ITERATORS = new Set(["each", "map", "filter", "reduce", "reverse_each", "step", "slice", "any", "all", "with_index"]);

class CollectorRef extends PObjectValue {
  readonly typeName = "Collector";
  constructor(readonly c: Collector) {
    super();
  }
  toString(): string {
    return "Collector";
  }
}

function refString(v: Value): string {
  if (v instanceof PResourceType) return v.referenceString();
  if (v instanceof PClassType) return v.referenceString();
  return valueToString(v);
}

function strictEq(a: Value, b: Value): boolean {
  if (typeof a === "string" && typeof b === "string") return a === b;
  return puppetEquals(a, b);
}

function aType(v: Value): string {
  const n = inferType(v).generalize().shortName();
  return /^[AEIOU]/.test(n) ? `an ${n}` : `a ${n}`;
}

export { PCallableType, PIteratorValue };

function flatten(v: Value | Value[]): Value[] {
  const out: Value[] = [];
  const add = (x: Value): void => {
    if (Array.isArray(x)) x.forEach(add);
    else out.push(x);
  };
  if (Array.isArray(v)) v.forEach(add);
  else add(v);
  return out;
}
