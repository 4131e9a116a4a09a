/**
 * The plan model: a `terraform show -json PLAN` (or `tofu show -json`) document, format 0.1 to 1.2,
 * read into a summary of what will happen. Pure: text in, summary out.
 */
import { ConveyorError } from '@conveyor/kit';
import { changedAttributes, collectSensitive, maskHasAny, maskIsSet, redact, SENSITIVE, showValue, UNKNOWN, type AttributeChange, type Json, type Mask } from './values.ts';

/** What a resource change does, one word each. Replace and forget-then-create keep their order. */
export type ChangeKind =
  | 'create' | 'update' | 'delete' | 'read' | 'no-op' | 'forget'
  | 'replace' /* delete then create */ | 'replace-create-first' /* create before destroy */
  | 'create-then-forget' | 'forget-then-create';

export interface RawChange {
  actions?: unknown;
  before?: Json;
  after?: Json;
  after_unknown?: Mask;
  before_sensitive?: Mask;
  after_sensitive?: Mask;
  replace_paths?: Json;
  importing?: Json;
}

export interface RawResourceChange {
  address?: unknown;
  previous_address?: unknown;
  module_address?: unknown;
  mode?: unknown;
  type?: unknown;
  name?: unknown;
  action_reason?: unknown;
  change?: RawChange;
}

export interface RawPlan {
  format_version?: unknown;
  /** The root module's variables and their values (sensitive ones included, as terraform writes them). */
  variables?: unknown;
  /** Only `root_module.variables.<name>.sensitive` is read. */
  configuration?: unknown;
  terraform_version?: unknown;
  resource_changes?: RawResourceChange[];
  resource_drift?: RawResourceChange[];
  output_changes?: Record<string, RawChange>;
  errored?: unknown;
  complete?: unknown;
  applyable?: unknown;
}

export interface ResourceSummary {
  address: string;
  /** The resource type and name, as `resource "type" "name"` is written (empty when the plan has none). */
  type: string;
  name: string;
  previousAddress?: string;
  mode: 'managed' | 'data';
  kind: ChangeKind;
  actions: string[];
  importing: boolean;
  moved: boolean;
  reason?: string;
  attributes: AttributeChange[];
  attributesTruncated: boolean;
}

export interface OutputSummary {
  name: string;
  kind: ChangeKind;
  before?: string;
  after?: string;
  /** The changed parts of the value, for nested rendering (the whole value when it is a leaf). */
  attributes: AttributeChange[];
}

export interface PlanCounts {
  add: number;
  change: number;
  destroy: number;
  replace: number;
  import: number;
  move: number;
  forget: number;
  read: number;
  noop: number;
}

export interface PlanSummary {
  formatVersion: string;
  terraformVersion?: string;
  counts: PlanCounts;
  /** Something to apply: a resource action other than no-op/read, an import, a move, or an output change. */
  changes: boolean;
  /** Resources with something to do (no-ops without an import or move are left out). */
  resources: ResourceSummary[];
  drift: ResourceSummary[];
  outputs: OutputSummary[];
  errors: string[];
  /** The plan errored (`"errored": true`): it cannot be applied and the gate fails. */
  errored: boolean;
}

export class PlanFormatError extends ConveyorError {}

const SUPPORTED_MAJOR = 1;

/** Reads the text of `terraform show -json PLAN`; `source` names the file in errors. */
export function parsePlan(text: string, source: string): RawPlan {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new PlanFormatError(
      `${source} is not a JSON plan document (${(error as Error).message}). Produce it with \`terraform show -json PLANFILE > ${source}\`; the plan file itself and \`terraform plan -json\` log lines are different formats.`,
      { cause: error },
    );
  }
  return checkPlan(doc, source);
}

function formatError(source: string, detail: string): PlanFormatError {
  return new PlanFormatError(`${source} is not a terraform plan document: ${detail}. Produce it with \`terraform show -json PLANFILE\`.`);
}

/** Checks the top-level fields of a plan document (format version, types of the sections). */
export function checkPlanMeta(plan: RawPlan, source: string): void {
  if (typeof plan.format_version !== 'string') throw formatError(source, 'it has no "format_version"');
  const major = Number(plan.format_version.split('.')[0]);
  if (!Number.isInteger(major) || major > SUPPORTED_MAJOR) {
    throw new PlanFormatError(`${source} has format_version ${plan.format_version}; conveyor reads plan format 0.x and 1.x. Use a terraform or tofu release that writes format 1.x.`);
  }
  if (plan.output_changes !== undefined && (plan.output_changes === null || typeof plan.output_changes !== 'object' || Array.isArray(plan.output_changes))) {
    throw formatError(source, '"output_changes" is not an object');
  }
}

/** Checks one entry of `resource_changes` or `resource_drift`. */
export function checkResourceChange(entry: unknown, key: string, i: number, source: string): RawResourceChange {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) throw formatError(source, `${key}[${i}] is not an object`);
  const r = entry as RawResourceChange;
  if (typeof r.address !== 'string') throw formatError(source, `${key}[${i}] has no "address"`);
  if (!r.change || !Array.isArray(r.change.actions)) throw formatError(source, `${key}[${i}] (${r.address}) has no "change.actions" list`);
  return r;
}

/** Checks the shape of an already-parsed plan document. */
export function checkPlan(doc: unknown, source: string): RawPlan {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw formatError(source, 'the top level is not a JSON object');
  const plan = doc as RawPlan;
  checkPlanMeta(plan, source);
  for (const key of ['resource_changes', 'resource_drift'] as const) {
    const list = plan[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw formatError(source, `"${key}" is not a list`);
    list.forEach((entry, i) => checkResourceChange(entry, key, i, source));
  }
  return plan;
}

/** The kind of change a plan's `actions` list stands for. */
export function changeKind(actions: readonly unknown[], where: string): ChangeKind {
  const key = actions.join(',');
  switch (key) {
    case 'no-op': return 'no-op';
    case 'create': return 'create';
    case 'read': return 'read';
    case 'update': return 'update';
    case 'delete': return 'delete';
    case 'forget': return 'forget';
    case 'delete,create': return 'replace';
    case 'create,delete': return 'replace-create-first';
    case 'create,forget': return 'create-then-forget';
    case 'forget,create': return 'forget-then-create';
    default:
      throw new PlanFormatError(`${where} has actions [${actions.map((a) => JSON.stringify(a)).join(', ')}], which conveyor does not know. Please report it with the terraform version that wrote the plan.`);
  }
}

export function isReplace(kind: ChangeKind): boolean {
  return kind === 'replace' || kind === 'replace-create-first';
}

function emptyCounts(): PlanCounts {
  return { add: 0, change: 0, destroy: 0, replace: 0, import: 0, move: 0, forget: 0, read: 0, noop: 0 };
}

/** Counts one resource change the way terraform's `Plan:` line counts it. */
function count(counts: PlanCounts, resource: ResourceSummary): void {
  if (resource.mode === 'data') {
    if (resource.kind === 'read') counts.read += 1;
    return;
  }
  if (resource.importing) counts.import += 1;
  if (resource.moved) counts.move += 1;
  switch (resource.kind) {
    case 'create': counts.add += 1; break;
    case 'update': counts.change += 1; break;
    case 'delete': counts.destroy += 1; break;
    case 'replace':
    case 'replace-create-first': counts.add += 1; counts.destroy += 1; counts.replace += 1; break;
    case 'forget': counts.forget += 1; break;
    case 'create-then-forget':
    case 'forget-then-create': counts.add += 1; counts.forget += 1; break;
    case 'read': counts.read += 1; break;
    case 'no-op': counts.noop += 1; break;
  }
}

function readResource(raw: RawResourceChange, where: string, attributeLimit: number): ResourceSummary {
  const change = raw.change ?? {};
  const actions = (change.actions as unknown[]).map(String);
  const address = String(raw.address);
  const kind = changeKind(actions, `${where} ${address}`);
  const previous = typeof raw.previous_address === 'string' && raw.previous_address !== address ? raw.previous_address : undefined;
  const importing = change.importing !== undefined && change.importing !== null;
  const showAttributes = kind === 'update' || isReplace(kind) || kind === 'create' || kind === 'create-then-forget' || kind === 'forget-then-create' || (importing && kind === 'no-op');
  const { attributes, truncated } = showAttributes ? changedAttributes(change, attributeLimit) : { attributes: [], truncated: false };
  return {
    address,
    type: typeof raw.type === 'string' ? raw.type : '',
    name: typeof raw.name === 'string' ? raw.name : '',
    previousAddress: previous,
    mode: raw.mode === 'data' ? 'data' : 'managed',
    kind,
    actions,
    importing,
    moved: previous !== undefined,
    reason: typeof raw.action_reason === 'string' ? raw.action_reason : undefined,
    attributes,
    attributesTruncated: truncated,
  };
}

/** An output's value as text through its masks: never the value when any part is sensitive. */
function outputSide(value: Json | undefined, sensitive: Mask, unknown: Mask, present: boolean): string | undefined {
  if (maskIsSet(unknown)) return UNKNOWN;
  if (!present) return undefined;
  if (maskIsSet(sensitive)) return SENSITIVE;
  if (maskHasAny(sensitive)) return showValue(redact(value, sensitive, () => SENSITIVE));
  return showValue(value);
}

export interface SummarizeOptions {
  /** At most this many changed attributes per resource (default 500). */
  attributeLimit?: number;
}

/** Builds a summary one resource change at a time (so a large document need not be held whole). */
export class SummaryBuilder {
  readonly counts: PlanCounts = emptyCounts();
  readonly resources: ResourceSummary[] = [];
  readonly drift: ResourceSummary[] = [];
  readonly outputs: OutputSummary[] = [];
  /**
   * Every value the plan marks sensitive (resource and output values, root variables declared sensitive),
   * kept apart from the summary so no rendering can reach it: only for registering secrets.
   */
  readonly sensitive = new Set<string>();
  private readonly attributeLimit: number;

  constructor(options: SummarizeOptions = {}) {
    this.attributeLimit = options.attributeLimit ?? 500;
  }

  private collect(change: RawChange | undefined): void {
    if (!change) return;
    collectSensitive(change.before, change.before_sensitive, this.sensitive);
    collectSensitive(change.after, change.after_sensitive, this.sensitive);
  }

  /** Collects the values of root variables the configuration declares sensitive. */
  variables(values: unknown, configuration: unknown): void {
    const declared = (configuration as { root_module?: { variables?: Record<string, { sensitive?: unknown }> } } | undefined)?.root_module?.variables;
    if (!declared || typeof declared !== 'object' || !values || typeof values !== 'object') return;
    for (const [name, spec] of Object.entries(declared)) {
      if (spec?.sensitive !== true) continue;
      const entry = (values as Record<string, { value?: Json } | undefined>)[name];
      collectSensitive(entry?.value, true, this.sensitive);
    }
  }

  resource(raw: RawResourceChange): void {
    this.collect(raw.change);
    const resource = readResource(raw, 'resource_changes', this.attributeLimit);
    count(this.counts, resource);
    if (resource.kind !== 'no-op' || resource.importing || resource.moved) this.resources.push(resource);
  }

  driftResource(raw: RawResourceChange): void {
    this.collect(raw.change);
    this.drift.push(readResource(raw, 'resource_drift', this.attributeLimit));
  }

  outputChanges(changes: Record<string, RawChange>): void {
    for (const [name, change] of Object.entries(changes)) {
      this.collect(change);
      const kind = changeKind(Array.isArray(change.actions) ? change.actions : [], `output_changes.${name}`);
      if (kind === 'no-op') continue;
      this.outputs.push({
        name,
        kind,
        before: outputSide(change.before, change.before_sensitive, undefined, change.before !== undefined && change.before !== null),
        after: kind === 'delete' ? undefined : outputSide(change.after, change.after_sensitive, change.after_unknown, change.after !== undefined && change.after !== null),
        attributes: changedAttributes({ ...change, after: kind === 'delete' ? null : change.after }, this.attributeLimit).attributes,
      });
    }
  }

  finish(plan: RawPlan): PlanSummary {
    this.variables(plan.variables, plan.configuration);
    const errors: string[] = [];
    if (plan.errored === true) errors.push('The plan errored: terraform stopped planning at an error, so this plan is incomplete and cannot be applied. Fix the error shown in the plan step log and plan again.');
    else if (plan.complete === false) errors.push('The plan is incomplete (some changes were deferred): applying it will leave more to do; plan again after applying.');
    const changes = this.resources.some((r) => r.mode === 'managed' && r.kind !== 'read') || this.outputs.length > 0;
    return {
      formatVersion: String(plan.format_version),
      terraformVersion: typeof plan.terraform_version === 'string' ? plan.terraform_version : undefined,
      counts: this.counts,
      changes,
      resources: this.resources,
      drift: this.drift,
      outputs: this.outputs,
      errors,
      errored: plan.errored === true,
    };
  }
}

/** Summarizes a checked plan document. */
export function summarizePlan(plan: RawPlan, options: SummarizeOptions = {}): PlanSummary {
  const builder = new SummaryBuilder(options);
  for (const raw of plan.resource_changes ?? []) builder.resource(raw);
  for (const raw of plan.resource_drift ?? []) builder.driftResource(raw);
  builder.outputChanges(plan.output_changes ?? {});
  return builder.finish(plan);
}

/** `Plan: 1 to import, 2 to add, 0 to change, 1 to destroy, 1 to forget.` as terraform writes it. */
export function planLine(counts: PlanCounts): string {
  const parts: string[] = [];
  if (counts.import > 0) parts.push(`${counts.import} to import`);
  parts.push(`${counts.add} to add`, `${counts.change} to change`, `${counts.destroy} to destroy`);
  if (counts.forget > 0) parts.push(`${counts.forget} to forget`);
  return `Plan: ${parts.join(', ')}.`;
}
