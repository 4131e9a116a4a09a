import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { startGitHubApi, type GitHubApi } from './index.ts';

const A = 'a'.repeat(40);
const REFS = '/repos/{owner}/{repo}/git/refs';

let api: GitHubApi;

beforeEach(async () => {
  api = await startGitHubApi();
  api.state.addRepository({ owner: 'acme', repo: 'app', sha: A });
});
afterEach(async () => {
  await api.close();
});

/** A bare request, to see exactly what the stand-in puts on the wire. */
function call(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(api.url + path, {
    method,
    headers: { authorization: 'token test', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const createTag = (name: string) => call('POST', '/repos/acme/app/git/refs', { ref: `refs/tags/${name}`, sha: A });

describe('injected faults', () => {
  it('answers 5xx the given number of times, then serves the route again', async () => {
    api.inject({ method: 'POST', path: REFS, fault: '5xx', times: 2, status: 503 });
    expect((await createTag('v1')).status).toBe(503);
    expect((await createTag('v1')).status).toBe(503);
    expect((await createTag('v1')).status).toBe(201);
    expect(api.requests.map((r) => [r.status, r.fault])).toEqual([[503, '5xx'], [503, '5xx'], [201, undefined]]);
    expect(api.state.refs.map((r) => r.ref)).toEqual(['refs/heads/main', 'refs/tags/v1']);
  });

  it('answers a secondary rate limit: 403, its message and retry-after', async () => {
    api.inject({ method: 'POST', path: REFS, fault: 'secondary-rate-limit', retryAfter: 7 });
    const res = await createTag('v1');
    expect(res.status).toBe(403);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(((await res.json()) as { message: string }).message).toMatch(/^You have exceeded a secondary rate limit/);
    expect(api.state.findRef('acme', 'app', 'refs/tags/v1')).toBeUndefined();
  });

  it('answers a primary rate limit: 403 with x-ratelimit-remaining 0 and a reset time', async () => {
    api.inject({ method: 'GET', path: '/repos/{owner}/{repo}', fault: 'rate-limit', retryAfter: 30 });
    const res = await call('GET', '/repos/acme/app');
    expect(res.status).toBe(403);
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
  });

  it('answers 422 already_exists without touching the state', async () => {
    api.inject({ method: 'POST', path: '/repos/{owner}/{repo}/releases', fault: 'already-exists' });
    const res = await call('POST', '/repos/acme/app/releases', { tag_name: 'v1' });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ message: 'Validation Failed', errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }] });
    expect(api.state.releases).toEqual([]);
  });

  it('drops the connection without an answer', async () => {
    api.inject({ method: 'POST', path: REFS, fault: 'drop' });
    await expect(createTag('v1')).rejects.toThrow();
    expect(api.requests[0]).toMatchObject({ status: 0, fault: 'drop' });
    expect((await createTag('v1')).status).toBe(201);
  });

  it('matches a concrete path as well as a template, and only that method', async () => {
    api.inject({ method: 'GET', path: '/repos/acme/app/git/ref/heads/main', fault: '5xx' });
    expect((await call('GET', '/repos/acme/app/git/ref/tags/v9')).status).toBe(404);
    expect((await call('GET', '/repos/acme/app/git/ref/heads/main')).status).toBe(502);
    expect((await call('GET', '/repos/acme/app/git/ref/heads/main')).status).toBe(200);
  });
});

describe('OpenAPI checks', () => {
  it('rejects a body without a required property with the schema error, and records it', async () => {
    const res = await call('POST', '/repos/acme/app/git/refs', { ref: 'refs/tags/v1' });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { message: string; errors: { field: string; message: string }[] };
    expect(body.message).toBe('Invalid request.');
    expect(body.errors).toEqual([{ code: 'invalid', field: 'sha', message: "body must have required property 'sha'" }]);
    expect(api.violations).toEqual([
      expect.objectContaining({ kind: 'request', operationId: 'git/create-ref', problems: [{ field: 'sha', message: "body must have required property 'sha'" }] }),
    ]);
    expect(api.state.refs).toHaveLength(1);
  });

  it('rejects a wrong type, a value outside an enum, and a bad query parameter', async () => {
    expect((await call('POST', '/repos/acme/app/releases', { tag_name: 5 })).status).toBe(422);
    expect((await call('POST', '/repos/acme/app/releases', { tag_name: 'v1', make_latest: 'yes' })).status).toBe(422);
    expect((await call('GET', '/repos/acme/app/pulls?state=merged')).status).toBe(422);
    expect(api.violations.flatMap((v) => v.problems.map((p) => p.message))).toEqual([
      'tag_name must be string',
      'make_latest must be equal to one of the allowed values (true, false, legacy)',
      'state must be equal to one of the allowed values (open, closed, all)',
    ]);
  });

  it('reports an answer that breaks the response schema', async () => {
    expect((await call('POST', '/repos/acme/app/releases', { tag_name: 'v1' })).status).toBe(201);
    const stored = api.state.releases[0]!;
    (stored as unknown as { draft: string }).draft = 'no';
    stored.createdAt = 'yesterday';
    expect((await call('GET', `/repos/acme/app/releases/${stored.id}`)).status).toBe(200);
    expect(api.violations).toHaveLength(1);
    expect(api.violations[0]).toMatchObject({ kind: 'response', operationId: 'repos/get-release', status: 200 });
    expect(api.violations[0]!.problems.map((p) => p.message).sort()).toEqual(['created_at must match format "date-time"', 'draft must be boolean']);
  });

  it('reports a route the stand-in does not serve, answers 400 to broken JSON and 401 without a token', async () => {
    expect((await call('GET', '/repos/acme/app/branches')).status).toBe(404);
    expect(api.violations[0]).toMatchObject({ kind: 'route' });
    const broken = await fetch(`${api.url}/repos/acme/app/git/refs`, { method: 'POST', headers: { authorization: 'token t' }, body: '{"ref":' });
    expect(broken.status).toBe(400);
    expect((await fetch(`${api.url}/repos/acme/app`)).status).toBe(401);
  });
});

describe('failures of the stand-in itself', () => {
  it('answer 500 and are recorded as internal violations', async () => {
    api.state.refs.push(null as never);
    expect((await call('GET', '/repos/acme/app/git/ref/heads/other')).status).toBe(500);
    expect(api.requests.at(-1)?.status).toBe(500);
    expect(api.violations).toEqual([expect.objectContaining({ kind: 'internal', status: 500 })]);
  });
});

describe('lifecycle', () => {
  it('close() ends open keep-alive connections and a closed server refuses requests', async () => {
    const other = await startGitHubApi();
    other.state.addRepository({ owner: 'o', repo: 'r' });
    const res = await fetch(`${other.url}/repos/o/r`, { headers: { authorization: 'token t', connection: 'keep-alive' } });
    expect(res.status).toBe(200);
    await other.close();
    await expect(fetch(`${other.url}/repos/o/r`, { headers: { authorization: 'token t' } })).rejects.toThrow();
  });
});
