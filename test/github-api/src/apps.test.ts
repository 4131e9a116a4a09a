import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import * as crypto from 'node:crypto';
import { JWT_MESSAGES, startGitHubApi, type GitHubApi } from './index.ts';

const owner = 'acme';
const repo = 'app';
const A = 'a'.repeat(40);

const keys = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const otherKeys = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicPem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();

/** An App JWT made by hand, so that each claim and the signature can be got wrong on purpose. */
function jwt(claims: Record<string, unknown>, options: { key?: crypto.KeyObject; alg?: string } = {}): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const head = `${part({ alg: options.alg ?? 'RS256', typ: 'JWT' })}.${part(claims)}`;
  const signature = crypto.sign('RSA-SHA256', Buffer.from(head), options.key ?? keys.privateKey).toString('base64url');
  return `${head}.${signature}`;
}
const nowS = () => Math.floor(Date.now() / 1000);
const goodClaims = (appId: number) => ({ iat: nowS() - 30, exp: nowS() + 570, iss: appId });

let api: GitHubApi;
let appId: number;

beforeEach(async () => {
  api = await startGitHubApi();
  api.state.addRepository({ owner, repo, sha: A });
  api.state.addRepository({ owner, repo: 'other', sha: A });
  appId = api.state.addApp({ publicKey: publicPem, id: 4242, slug: 'conveyor-release' }).id;
});
afterEach(async () => {
  expect(api.violations).toEqual([]);
  await api.close();
});

function call(method: string, path: string, authorization: string, body?: unknown): Promise<Response> {
  return fetch(api.url + path, {
    method,
    headers: { authorization, 'content-type': 'application/json', accept: 'application/vnd.github+json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function mint(installationId: number, body: unknown = { repositories: [repo], permissions: { contents: 'write' } }): Promise<Response> {
  return call('POST', `/app/installations/${installationId}/access_tokens`, `Bearer ${jwt(goodClaims(appId))}`, body);
}

describe('GitHub App authentication', () => {
  it('finds the installation with a verified JWT, mints a scoped token, accepts it, and refuses it once revoked', async () => {
    const installation = api.state.installApp({ appId, account: owner });
    const found = await call('GET', `/repos/${owner}/${repo}/installation`, `Bearer ${jwt(goodClaims(appId))}`);
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({ id: installation.id, app_id: appId, app_slug: 'conveyor-release', account: { login: owner } });

    const minted = await mint(installation.id);
    expect(minted.status).toBe(201);
    const body = (await minted.json()) as { token: string; expires_at: string; permissions: Record<string, string>; repositories: { full_name: string }[] };
    expect(body.token).toMatch(/^ghs_[A-Za-z0-9]{36}$/);
    expect(body.permissions).toEqual({ contents: 'write', metadata: 'read' });
    expect(body.repositories.map((r) => r.full_name)).toEqual(['acme/app']);
    const lifetime = Date.parse(body.expires_at) - Date.now();
    expect(lifetime).toBeGreaterThan(59 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(60 * 60_000);

    const created = await call('POST', `/repos/${owner}/${repo}/git/refs`, `token ${body.token}`, { ref: 'refs/tags/v1', sha: A });
    expect(created.status).toBe(201);
    expect(api.requests.at(-1)!.auth).toEqual({ kind: 'installation', token: body.token, appId, installationId: installation.id });
    // Scoped to acme/app: the other repository of the installation is out of the token's sight.
    expect((await call('GET', `/repos/${owner}/other/git/ref/heads/main`, `token ${body.token}`)).status).toBe(404);

    expect((await call('DELETE', '/installation/token', `token ${body.token}`)).status).toBe(204);
    expect(api.state.installationTokens[0]!.revoked).toBe(true);
    const after = await call('GET', `/repos/${owner}/${repo}/git/ref/heads/main`, `token ${body.token}`);
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ message: 'Bad credentials' });
  });

  it('refuses a JWT signed with another key, of an unknown app, expired, too long-lived, issued in the future, or not RS256', async () => {
    const installation = api.state.installApp({ appId, account: owner });
    const cases: [string, string][] = [
      [jwt(goodClaims(appId), { key: otherKeys.privateKey }), JWT_MESSAGES.undecodable],
      [jwt(goodClaims(999)), JWT_MESSAGES.undecodable],
      [jwt({ iat: nowS() - 700, exp: nowS() - 100, iss: appId }), JWT_MESSAGES.expired],
      [jwt({ iat: nowS() - 30, exp: nowS() - 30 + 601, iss: appId }), JWT_MESSAGES.tooLong],
      [jwt({ iat: nowS() + 300, exp: nowS() + 600, iss: appId }), JWT_MESSAGES.iat],
      [jwt(goodClaims(appId), { alg: 'HS256' }), JWT_MESSAGES.undecodable],
      ['not.a.jwt', JWT_MESSAGES.undecodable],
    ];
    for (const [token, message] of cases) {
      const res = await call('POST', `/app/installations/${installation.id}/access_tokens`, `Bearer ${token}`, {});
      expect([res.status, ((await res.json()) as { message: string }).message]).toEqual([401, message]);
    }
    // The iss may be the app id as digits; exactly ten minutes is allowed.
    const ok = await call('POST', `/app/installations/${installation.id}/access_tokens`, `Bearer ${jwt({ iat: nowS() - 30, exp: nowS() + 570, iss: String(appId) })}`, {});
    expect(ok.status).toBe(201);
    expect(api.state.installationTokens).toHaveLength(1);
  });

  it('App routes need the JWT, other routes refuse it', async () => {
    const installation = api.state.installApp({ appId, account: owner });
    const withToken = await call('POST', `/app/installations/${installation.id}/access_tokens`, 'token a-personal-token', {});
    expect(withToken.status).toBe(401);
    const jwtOnRepo = await call('GET', `/repos/${owner}/${repo}/git/ref/heads/main`, `Bearer ${jwt(goodClaims(appId))}`);
    expect(jwtOnRepo.status).toBe(403);
    const revokeWithPat = await call('DELETE', '/installation/token', 'token a-personal-token');
    expect(revokeWithPat.status).toBe(403);
    // Any other token is still taken as a workflow or personal token, and recorded as such.
    expect((await call('GET', `/repos/${owner}/${repo}/git/ref/heads/main`, 'token a-personal-token')).status).toBe(200);
    expect(api.requests.at(-1)!.auth).toEqual({ kind: 'token', token: 'a-personal-token' });
  });

  it('answers 404 for a repository the App is not installed on, and for another App\'s installation', async () => {
    const elsewhere = api.state.installApp({ appId, account: owner, repositories: ['other'], permissions: { contents: 'read', metadata: 'read' } });
    expect((await call('GET', `/repos/${owner}/${repo}/installation`, `Bearer ${jwt(goodClaims(appId))}`)).status).toBe(404);
    const otherApp = api.state.addApp({ publicKey: otherKeys.publicKey.export({ type: 'spki', format: 'pem' }).toString() });
    const theirs = api.state.installApp({ appId: otherApp.id, account: owner });
    expect((await mint(theirs.id)).status).toBe(404);
    // A token cannot be widened past the installation's repositories or permissions.
    expect((await mint(elsewhere.id, { repositories: [repo] })).status).toBe(422);
    expect((await mint(elsewhere.id, { repositories: ['other'], permissions: { contents: 'write' } })).status).toBe(422);
    expect((await mint(elsewhere.id, { repositories: ['other'], permissions: { contents: 'read' } })).status).toBe(201);
    expect(api.state.installationTokens.map((t) => [t.installationId, t.repositories, t.permissions])).toEqual([[elsewhere.id, ['other'], { contents: 'read', metadata: 'read' }]]);
  });

  it('a token holds only the permissions it was minted with, and dies when it expires', async () => {
    const installation = api.state.installApp({ appId, account: owner, permissions: { contents: 'write', pull_requests: 'write', metadata: 'read' } });
    const { token } = (await (await mint(installation.id, { permissions: { contents: 'read' } })).json()) as { token: string };
    expect((await call('GET', `/repos/${owner}/${repo}/git/ref/heads/main`, `token ${token}`)).status).toBe(200);
    const write = await call('POST', `/repos/${owner}/${repo}/git/refs`, `token ${token}`, { ref: 'refs/tags/v1', sha: A });
    expect([write.status, ((await write.json()) as { message: string }).message]).toEqual([403, 'Resource not accessible by integration']);
    expect((await call('GET', `/repos/${owner}/${repo}/pulls`, `token ${token}`)).status).toBe(403);
    api.state.installationTokens[0]!.expiresAt = new Date(Date.now() - 1000).toISOString();
    expect((await call('GET', `/repos/${owner}/${repo}/git/ref/heads/main`, `token ${token}`)).status).toBe(401);
    expect(api.state.findRef(owner, repo, 'refs/tags/v1')).toBeUndefined();
  });
});
