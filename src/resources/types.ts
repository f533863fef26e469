// The contract between the apply engine (src/apply) and the resource types (src/resources, one file
// per type). The engine reads the catalog, validates every resource, orders the graph, and calls
// each type's `apply` (and `refresh` when refresh events arrived). Types never see the graph and
// never print: they return events and log through the context, so the engine can build the report,
// honour --noop, and redact Sensitive values in one place.

/** One resource of the catalog, as a type sees it. Parameters are the catalog's JSON values. */
export interface ResourceInstance {
  /** Capitalised as in the catalog: "File", "Exec", "File_line". */
  readonly type: string;
  readonly title: string;
  /** "File[/etc/motd]". */
  readonly ref: string;
  /** Catalog parameters (metaparameters included). The namevar is filled from the title when absent. */
  readonly params: Readonly<Record<string, unknown>>;
  /** Parameter names whose values are Sensitive: never print them. */
  readonly sensitive: ReadonlySet<string>;
  readonly file?: string;
  readonly line?: number;
  readonly tags: readonly string[];
}

export type LogLevel = "debug" | "info" | "notice" | "warning" | "err";

/** What a type tells the engine about one property it changed (or would change, or failed to). */
export interface ResourceEvent {
  /** The property ("ensure", "content", "mode", "returns", ...). */
  readonly property: string;
  /** As Puppet reports them: "absent", "{sha256}...", "0644", "notrun", ["0"]. Never a Sensitive value. */
  readonly previousValue: unknown;
  readonly desiredValue: unknown;
  /** Puppet's message: "created", "defined content as '{sha256}...'", "mode changed '0600' to '0644'". */
  readonly message: string;
  /** Puppet's event name: "file_created", "content_changed", "executed_command", "service_started", ... */
  readonly name: string;
  /** "noop" when ctx.noop: the change was only computed. */
  readonly status: "success" | "failure" | "noop";
}

export interface ApplyOutcome {
  readonly events: ResourceEvent[];
  /** Set when the resource failed (a failure event, or an error before any change). */
  readonly failed?: boolean;
  /** Set when a refresh (restart) failed: the report's failed_to_restart. */
  readonly failedToRestart?: boolean;
  /** The provider used (report's provider_used): "posix", "dpkg", "systemd", ... */
  readonly provider?: string;
  /**
   * The change already did what a refresh would (a service just started): refresh events queued
   * for this resource are dropped (Puppet's invalidate_refreshes).
   */
  readonly invalidatesRefresh?: boolean;
}

/** A problem found before anything changes (bad value, relative path, missing required attribute). */
export interface ValidationProblem {
  readonly attribute?: string;
  readonly message: string;
}

/** A reference to another resource, for autorequire; the engine keeps only those in the catalog. */
export interface ResourceRefSpec {
  readonly type: string; // capitalised: "File", "User"
  readonly title: string;
}

/** Read-only questions a type may ask about the whole catalog. */
export interface CatalogView {
  has(type: string, title: string): boolean;
  /** Every resource of a type ("File"), in catalog order. */
  ofType(type: string): readonly ResourceInstance[];
}

export interface ValidateContext {
  readonly catalog: CatalogView;
}

export interface ApplyContext {
  /** --noop or the resource's noop metaparameter: compute events with status "noop", change nothing. */
  readonly noop: boolean;
  /** --show-diff (or the file's show_diff): print unified diffs of content changes via log("notice"). */
  readonly showDiff: boolean;
  /** Directories of the modulepath, for puppet:///modules/<module>/<path> (=> <dir>/<module>/files/<path>). */
  readonly modulepath: readonly string[];
  /** The environment directory when one was given (puppet:///... also searches nothing else). */
  readonly environmentDir?: string;
  /** The catalog's environment name ("production"), for messages. */
  readonly environment?: string;
  /** Local backup bucket (file backups): <bucketDir>/<sha256 a/b/c/...>/contents as Puppet's clientbucket. */
  readonly bucketDir: string;
  readonly catalog: CatalogView;
  /** Logs a message about this resource (source: the resource's path, plus "/property" when given). */
  log(level: LogLevel, message: string, property?: string): void;
  /** Logs a message with source "Puppet" (as Puppet's own messages, e.g. notify's text, exec errors). */
  logGlobal(level: LogLevel, message: string): void;
  /** "[redacted]" for a Sensitive property, else Puppet's display of the value. */
  display(property: string, value: unknown): string;
}

export interface ResourceType {
  /** Lower-case Puppet type name: "file", "exec", "file_line". */
  readonly name: string;
  /** The namevar ("path" for file, "command" for exec, else "name"). */
  readonly namevar: string;
  /** Every attribute (parameter or property) the type accepts, metaparameters excluded. */
  readonly attributes: readonly string[];
  /** Static checks; every problem is listed and nothing is applied when any resource has one. */
  validate(r: ResourceInstance, ctx: ValidateContext): ValidationProblem[];
  /** Resources this one depends on implicitly (a file's parent directory, owner user, ...). */
  autorequire?(r: ResourceInstance): ResourceRefSpec[];
  /**
   * Makes the system match (or, with ctx.noop, only reports what would change). Returns one event
   * per changed property; an empty list when already in sync. Throwing an Error fails the resource
   * with its message (as Puppet's "Could not evaluate: ..."); a failed property returns a failure event.
   */
  apply(r: ResourceInstance, ctx: ApplyContext): Promise<ApplyOutcome>;
  /**
   * Called after apply when the resource received refresh events (notify/subscribe), unless it
   * failed or was skipped: services restart, execs run (refreshonly ones only then). Not called in noop.
   */
  refresh?(r: ResourceInstance, ctx: ApplyContext): Promise<ApplyOutcome>;
}

/** Metaparameters: accepted by every type, handled by the engine. */
export const METAPARAMETERS: ReadonlySet<string> = new Set([
  "alias", "audit", "before", "consume", "export", "loglevel", "noop", "notify", "require",
  "schedule", "stage", "subscribe", "tag",
]);

/** Puppet's display of a value in messages: strings quoted by the caller, arrays as ['a', 'b']. */
export function displayValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => `'${String(v)}'`).join(", ")}]`;
  if (value === null || value === undefined) return "absent";
  return String(value);
}

/** An event helper: status "noop" when ctx.noop, else "success". */
export function changeEvent(ctx: { noop: boolean }, property: string, previousValue: unknown, desiredValue: unknown, message: string, name: string): ResourceEvent {
  return { property, previousValue, desiredValue, message, name, status: ctx.noop ? "noop" : "success" };
}
