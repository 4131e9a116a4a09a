import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { GitHubClient } from '@conveyor/kit';
import { createOctokit } from '@conveyor/kit/octokit';
import { startGitHubApi, type GitHubApi } from './index.ts';

const owner = 'acme';
const repo = 'app';
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

let api: GitHubApi;
let gh: GitHubClient;

beforeEach(async () => {
  api = await startGitHubApi();
  api.state.addRepository({ owner, repo, sha: A });
  gh = createOctokit({ token: 'test-token', baseUrl: api.url, retryAfterBaseMs: 1 });
});
afterEach(async () => {
  await api.close();
});

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 0;
  } catch (error) {
    return (error as { status: number }).status;
  }
}

describe('repository and git refs', () => {
  it('serves the repository and answers 404 for an unknown one', async () => {
    const { data } = await gh.rest.repos.get({ owner, repo });
    expect(data).toMatchObject({ full_name: 'acme/app', default_branch: 'main' });
    expect(await status(gh.rest.repos.get({ owner, repo: 'nope' }))).toBe(404);
    expect(api.violations).toEqual([]);
  });

  it('creates, reads, lists, moves and deletes refs', async () => {
    const created = await gh.rest.git.createRef({ owner, repo, ref: 'refs/tags/v1.0.0', sha: A });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ ref: 'refs/tags/v1.0.0', object: { sha: A, type: 'commit' } });
    await gh.rest.git.createRef({ owner, repo, ref: 'refs/tags/v1.1.0', sha: B });

    expect((await gh.rest.git.getRef({ owner, repo, ref: 'tags/v1.0.0' })).data.object.sha).toBe(A);
    const matching = await gh.rest.git.listMatchingRefs({ owner, repo, ref: 'tags/v1.' });
    expect(matching.data.map((r) => r.ref)).toEqual(['refs/tags/v1.0.0', 'refs/tags/v1.1.0']);
    expect((await gh.rest.git.listMatchingRefs({ owner, repo, ref: 'tags/v9' })).data).toEqual([]);

    await gh.rest.git.updateRef({ owner, repo, ref: 'tags/v1.0.0', sha: B, force: true });
    expect(api.state.findRef(owner, repo, 'refs/tags/v1.0.0')?.sha).toBe(B);

    expect((await gh.rest.git.deleteRef({ owner, repo, ref: 'tags/v1.0.0' })).status).toBe(204);
    expect(await status(gh.rest.git.getRef({ owner, repo, ref: 'tags/v1.0.0' }))).toBe(404);
    expect(api.violations).toEqual([]);
  });

  it('refuses an existing ref with 422 "Reference already exists"', async () => {
    await expect(gh.rest.git.createRef({ owner, repo, ref: 'refs/heads/main', sha: B })).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('Reference already exists'),
    });
    expect(api.state.findRef(owner, repo, 'refs/heads/main')?.sha).toBe(A);
  });

  it('refuses a non-fast-forward update unless forced, when the commit graph is known', async () => {
    api.state.commits.set(A, []);
    api.state.commits.set(B, []);
    await expect(gh.rest.git.updateRef({ owner, repo, ref: 'heads/main', sha: B })).rejects.toMatchObject({ status: 422 });
    api.state.commits.set(B, [A]);
    await gh.rest.git.updateRef({ owner, repo, ref: 'heads/main', sha: B });
    expect(api.state.findRef(owner, repo, 'refs/heads/main')?.sha).toBe(B);
  });

  it('creates annotated tag objects whose refs are typed "tag" and peel to the commit', async () => {
    const tag = await gh.rest.git.createTag({ owner, repo, tag: 'v2.0.0', message: 'Release v2.0.0', object: A, type: 'commit' });
    expect(tag.data.sha).toMatch(/^[0-9a-f]{40}$/);
    const ref = await gh.rest.git.createRef({ owner, repo, ref: 'refs/tags/v2.0.0', sha: tag.data.sha });
    expect(ref.data.object.type).toBe('tag');
    expect((await gh.rest.git.getTag({ owner, repo, tag_sha: tag.data.sha })).data).toMatchObject({ tag: 'v2.0.0', object: { sha: A } });
    expect(api.state.resolve(owner, repo, 'v2.0.0')).toBe(A);
    expect(api.violations).toEqual([]);
  });
});

describe('releases', () => {
  it('creates a release, creating its tag at the target, and finds it by id, tag and as latest', async () => {
    const { data } = await gh.rest.repos.createRelease({ owner, repo, tag_name: 'v1.0.0', name: 'v1.0.0', body: 'notes' });
    expect(data).toMatchObject({ tag_name: 'v1.0.0', draft: false, prerelease: false, target_commitish: 'main' });
    expect(api.state.findRef(owner, repo, 'refs/tags/v1.0.0')?.sha).toBe(A);
    expect((await gh.rest.repos.getRelease({ owner, repo, release_id: data.id })).data.body).toBe('notes');
    expect((await gh.rest.repos.getReleaseByTag({ owner, repo, tag: 'v1.0.0' })).data.id).toBe(data.id);
    expect((await gh.rest.repos.getLatestRelease({ owner, repo })).data.id).toBe(data.id);
    expect(api.violations).toEqual([]);
  });

  it('answers 404 for an absent tag, an unknown id and a repository without releases', async () => {
    expect(await status(gh.rest.repos.getLatestRelease({ owner, repo }))).toBe(404);
    expect(await status(gh.rest.repos.getReleaseByTag({ owner, repo, tag: 'v0.0.1' }))).toBe(404);
    expect(await status(gh.rest.repos.getRelease({ owner, repo, release_id: 999 }))).toBe(404);
  });

  it('gives increasing ids, refuses a second release of a tag, and lists newest first', async () => {
    const one = await gh.rest.repos.createRelease({ owner, repo, tag_name: 'v1.0.0' });
    const two = await gh.rest.repos.createRelease({ owner, repo, tag_name: 'v1.1.0' });
    expect(two.data.id).toBeGreaterThan(one.data.id);
    await expect(gh.rest.repos.createRelease({ owner, repo, tag_name: 'v1.0.0' })).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }] } },
    });
    expect((await gh.rest.repos.listReleases({ owner, repo })).data.map((r) => r.tag_name)).toEqual(['v1.1.0', 'v1.0.0']);
  });

  it('keeps prereleases and make_latest=false from becoming latest; legacy falls back to the newest', async () => {
    const stable = await gh.rest.repos.createRelease({ owner, repo, tag_name: 'v1.0.0' });
    const pre = await gh.rest.repos.createRelease({ owner, repo, tag_name: 'v2.0.0-rc.1', prerelease: true });
    expect(pre.data.prerelease).toBe(true);
    await gh.rest.repos.createRelease({ owner, repo, tag_name: 'v0.9.1', make_latest: 'false' });
    expect((await gh.rest.repos.getLatestRelease({ owner, repo })).data.id).toBe(stable.data.id);
    await gh.rest.repos.updateRelease({ owner, repo, release_id: stable.data.id, make_latest: 'legacy' });
    expect((await gh.rest.repos.getLatestRelease({ owner, repo })).data.tag_name).toBe('v0.9.1');
  });

  it('hides drafts from get-by-tag, publishes them on update, and deletes', async () => {
    const draft = await gh.rest.repos.createRelease({ owner, repo, tag_name: 'v3.0.0', draft: true });
    expect(draft.data.published_at).toBeNull();
    expect(api.state.findRef(owner, repo, 'refs/tags/v3.0.0')).toBeUndefined();
    expect(await status(gh.rest.repos.getReleaseByTag({ owner, repo, tag: 'v3.0.0' }))).toBe(404);

    const published = await gh.rest.repos.updateRelease({ owner, repo, release_id: draft.data.id, draft: false, body: 'final' });
    expect(published.data).toMatchObject({ draft: false, body: 'final' });
    expect(published.data.published_at).not.toBeNull();
    expect(api.state.findRef(owner, repo, 'refs/tags/v3.0.0')?.sha).toBe(A);

    expect((await gh.rest.repos.deleteRelease({ owner, repo, release_id: draft.data.id })).status).toBe(204);
    expect(await status(gh.rest.repos.getRelease({ owner, repo, release_id: draft.data.id }))).toBe(404);
    expect(api.violations).toEqual([]);
  });
});
