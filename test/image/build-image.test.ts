/**
 * build-image end to end: the bundled action, run through the runner contract with a real push payload,
 * builds FROM scratch with the real buildah for linux/amd64 and linux/arm64 and pushes to a real
 * docker-registry on 127.0.0.1. The test then reads the registry's API itself.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { payloadOf } from '../../packages/image/src/__fixtures__/events.ts';
import { describeImage, RegistryClient } from '@conveyor/oci';
import { bundle, listBundles } from '../../scripts/build.ts';
import { hasBinary, startRegistry, type Registry } from '../support/registry.ts';
import { cleanupTempDirs, tempDir } from '../support/tmp.ts';
import { runAction } from './runner.ts';

const ready = hasBinary('buildah') && hasBinary('docker-registry');
if (!ready) console.log('buildah or docker-registry is not installed: skipping the build-image integration test');

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const ACCEPT = [OCI_INDEX, 'application/vnd.oci.image.manifest.v1+json'].join(', ');

let registry: Registry;
let dir: string;
let contextDir: string;
let eventPath: string;
let sha: string;

beforeAll(async () => {
  if (!ready) return;
  await bundle(listBundles().find((b) => b.name === 'build-image')!);
  registry = await startRegistry();
  dir = tempDir('conveyor-build-image-');
  contextDir = path.join(dir, 'app');
  fs.mkdirSync(contextDir);
  fs.writeFileSync(path.join(contextDir, 'hello.txt'), 'hello from conveyor\n');
  fs.writeFileSync(path.join(contextDir, 'Containerfile'), 'FROM scratch\nARG GREETING\nCOPY hello.txt /hello.txt\n');
  const payload = payloadOf('push', (p) => String(p.ref).startsWith('refs/tags/') && p.deleted === false);
  payload.ref = 'refs/tags/v1.2.3';
  sha = String(payload.after);
  eventPath = path.join(dir, 'event.json');
  fs.writeFileSync(eventPath, JSON.stringify(payload));
}, 120_000);

afterAll(async () => {
  await registry?.stop();
  cleanupTempDirs();
});

function githubEnv(): Record<string, string> {
  return {
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REF: 'refs/tags/v1.2.3',
    GITHUB_REF_NAME: 'v1.2.3',
    GITHUB_REF_TYPE: 'tag',
    GITHUB_SHA: sha,
    GITHUB_REPOSITORY: 'Codertocat/Hello-World',
    GITHUB_WORKSPACE: dir,
    SOURCE_DATE_EPOCH: '1700000000',
    REGISTRY_AUTH_FILE: path.join(dir, 'auth.json'),
  };
}

async function registryJson(url: string, accept = ACCEPT): Promise<{ body: Record<string, unknown>; digest: string | null; type: string | null }> {
  const res = await fetch(url, { headers: { accept } });
  expect(res.status).toBe(200);
  return { body: (await res.json()) as Record<string, unknown>, digest: res.headers.get('docker-content-digest'), type: res.headers.get('content-type') };
}

(ready ? describe : describe.skip)('build-image with buildah and a real registry', () => {
  it('builds two platforms, pushes every computed tag, and the registry agrees with every output', async () => {
    const image = `${registry.host}/team/app`;
    const run = await runAction(dir, {
      images: image,
      tags: ['type=semver,pattern={{version}}', 'type=semver,pattern={{major}}.{{minor}}', 'type=semver,pattern={{major}}', 'type=sha'].join('\n'),
      labels: 'com.example.team=platform',
      annotations: 'com.example.note=built by conveyor',
      context: 'app',
      platforms: 'linux/amd64,linux/arm64',
      push: 'true',
      'build-args': 'GREETING=hello',
      secrets: 'token=hunter2-very-secret-value',
      registry: registry.host, username: 'ci-robot', password: 'registry-pass-4242',
      'buildah-options': `--storage-driver vfs --root ${path.join(dir, 'storage')} --runroot ${path.join(dir, 'run')}`,
    }, { ...githubEnv(), DOCKER_METADATA_ANNOTATIONS_LEVELS: 'manifest,manifest-descriptor' });
    expect(run.stderr + run.stdout).not.toMatch(/::error::/);
    expect(run.status).toBe(0);

    const expectedTags = ['1.2.3', '1.2', '1', `sha-${sha.slice(0, 7)}`, 'latest'];
    expect(run.outputs.tags!.split('\n')).toEqual(expectedTags.map((t) => `${image}:${t}`));
    expect(run.outputs.version).toBe('1.2.3');
    const digest = run.outputs.digest!;
    expect(digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(run.outputs.image).toBe(`${image}@${digest}`);

    // every tag, read back through the registry's own API
    const list = await registryJson(`${registry.url}/v2/team/app/tags/list`, 'application/json');
    expect([...(list.body.tags as string[])].sort()).toEqual([...expectedTags].sort());
    for (const tag of expectedTags) {
      const res = await fetch(`${registry.url}/v2/team/app/manifests/${tag}`, { method: 'HEAD', headers: { accept: ACCEPT } });
      expect(res.headers.get('docker-content-digest')).toBe(digest);
    }

    // the manifest list has both platforms
    const index = await registryJson(`${registry.url}/v2/team/app/manifests/${digest}`);
    expect(index.body.mediaType).toBe(OCI_INDEX);
    const entries = index.body.manifests as { digest: string; platform: { os: string; architecture: string }; annotations?: Record<string, string> }[];
    expect(entries.map((m) => `${m.platform.os}/${m.platform.architecture}`).sort()).toEqual(['linux/amd64', 'linux/arm64']);
    // manifest-descriptor annotations on the index's entries
    for (const entry of entries) {
      expect(entry.annotations?.['com.example.note']).toBe('built by conveyor');
      expect(entry.annotations?.['org.opencontainers.image.version']).toBe('1.2.3');
    }

    const labels = JSON.parse(run.outputs.json!).labels as Record<string, string>;
    for (const entry of entries) {
      // annotations in each image manifest
      const manifest = await registryJson(`${registry.url}/v2/team/app/manifests/${entry.digest}`);
      const annotations = manifest.body.annotations as Record<string, string>;
      expect(annotations['com.example.note']).toBe('built by conveyor');
      expect(annotations['org.opencontainers.image.revision']).toBe(sha);
      expect(annotations['org.opencontainers.image.version']).toBe('1.2.3');
      // labels in the image config
      const configDigest = (manifest.body.config as { digest: string }).digest;
      const config = await registryJson(`${registry.url}/v2/team/app/blobs/${configDigest}`, '*/*');
      const configLabels = (config.body.config as { Labels: Record<string, string> }).Labels;
      expect(configLabels).toMatchObject(labels);
      expect(configLabels['com.example.team']).toBe('platform');
      expect(configLabels['org.opencontainers.image.created']).toBe('2023-11-14T22:13:20.000Z');
      expect(config.body.architecture).toBe(entry.platform.architecture);
    }

    const metadata = JSON.parse(run.outputs.metadata!) as { builder: string; platforms: { platform: string; size: number }[] };
    expect(metadata.builder).toBe('buildah');
    expect(metadata.platforms.map((p) => p.platform).sort()).toEqual(['linux/amd64', 'linux/arm64']);
    expect(metadata.platforms.every((p) => p.size > 0)).toBe(true);
    expect(run.summary).toContain(digest);
    expect(run.summary).toContain('linux/amd64, linux/arm64');

    // buildah logged in with the password on stdin, into the auth file the runner's env names
    const auth = JSON.parse(fs.readFileSync(path.join(dir, 'auth.json'), 'utf8')) as { auths: Record<string, { auth: string }> };
    expect(Buffer.from(auth.auths[registry.host]!.auth, 'base64').toString()).toBe('ci-robot:registry-pass-4242');
    expect(run.stdout).toContain(`[command]buildah --storage-driver vfs --root ${path.join(dir, 'storage')} --runroot ${path.join(dir, 'run')} login --tls-verify=false --username ci-robot --password-stdin ${registry.host}`);
    expect(run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::') && l.includes('registry-pass-4242'))).toEqual([]);

    // the inline secret was masked before anything else and never printed
    expect(run.stdout).toContain('::add-mask::token=hunter2-very-secret-value');
    expect(run.stdout).toContain('::add-mask::hunter2-very-secret-value');
    const unmasked = run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::') && l.includes('hunter2'));
    expect(unmasked).toEqual([]);
  }, 180_000);

  it('one platform and no platform list: an image manifest, pushed to each tag with the same digest', async () => {
    const image = `${registry.host}/team/single`;
    const run = await runAction(dir, {
      images: image, tags: 'type=ref,event=tag\ntype=raw,value=stable', context: 'app', push: 'true',
      'buildah-options': `--storage-driver vfs --root ${path.join(dir, 'storage')} --runroot ${path.join(dir, 'run')}`,
    }, { ...githubEnv(), DOCKER_METADATA_ANNOTATIONS_LEVELS: 'manifest' });
    expect(run.stdout).not.toContain('::error::');
    expect(run.status).toBe(0);
    expect(run.outputs.tags).toBe(`${image}:v1.2.3\n${image}:stable\n${image}:latest`);
    const client = new RegistryClient();
    expect((await client.tags(image)).sort()).toEqual(['latest', 'stable', 'v1.2.3']);
    for (const tag of ['v1.2.3', 'stable', 'latest']) expect(await client.manifestDigest(image, tag)).toBe(run.outputs.digest);
    const manifest = await client.manifest(image, run.outputs.digest!);
    expect(manifest.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    const described = await describeImage(client, image, run.outputs.digest!);
    expect(described).toEqual([{ platform: 'linux/amd64', digest: run.outputs.digest, size: expect.any(Number) }]);
    // the build's local names are removed from buildah's storage afterwards
    const left = spawnSync('buildah', ['--storage-driver', 'vfs', '--root', path.join(dir, 'storage'), '--runroot', path.join(dir, 'run'), 'images', '--format', '{{.Name}}'], { encoding: 'utf8' });
    expect(left.stdout).not.toContain('conveyor-');
  }, 120_000);

  it('dry-run computes the tags and prints the buildah commands, building and pushing nothing', async () => {
    const image = `${registry.host}/team/dry`;
    const run = await runAction(dir, {
      images: image, context: 'app', platforms: 'linux/amd64', push: 'true', 'dry-run': 'true', builder: 'buildah',
      'buildah-options': `--storage-driver vfs --root ${path.join(dir, 'storage')} --runroot ${path.join(dir, 'run')}`,
    }, githubEnv());
    expect(run.status).toBe(0);
    expect(run.outputs.tags).toBe(`${image}:v1.2.3\n${image}:latest`);
    expect(run.outputs.digest).toBe('');
    expect(run.stdout).toContain(`dry-run: buildah would run:`);
    expect(run.stdout).toMatch(/buildah --storage-driver vfs .* build --format oci --platform linux\/amd64 /);
    expect(run.stdout).toContain(`push --tls-verify=false --digestfile`);
    const res = await fetch(`${registry.url}/v2/team/dry/tags/list`);
    expect(res.status).toBe(404);
    expect(run.summary).toContain('dry run: nothing was built');
  }, 60_000);

  it('a failing build fails the step with buildah\'s own error, sets no digest, and pushes nothing', async () => {
    const broken = path.join(dir, 'broken');
    fs.mkdirSync(broken, { recursive: true });
    fs.writeFileSync(path.join(broken, 'Containerfile'), 'FROM scratch\nCOPY missing.txt /missing.txt\n');
    const run = await runAction(dir, {
      images: `${registry.host}/team/broken`, context: 'broken', push: 'true',
      'buildah-options': `--storage-driver vfs --root ${path.join(dir, 'storage')} --runroot ${path.join(dir, 'run')}`,
    }, githubEnv());
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/::error::`buildah --storage-driver vfs .* build --format oci .*` failed with exit code \d+:/);
    expect(run.stdout).toContain('missing.txt');
    expect(run.outputs.digest).toBeUndefined();
    expect((await fetch(`${registry.url}/v2/team/broken/tags/list`)).status).toBe(404);
  }, 60_000);

  it('refuses bad input before building anything', async () => {
    const run = await runAction(dir, {
      images: `${registry.host}/team/bad`, context: 'app', push: 'true', tags: 'type=semver', 'registry-auth': 'not-a-valid-line-s3cr3t',
    }, githubEnv());
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("::error::Input 'tags': type=semver needs pattern= in the line \"type=semver\".");
    const noAuth = await runAction(dir, { images: `${registry.host}/team/bad`, context: 'app', push: 'true', 'registry-auth': 'not-a-valid-line-s3cr3t' }, githubEnv());
    expect(noAuth.status).toBe(1);
    expect(noAuth.stdout).toContain("Input 'registry-auth' line 1 is not HOST=USERNAME:PASSWORD");
    expect(noAuth.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::') && l.includes('s3cr3t'))).toEqual([]);
    const res = await fetch(`${registry.url}/v2/team/bad/tags/list`);
    expect(res.status).toBe(404);
  }, 60_000);
});
