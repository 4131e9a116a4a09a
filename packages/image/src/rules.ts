/**
 * The `images`, `tags` and `flavor` inputs, parsed with metadata-action's syntax and defaults into typed
 * rules. Every problem is a `RuleError` naming the input and the line.
 */
import { splitCsvLine, splitKeyValue } from './csv.ts';
import { checkTemplate, type Scope } from './expressions.ts';

export const TAG_TYPES = ['schedule', 'semver', 'pep440', 'match', 'edge', 'ref', 'raw', 'sha'] as const;
export type TagType = (typeof TAG_TYPES)[number];

/** Higher runs first; equal priorities keep the order they were written in. */
export const DEFAULT_PRIORITIES: Record<TagType, number> = {
  schedule: 1000, semver: 900, pep440: 900, match: 800, edge: 700, ref: 600, raw: 200, sha: 100,
};

/** With no `tags` input: the nightly schedule tag, the branch, the git tag and the pull request. */
export const DEFAULT_TAG_RULES = ['type=schedule', 'type=ref,event=branch', 'type=ref,event=tag', 'type=ref,event=pr'];

/** Attributes every type takes. */
export const COMMON_ATTRIBUTES = ['enable', 'priority', 'prefix', 'suffix'] as const;

interface TypeSpec {
  /** The type's own attributes, with their defaults ('' when it has none; absent when required). */
  attributes: Record<string, string | undefined>;
  /** The scope of `pattern=`, when the type has one. */
  patternScope?: Scope;
  /** Checks the attributes once defaults are in; returns the problem, if any. */
  check?: (attrs: Record<string, string>) => string | undefined;
}

const versionType = (scope: Scope): TypeSpec => ({
  attributes: { pattern: undefined, value: '', match: '' },
  patternScope: scope,
  check: (a) => regexProblem('match', a.match!),
});

/** One entry per type: what it accepts, its defaults and its checks. A new type is a new row (and its computation in meta.ts). */
export const TYPE_SPECS: Record<TagType, TypeSpec> = {
  schedule: { attributes: { pattern: 'nightly' }, patternScope: 'schedule' },
  semver: versionType('semver'),
  pep440: versionType('pep440'),
  match: {
    attributes: { pattern: undefined, group: '0', value: '' },
    check: (a) => (!/^\d+$/.test(a.group!) ? `group=${a.group} is not a group number` : regexProblem('pattern', a.pattern!)),
  },
  edge: { attributes: { branch: '' } },
  ref: {
    attributes: { event: undefined },
    check: (a) => (['branch', 'tag', 'pr'].includes(a.event!) ? undefined : `event=${a.event} is not one of branch, tag, pr`),
  },
  raw: { attributes: { value: undefined } },
  sha: {
    attributes: { format: 'short' },
    check: (a) => (['short', 'long'].includes(a.format!) ? undefined : `format=${a.format} is not one of short, long`),
  },
};

/** A `pattern=` of type=match (`/re/flags` or a bare expression) or a `match=` of semver/pep440, as a RegExp. */
export function ruleRegExp(pattern: string): RegExp {
  const literal = /^\/(.+)\/(.*)$/.exec(pattern);
  return literal ? new RegExp(literal[1]!, literal[2]) : new RegExp(pattern);
}

function regexProblem(attr: string, pattern: string): string | undefined {
  if (pattern === '') return undefined;
  try {
    ruleRegExp(pattern);
    return undefined;
  } catch (error) {
    return `${attr}=${pattern} is not a valid regular expression (${(error as Error).message})`;
  }
}

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

function checked(input: string, line: string, template: string, scope: Scope, attr: string): void {
  try {
    checkTemplate(template, scope, `${attr}=${template}`);
  } catch (error) {
    throw new RuleError(input, line, (error as Error).message.replace(/\.$/, ''));
  }
}

/**
 * Parses one `tags` line. A field without `=` is the value (`type=raw,foo` or a bare `foo`); without
 * `type=` the line is `type=raw`. An unknown type or attribute, a missing required attribute and an
 * unknown placeholder are errors naming them.
 */
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
  const spec = TYPE_SPECS[type];
  const accepted = [...COMMON_ATTRIBUTES, ...Object.keys(spec.attributes)];
  for (const key of Object.keys(attrs)) {
    if (!accepted.includes(key)) {
      throw new RuleError('tags', line, `type=${type} has the unknown attribute ${key}= (accepted: ${accepted.map((a) => `${a}=`).join(', ')})`);
    }
  }
  for (const [key, fallback] of Object.entries(spec.attributes)) {
    if (key in attrs) continue;
    if (fallback === undefined) throw new RuleError('tags', line, `type=${type} needs ${key}=`);
    attrs[key] = fallback;
  }
  if (type === 'ref' && attrs.event === 'pr') attrs.prefix ??= 'pr-';
  if (type === 'sha') attrs.prefix ??= 'sha-';
  const problem = spec.check?.(attrs);
  if (problem) throw new RuleError('tags', line, problem);
  attrs.enable ??= 'true';
  let priority = DEFAULT_PRIORITIES[type];
  if (attrs.priority !== undefined) {
    if (!/^-?\d+$/.test(attrs.priority)) throw new RuleError('tags', line, `priority=${attrs.priority} is not a whole number`);
    priority = Number(attrs.priority);
  }
  for (const attr of ['enable', 'prefix', 'suffix']) if (attrs[attr] !== undefined) checked('tags', line, attrs[attr], 'global', attr);
  if ('value' in spec.attributes) checked('tags', line, attrs.value!, 'global', 'value');
  if (spec.patternScope) checked('tags', line, attrs.pattern!, spec.patternScope, 'pattern');
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
          checked('flavor', line, value, 'global', 'prefix');
          flavor.prefix = value;
          onLatestFor = 'prefix';
          break;
        case 'suffix':
          checked('flavor', line, value, 'global', 'suffix');
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
