/**
 * The release plan: read the repository (tags, then the commits since the last release), decide the
 * next version and write the notes. Only reads git; the GitHub side is in `publish.ts`.
 */
import semver from 'semver';
import * as git from '@conveyor/git';
import { ConveyorError } from '@conveyor/kit';
import { bumpOf, classifyCommit, settleRange, type ClassifiedCommit, type CommitLink } from './commits.ts';
import { renderNotes } from './notes.ts';
import type { Bump, ReleaseRule } from './rules.ts';
import {
  branchPolicy, effectiveBump, eligible, formatTag, isPrerelease, lastRelease, latestStable, nextVersion, parseTag, tagGlob,
  type BranchOptions, type BranchPolicy, type VersionTag,
} from './version.ts';

export interface PlanOptions {
  /** The repository folder. */
  dir: string;
  /** The commit to release (default HEAD). */
  head?: string;
  /** HEAD's commit when the caller already knows it (saves a git process); used only when `head` is not given. */
  headCommit?: string;
  /** The branch the commit is on; decides release, prerelease or maintenance. */
  branch: string | undefined;
  tagFormat: string;
  paths: readonly string[];
  rules: readonly ReleaseRule[];
  branches: BranchOptions;
  zeroMajor: boolean;
  /** `https://github.com/owner/repo`, for links in the notes. */
  repositoryUrl: string | undefined;
  /** The release date for the notes, `YYYY-MM-DD`. */
  date: string;
  /** The tags matching `tagFormat`'s glob when the caller has started listing them already (saves waiting for a git process). */
  tags?: Promise<git.Tag[]>;
}

export interface ReleasePlan {
  /** Whether there is a version to release (new, or already tagged at HEAD and maybe not yet published). */
  released: boolean;
  /** Why nothing is released, when `released` is false. */
  reason: string | undefined;
  /** HEAD already carries this release's tag: a re-run finishes what an earlier run started. */
  alreadyTagged: boolean;
  sha: string;
  branch: string | undefined;
  policy: BranchPolicy | undefined;
  version: string | undefined;
  tag: string | undefined;
  previousVersion: string | undefined;
  previousTag: string | undefined;
  bump: Bump;
  channel: string;
  prerelease: boolean;
  notes: string;
  commits: ClassifiedCommit[];
  /** The highest stable version among all tags of this format (reachable or not). */
  highestStable: string | undefined;
  /** Every version tagged in this format (reachable or not). */
  knownVersions: string[];
  tagFormat: string;
}

interface TagWithVersion extends VersionTag {
  commit: string;
}

function withVersions(tags: readonly git.Tag[], format: string): TagWithVersion[] {
  const out: TagWithVersion[] = [];
  for (const tag of tags) {
    const version = parseTag(format, tag.name);
    if (version !== undefined) out.push({ name: tag.name, version, commit: tag.commit });
  }
  return out;
}

/** After this many unreachable candidates, ask git for every reachable tag at once instead. */
const PROBES = 16;

/**
 * Finds the highest tag reachable from `sha` (and not on it) among those a filter keeps. The highest
 * candidates are checked one by one with `git merge-base --is-ancestor` (a short walk when the last
 * release is near HEAD, whatever the size of the history); after a few misses, one
 * `git for-each-ref --merged` answers for all of them.
 */
function reachableFinder(dir: string, sha: string, tags: readonly TagWithVersion[]) {
  const known = new Map<string, boolean>();
  let merged: Set<string> | undefined;
  // Highest first; each version is parsed once rather than in every comparison (thousands of tags).
  const candidates = tags.filter((t) => t.commit !== sha)
    .map((tag) => ({ tag, parsed: new semver.SemVer(tag.version) }))
    .sort((a, b) => b.parsed.compare(a.parsed))
    .map((c) => c.tag);
  const isReachable = async (tag: TagWithVersion, probes: { left: number }): Promise<boolean> => {
    if (merged) return merged.has(tag.name);
    const cached = known.get(tag.commit);
    if (cached !== undefined) return cached;
    if (probes.left <= 0) {
      const all = await git.tagsReachableFrom(dir, sha);
      merged = new Set(all.map((t) => t.name));
      return merged.has(tag.name);
    }
    probes.left -= 1;
    const result = await git.git(dir, ['merge-base', '--is-ancestor', tag.commit, sha], { okCodes: [0, 1] });
    known.set(tag.commit, result.exitCode === 0);
    return result.exitCode === 0;
  };
  return async (keep: (version: string) => boolean): Promise<TagWithVersion | undefined> => {
    const probes = { left: PROBES };
    for (const tag of candidates) if (keep(tag.version) && (await isReachable(tag, probes))) return tag;
    return undefined;
  };
}

/**
 * Reads and classifies the commits of a range as git gives them: each message is parsed and dropped, so
 * memory holds the classified commits (what the notes need), not the history's text.
 */
async function classifyRange(dir: string, range: string, paths: readonly string[], rules: readonly ReleaseRule[]): Promise<ClassifiedCommit[]> {
  const classified: ClassifiedCommit[] = [];
  const links: CommitLink[] = [];
  for await (const c of git.readLog(dir, { range, paths })) {
    classified.push(classifyCommit(c, rules));
    links.push({ sha: c.sha, parents: c.parents });
  }
  return settleRange(classified, links);
}

/** Builds the release plan for `options.head` (default HEAD). Reads git only. */
export async function planRelease(options: PlanOptions): Promise<ReleasePlan> {
  const { dir, tagFormat } = options;
  const head = options.head ?? 'HEAD';
  // Both only read the repository: the tags are listed while HEAD is resolved.
  const tagList = options.tags ?? git.listTags(dir, { pattern: tagGlob(tagFormat) });
  tagList.catch(() => undefined);
  const sha = options.head === undefined && options.headCommit ? options.headCommit : await git.revParse(dir, head);
  if (sha === undefined) {
    throw new ConveyorError(`${head} does not name a commit in ${dir}. Run actions/checkout before this step (with fetch-depth: 0), or commit something first.`);
  }
  const policy = options.branch === undefined ? undefined : branchPolicy(options.branch, options.branches);
  const allTags = withVersions(await tagList, tagFormat);
  const highestStable = latestStable(allTags)?.version;
  const base: ReleasePlan = {
    released: false, reason: undefined, alreadyTagged: false, sha, branch: options.branch, policy, version: undefined, tag: undefined,
    previousVersion: undefined, previousTag: undefined, bump: 'none', channel: policy?.channel ?? '', prerelease: false, notes: '', commits: [],
    highestStable, knownVersions: allTags.map((t) => t.version), tagFormat,
  };
  if (!policy) {
    const which = options.branch === undefined ? 'HEAD is detached (no branch)' : `branch ${options.branch} is not a release, prerelease or maintenance branch`;
    return { ...base, reason: `${which}; set release-branches or prerelease-branches (or the branch input) to release from it.` };
  }

  const atHead = allTags.filter((t) => t.commit === sha && eligible(policy, t.version));
  const reachable = await reachableFinder(dir, sha, allTags);
  const existing = lastRelease(policy, atHead);
  const last = await reachable((v) => eligible(policy, v));
  const stable = await reachable((v) => semver.prerelease(v) === null);
  const range = last ? `${last.commit}..${sha}` : sha;
  const commits = await classifyRange(dir, range, options.paths, options.rules);
  const bump = effectiveBump(bumpOf(commits), policy.kind === 'prerelease' ? stable?.version : last?.version, options.zeroMajor);
  const previous = { previousVersion: last?.version, previousTag: last?.name };

  let version: string | undefined;
  if (existing) {
    version = existing.version;
  } else {
    version = nextVersion({ policy, bump: bumpOf(commits), last: last?.version, stable: stable?.version, zeroMajor: options.zeroMajor });
  }
  if (version === undefined) {
    const since = last ? `since ${last.name}` : 'in the history';
    const scope = options.paths.length > 0 ? ` touching ${options.paths.join(', ')}` : '';
    return { ...base, ...previous, commits, reason: `No commit${scope} ${since} asks for a release (${commits.length} commit(s) read; feat, fix, perf, revert or a breaking change release).` };
  }
  const tag = formatTag(tagFormat, version);
  const notes = renderNotes({ version, tag, previousTag: last?.name, repositoryUrl: options.repositoryUrl, date: options.date, commits });
  return {
    ...base, ...previous, released: true, alreadyTagged: existing !== undefined, version, tag, bump, prerelease: isPrerelease(version), notes, commits,
  };
}
