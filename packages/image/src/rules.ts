/**
 * The `images`, `tags` and `flavor` inputs, parsed with metadata-action's syntax and defaults into typed
 * rules. Every problem is a `RuleError` naming the input and the line.
 */
import { splitCsvLine, splitKeyValue } from './csv.ts';

export const TAG_TYPES = ['schedule', 'semver', 'match', 'edge', 'ref', 'raw', 'sha'] as const;
export type TagType = (typeof TAG_TYPES)[number];

/** Higher runs first; equal priorities keep the order they were written in. */
export const DEFAULT_PRIORITIES: Record<TagType, number> = {
  schedule: 1000, semver: 900, match: 800, edge: 700, ref: 600, raw: 200, sha: 100,
};

/** With no `tags` input: the nightly schedule tag, the branch, the git tag and the pull request. */
export const DEFAULT_TAG_RULES = ['type=schedule', 'type=ref,event=branch', 'type=ref,event=tag', 'type=ref,event=pr'];

export interface TagRule {
  type: TagType;
  /** Every attribute as written, plus the type's defaults (`prefix` is only present when written or defaulted). */
  attrs: Record<string, string>;
  priority: number;
  /** The line it came from, for messages. */
  source: string;
}

export interface Flavor {
  latest: 'auto' | 'true' | 'false';
  prefix: string;
  prefixLatest: boolean;
  suffix: string;
  suffixLatest: boolean;
}

export interface ImageName {
  name: string;
  enable: boolean;
}

export class RuleError extends Error {
  constructor(input: string, line: string, problem: string) {
    super(`Input '${input}': ${problem} in the line ${JSON.stringify(line)}.`);
    this.name = 'RuleError';
  }
}

function fieldsOf(input: string, line: string): string[] {
  try {
    return splitCsvLine(line);
  } catch (error) {
    throw new RuleError(input, line, (error as Error).message);
  }
}

/** Parses one `tags` line. A line of a single value without `type=` is `type=raw,value=<line>`. */
export function parseTagRule(line: string): TagRule {
  const attrs: Record<string, string> = {};
  let type: TagType | undefined;
  for (const field of fieldsOf('tags', line)) {
    const { key, value } = splitKeyValue(field);
    if (key === undefined) attrs.value = value;
    else if (key === 'type') {
      if (!(TAG_TYPES as readonly string[]).includes(value)) {
        throw new RuleError('tags', line, `unknown type=${value} (accepted: ${TAG_TYPES.join(', ')})`);
      }
      type = value as TagType;
    } else attrs[key] = value;
  }
  type ??= 'raw';
  const need = (name: string) => {
    if (!(name in attrs)) throw new RuleError('tags', line, `type=${type} needs ${name}=`);
  };
  switch (type) {
    case 'schedule':
      attrs.pattern ??= 'nightly';
      break;
    case 'semver':
      need('pattern');
      attrs.value ??= '';
      break;
    case 'match':
      need('pattern');
      attrs.group ??= '0';
      attrs.value ??= '';
      if (!/^\d+$/.test(attrs.group!)) throw new RuleError('tags', line, `group=${attrs.group} is not a group number`);
      break;
    case 'edge':
      attrs.branch ??= '';
      break;
    case 'ref':
      need('event');
      if (!['branch', 'tag', 'pr'].includes(attrs.event!)) throw new RuleError('tags', line, `event=${attrs.event} is not one of branch, tag, pr`);
      if (attrs.event === 'pr') attrs.prefix ??= 'pr-';
      break;
    case 'raw':
      need('value');
      break;
    case 'sha':
      attrs.prefix ??= 'sha-';
      attrs.format ??= 'short';
      if (!['short', 'long'].includes(attrs.format!)) throw new RuleError('tags', line, `format=${attrs.format} is not one of short, long`);
      break;
  }
  attrs.enable ??= 'true';
  let priority = DEFAULT_PRIORITIES[type];
  if (attrs.priority !== undefined) {
    if (!/^-?\d+$/.test(attrs.priority)) throw new RuleError('tags', line, `priority=${attrs.priority} is not a whole number`);
    priority = Number(attrs.priority);
  }
  return { type, attrs, priority, source: line };
}

/** Parses the `tags` lines (or the defaults when there are none) and orders them by priority, highest first. */
export function parseTagRules(lines: readonly string[]): TagRule[] {
  const rules = (lines.length > 0 ? lines : DEFAULT_TAG_RULES).map(parseTagRule);
  return rules.map((rule, index) => ({ rule, index }))
    .sort((a, b) => b.rule.priority - a.rule.priority || a.index - b.index)
    .map(({ rule }) => rule);
}

/** Parses the `flavor` lines: `latest=auto|true|false`, `prefix=…[,onlatest=true]`, `suffix=…[,onlatest=true]`. */
export function parseFlavor(lines: readonly string[]): Flavor {
  const flavor: Flavor = { latest: 'auto', prefix: '', prefixLatest: false, suffix: '', suffixLatest: false };
  for (const line of lines) {
    let onLatestFor: 'prefix' | 'suffix' | undefined;
    for (const field of fieldsOf('flavor', line)) {
      const { key, value } = splitKeyValue(field);
      switch (key) {
        case 'latest':
          if (value !== 'auto' && value !== 'true' && value !== 'false') throw new RuleError('flavor', line, `latest=${value} is not one of auto, true, false`);
          flavor.latest = value;
          break;
        case 'prefix':
          flavor.prefix = value;
          onLatestFor = 'prefix';
          break;
        case 'suffix':
          flavor.suffix = value;
          onLatestFor = 'suffix';
          break;
        case 'onlatest':
          if (value !== 'true' && value !== 'false') throw new RuleError('flavor', line, `onlatest=${value} is not true or false`);
          if (onLatestFor === 'prefix') flavor.prefixLatest = value === 'true';
          if (onLatestFor === 'suffix') flavor.suffixLatest = value === 'true';
          break;
        default:
          throw new RuleError('flavor', line, key === undefined ? `"${value}" is not key=value` : `unknown entry ${key}= (accepted: latest, prefix, suffix, onlatest)`);
      }
    }
  }
  return flavor;
}

/**
 * Parses the `images` lines: `name[,enable=true|false]` per line, or (the older form) one line of
 * comma-separated names. Names are lower-cased.
 */
export function parseImages(lines: readonly string[]): ImageName[] {
  if (lines.length === 1) {
    const fields = fieldsOf('images', lines[0]!).map((f) => f.trim()).filter((f) => f !== '');
    if (fields.every((f) => !f.includes('='))) return fields.map((name) => ({ name: name.toLowerCase(), enable: true }));
  }
  return lines.map((line) => {
    const image: ImageName = { name: '', enable: true };
    for (const field of fieldsOf('images', line)) {
      const { key, value } = splitKeyValue(field);
      if (key === undefined || key === 'name') image.name = value.toLowerCase();
      else if (key === 'enable') {
        if (value !== 'true' && value !== 'false') throw new RuleError('images', line, `enable=${value} is not true or false`);
        image.enable = value === 'true';
      } else throw new RuleError('images', line, `unknown attribute ${key}= (accepted: name, enable)`);
    }
    if (image.name === '') throw new RuleError('images', line, 'the image name is empty');
    return image;
  });
}
