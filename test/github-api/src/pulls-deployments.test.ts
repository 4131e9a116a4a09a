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
  api.state.setRef(owner, repo, 'refs/heads/promote/staging', B);
  gh = createOctokit({ token: 'test-token', baseUrl: api.url, retryAfterBaseMs: 1 });
});
afterEach(async () => {
  await api.close();
});

describe('pull requests', () => {
  it('creates, gets, lists with head/base/state filters and updates', async () => {
    const created = await gh.rest.pulls.create({ owner, repo, head: 'promote/staging', base: 'main', title: 'Promote to staging', body: 'x' });
    expect(created.data).toMatchObject({ number: 1, state: 'open', head: { ref: 'promote/staging', sha: B, label: 'acme:promote/staging' }, base: { ref: 'main', sha: A } });
    await gh.rest.pulls.create({ owner, repo, head: 'promote/staging', base: 'release', title: 'other base' });

    const byHead = await gh.rest.pulls.list({ owner, repo, head: 'acme:promote/staging', base: 'main' });
    expect(byHead.data.map((p) => p.number)).toEqual([1]);
    expect((await gh.rest.pulls.list({ owner, repo, head: 'acme:nothing' })).data).toEqual([]);

    const closed = await gh.rest.pulls.update({ owner, repo, pull_number: 1, state: 'closed', title: 'Renamed' });
    expect(closed.data).toMatchObject({ state: 'closed', title: 'Renamed' });
    expect(closed.data.closed_at).not.toBeNull();
    expect((await gh.rest.pulls.list({ owner, repo })).data.map((p) => p.number)).toEqual([2]);
    expect((await gh.rest.pulls.list({ owner, repo, state: 'all' })).data.map((p) => p.number)).toEqual([2, 1]);
    expect((await gh.rest.pulls.get({ owner, repo, pull_number: 1 })).data.title).toBe('Renamed');
    expect(api.violations).toEqual([]);
  });

  it('refuses a second open pull request for the same head and base', async () => {
    await gh.rest.pulls.create({ owner, repo, head: 'promote/staging', base: 'main', title: 'one' });
    await expect(gh.rest.pulls.create({ owner, repo, head: 'promote/staging', base: 'main', title: 'two' })).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('A pull request already exists for acme:promote/staging.'),
    });
  });

  it('pages lists with a Link header that octokit.paginate follows', async () => {
    for (let i = 0; i < 5; i++) await gh.rest.issues.createComment({ owner, repo, issue_number: 7, body: `comment ${i}` });
    const first = await gh.rest.issues.listComments({ owner, repo, issue_number: 7, per_page: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.headers.link).toContain('rel="next"');
    const all = await gh.paginate(gh.rest.issues.listComments, { owner, repo, issue_number: 7, per_page: 2 });
    expect(all.map((c) => c.body)).toEqual(['comment 0', 'comment 1', 'comment 2', 'comment 3', 'comment 4']);
  });
});

describe('issue comments', () => {
  it('creates, lists and updates comments of one issue', async () => {
    const created = await gh.rest.issues.createComment({ owner, repo, issue_number: 3, body: '<!-- plan --> first' });
    await gh.rest.issues.createComment({ owner, repo, issue_number: 4, body: 'elsewhere' });
    await gh.rest.issues.updateComment({ owner, repo, comment_id: created.data.id, body: '<!-- plan --> second' });
    const listed = await gh.rest.issues.listComments({ owner, repo, issue_number: 3 });
    expect(listed.data.map((c) => c.body)).toEqual(['<!-- plan --> second']);
    expect(api.state.comments).toHaveLength(2);
    expect(api.violations).toEqual([]);
  });
});

describe('deployments and statuses', () => {
  it('creates a deployment for a branch, lists and gets it, and records statuses newest first', async () => {
    const { data } = await gh.rest.repos.createDeployment({ owner, repo, ref: 'main', environment: 'staging', auto_merge: false, payload: { image: 'x' } });
    if (!('id' in data)) throw new Error('expected a deployment');
    expect(data).toMatchObject({ sha: A, environment: 'staging', production_environment: false, payload: { image: 'x' } });
    await gh.rest.repos.createDeploymentStatus({ owner, repo, deployment_id: data.id, state: 'in_progress' });
    await gh.rest.repos.createDeploymentStatus({ owner, repo, deployment_id: data.id, state: 'success', environment_url: 'https://staging.example.com' });
    const statuses = await gh.rest.repos.listDeploymentStatuses({ owner, repo, deployment_id: data.id });
    expect(statuses.data.map((s) => s.state)).toEqual(['success', 'in_progress']);
    expect((await gh.rest.repos.listDeployments({ owner, repo, environment: 'staging' })).data.map((d) => d.id)).toEqual([data.id]);
    expect((await gh.rest.repos.listDeployments({ owner, repo, environment: 'production' })).data).toEqual([]);
    expect((await gh.rest.repos.getDeployment({ owner, repo, deployment_id: data.id })).data.ref).toBe('main');
    expect(api.violations).toEqual([]);
  });

  it('marks the previous deployment of the environment inactive on success', async () => {
    const first = await gh.rest.repos.createDeployment({ owner, repo, ref: 'main', environment: 'staging', required_contexts: [] });
    const second = await gh.rest.repos.createDeployment({ owner, repo, ref: 'promote/staging', environment: 'staging', required_contexts: [] });
    if (!('id' in first.data) || !('id' in second.data)) throw new Error('expected deployments');
    await gh.rest.repos.createDeploymentStatus({ owner, repo, deployment_id: first.data.id, state: 'success' });
    await gh.rest.repos.createDeploymentStatus({ owner, repo, deployment_id: second.data.id, state: 'success' });
    const old = await gh.rest.repos.listDeploymentStatuses({ owner, repo, deployment_id: first.data.id });
    expect(old.data[0]?.state).toBe('inactive');
  });

  it('refuses an unknown ref (422) and failing required contexts (409)', async () => {
    await expect(gh.rest.repos.createDeployment({ owner, repo, ref: 'nope' })).rejects.toMatchObject({ status: 422, message: expect.stringContaining('No ref found for: nope') });
    await gh.rest.repos.createCommitStatus({ owner, repo, sha: A, state: 'failure', context: 'ci/test' });
    await expect(gh.rest.repos.createDeployment({ owner, repo, ref: 'main' })).rejects.toMatchObject({ status: 409 });
    await gh.rest.repos.createCommitStatus({ owner, repo, sha: A, state: 'success', context: 'ci/test' });
    expect((await gh.rest.repos.createDeployment({ owner, repo, ref: 'main' })).status).toBe(201);
  });

  it('creates commit statuses and lists them for a branch name', async () => {
    await gh.rest.repos.createCommitStatus({ owner, repo, sha: A, state: 'pending', context: 'conveyor/gate' });
    await gh.rest.repos.createCommitStatus({ owner, repo, sha: A, state: 'success', context: 'conveyor/gate', description: 'passed', target_url: 'https://example.com/run/1' });
    const listed = await gh.rest.repos.listCommitStatusesForRef({ owner, repo, ref: 'main' });
    expect(listed.data.map((s) => s.state)).toEqual(['success', 'pending']);
    expect(api.violations).toEqual([]);
  });
});
