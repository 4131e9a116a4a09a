import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { startGitHubApi, type GitHubApi } from '@conveyor/github-api';
import { InputError } from './errors.ts';
import { createOctokit, type OctokitLog } from './octokit.ts';

const owner = 'acme';
const repo = 'app';
const A = 'a'.repeat(40);
const REFS = '/repos/{owner}/{repo}/git/refs';

let api: GitHubApi;
let warnings: string[];

/** Collects the client's warnings; everything else is dropped. */
function log(): OctokitLog {
  warnings = [];
  return { debug: () => {}, info: () => {}, error: () => {}, warn: (message) => warnings.push(message) };
}

/** A client whose "second" is one millisecond, so that waits stay short. */
function client(options: { retries?: number } = {}) {
  return createOctokit({ token: 'test-token', baseUrl: api.url, retryAfterBaseMs: 1, log: log(), ...options });
}

const createTag = (gh: ReturnType<typeof client>) => gh.rest.git.createRef({ owner, repo, ref: 'refs/tags/v1.0.0', sha: A });
const statuses = () => api.requests.map((r) => r.status);

beforeEach(async () => {
  api = await startGitHubApi();
  api.state.addRepository({ owner, repo, sha: A });
});
afterEach(async () => {
  await api.close();
});

describe('createOctokit recovers from faults', () => {
  it('retries a 5xx answer', async () => {
    api.inject({ method: 'POST', path: REFS, fault: '5xx', times: 2 });
    const { status } = await createTag(client());
    expect(status).toBe(201);
    expect(statuses()).toEqual([502, 502, 201]);
    expect(api.state.findRef(owner, repo, 'refs/tags/v1.0.0')?.sha).toBe(A);
  });

  it('retries after a dropped connection', async () => {
    api.inject({ method: 'GET', path: '/repos/{owner}/{repo}/releases/latest', fault: 'drop' });
    await client().rest.repos.createRelease({ owner, repo, tag_name: 'v1.0.0' });
    const { data } = await client().rest.repos.getLatestRelease({ owner, repo });
    expect(data.tag_name).toBe('v1.0.0');
    expect(api.requests.filter((r) => r.operationId === 'repos/get-latest-release').map((r) => [r.status, r.fault])).toEqual([[0, 'drop'], [200, undefined]]);
  });

  it('waits out a secondary rate limit, honouring retry-after, and warns', async () => {
    api.inject({ method: 'POST', path: REFS, fault: 'secondary-rate-limit', retryAfter: 2 });
    expect((await createTag(client())).status).toBe(201);
    expect(statuses()).toEqual([403, 201]);
    expect(warnings).toEqual(['GitHub secondary rate limit hit on POST /repos/acme/app/git/refs; retrying in 2s (retry 1 of 3).']);
  });

  it('waits out a primary rate limit', async () => {
    api.inject({ method: 'GET', path: '/repos/{owner}/{repo}', fault: 'rate-limit', retryAfter: 1 });
    const { data } = await client().rest.repos.get({ owner, repo });
    expect(data.full_name).toBe('acme/app');
    expect(statuses()).toEqual([403, 200]);
    expect(warnings).toEqual([expect.stringContaining('GitHub rate limit hit on GET')]);
  });

  it('gives up after `retries` attempts and surfaces the last error', async () => {
    api.inject({ method: 'POST', path: REFS, fault: '5xx', times: 10, status: 503 });
    await expect(createTag(client({ retries: 2 }))).rejects.toMatchObject({ status: 503 });
    expect(statuses()).toEqual([503, 503, 503]);
  });

  it('gives up on a secondary rate limit that lasts beyond `retries`', async () => {
    api.inject({ method: 'POST', path: REFS, fault: 'secondary-rate-limit', times: 10 });
    await expect(createTag(client({ retries: 1 }))).rejects.toMatchObject({ status: 403 });
    expect(statuses()).toEqual([403, 403]);
    expect(warnings.at(-1)).toMatch(/giving up after 1 retries/);
  });

  it('does not retry 422 already_exists: it surfaces with status 422', async () => {
    api.inject({ method: 'POST', path: REFS, fault: 'already-exists' });
    await expect(createTag(client())).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: [{ code: 'already_exists' }] } },
    });
    expect(statuses()).toEqual([422]);
  });

  it('surfaces a body the API rejects with the schema error, and the stand-in records it', async () => {
    const gh = client();
    await expect(gh.rest.git.createRef({ owner, repo, ref: 'refs/tags/v1' } as never)).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining("body must have required property 'sha'"),
    });
    expect(api.violations).toHaveLength(1);
  });

  it('identifies itself as conveyor and leaves no schema violations in a normal flow', async () => {
    const gh = client();
    await createTag(gh);
    await gh.rest.repos.createRelease({ owner, repo, tag_name: 'v1.0.0', name: 'v1.0.0' });
    expect(api.requests.every((r) => r.userAgent?.startsWith('conveyor'))).toBe(true);
    expect(api.violations).toEqual([]);
  });
});

describe('createOctokit settings', () => {
  const saved = process.env.GITHUB_API_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.GITHUB_API_URL;
    else process.env.GITHUB_API_URL = saved;
  });

  it('uses GITHUB_API_URL when no baseUrl is given (GitHub Enterprise)', async () => {
    process.env.GITHUB_API_URL = `${api.url}/`;
    const gh = createOctokit({ token: 'test-token', log: log() });
    expect((await gh.rest.repos.get({ owner, repo })).data.name).toBe('app');
    expect(api.requests).toHaveLength(1);
  });

  it('works under a GitHub Enterprise Server API root (/api/v3), paging included', async () => {
    const ghes = await startGitHubApi({ pathPrefix: '/api/v3' });
    try {
      ghes.state.addRepository({ owner, repo, sha: A });
      process.env.GITHUB_API_URL = ghes.url;
      const gh = createOctokit({ token: 'test-token', retryAfterBaseMs: 1, log: log() });
      for (const tag of ['v1.0.0', 'v1.1.0', 'v1.2.0']) await gh.rest.repos.createRelease({ owner, repo, tag_name: tag });
      const all = await gh.paginate(gh.rest.repos.listReleases, { owner, repo, per_page: 2 });
      expect(all.map((r) => r.tag_name)).toEqual(['v1.2.0', 'v1.1.0', 'v1.0.0']);
      expect(ghes.url).toMatch(/\/api\/v3$/);
      expect(ghes.violations).toEqual([]);
    } finally {
      await ghes.close();
    }
  });

  it('defaults to api.github.com without GITHUB_API_URL', () => {
    delete process.env.GITHUB_API_URL;
    const gh = createOctokit({ token: 'test-token', log: log() });
    expect(gh.request.endpoint.DEFAULTS.baseUrl).toBe('https://api.github.com');
  });

  it('refuses an empty token with an error naming the github-token input', () => {
    expect(() => createOctokit({ token: '  ' })).toThrow(InputError);
    expect(() => createOctokit({ token: '' })).toThrow(/Input `github-token` is empty/);
  });
});
