/** The manifest client against the real docker-registry on 127.0.0.1. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as http from 'node:http';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { RegistryClient, parseChallenge } from '../../packages/promote/src/registry.ts';
import { cleanupTempDirs, tempDir } from '../support/tmp.ts';
import { hasBinary, startRegistry, type Registry } from '../support/registry.ts';
import { pushImage } from './support.ts';

const haveRegistry = hasBinary('docker-registry');
if (!haveRegistry) console.log('docker-registry is not installed; skipping the registry client tests');

(haveRegistry ? describe : describe.skip)('RegistryClient on a real registry', () => {
  let registry: Registry;
  let digest: string;

  beforeAll(async () => {
    registry = await startRegistry();
    digest = await pushImage(registry.url, 'acme/web', '1.0.0', 'web 1.0.0');
  });
  afterAll(async () => {
    await registry.stop();
    cleanupTempDirs();
  });

  it('resolves a tag to the digest the registry stored, and finds the digest itself', async () => {
    const client = new RegistryClient();
    expect(await client.manifestDigest(`${registry.host}/acme/web`, '1.0.0')).toBe(digest);
    expect(await client.manifestDigest(`${registry.host}/acme/web`, digest)).toBe(digest);
  });

  it('answers undefined for a digest or tag the registry does not have', async () => {
    const client = new RegistryClient();
    expect(await client.manifestDigest(`${registry.host}/acme/web`, `sha256:${'0'.repeat(64)}`)).toBeUndefined();
    expect(await client.manifestDigest(`${registry.host}/acme/web`, '9.9.9')).toBeUndefined();
    expect(await client.manifestDigest(`${registry.host}/acme/none`, '1.0.0')).toBeUndefined();
  });

  (hasBinary('buildah') ? it : it.skip)('reads the digest of an image pushed by buildah', async () => {
    const tmp = tempDir('conveyor-buildah-');
    fs.writeFileSync(path.join(tmp, 'hello.txt'), 'hello\n');
    fs.writeFileSync(path.join(tmp, 'Containerfile'), 'FROM scratch\nCOPY hello.txt /hello.txt\n');
    const b = ['--storage-driver', 'vfs', '--root', path.join(tmp, 'storage'), '--runroot', path.join(tmp, 'run')];
    const ref = `${registry.host}/acme/built:1.0.0`;
    const build = spawnSync('buildah', [...b, 'build', '--format', 'oci', '-f', 'Containerfile', '-t', ref, '.'], { cwd: tmp, encoding: 'utf8' });
    expect(build.status).toBe(0);
    const pushed = spawnSync('buildah', [...b, 'push', '--tls-verify=false', '--digestfile', path.join(tmp, 'digest'), ref], { cwd: tmp, encoding: 'utf8' });
    expect(pushed.status).toBe(0);
    const expected = fs.readFileSync(path.join(tmp, 'digest'), 'utf8').trim();
    expect(await new RegistryClient().manifestDigest(`${registry.host}/acme/built`, '1.0.0')).toBe(expected);
  });

  it('answers a Bearer challenge with an anonymous token, as public registries ask', async () => {
    // A token-checking front for the real registry: 401 with a Bearer challenge unless the token is presented.
    const seen: string[] = [];
    const front = http.createServer((req, res) => {
      const url = new URL(req.url!, 'http://127.0.0.1');
      if (url.pathname === '/token') {
        seen.push(`token ${url.searchParams.get('service')} ${url.searchParams.get('scope')} ${req.headers.authorization ?? 'anonymous'}`);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ token: 'anon-token' }));
        return;
      }
      if (req.headers.authorization !== 'Bearer anon-token') {
        const port = (front.address() as { port: number }).port;
        res.statusCode = 401;
        res.setHeader('www-authenticate', `Bearer realm="http://127.0.0.1:${port}/token",service="test-registry",scope="repository:acme/web:pull"`);
        res.end();
        return;
      }
      seen.push(`${req.method} ${url.pathname}`);
      const upstream = http.request(`${registry.url}${req.url}`, { method: req.method, headers: { accept: req.headers.accept ?? '' } }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      upstream.end();
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    try {
      const port = (front.address() as { port: number }).port;
      const client = new RegistryClient();
      expect(await client.manifestDigest(`127.0.0.1:${port}/acme/web`, '1.0.0')).toBe(digest);
      expect(seen).toEqual(['token test-registry repository:acme/web:pull anonymous', 'HEAD /v2/acme/web/manifests/1.0.0']);
    } finally {
      await new Promise((resolve) => front.close(resolve));
    }
  });
});

describe('parseChallenge', () => {
  it('reads the scheme and quoted parameters', () => {
    expect(parseChallenge('Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:acme/web:pull"')).toEqual({
      scheme: 'bearer', params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:acme/web:pull' },
    });
  });
});
