/**
 * Tags, labels and annotations for an image, computed from the workflow's context with
 * docker/metadata-action's inputs and rules: the same inputs and event give the same tags in the same order.
 * Pure: the context (event, ref, sha, payload, clock) comes in as a value.
 */
import * as pep440 from '@renovatebot/pep440';
import * as semver from 'semver';
import { checkTemplate, dateHelper, isRawStatement, render } from './expressions.ts';
import { parseFlavor, parseImages, parseTagRules, ruleRegExp, type Flavor, type TagRule } from './rules.ts';

/** The metadata-action inputs, one entry per rule (as `splitRuleList`/`splitValueList` give them). */
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
  /** `{{commit_date}}`: the commit's time (push payload, else the checkout), else the build date. */
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
  /** The enabled image names, lower-cased. */
  images: string[];
  /** `image:tag` for every enabled image (or bare tags when there is no image). */
  tags: string[];
  /** The tags without image names (`tag-names` output). */
  tagNames: string[];
  /** `key=value`, sorted by key. */
  labels: string[];
  /** `level:key=value` for each annotation level. */
  annotations: string[];
  /** The `json` output: `{tags, tag-names, labels: {key: value}, annotations}`. */
  json: { tags: string[]; 'tag-names': string[]; labels: Record<string, string>; annotations: string[] };
  /** Rules that matched nothing for a reason the user may want to know (not a valid semver, …), and no tag at all. */
  warnings: string[];
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

class Computation {
  readonly ctx: MetadataContext;
  readonly flavor: Flavor;
  readonly warnings: string[] = [];
  readonly version: Version = { main: undefined, partial: [], latest: false };
  private latestDecided = false;
  private readonly globals: Record<string, unknown>;

  constructor(ctx: MetadataContext, flavor: Flavor) {
    this.ctx = ctx;
    this.flavor = flavor;
    const { ref, sha, payload, eventName } = ctx;
    const pull = payload.pull_request as { base?: { ref?: string } } | undefined;
    const repository = payload.repository as { default_branch?: string } | undefined;
    const isDefaultBranch = () => {
      const branch = ref.replace(/^refs\/heads\//, '');
      if (branch === '') return 'false';
      if (repository?.default_branch === branch) return 'true';
      // these events always run on the default branch's last commit
      return /create|discussion|issues|schedule/.test(eventName) ? 'true' : 'false';
    };
    this.globals = {
      branch: () => (isBranch(ref) ? ref.slice('refs/heads/'.length) : ''),
      tag: () => (isTag(ref) ? stripTagsRef(ref) : ''),
      sha: () => shortSha(sha, ctx.shortShaLength),
      base_ref: () => {
        if (isTag(ref) && typeof payload.base_ref === 'string') return payload.base_ref.replace(/^refs\/heads\//, '');
        if (isPull(ref) && typeof pull?.base?.ref === 'string') return pull.base.ref;
        return '';
      },
      is_default_branch: isDefaultBranch,
      is_not_default_branch: () => (isDefaultBranch() === 'false' ? 'true' : 'false'),
      date: dateHelper(ctx.date),
      commit_date: dateHelper(ctx.commitDate),
    };
  }

  /** Global expressions: `{{branch}}`, `{{tag}}`, `{{sha}}`, `{{base_ref}}`, `{{is_default_branch}}`, `{{is_not_default_branch}}`, `{{date}}`, `{{commit_date}}`. */
  expand(template: string): string {
    return render(template, this.globals);
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

  /** Records a tag value; the first recorded value decides `latest` (`latest=auto`: the rule's own answer). */
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
          this.add(this.affix(render(a.pattern!, { date: this.globals.date, commit_date: this.globals.commit_date }), rule), false);
        }
        return;
      case 'semver':
        return this.semverRule(rule);
      case 'pep440':
        return this.pep440Rule(rule);
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

  /**
   * The version a semver or pep440 rule reads: its `value=` (expanded) or the git tag, narrowed by `match=`
   * (its first group, or the whole match when it has none), slashes as dashes. Undefined when the rule does
   * not apply (no tag and no value).
   */
  private versionInput(rule: TagRule): string | undefined {
    const a = rule.attrs;
    if (!isTag(this.ctx.ref) && a.value === '') return undefined;
    let raw = a.value !== '' ? this.expand(a.value!) : stripTagsRef(this.ctx.ref);
    if (a.match !== '') {
      const m = raw.match(ruleRegExp(a.match!));
      if (!m) this.warnings.push(`match=${a.match} does not match ${raw}: the rule ${JSON.stringify(rule.source)} reads ${raw} whole.`);
      else raw = m[1] ?? m[0];
    }
    return raw.replace(/\//g, '-');
  }

  private semverRule(rule: TagRule): void {
    const raw = this.versionInput(rule);
    if (raw === undefined) return;
    if (!semver.valid(raw)) {
      this.warnings.push(`${raw} is not a valid semver (https://semver.org): the rule ${JSON.stringify(rule.source)} gives no tag.`);
      return;
    }
    const parsed = semver.parse(raw, { loose: true })!;
    const pattern = rule.attrs.pattern!;
    if (semver.prerelease(raw)) {
      // a pre-release gives only {{version}} (or {{raw}} when the pattern is exactly that), never latest under auto
      this.add(this.affix(render(isRawStatement(pattern) ? pattern : '{{version}}', parsed), rule), false);
    } else {
      this.add(this.affix(render(pattern, parsed), rule), true);
    }
  }

  private pep440Rule(rule: TagRule): void {
    const raw = this.versionInput(rule);
    if (raw === undefined) return;
    const explained = pep440.valid(raw) ? pep440.explain(raw) : null;
    if (!explained) {
      this.warnings.push(`${raw} does not conform to PEP 440 (https://peps.python.org/pep-0440/): the rule ${JSON.stringify(rule.source)} gives no tag.`);
      return;
    }
    const pattern = rule.attrs.pattern!;
    if (explained.is_prerelease || explained.is_postrelease || explained.is_devrelease) {
      // dev, pre and post releases give only the normalised version (or {{raw}}), never latest under auto
      this.add(this.affix(isRawStatement(pattern) ? raw : pep440Normal(raw), rule), false);
      return;
    }
    const parts = {
      raw,
      version: pep440Normal(raw),
      major: String(pep440.major(raw)),
      minor: String(pep440.minor(raw)),
      patch: String(pep440.patch(raw)),
    };
    this.add(this.affix(render(pattern, parts), rule), true);
  }

  private matchRule(rule: TagRule): void {
    const a = rule.attrs;
    if (!isTag(this.ctx.ref) && a.value === '') return;
    const raw = a.value !== '' ? this.expand(a.value!) : stripTagsRef(this.ctx.ref);
    const match = raw.match(ruleRegExp(a.pattern!));
    if (!match) {
      this.warnings.push(`pattern=${a.pattern} does not match ${raw}: the rule ${JSON.stringify(rule.source)} gives no tag.`);
      return;
    }
    const group = match[Number(a.group)];
    if (group === undefined) {
      this.warnings.push(`group=${a.group} does not exist in pattern=${a.pattern} for ${raw}: the rule ${JSON.stringify(rule.source)} gives no tag.`);
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

/** PEP 440's normal form; the library joins a local version's segments with ',' where PEP 440 says '.'. */
function pep440Normal(raw: string): string {
  const clean = pep440.clean(raw) ?? raw;
  const plus = clean.indexOf('+');
  return plus === -1 ? clean : `${clean.slice(0, plus)}+${clean.slice(plus + 1).replace(/,/g, '.')}`;
}

function describeRef(ctx: MetadataContext): string {
  return `${ctx.eventName || 'no event'} on ${ctx.ref || 'no ref'}`;
}

/** Computes version, tags, labels, annotations and the `json` output. Throws on bad rules, naming the input. */
export function computeMetadata(inputs: MetadataInputs, ctx: MetadataContext): Metadata {
  const images = parseImages(inputs.images);
  const rules = parseTagRules(inputs.tags);
  const flavor = parseFlavor(inputs.flavor);
  for (const [input, lines] of [['labels', inputs.labels], ['annotations', inputs.annotations]] as const) {
    for (const line of lines) checkTemplate(line, 'global', `Input '${input}': the line ${JSON.stringify(line)}`);
  }
  const run = new Computation(ctx, flavor);
  for (const rule of rules) run.apply(rule);
  const { version } = run;
  version.partial = version.partial.filter((tag, i) => version.partial.indexOf(tag) === i);

  const tagNames: string[] = [];
  if (version.main !== undefined) {
    tagNames.push(version.main, ...version.partial);
    if (version.latest) {
      tagNames.push(sanitizeTag(`${flavor.prefixLatest ? flavor.prefix : ''}latest${flavor.suffixLatest ? flavor.suffix : ''}`));
    }
  }
  const names = images.filter((i) => i.enable).map((i) => i.name);
  const tags = names.length === 0 ? [...tagNames] : names.flatMap((name) => tagNames.map((v) => `${name}:${v}`));
  if (tags.length === 0) {
    run.warnings.push(names.length > 0
      ? `No tag was computed for ${names.join(', ')}: no rule of 'tags' gives a value for ${describeRef(ctx)}. Check the 'tags' input.`
      : `No tag was computed: no rule of 'tags' gives a value for ${describeRef(ctx)}. Check the 'tags' input.`);
  }
  const labels = run.ociWith(inputs.labels);
  const plainAnnotations = run.ociWith(inputs.annotations);
  const annotations = ctx.annotationLevels.flatMap((level) => plainAnnotations.map((a) => `${level}:${a}`));
  const labelObject: Record<string, string> = {};
  for (const label of labels) {
    const eq = label.indexOf('=');
    labelObject[label.slice(0, eq)] = label.slice(eq + 1);
  }
  return {
    version, images: names, tags, tagNames, labels, annotations,
    json: { tags, 'tag-names': tagNames, labels: labelObject, annotations },
    warnings: run.warnings,
  };
}
