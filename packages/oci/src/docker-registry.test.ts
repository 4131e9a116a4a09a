/** The registry client against the real docker-registry on 127.0.0.1 (images pushed through its API, or by buildah). */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as http from 'node:http';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { cleanupTempDirs, tempDir } from '../../../test/support/tmp.ts';
import { hasBinary, startRegistry, type Registry } from '../../../test/support/registry.ts';
import { pushImage } from '../../../test/promote/support.ts';
import { describeImage } from './describe.ts';
import { RegistryClient } from './registry.ts';

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

  it('reads the manifest, its config blob, the tags and the platform, as image checks a push', async () => {
    await pushImage(registry.url, 'acme/web', 'stable', 'web 1.0.0');
    const client = new RegistryClient();
    const manifest = await client.manifest(`${registry.host}/acme/web`, '1.0.0');
    expect(manifest.digest).toBe(digest);
    expect(manifest.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(await client.blobJson(`${registry.host}/acme/web`, manifest.manifest.config!.digest)).toMatchObject({ os: 'linux', architecture: 'amd64' });
    expect((await client.tags(`${registry.host}/acme/web`, { pageSize: 1 })).sort()).toEqual(['1.0.0', 'stable']);
    expect(await describeImage(client, `${registry.host}/acme/web`, digest)).toEqual([{ platform: 'linux/amd64', digest, size: manifest.manifest.config!.size + 'web 1.0.0'.length }]);
    await expect(client.manifest(`${registry.host}/acme/none`, '1.0.0')).rejects.toThrow(`The registry ${registry.host} answered HTTP 404 for the manifest ${registry.host}/acme/none:1.0.0. It is not in the registry; check the image name. It said: MANIFEST_UNKNOWN: manifest unknown`);
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

