/**
 * Versions: tag formats, what kind of branch releases what, the last release, and the next version.
 * Pure functions over semver.
 */
import semver from 'semver';
import { ConveyorError, InputError } from '@conveyor/kit';
import type { Bump } from './rules.ts';

// ---------------------------------------------------------------- tag format

const PLACEHOLDER = '${version}';

/** Checks a tag format such as `v${version}` or `api-v${version}`. */
export function checkTagFormat(format: string, inputName = 'tag-format'): void {
  const count = format.split(PLACEHOLDER).length - 1;
  if (count !== 1) {
    throw new InputError([`Input '${inputName}' is ${JSON.stringify(format)}; it must contain \${version} exactly once, e.g. v\${version} or api-v\${version}.`]);
  }
  if (/[\s~^:?*[\\]/.test(format.replace(PLACEHOLDER, ''))) {
    throw new InputError([`Input '${inputName}' is ${JSON.stringify(format)}; a git tag cannot contain spaces or any of ~ ^ : ? * [ \\.`]);
  }
}

export function formatTag(format: string, version: string): string {
  return format.replace(PLACEHOLDER, version);
}

/** The version a tag carries under `format`, or undefined when the tag is not of this format or not semver. */
export function parseTag(format: string, tag: string): string | undefined {
  const at = format.indexOf(PLACEHOLDER);
  const prefix = format.slice(0, at);
  const suffix = format.slice(at + PLACEHOLDER.length);
  if (!tag.startsWith(prefix) || !tag.endsWith(suffix) || tag.length <= prefix.length + suffix.length) return undefined;
  const version = tag.slice(prefix.length, tag.length - suffix.length);
  return semver.valid(version) === version ? version : undefined;
}

/** A glob for `git tag --list` that finds the tags of this format (checked again with `parseTag`). */
export function tagGlob(format: string): string {
  return format.replace(PLACEHOLDER, '[0-9]*');
}

// ---------------------------------------------------------------- branches

export type BranchPolicy =
  | { kind: 'release'; branch: string; channel: 'latest' }
  | { kind: 'prerelease'; branch: string; identifier: string; channel: string }
  | { kind: 'maintenance'; branch: string; range: string; channel: string };

export interface BranchOptions {
  /** Branches that release stable versions (default main, master). */
  releaseBranches: readonly string[];
  /** Prerelease branches: `beta` (identifier = name) or `develop=next` (branch=identifier). */
  prereleaseBranches: readonly string[];
  /** Release-candidate mode: every version from this run is a prerelease with this identifier (e.g. `rc`). */
  prerelease?: string;
}

export const DEFAULT_RELEASE_BRANCHES = ['main', 'master'];
export const DEFAULT_PRERELEASE_BRANCHES = ['next', 'beta', 'alpha'];

const IDENTIFIER = /^[0-9A-Za-z-]+$/;
const MAINTENANCE = /^(\d+)\.(?:(\d+)\.)?x$/;

/** The policy for `branch`, or undefined when the branch is not configured to release. */
export function branchPolicy(branch: string, options: BranchOptions): BranchPolicy | undefined {
  if (options.prerelease !== undefined && options.prerelease !== '') {
    if (!IDENTIFIER.test(options.prerelease) || /^\d+$/.test(options.prerelease)) {
      throw new InputError([`Input 'prerelease' is ${JSON.stringify(options.prerelease)}; use letters, digits and dashes, not only digits (e.g. rc, beta).`]);
    }
    return { kind: 'prerelease', branch, identifier: options.prerelease, channel: options.prerelease };
  }
  if (options.releaseBranches.includes(branch)) return { kind: 'release', branch, channel: 'latest' };
  for (const entry of options.prereleaseBranches) {
    const [name, id = name] = entry.split('=').map((s) => s.trim()) as [string, string?];
    if (name !== branch) continue;
    if (!IDENTIFIER.test(id)) throw new InputError([`Input 'prerelease-branches' has ${JSON.stringify(entry)}; the identifier must use letters, digits and dashes.`]);
    return { kind: 'prerelease', branch, identifier: id, channel: id };
  }
  const m = MAINTENANCE.exec(branch);
  if (m) {
    const major = Number(m[1]);
    const range = m[2] === undefined ? `>=${major}.0.0 <${major + 1}.0.0` : `>=${major}.${m[2]}.0 <${major}.${Number(m[2]) + 1}.0`;
    return { kind: 'maintenance', branch, range, channel: branch };
  }
  return undefined;
}

// ---------------------------------------------------------------- last and next release

export interface VersionTag {
  name: string;
  version: string;
}

/** Whether a tag's version can be the base of a release on this branch. */
export function eligible(policy: BranchPolicy, version: string): boolean {
  const pre = semver.prerelease(version);
  if (policy.kind === 'prerelease') return pre === null || pre[0] === policy.identifier;
  if (pre !== null) return false;
  return policy.kind === 'release' || semver.satisfies(version, policy.range);
}

function highest<T extends VersionTag>(tags: readonly T[], keep: (v: string) => boolean): T | undefined {
  let best: T | undefined;
  for (const tag of tags) if (keep(tag.version) && (!best || semver.gt(tag.version, best.version))) best = tag;
  return best;
}

/** The last release this branch builds on: the highest eligible version among the reachable tags. */
export function lastRelease<T extends VersionTag>(policy: BranchPolicy, tags: readonly T[]): T | undefined {
  return highest(tags, (v) => eligible(policy, v));
}

/** The highest stable version among the tags. */
export function latestStable<T extends VersionTag>(tags: readonly T[]): T | undefined {
  return highest(tags, (v) => semver.prerelease(v) === null);
}

export interface NextVersionInput {
  policy: BranchPolicy;
  bump: Bump;
  /** The last release of this branch (see `lastRelease`). */
  last: string | undefined;
  /** The highest stable version reachable (prerelease branches count up from it). */
  stable: string | undefined;
  zeroMajor: boolean;
}

/** Zero-major mode: while the major is 0, a breaking change is a minor and a feature a patch. */
export function effectiveBump(bump: Bump, base: string | undefined, zeroMajor: boolean): Bump {
  if (!zeroMajor || base === undefined || semver.major(base) !== 0) return bump;
  if (bump === 'major') return 'minor';
  if (bump === 'minor') return 'patch';
  return bump;
}

/**
 * The next version, or undefined when the bump is `none`. Prereleases count from 1 as semantic-release
 * does: the higher of "last prerelease + 1" and "stable bumped, `-id.1`". Maintenance branches refuse a
 * version outside their range.
 */
export function nextVersion(input: NextVersionInput): string | undefined {
  const { policy, last, stable, zeroMajor } = input;
  if (input.bump === 'none') return undefined;
  const first = zeroMajor ? '0.1.0' : '1.0.0';
  if (policy.kind === 'prerelease') {
    const base = stable === undefined ? first : semver.inc(stable, effectiveBump(input.bump, stable, zeroMajor) as semver.ReleaseType)!;
    const fresh = `${base}-${policy.identifier}.1`;
    if (last !== undefined && semver.prerelease(last)?.[0] === policy.identifier) {
      const counted = semver.inc(last, 'prerelease', policy.identifier)!;
      return semver.gt(counted, fresh) ? counted : fresh;
    }
    return fresh;
  }
  if (last === undefined) {
    if (policy.kind === 'maintenance') {
      throw new ConveyorError(`Branch ${policy.branch} is a maintenance branch (${policy.range}) but no release in that range is reachable from it; tag the release it maintains first.`);
    }
    return first;
  }
  const next = semver.inc(last, effectiveBump(input.bump, last, zeroMajor) as semver.ReleaseType)!;
  if (policy.kind === 'maintenance' && !semver.satisfies(next, policy.range)) {
    throw new ConveyorError(
      `The commits on maintenance branch ${policy.branch} ask for a ${input.bump} release, ${last} → ${next}, which is outside the branch's range ${policy.range}. ` +
      `Release this change from the main branch instead, or rewrite the commit so it is not a ${input.bump === 'major' ? 'breaking change' : 'feature'}.`,
    );
  }
  return next;
}

/** The bump between two versions as a word (for reports): major, minor, patch or prerelease. */
export function bumpBetween(from: string | undefined, to: string): string {
  if (from === undefined) return 'initial';
  const diff = semver.diff(from, to);
  if (diff === null) return 'none';
  return diff.replace(/^pre(?=major|minor|patch)/, '');
}

export function isPrerelease(version: string): boolean {
  return semver.prerelease(version) !== null;
}
