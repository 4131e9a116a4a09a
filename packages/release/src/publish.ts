/**
 * The GitHub side of a release: the annotated tag (tag object + ref), the GitHub release, the floating
 * tags. Every step first looks at what is already there, so a re-run finishes what an earlier run left
 * half-done, and two runs at once end with one tag and one release.
 */
import semver from 'semver';
import { ConveyorError, type GitHubClient } from '@conveyor/kit';
import { formatTag } from './version.ts';

export interface PublishInput {
  owner: string;
  repo: string;
  tag: string;
  version: string;
  /** The commit the tag must point at. */
  sha: string;
  notes: string;
  prerelease: boolean;
  /** Mark the release as the repository's latest (only for the highest stable version). */
  makeLatest: boolean;
  /** Floating tags to create or move to `sha` (see `floatingTags`). */
  floating: readonly string[];
}

export type Outcome = 'created' | 'existed' | 'updated' | 'created-by-another-run';

export interface PublishResult {
  tag: Outcome;
  release: Outcome;
  releaseId: number;
  releaseUrl: string;
  /** Floating tags that now point at the commit. */
  floating: string[];
}

export interface PublishLog {
  info(message: string): void;
  warning(message: string): void;
}

function status(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : undefined;
}

/** The commit a tag ref points at (through annotated tag objects), or undefined when the tag does not exist. */
async function remoteTagCommit(gh: GitHubClient, owner: string, repo: string, tag: string): Promise<string | undefined> {
  let object: { sha: string; type: string };
  try {
    object = (await gh.rest.git.getRef({ owner, repo, ref: `tags/${tag}` })).data.object;
  } catch (error) {
    if (status(error) === 404) return undefined;
    throw error;
  }
  for (let depth = 0; object.type === 'tag' && depth < 5; depth++) {
    object = (await gh.rest.git.getTag({ owner, repo, tag_sha: object.sha })).data.object;
  }
  return object.sha;
}

function wrongCommit(tag: string, existing: string, wanted: string): ConveyorError {
  return new ConveyorError(
    `Tag ${tag} already exists on commit ${existing}, but this run releases commit ${wanted}. ` +
    'Another commit was released under this version: fetch the tags (actions/checkout with fetch-depth: 0) so the next version is computed past it, ' +
    `or delete the tag ${tag} if it was made by mistake.`,
  );
}

/** Creates the annotated tag unless it exists; a tag on another commit stops the release. */
async function ensureTag(gh: GitHubClient, input: PublishInput, log: PublishLog): Promise<Outcome> {
  const { owner, repo, tag, sha } = input;
  const existing = await remoteTagCommit(gh, owner, repo, tag);
  if (existing !== undefined) {
    if (existing !== sha) throw wrongCommit(tag, existing, sha);
    log.info(`Tag ${tag} already exists on ${sha.slice(0, 7)}: keeping it.`);
    return 'existed';
  }
  const object = await gh.rest.git.createTag({ owner, repo, tag, message: `Release ${tag}`, object: sha, type: 'commit' });
  try {
    await gh.rest.git.createRef({ owner, repo, ref: `refs/tags/${tag}`, sha: object.data.sha });
  } catch (error) {
    if (status(error) !== 422) throw error;
    // Another run created the ref between our check and our write.
    const now = await remoteTagCommit(gh, owner, repo, tag);
    if (now === undefined) throw error;
    if (now !== sha) throw wrongCommit(tag, now, sha);
    log.info(`Tag ${tag} was created by another run at the same time, on the same commit: keeping it.`);
    return 'created-by-another-run';
  }
  log.info(`Created tag ${tag} on ${sha.slice(0, 7)}.`);
  return 'created';
}

async function releaseByTag(gh: GitHubClient, owner: string, repo: string, tag: string) {
  try {
    return (await gh.rest.repos.getReleaseByTag({ owner, repo, tag })).data;
  } catch (error) {
    if (status(error) === 404) return undefined;
    throw error;
  }
}

/** Creates the release unless one exists for the tag; an existing one gets the notes when they differ. */
async function ensureRelease(gh: GitHubClient, input: PublishInput, log: PublishLog): Promise<{ outcome: Outcome; id: number; url: string }> {
  const { owner, repo, tag } = input;
  const existing = await releaseByTag(gh, owner, repo, tag);
  if (existing) {
    if ((existing.body ?? '').trim() === input.notes.trim()) {
      log.info(`Release ${tag} already exists with these notes: leaving it.`);
      return { outcome: 'existed', id: existing.id, url: existing.html_url };
    }
    await gh.rest.repos.updateRelease({ owner, repo, release_id: existing.id, body: input.notes });
    log.info(`Release ${tag} already existed: updated its notes.`);
    return { outcome: 'updated', id: existing.id, url: existing.html_url };
  }
  try {
    const created = await gh.rest.repos.createRelease({
      owner, repo, tag_name: tag, name: tag, body: input.notes, prerelease: input.prerelease, make_latest: input.makeLatest ? 'true' : 'false',
    });
    log.info(`Created release ${tag}${input.prerelease ? ' (prerelease)' : ''}${input.makeLatest ? ', marked latest' : ''}.`);
    return { outcome: 'created', id: created.data.id, url: created.data.html_url };
  } catch (error) {
    if (status(error) !== 422) throw error;
    const raced = await releaseByTag(gh, owner, repo, tag);
    if (!raced) throw error;
    log.info(`Release ${tag} was created by another run at the same time: this run lost the race and leaves it as it is.`);
    return { outcome: 'created-by-another-run', id: raced.id, url: raced.html_url };
  }
}

async function moveFloatingTag(gh: GitHubClient, owner: string, repo: string, name: string, sha: string): Promise<void> {
  try {
    await gh.rest.git.updateRef({ owner, repo, ref: `tags/${name}`, sha, force: true });
  } catch (error) {
    if (status(error) !== 404 && status(error) !== 422) throw error;
    await gh.rest.git.createRef({ owner, repo, ref: `refs/tags/${name}`, sha });
  }
}

/** Tag, release, floating tags — each idempotent. */
export async function publishRelease(gh: GitHubClient, input: PublishInput, log: PublishLog): Promise<PublishResult> {
  const tag = await ensureTag(gh, input, log);
  const release = await ensureRelease(gh, input, log);
  const floating: string[] = [];
  for (const name of input.floating) {
    await moveFloatingTag(gh, input.owner, input.repo, name, input.sha);
    floating.push(name);
  }
  if (floating.length > 0) log.info(`Moved ${floating.join(', ')} to ${input.sha.slice(0, 7)}.`);
  return { tag, release: release.outcome, releaseId: release.id, releaseUrl: release.url, floating };
}

/**
 * The floating tags a stable version moves: `v1` when it is the highest 1.x.y, `v1.2` when it is the
 * highest 1.2.y (among `known`, which may include it). Prereleases move none.
 */
export function floatingTags(version: string, format: string, known: readonly string[]): string[] {
  if (semver.prerelease(version) !== null) return [];
  const major = semver.major(version);
  const minor = semver.minor(version);
  const stable = known.filter((v) => semver.prerelease(v) === null);
  const out: string[] = [];
  if (!stable.some((v) => semver.major(v) === major && semver.gt(v, version))) out.push(formatTag(format, `${major}`));
  if (!stable.some((v) => semver.major(v) === major && semver.minor(v) === minor && semver.gt(v, version))) out.push(formatTag(format, `${major}.${minor}`));
  return out;
}

/** Whether a version should be the repository's "latest" release: stable and not below the highest stable. */
export function shouldMakeLatest(version: string, highestStable: string | undefined): boolean {
  return semver.prerelease(version) === null && (highestStable === undefined || semver.gte(version, highestStable));
}
