import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createOctokit } from '@conveyor/kit/octokit';
import { cleanupTempDirs, tempDir } from '../../support/tmp.ts';
import { importGitRepository, startGitHubApi, type GitHubApi } from './index.ts';

const env = { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com' };
const git = (dir: string, ...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', env }).trim();

let api: GitHubApi;
let remote: string;
let first: string;
let second: string;

beforeEach(async () => {
  const work = tempDir('conveyor-gh-work-');
  remote = tempDir('conveyor-gh-remote-');
  git(remote, 'init', '--quiet', '--bare', '--initial-branch=main');
  git(work, 'init', '--quiet', '--initial-branch=main');
  fs.writeFileSync(path.join(work, 'a.txt'), 'one\n');
  git(work, 'add', '.');
  git(work, 'commit', '--quiet', '-m', 'feat: one');
  first = git(work, 'rev-parse', 'HEAD');
  git(work, 'tag', '-a', 'v1.0.0', '-m', 'Release v1.0.0');
  fs.writeFileSync(path.join(work, 'a.txt'), 'two\n');
  git(work, 'commit', '--quiet', '-am', 'fix: two');
  second = git(work, 'rev-parse', 'HEAD');
  git(work, 'push', '--quiet', '--follow-tags', remote, 'main');
  api = await startGitHubApi();
  importGitRepository(api.state, { owner: 'acme', repo: 'app', dir: remote });
});
afterEach(async () => {
  await api.close();
});
afterAll(() => cleanupTempDirs());

describe('importGitRepository', () => {
  it('serves the refs, tag objects and commit graph of a real repository', async () => {
    const gh = createOctokit({ token: 't', baseUrl: api.url, retryAfterBaseMs: 1 });
    expect((await gh.rest.repos.get({ owner: 'acme', repo: 'app' })).data.default_branch).toBe('main');
    expect((await gh.rest.git.getRef({ owner: 'acme', repo: 'app', ref: 'heads/main' })).data.object.sha).toBe(second);
    const tagRef = await gh.rest.git.getRef({ owner: 'acme', repo: 'app', ref: 'tags/v1.0.0' });
    expect(tagRef.data.object.type).toBe('tag');
    const tag = await gh.rest.git.getTag({ owner: 'acme', repo: 'app', tag_sha: tagRef.data.object.sha });
    expect(tag.data).toMatchObject({ tag: 'v1.0.0', message: 'Release v1.0.0\n', object: { sha: first, type: 'commit' }, tagger: { name: 'T', email: 't@example.com' } });

    await expect(gh.rest.git.updateRef({ owner: 'acme', repo: 'app', ref: 'heads/main', sha: first })).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('Update is not a fast forward'),
    });
    await gh.rest.git.updateRef({ owner: 'acme', repo: 'app', ref: 'heads/main', sha: first, force: true });
    await gh.rest.git.updateRef({ owner: 'acme', repo: 'app', ref: 'heads/main', sha: second });
    expect(api.violations).toEqual([]);
  });
});
