/**
 * The registry client's authentication against a small registry stand-in on 127.0.0.1 that challenges
 * as real registries do (Docker Hub, GHCR: Bearer with a token service; others: Basic). The client's
 * manifest, blob and tag calls against the real docker-registry are in test/image/registry.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseChallenge, RegistryClient } from './registry.ts';
import { isInsecureRegistry, parseReference } from './reference.ts';

const DIGEST = `sha256:${'ab'.repeat(32)}`;
let server: http.Server;
let host: string;
const seen: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const auth = req.headers.authorization ?? '';
    seen.push(`${req.method} ${req.url} ${auth.split(' ')[0] ?? ''}`);
    const url = new URL(req.url!, 'http://x');
    if (url.pathname === '/token') {
      const ok = auth === `Basic ${Buffer.from('robot:s3cret-pass').toString('base64')}`;
      if (!ok || url.searchParams.get('scope') !== 'repository:team/app:pull' || url.searchParams.get('service') !== 'registry.test') {
        res.writeHead(401).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: 'tok-123' }));
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
    if (url.pathname.startsWith('/v2/team/app/')) {
      if (auth !== 'Bearer tok-123') {
        res.writeHead(401, { 'www-authenticate': `Bearer realm="http://${host}/token",service="registry.test",scope="repository:team/app:pull"` }).end();
        return;
      }
      res.writeHead(200, { 'docker-content-digest': DIGEST, 'content-type': 'application/vnd.oci.image.index.v1+json' }).end();
      return;
    }
    if (url.pathname.startsWith('/v2/basic/app/')) {
      if (auth !== `Basic ${Buffer.from('robot:s3cret-pass').toString('base64')}`) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="registry"' }).end();
        return;
      }
      res.writeHead(200, { 'docker-content-digest': DIGEST }).end();
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('registry authentication', () => {
  it('answers a Bearer challenge with a token fetched with basic credentials, then reuses it', async () => {
    const client = new RegistryClient(host, { plainHttp: true, credentials: { username: 'robot', password: 's3cret-pass' } });
    seen.length = 0;
    expect(await client.resolve('team/app', '1.0.0')).toBe(DIGEST);
    expect(await client.resolve('team/app', '1.0')).toBe(DIGEST);
    expect(seen).toEqual([
      'HEAD /v2/team/app/manifests/1.0.0 ',
      'GET /token?service=registry.test&scope=repository%3Ateam%2Fapp%3Apull Basic',
      'HEAD /v2/team/app/manifests/1.0.0 Bearer',
      'HEAD /v2/team/app/manifests/1.0 Bearer',
    ]);
  });

  it('answers a Basic challenge with the credentials', async () => {
    const client = new RegistryClient(host, { plainHttp: true, credentials: { username: 'robot', password: 's3cret-pass' } });
    expect(await client.resolve('basic/app', 'latest')).toBe(DIGEST);
  });

  it('says which registry refused, without the password, when credentials are wrong', async () => {
    const client = new RegistryClient(host, { plainHttp: true, credentials: { username: 'robot', password: 'wrong-pass' } });
    const error = await client.resolve('team/app', '1.0.0').catch((e: Error) => e);
    expect(String(error)).toContain(`The token service of ${host} refused team/app:1.0.0 (HTTP 401); check the credentials for ${host}.`);
    expect(String(error)).not.toContain('wrong-pass');
    const basic = await new RegistryClient(host, { plainHttp: true }).resolve('basic/app', 'latest').catch((e: Error) => e);
    expect(String(basic)).toContain(`${host} answered HTTP 401 for basic/app:latest. Check the credentials for this registry.`);
  });

  it('follows Link pagination of the tag list, relative or absolute', async () => {
    seen.length = 0;
    expect(await new RegistryClient(host, { plainHttp: true }).tags('paged/app', 1)).toEqual(['a', 'b', 'c']);
    expect(seen.map((s) => s.split(' ')[1])).toEqual(['/v2/paged/app/tags/list?n=1', '/v2/paged/app/tags/list?n=1&last=a', '/v2/paged/app/tags/list?n=1&last=b']);
  });

  it('parses challenges', () => {
    expect(parseChallenge('Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:user/app:pull"')).toEqual({
      scheme: 'bearer', params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:user/app:pull' },
    });
    expect(parseChallenge('Basic realm="Registry Realm"')).toEqual({ scheme: 'basic', params: { realm: 'Registry Realm' } });
  });
});

describe('image references', () => {
  it.each([
    ['alpine', { registry: 'docker.io', repository: 'library/alpine' }],
    ['org/app:1.0', { registry: 'docker.io', repository: 'org/app', tag: '1.0' }],
    ['ghcr.io/user/app:latest', { registry: 'ghcr.io', repository: 'user/app', tag: 'latest' }],
    ['127.0.0.1:5000/app:1.0.0', { registry: '127.0.0.1:5000', repository: 'app', tag: '1.0.0' }],
    ['localhost/team/app@' + DIGEST, { registry: 'localhost', repository: 'team/app', digest: DIGEST }],
  ])('%s', (ref, expected) => {
    expect(parseReference(ref)).toEqual(expected);
  });
  it('refuses bad names with a reason', () => {
    expect(() => parseReference('ghcr.io/User/App:1')).toThrow('invalid repository name "User/App"');
    expect(() => parseReference('org/app:-bad')).toThrow('invalid tag "-bad"');
  });
  it('treats loopback and listed registries as insecure', () => {
    expect(isInsecureRegistry('127.0.0.1:5000')).toBe(true);
    expect(isInsecureRegistry('localhost:5000')).toBe(true);
    expect(isInsecureRegistry('ghcr.io')).toBe(false);
    expect(isInsecureRegistry('registry.lan:5000', ['registry.lan:5000'])).toBe(true);
  });
});
