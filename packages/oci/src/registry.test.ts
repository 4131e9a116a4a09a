/**
 * The registry client's authentication, paging and refusals against a small registry stand-in on
 * 127.0.0.1 that challenges as real registries do (Docker Hub, GHCR: Bearer with a token service; others:
 * Basic). The same calls against the real docker-registry are in docker-registry.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TokenCache, parseChallenge } from './auth.ts';
import type { HttpResponse } from './http.ts';
import { RegistryClient } from './registry.ts';

const DIGEST = `sha256:${'ab'.repeat(32)}`;
const ROBOT = { username: 'robot', password: 's3cret-pass' };
const ROBOT_BASIC = `Basic ${Buffer.from('robot:s3cret-pass').toString('base64')}`;
let server: http.Server;
let host: string;
const seen: string[] = [];

/** Tokens the stand-in accepts, per repository; `expire` makes it refuse the current one once. */
const tokens: Record<string, string> = { 'team/app': 'tok-123', 'team/api': 'tok-456' };

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const auth = req.headers.authorization ?? '';
    seen.push(`${req.method} ${req.url} ${auth.split(' ')[0] === 'Bearer' ? auth : (auth.split(' ')[0] ?? '')}`);
    const url = new URL(req.url!, 'http://x');
    if (url.pathname === '/token') {
      const repo = /^repository:(.+):pull$/.exec(url.searchParams.get('scope') ?? '')?.[1] ?? '';
      if (auth !== ROBOT_BASIC || !tokens[repo] || url.searchParams.get('service') !== 'registry.test') {
        res.writeHead(401).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: tokens[repo] }));
      return;
    }
    if (url.pathname === '/v2/html/app/tags/list') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>sign in</html>');
      return;
    }
    if (url.pathname === '/v2/odd/app/tags/list') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ tags: [1, 2] }));
      return;
    }
    if (url.pathname === '/v2/paged/app/tags/list') {
      // pages of one tag; the second link is a full URL, as some registries write it
      const pages: Record<string, [string, string | undefined]> = {
        '': ['a', `</v2/paged/app/tags/list?n=1&last=a>; rel="next"`],
        a: ['b', `<http://${host}/v2/paged/app/tags/list?n=1&last=b>; rel="next"`],
        b: ['c', undefined],
      };
      const [tag, link] = pages[url.searchParams.get('last') ?? '']!;
      res.writeHead(200, { 'content-type': 'application/json', ...(link ? { link } : {}) }).end(JSON.stringify({ name: 'paged/app', tags: [tag] }));
      return;
    }
    const team = /^\/v2\/(team\/\w+)\//.exec(url.pathname)?.[1];
    if (team) {
      if (auth !== `Bearer ${tokens[team]}`) {
        res.writeHead(401, { 'www-authenticate': `Bearer realm="http://${host}/token",service="registry.test",scope="repository:${team}:pull"` }).end();
        return;
      }
      res.writeHead(200, { 'docker-content-digest': DIGEST, 'content-type': 'application/vnd.oci.image.index.v1+json' }).end();
      return;
    }
    if (url.pathname.startsWith('/v2/basic/app/')) {
      if (auth !== ROBOT_BASIC) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="registry"' }).end();
        return;
      }
      res.writeHead(200, { 'docker-content-digest': DIGEST }).end();
      return;
    }
    if (url.pathname === '/v2/nodigest/app/manifests/1.0.0') {
      // a registry that leaves out Docker-Content-Digest: the digest is the sha256 of the body
      res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' }).end(req.method === 'HEAD' ? undefined : '{"schemaVersion":2}');
      return;
    }
    if (url.pathname.startsWith('/v2/tampered/app/')) {
      // a registry (or something between) that answers a digest with other content, and says it is that digest
      const asked = url.pathname.split('/').pop()!;
      res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json', 'docker-content-digest': asked }).end(req.method === 'HEAD' ? undefined : '{"schemaVersion":2,"os":"tampered"}');
      return;
    }
    if (url.pathname === '/v2/denied/app/manifests/1.0.0') {
      res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ code: 'DENIED', message: 'requested access to the resource is denied' }] }));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('registry authentication', () => {
  it('answers a Bearer challenge with a token fetched with basic credentials, then reuses it', async () => {
    const client = new RegistryClient({ credentials: ROBOT });
    seen.length = 0;
    expect(await client.manifestDigest(`${host}/team/app`, '1.0.0')).toBe(DIGEST);
    expect(await client.manifestDigest(`${host}/team/app`, '1.0')).toBe(DIGEST);
    expect(seen).toEqual([
      'HEAD /v2/team/app/manifests/1.0.0 ',
      'GET /token?service=registry.test&scope=repository%3Ateam%2Fapp%3Apull Basic',
      'HEAD /v2/team/app/manifests/1.0.0 Bearer tok-123',
      'HEAD /v2/team/app/manifests/1.0 Bearer tok-123',
    ]);
  });

  it('keeps a token per scope: a second repository gets its own, and the first keeps using its own', async () => {
    const client = new RegistryClient({ credentials: ROBOT });
    await client.manifestDigest(`${host}/team/app`, '1.0.0');
    seen.length = 0;
    expect(await client.manifestDigest(`${host}/team/api`, '2.0.0')).toBe(DIGEST);
    expect(await client.manifestDigest(`${host}/team/app`, '1.0.1')).toBe(DIGEST);
    expect(seen).toEqual([
      'HEAD /v2/team/api/manifests/2.0.0 ',
      'GET /token?service=registry.test&scope=repository%3Ateam%2Fapi%3Apull Basic',
      'HEAD /v2/team/api/manifests/2.0.0 Bearer tok-456',
      'HEAD /v2/team/app/manifests/1.0.1 Bearer tok-123',
    ]);
  });

  it('asks for a fresh token when the registry stops accepting the cached one', async () => {
    const client = new RegistryClient({ credentials: ROBOT });
    await client.manifestDigest(`${host}/team/app`, '1.0.0');
    tokens['team/app'] = 'tok-789';
    try {
      seen.length = 0;
      expect(await client.manifestDigest(`${host}/team/app`, '1.0.0')).toBe(DIGEST);
      expect(seen).toEqual([
        'HEAD /v2/team/app/manifests/1.0.0 Bearer tok-123',
        'GET /token?service=registry.test&scope=repository%3Ateam%2Fapp%3Apull Basic',
        'HEAD /v2/team/app/manifests/1.0.0 Bearer tok-789',
      ]);
    } finally {
      tokens['team/app'] = 'tok-123';
    }
  });

  it('answers a Basic challenge with the credentials for that registry only', async () => {
    const client = new RegistryClient({ credentials: (registry) => (registry === host ? ROBOT : undefined) });
    expect(await client.manifestDigest(`${host}/basic/app`, 'latest')).toBe(DIGEST);
  });

  it('says which registry refused, without the password, when credentials are wrong or missing', async () => {
    const wrong = new RegistryClient({ credentials: { username: 'robot', password: 'wrong-pass' }, credentialsHint: "give 'registry-username' and 'registry-password'" });
    const error = await wrong.manifestDigest(`${host}/team/app`, '1.0.0').catch((e: Error) => e);
    expect(String(error)).toContain(`The token service of ${host} (http://${host}/token) refused ${host}/team/app:1.0.0 (HTTP 401); check the credentials for ${host}.`);
    expect(String(error)).not.toContain('wrong-pass');
    const refused = await wrong.manifestDigest(`${host}/basic/app`, 'latest').catch((e: Error) => e);
    expect(String(refused)).toContain(`The registry ${host} answered HTTP 401 for ${host}/basic/app:latest. The credentials were refused; check the credentials for ${host} (give 'registry-username' and 'registry-password').`);
    const missing = await new RegistryClient().manifestDigest(`${host}/basic/app`, 'latest').catch((e: Error) => e);
    expect(String(missing)).toContain(`The registry ${host} answered HTTP 401 for ${host}/basic/app:latest. It needs credentials for ${host}.`);
    expect((missing as { status?: number }).status).toBe(401);
  });
});

describe('registry answers', () => {
  it('follows Link pagination of the tag list, relative or absolute', async () => {
    seen.length = 0;
    expect(await new RegistryClient().tags(`${host}/paged/app`, { pageSize: 1 })).toEqual(['a', 'b', 'c']);
    expect(seen.map((s) => s.split(' ')[1])).toEqual(['/v2/paged/app/tags/list?n=1', '/v2/paged/app/tags/list?n=1&last=a', '/v2/paged/app/tags/list?n=1&last=b']);
  });

  it('names the registry when a tag list is not JSON, or not a list of names', async () => {
    await expect(new RegistryClient().tags(`${host}/html/app`)).rejects.toThrow(`The registry ${host} answered the tags of ${host}/html/app with something that is not JSON.`);
    await expect(new RegistryClient().tags(`${host}/odd/app`)).rejects.toThrow(`The registry ${host} answered the tags of ${host}/odd/app with a tag list that is not a list of names.`);
  });

  it('takes the sha256 of the manifest when the registry sends no Docker-Content-Digest', async () => {
    const { createHash } = await import('node:crypto');
    const expected = `sha256:${createHash('sha256').update('{"schemaVersion":2}').digest('hex')}`;
    seen.length = 0;
    expect(await new RegistryClient().manifestDigest(`${host}/nodigest/app`, '1.0.0')).toBe(expected);
    expect(seen.map((s) => s.split(' ').slice(0, 2).join(' '))).toEqual(['HEAD /v2/nodigest/app/manifests/1.0.0', 'GET /v2/nodigest/app/manifests/1.0.0']);
  });

  it('answers undefined for a manifest the registry does not have, and says what a registry error said', async () => {
    const client = new RegistryClient();
    expect(await client.manifestDigest(`${host}/missing/app`, '1.0.0')).toBeUndefined();
    await expect(client.manifest(`${host}/missing/app`, '1.0.0')).rejects.toThrow(
      `The registry ${host} answered HTTP 404 for the manifest ${host}/missing/app:1.0.0. It is not in the registry; check the image name. It said: MANIFEST_UNKNOWN: manifest unknown`,
    );
    await expect(client.manifestDigest(`${host}/denied/app`, '1.0.0')).rejects.toThrow(`The registry ${host} answered HTTP 403 for ${host}/denied/app:1.0.0. The credentials for ${host} do not allow it`);
  });

  it('refuses a manifest or blob asked for by digest whose content has another digest', async () => {
    const client = new RegistryClient();
    const { createHash } = await import('node:crypto');
    const actual = `sha256:${createHash('sha256').update('{"schemaVersion":2,"os":"tampered"}').digest('hex')}`;
    await expect(client.manifest(`${host}/tampered/app`, DIGEST)).rejects.toThrow(
      `The registry ${host} answered the manifest ${host}/tampered/app@${DIGEST} with content whose digest is ${actual}, not the digest asked for, so it was not used; check the registry and any proxy in front of it.`);
    await expect(client.blobJson(`${host}/tampered/app`, DIGEST)).rejects.toThrow(
      `The registry ${host} answered the blob ${host}/tampered/app@${DIGEST} with content whose digest is ${actual}, not the digest asked for, so it was not used; check the registry and any proxy in front of it.`);
    // asked by the digest of what it serves, both are taken
    expect((await client.manifest(`${host}/tampered/app`, actual)).digest).toBe(actual);
    expect(await client.blobJson(`${host}/tampered/app`, actual)).toEqual({ schemaVersion: 2, os: 'tampered' });
  });

  it('refuses a manifest reference that is neither a tag nor a digest before asking', async () => {
    seen.length = 0;
    await expect(new RegistryClient().manifestDigest(`${host}/team/app`, '../other')).rejects.toThrow('"../other" is neither a tag nor a digest of');
    await expect(new RegistryClient().manifestDigest(`${host}/Team/App`, '1.0.0')).rejects.toThrow('invalid repository name "Team/App"');
    expect(seen).toEqual([]);
  });

  it('uses https for a registry that is not loopback unless told otherwise, and names the registry it could not reach', async () => {
    const asked: string[] = [];
    const fetch = async (url: string | URL) => {
      asked.push(String(url));
      throw new Error('offline');
    };
    await expect(new RegistryClient({ fetch }).manifestDigest('alpine', '3.20')).rejects.toThrow(
      'Could not reach the registry docker.io (https://registry-1.docker.io) for docker.io/library/alpine:3.20: offline. Check the image name and the network.',
    );
    await new RegistryClient({ fetch, plainHttp: (registry) => registry === 'registry.lan:5000' }).manifestDigest('registry.lan:5000/app', '1').catch(() => undefined);
    await new RegistryClient({ fetch }).manifestDigest('localhost:5000/app', '1').catch(() => undefined);
    await new RegistryClient({ fetch }).manifestDigest('ghcr.io/acme/web', '1').catch(() => undefined);
    expect(asked).toEqual([
      'https://registry-1.docker.io/v2/library/alpine/manifests/3.20',
      'http://registry.lan:5000/v2/app/manifests/1',
      'http://localhost:5000/v2/app/manifests/1',
      'https://ghcr.io/v2/acme/web/manifests/1',
    ]);
  });
});

describe('parseChallenge', () => {
  it.each([
    ['Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:user/app:pull"', { scheme: 'bearer', params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:user/app:pull' } }],
    ['Basic realm="Registry Realm"', { scheme: 'basic', params: { realm: 'Registry Realm' } }],
    ['Bearer realm=https://auth.example/token, Scope="repository:a/b:pull,push"', { scheme: 'bearer', params: { realm: 'https://auth.example/token', scope: 'repository:a/b:pull,push' } }],
    ['Basic realm="say \\"hi\\""', { scheme: 'basic', params: { realm: 'say "hi"' } }],
  ])('%s', (header, expected) => {
    expect(parseChallenge(header)).toEqual(expected);
  });
});

describe('token services without TLS', () => {
  const challenge = (realm: string) => ({
    registry: 'registry.example', what: 'the manifest registry.example/app:1', challenge: `Bearer realm="${realm}",service="registry.example"`,
    sent: undefined, credentials: { username: 'robot', password: 'robot-secret' },
  });

  it('get no credentials in clear text, and no request at all', async () => {
    const asked: string[] = [];
    const cache = new TokenCache(async (url) => { asked.push(String(url)); throw new Error('not reached'); });
    await expect(cache.answer(challenge('http://auth.example/token'))).rejects.toThrow(
      'The registry registry.example sends the manifest registry.example/app:1 to the token service http://auth.example/token without TLS; the credentials are not sent there in clear text.');
    expect(asked).toEqual([]);
  });

  it('are asked anonymously, and over loopback with credentials', async () => {
    const asked: [string, string | undefined][] = [];
    const cache = new TokenCache(async (url, init) => {
      asked.push([String(url), (init?.headers as Record<string, string> | undefined)?.authorization]);
      const response: HttpResponse = { ok: true, status: 200, headers: { get: () => null }, json: async () => ({ token: 't' }), text: async () => '', arrayBuffer: async () => new ArrayBuffer(0) };
      return response;
    });
    expect(await cache.answer({ ...challenge('http://auth.example/token'), credentials: undefined })).toBe('Bearer t');
    expect(await cache.answer(challenge('http://127.0.0.1:5000/token'))).toBe('Bearer t');
    expect(asked.map(([url, auth]) => [url, auth?.split(' ')[0]])).toEqual([
      ['http://auth.example/token?service=registry.example', undefined],
      ['http://127.0.0.1:5000/token?service=registry.example', 'Basic'],
    ]);
  });
});
