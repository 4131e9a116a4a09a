/**
 * Releases. Like GitHub: publishing a release creates its tag at `target_commitish` when the tag does not
 * exist yet; `get by tag` finds published releases only; "latest" follows `make_latest` and otherwise is the
 * newest published release that is not a prerelease.
 */
import { bool, notFound, str, validationFailed, type Context, type Handler } from '../handler.ts';
import { release } from '../resources.ts';
import { now, same, type ReleaseRecord } from '../state.ts';

function releasesOf(c: Context): ReleaseRecord[] {
  return c.state.releases.filter((r) => same(r.owner, c.repository.owner) && same(r.repo, c.repository.repo));
}

function repoKey(c: Context): string {
  return `${c.repository.owner}/${c.repository.repo}`.toLowerCase();
}

function byId(c: Context): ReleaseRecord {
  const found = releasesOf(c).find((r) => r.id === c.params.release_id);
  if (!found) throw notFound();
  return found;
}

const canBeLatest = (r: ReleaseRecord): boolean => !r.draft && !r.prerelease;

/** The release GitHub calls latest. */
export function latestRelease(c: Context): ReleaseRecord | undefined {
  const all = releasesOf(c);
  const marked = all.find((r) => r.id === c.state.latestRelease.get(repoKey(c)));
  if (marked && canBeLatest(marked)) return marked;
  return all.filter(canBeLatest).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)[0];
}

function applyMakeLatest(c: Context, record: ReleaseRecord, makeLatest: string): void {
  if (!canBeLatest(record)) return;
  if (makeLatest === 'true') c.state.latestRelease.set(repoKey(c), record.id);
  if (makeLatest === 'legacy') c.state.latestRelease.delete(repoKey(c));
}

/** Publishing creates the tag when it does not exist yet, at the commit `target_commitish` names. */
function ensureTag(c: Context, record: ReleaseRecord): void {
  if (record.draft) return;
  const { owner, repo } = c.repository;
  if (c.state.findRef(owner, repo, `refs/tags/${record.tagName}`)) return;
  const sha = c.state.resolve(owner, repo, record.targetCommitish);
  if (!sha) throw validationFailed('Release', 'invalid', 'target_commitish');
  c.state.setRef(owner, repo, `refs/tags/${record.tagName}`, sha);
}

function checkTagFree(c: Context, tagName: string, draft: boolean, except?: number): void {
  const clash = releasesOf(c).find((r) => r.tagName === tagName && r.id !== except && !(r.draft && draft));
  if (clash) throw validationFailed('Release', 'already_exists', 'tag_name');
}

const createRelease: Handler = (c) => {
  const tagName = String(c.body.tag_name);
  const draft = bool(c.body.draft) ?? false;
  checkTagFree(c, tagName, draft);
  const time = now();
  const record: ReleaseRecord = {
    owner: c.repository.owner,
    repo: c.repository.repo,
    id: c.state.nextId('release'),
    tagName,
    targetCommitish: str(c.body.target_commitish) ?? c.repository.defaultBranch,
    name: str(c.body.name) ?? null,
    body: str(c.body.body) ?? null,
    draft,
    prerelease: bool(c.body.prerelease) ?? false,
    createdAt: time,
    publishedAt: draft ? null : time,
    updatedAt: time,
  };
  ensureTag(c, record);
  c.state.releases.push(record);
  applyMakeLatest(c, record, str(c.body.make_latest) ?? 'true');
  return { status: 201, body: release(c.urls, record) };
};

const updateRelease: Handler = (c) => {
  const record = byId(c);
  const next = { ...record };
  if (str(c.body.tag_name) !== undefined) next.tagName = str(c.body.tag_name)!;
  if (str(c.body.target_commitish) !== undefined) next.targetCommitish = str(c.body.target_commitish)!;
  if ('name' in c.body) next.name = str(c.body.name) ?? null;
  if ('body' in c.body) next.body = str(c.body.body) ?? null;
  if (bool(c.body.draft) !== undefined) next.draft = bool(c.body.draft)!;
  if (bool(c.body.prerelease) !== undefined) next.prerelease = bool(c.body.prerelease)!;
  checkTagFree(c, next.tagName, next.draft, record.id);
  ensureTag(c, next);
  next.updatedAt = now();
  if (!next.draft && next.publishedAt === null) next.publishedAt = next.updatedAt;
  Object.assign(record, next);
  if (str(c.body.make_latest) !== undefined) applyMakeLatest(c, record, str(c.body.make_latest)!);
  return { status: 200, body: release(c.urls, record) };
};

const deleteRelease: Handler = (c) => {
  const record = byId(c);
  c.state.releases.splice(c.state.releases.indexOf(record), 1);
  if (c.state.latestRelease.get(repoKey(c)) === record.id) c.state.latestRelease.delete(repoKey(c));
  return { status: 204 };
};

const getByTag: Handler = (c) => {
  const found = releasesOf(c).find((r) => r.tagName === c.params.tag && !r.draft);
  if (!found) throw notFound();
  return { status: 200, body: release(c.urls, found) };
};

const getLatest: Handler = (c) => {
  const found = latestRelease(c);
  if (!found) throw notFound();
  return { status: 200, body: release(c.urls, found) };
};

export const releaseEndpoints: Record<string, Handler> = {
  'repos/create-release': createRelease,
  'repos/get-release': (c) => ({ status: 200, body: release(c.urls, byId(c)) }),
  'repos/update-release': updateRelease,
  'repos/delete-release': deleteRelease,
  'repos/get-release-by-tag': getByTag,
  'repos/get-latest-release': getLatest,
  'repos/list-releases': (c) => ({ status: 200, list: releasesOf(c).sort((a, b) => b.id - a.id).map((r) => release(c.urls, r)) }),
};
