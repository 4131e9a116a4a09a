/**
 * Tags, labels and annotations for an image, computed from the workflow's context with
 * docker/metadata-action's inputs and rules: the same inputs and event give the same tags in the same order.
 * Pure: the context (event, ref, sha, payload, clock) comes in as a value.
 */
import Handlebars from 'handlebars';
import * as semver from 'semver';
import { formatDate } from './dates.ts';
import { parseFlavor, parseImages, parseTagRules, type Flavor, type TagRule } from './rules.ts';

export interface MetadataInputs {
  images: readonly string[];
  tags: readonly string[];
  flavor: readonly string[];
  labels: readonly string[];
  annotations: readonly string[];
}

export interface RepositoryInfo {
  name: string;
  description: string;
  htmlUrl: string;
  license: string;
  defaultBranch: string;
}

export interface MetadataContext {
  eventName: string;
  ref: string;
  sha: string;
  payload: Record<string, unknown>;
  repository: RepositoryInfo;
  /** The build date: `{{date}}` and `org.opencontainers.image.created` (SOURCE_DATE_EPOCH when set). */
  date: Date;
  /** `{{commit_date}}`: the pushed head commit's time, else the build date. */
  commitDate: Date;
  /** Length of `{{sha}}` and `type=sha` (default 7, `DOCKER_METADATA_SHORT_SHA_LENGTH`). */
  shortShaLength: number;
  /** Where annotations go (default `manifest`, `DOCKER_METADATA_ANNOTATIONS_LEVELS`). */
  annotationLevels: readonly string[];
}

export interface Version {
  /** The first tag value; `version` output. */
  main: string | undefined;
  /** The other tag values, in rule order, without duplicates. */
  partial: string[];
  latest: boolean;
}

export interface Metadata {
  version: Version;
  /** `image:tag` for every enabled image (or bare tags when there is no image). */
  tags: string[];
  /** `key=value`, sorted by key. */
  labels: string[];
  /** `level:key=value` for each annotation level. */
  annotations: string[];
  /** The `json` output: `{tags, labels: {key: value}, annotations}`. */
  json: { tags: string[]; labels: Record<string, string>; annotations: string[] };
  /** Rules that matched nothing for a reason the user may want to know (not a valid semver, …). */
  warnings: string[];
}

const hbs = Handlebars.create();

type HelperOptions = { hash: Record<string, unknown> };

function dateHelper(date: Date) {
  return (format: unknown, options: HelperOptions) => {
    let tz = 'UTC';
    for (const [key, value] of Object.entries(options?.hash ?? {})) {
      if (key !== 'tz') throw new Error(`Unknown attribute ${key}= in a {{date}} expression (accepted: tz).`);
      tz = String(value);
    }
    return formatDate(date, typeof format === 'string' ? format : 'YYYY-MM-DD', tz);
  };
}

// templates are few and repeat (the same rules for every event): compile each once
const compiled = new Map<string, HandlebarsTemplateDelegate>();

function render(template: string, data: object): string {
  try {
    let fn = compiled.get(template);
    if (!fn) {
      fn = hbs.compile(template);
      if (compiled.size < 1000) compiled.set(template, fn);
    }
    return fn(data);
  } catch (error) {
    throw new Error(`Cannot evaluate the expression ${JSON.stringify(template)}: ${(error as Error).message}`, { cause: error });
  }
}

const stripTagsRef = (ref: string) => ref.replace(/^refs\/tags\//, '');
const isTag = (ref: string) => ref.startsWith('refs/tags/');
const isBranch = (ref: string) => ref.startsWith('refs/heads/');
const isPull = (ref: string) => ref.startsWith('refs/pull/');

export function sanitizeTag(tag: string): string {
  return tag.replace(/[^a-zA-Z0-9._-]+/g, '-');
}

export function shortSha(sha: string, length: number): string {
  return length >= sha.length ? sha : sha.slice(0, length);
}

/** A semver pattern that is exactly `{{raw}}`: kept for prereleases instead of `{{version}}`. */
function isRawStatement(pattern: string): boolean {
  try {
    const body = hbs.parseWithoutProcessing(pattern).body;
    const only = body.length === 1 ? body[0] : undefined;
    if (only?.type !== 'MustacheStatement') return false;
    const parts = (only as unknown as { path: { parts?: string[] } }).path.parts;
    return parts?.length === 1 && parts[0] === 'raw';
  } catch {
    return false;
  }
}

class Computation {
  readonly ctx: MetadataContext;
  readonly flavor: Flavor;
  readonly warnings: string[] = [];
  readonly version: Version = { main: undefined, partial: [], latest: false };
  private latestDecided = false;

  constructor(ctx: MetadataContext, flavor: Flavor) {
    this.ctx = ctx;
    this.flavor = flavor;
  }

  /** Global expressions: `{{branch}}`, `{{tag}}`, `{{sha}}`, `{{base_ref}}`, `{{is_default_branch}}`, `{{date}}`, `{{commit_date}}`. */
  expand(template: string): string {
    const { ref, sha, payload, eventName } = this.ctx;
    const pull = payload.pull_request as { base?: { ref?: string } } | undefined;
    const repository = payload.repository as { default_branch?: string } | undefined;
    return render(template, {
      branch: () => (isBranch(ref) ? ref.slice('refs/heads/'.length) : ''),
      tag: () => (isTag(ref) ? stripTagsRef(ref) : ''),
      sha: () => shortSha(sha, this.ctx.shortShaLength),
      base_ref: () => {
        if (isTag(ref) && typeof payload.base_ref === 'string') return payload.base_ref.replace(/^refs\/heads\//, '');
        if (isPull(ref) && typeof pull?.base?.ref === 'string') return pull.base.ref;
        return '';
      },
      is_default_branch: () => {
        const branch = ref.replace(/^refs\/heads\//, '');
        if (branch === '') return 'false';
        if (repository?.default_branch === branch) return 'true';
        // these events always run on the default branch's last commit
        return /create|discussion|issues|schedule/.test(eventName) ? 'true' : 'false';
      },
      date: dateHelper(this.ctx.date),
      commit_date: dateHelper(this.ctx.commitDate),
    });
  }

  /** Applies the rule's prefix/suffix, or the flavor's when the rule has none. */
  affix(value: string, rule: TagRule): string {
    let out = value;
    if ('prefix' in rule.attrs) out = this.expand(rule.attrs.prefix!) + out;
    else if (this.flavor.prefix) out = this.expand(this.flavor.prefix) + out;
    if ('suffix' in rule.attrs) out += this.expand(rule.attrs.suffix!);
    else if (this.flavor.suffix) out += this.expand(this.flavor.suffix);
    return out;
  }

  /** Records a tag value; the first recorded value decides `latest` (under `latest=auto`). */
  add(value: string, autoLatest: boolean): void {
    if (value.length === 0) return;
    const tag = sanitizeTag(value);
    if (this.version.main === undefined) this.version.main = tag;
    else if (tag !== this.version.main) this.version.partial.push(tag);
    if (!this.latestDecided) {
      this.latestDecided = true;
      this.version.latest = this.flavor.latest === 'auto' ? autoLatest : this.flavor.latest === 'true';
    }
  }

  apply(rule: TagRule): void {
    const enabled = this.expand(rule.attrs.enable!);
    if (enabled !== 'true' && enabled !== 'false') {
      throw new Error(`Input 'tags': enable= must be true or false, but ${JSON.stringify(rule.attrs.enable)} gave ${JSON.stringify(enabled)} in the line ${JSON.stringify(rule.source)}.`);
    }
    if (enabled === 'false') return;
    const { ref, sha, eventName } = this.ctx;
    const a = rule.attrs;
    switch (rule.type) {
      case 'schedule':
        if (/schedule/.test(eventName)) {
          this.add(this.affix(render(a.pattern!, { date: dateHelper(this.ctx.date), commit_date: dateHelper(this.ctx.commitDate) }), rule), false);
        }
        return;
      case 'semver':
        return this.semverRule(rule);
      case 'match':
        return this.matchRule(rule);
      case 'ref':
        if (a.event === 'branch' && isBranch(ref)) this.add(this.affix(ref.slice('refs/heads/'.length), rule), false);
        if (a.event === 'tag' && isTag(ref)) this.add(this.affix(stripTagsRef(ref), rule), true);
        if (a.event === 'pr' && isPull(ref)) this.add(this.affix(ref.slice('refs/pull/'.length).replace(/\/merge$/, ''), rule), false);
        return;
      case 'edge': {
        if (!isBranch(ref)) return;
        const branch = a.branch || this.ctx.repository.defaultBranch;
        if (branch === ref.slice('refs/heads/'.length)) this.add(this.affix('edge', rule), false);
        return;
      }
      case 'raw':
        this.add(this.affix(this.expand(a.value!), rule), false);
        return;
      case 'sha':
        if (!sha) return;
        this.add(this.affix(a.format === 'short' ? shortSha(sha, this.ctx.shortShaLength) : sha, rule), false);
        return;
    }
  }

  private semverRule(rule: TagRule): void {
    const a = rule.attrs;
    if (!isTag(this.ctx.ref) && a.value === '') return;
    const raw = a.value !== '' ? this.expand(a.value!) : stripTagsRef(this.ctx.ref).replace(/\//g, '-');
    if (!semver.valid(raw)) {
      this.warnings.push(`${raw} is not a valid semver: the rule ${JSON.stringify(rule.source)} gives no tag.`);
      return;
    }
    const parsed = semver.parse(raw, { loose: true })!;
    if (semver.prerelease(raw)) {
      const pattern = isRawStatement(a.pattern!) ? a.pattern! : '{{version}}';
      this.add(this.affix(render(pattern, parsed), rule), false);
    } else {
      this.add(this.affix(render(a.pattern!, parsed), rule), true);
    }
  }

  private matchRule(rule: TagRule): void {
    const a = rule.attrs;
    if (!isTag(this.ctx.ref) && a.value === '') return;
    const raw = a.value !== '' ? this.expand(a.value!) : stripTagsRef(this.ctx.ref);
    const literal = /^\/(.+)\/(.*)$/.exec(a.pattern!);
    let match: RegExpMatchArray | null;
    try {
      match = literal ? raw.match(new RegExp(literal[1]!, literal[2])) : raw.match(new RegExp(a.pattern!));
    } catch (error) {
      throw new Error(`Input 'tags': pattern=${a.pattern} is not a valid regular expression in the line ${JSON.stringify(rule.source)}: ${(error as Error).message}`, { cause: error });
    }
    if (!match) {
      this.warnings.push(`${a.pattern} does not match ${raw}: the rule ${JSON.stringify(rule.source)} gives no tag.`);
      return;
    }
    const group = match[Number(a.group)];
    if (group === undefined) {
      this.warnings.push(`Group ${a.group} does not exist for the pattern ${a.pattern}: the rule ${JSON.stringify(rule.source)} gives no tag.`);
      return;
    }
    this.add(this.affix(group, rule), true);
  }

  /** OCI labels or annotations plus the user's, later keys replacing earlier ones, sorted by key. */
  ociWith(extra: readonly string[]): string[] {
    const r = this.ctx.repository;
    const base = [
      `org.opencontainers.image.title=${r.name}`,
      `org.opencontainers.image.description=${r.description}`,
      `org.opencontainers.image.url=${r.htmlUrl}`,
      `org.opencontainers.image.source=${r.htmlUrl}`,
      `org.opencontainers.image.version=${this.version.main ?? ''}`,
      `org.opencontainers.image.created=${this.ctx.date.toISOString()}`,
      `org.opencontainers.image.revision=${this.ctx.sha}`,
      `org.opencontainers.image.licenses=${r.license}`,
    ];
    const map = new Map<string, string>();
    for (const entry of [...base, ...extra.map((e) => this.expand(e))]) {
      const eq = entry.indexOf('=');
      if (eq === -1) continue;
      map.set(entry.slice(0, eq), entry.slice(eq + 1));
    }
    return [...map].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`);
  }
}

/** Computes version, tags, labels, annotations and the `json` output. Throws on bad rules, naming the input. */
export function computeMetadata(inputs: MetadataInputs, ctx: MetadataContext): Metadata {
  const images = parseImages(inputs.images);
  const rules = parseTagRules(inputs.tags);
  const flavor = parseFlavor(inputs.flavor);
  const run = new Computation(ctx, flavor);
  for (const rule of rules) run.apply(rule);
  const { version } = run;
  version.partial = version.partial.filter((tag, i) => version.partial.indexOf(tag) === i);

  const tags: string[] = [];
  if (version.main !== undefined) {
    const values = [version.main, ...version.partial];
    if (version.latest) {
      values.push(sanitizeTag(`${flavor.prefixLatest ? flavor.prefix : ''}latest${flavor.suffixLatest ? flavor.suffix : ''}`));
    }
    const names = images.filter((i) => i.enable).map((i) => i.name);
    if (names.length === 0) tags.push(...values);
    for (const name of names) tags.push(...values.map((v) => `${name}:${v}`));
  }
  const labels = run.ociWith(inputs.labels);
  const plainAnnotations = run.ociWith(inputs.annotations);
  const annotations = ctx.annotationLevels.flatMap((level) => plainAnnotations.map((a) => `${level}:${a}`));
  const labelObject: Record<string, string> = {};
  for (const label of labels) {
    const eq = label.indexOf('=');
    labelObject[label.slice(0, eq)] = label.slice(eq + 1);
  }
  return { version, tags, labels, annotations, json: { tags, labels: labelObject, annotations }, warnings: run.warnings };
}
