/**
 * docker buildx cannot run on the test machine (no Docker daemon). These tests put a stand-in `docker`
 * executable first on PATH: it records the exact argv (and stdin) it receives and writes the
 * `--metadata-file` buildx would write. The action bundle runs through the runner contract as on GitHub;
 * what is checked is the command line it would run, and what it does with buildx's metadata file.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundle, listBundles } from '../../scripts/build.ts';
import { hasBinary, startRegistry, type Registry } from '../support/registry.ts';
import { cleanupTempDirs, tempDir } from '../support/tmp.ts';
import { runAction } from './runner.ts';

const STANDIN_DIGEST = `sha256:${'5e'.repeat(32)}`;
let dir: string;
let binDir: string;
let record: string;
let registry: Registry | undefined;

const standIn = (record: string) => `#!${process.execPath}
const fs = require('node:fs');
const args = process.argv.slice(2);
let stdin = '';
try { stdin = fs.readFileSync(0, 'utf8'); } catch {}
fs.appendFileSync(${JSON.stringify(record)}, JSON.stringify({ args, stdin }) + '\\n');
if (args[0] === 'buildx' && args[1] === 'version') { console.log('github.com/docker/buildx v0.17.1 standin'); process.exit(0); }
if (args[0] === 'login') { console.log('Login Succeeded'); process.exit(0); }
if (args[0] === 'buildx' && args[1] === 'build') {
  const at = (flag) => { const i = args.indexOf(flag); return i === -1 ? undefined : args[i + 1]; };
  fs.writeFileSync(at('--metadata-file'), JSON.stringify({ 'buildx.build.ref': 'standin/standin0/abc', 'containerimage.digest': ${JSON.stringify(STANDIN_DIGEST)}, 'image.name': 'x' }));
  fs.writeFileSync(at('--iidfile'), 'sha256:' + '1d'.repeat(32));
  process.exit(0);
}
console.error('stand-in docker: unexpected arguments ' + JSON.stringify(args));
process.exit(64);
`;

beforeAll(async () => {
  await bundle(listBundles().find((b) => b.name === 'build-image')!);
  dir = tempDir('conveyor-buildx-');
  binDir = path.join(dir, 'bin');
  fs.mkdirSync(binDir);
  record = path.join(dir, 'docker-calls.jsonl');
  fs.writeFileSync(path.join(binDir, 'docker'), standIn(record), { mode: 0o755 });
  fs.mkdirSync(path.join(dir, 'app'));
  fs.writeFileSync(path.join(dir, 'app', 'Dockerfile'), 'FROM scratch\n');
  fs.writeFileSync(path.join(dir, 'npmrc'), '//registry.example/:_authToken=abc\n');
  if (hasBinary('docker-registry')) registry = await startRegistry();
}, 60_000);
afterAll(async () => {
  await registry?.stop();
  cleanupTempDirs();
});

function calls(): { args: string[]; stdin: string }[] {
  if (!fs.existsSync(record)) return [];
  const out = fs.readFileSync(record, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { args: string[]; stdin: string });
  fs.rmSync(record);
  return out;
}

const env = () => ({
  PATH: `${binDir}:${process.env.PATH}`,
  GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
  GITHUB_REPOSITORY: 'octo-org/octo-repo', GITHUB_WORKSPACE: dir, SOURCE_DATE_EPOCH: '1700000000',
  ACTIONS_RUNTIME_TOKEN: 'runtime-token', ACTIONS_CACHE_URL: 'https://cache.invalid/',
});

describe('docker buildx through a stand-in docker executable', () => {
  it('builder: auto picks buildx when `docker buildx version` works, and runs the exact buildx command line', async () => {
    const run = await runAction(dir, {
      images: 'ghcr.io/octo-org/app',
      tags: 'type=ref,event=branch\ntype=sha',
      context: 'app', file: 'app/Dockerfile', platforms: 'linux/amd64,linux/arm64', target: 'runtime',
      'build-args': 'VERSION=1.0\nMODE=release', 'secret-files': 'npmrc=npmrc', secrets: 'token=inline-s3cret-value',
      'cache-from': 'type=gha', 'cache-to': 'type=gha,mode=max', provenance: 'mode=max', sbom: 'true',
      registry: 'ghcr.io', username: 'octocat', password: 'ghp_standin-password-123',
    }, env());
    expect(run.stdout).not.toContain('::error::');
    expect(run.status).toBe(0);
    const recorded = calls();
    expect(recorded.map((c) => c.args.slice(0, 2).join(' '))).toEqual(['buildx version', 'login --username', 'buildx build']);
    expect(recorded[1]).toEqual({ args: ['login', '--username', 'octocat', '--password-stdin', 'ghcr.io'], stdin: 'ghp_standin-password-123' });
    const argv = recorded[2]!.args;
    const workDir = path.dirname(argv[argv.indexOf('--metadata-file') + 1]!);
    expect(argv).toEqual([
      'buildx', 'build', '--platform', 'linux/amd64,linux/arm64', '--file', path.join(dir, 'app', 'Dockerfile'), '--target', 'runtime',
      '--build-arg', 'VERSION=1.0', '--build-arg', 'MODE=release',
      '--secret', `id=token,src=${path.join(workDir, 'secrets', 'token')}`, '--secret', `id=npmrc,src=${path.join(dir, 'npmrc')}`,
      '--cache-from', 'type=gha', '--cache-to', 'type=gha,mode=max',
      '--label', 'org.opencontainers.image.created=2023-11-14T22:13:20.000Z',
      '--label', 'org.opencontainers.image.description=',
      '--label', 'org.opencontainers.image.licenses=',
      '--label', 'org.opencontainers.image.revision=0123456789abcdef0123456789abcdef01234567',
      '--label', 'org.opencontainers.image.source=https://github.com/octo-org/octo-repo',
      '--label', 'org.opencontainers.image.title=octo-repo',
      '--label', 'org.opencontainers.image.url=https://github.com/octo-org/octo-repo',
      '--label', 'org.opencontainers.image.version=main',
      '--annotation', 'manifest:org.opencontainers.image.created=2023-11-14T22:13:20.000Z',
      '--annotation', 'manifest:org.opencontainers.image.description=',
      '--annotation', 'manifest:org.opencontainers.image.licenses=',
      '--annotation', 'manifest:org.opencontainers.image.revision=0123456789abcdef0123456789abcdef01234567',
      '--annotation', 'manifest:org.opencontainers.image.source=https://github.com/octo-org/octo-repo',
      '--annotation', 'manifest:org.opencontainers.image.title=octo-repo',
      '--annotation', 'manifest:org.opencontainers.image.url=https://github.com/octo-org/octo-repo',
      '--annotation', 'manifest:org.opencontainers.image.version=main',
      '--tag', 'ghcr.io/octo-org/app:main', '--tag', 'ghcr.io/octo-org/app:sha-0123456',
      '--provenance', 'mode=max', '--sbom', 'true',
      '--iidfile', path.join(workDir, 'iid'), '--metadata-file', path.join(workDir, 'metadata.json'),
      path.join(dir, 'app'),
    ]);
    // the private work folder (with the inline secret file) is gone after the step
    expect(fs.existsSync(workDir)).toBe(false);
    // not pushed: the digest is the metadata file's, there is no name@digest
    expect(run.outputs.digest).toBe(STANDIN_DIGEST);
    expect(run.outputs.image).toBe('');
    expect(JSON.parse(run.outputs.metadata!).builder).toBe('buildx');
    // the summary (which the runner does not mask) names the build args without their values
    expect(run.summary).toContain("--build-arg 'VERSION=…'");
    expect(run.summary).not.toContain('VERSION=1.0');
    for (const secret of ['ghp_standin-password-123', 'inline-s3cret-value']) {
      expect(run.stdout).toContain(`::add-mask::${secret}`);
      expect(run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::') && l.includes(secret))).toEqual([]);
    }
  });

  it('dry-run prints the buildx command and runs no build', async () => {
    const run = await runAction(dir, { images: 'ghcr.io/octo-org/app', tags: 'type=ref,event=branch\ntype=sha', 'sep-tags': ',', context: 'app', push: 'true', 'dry-run': 'true', builder: 'buildx' }, env());
    expect(run.status).toBe(0);
    expect(run.outputs.tags).toBe('ghcr.io/octo-org/app:main,ghcr.io/octo-org/app:sha-0123456');
    expect(run.stdout).toMatch(/dry-run: buildx would run:\ndocker buildx build .*--tag ghcr\.io\/octo-org\/app:main .*--push /);
    expect(calls()).toEqual([]);
  });

  (hasBinary('docker-registry') ? it : it.skip)('after a push, a tag that does not resolve to the pushed digest fails the step and names the tag', async () => {
    const image = `${registry!.host}/team/never-pushed`;
    const run = await runAction(dir, { images: image, context: 'app', push: 'true', builder: 'buildx' }, env());
    expect(run.status).toBe(1);
    expect(calls().map((c) => c.args.at(-2))).toEqual(['--push']);
    expect(run.stdout).toContain(`After the push, 1 of 1 tag(s) do not resolve to the pushed digest ${STANDIN_DIGEST}:%0A- ${image}:main → missing`);
  });

  // (skipped where a real docker buildx works: it would be picked instead)
  (spawnSync('docker', ['buildx', 'version']).status === 0 ? it.skip : it)('builder: auto falls back to buildah when docker buildx is not there', async () => {
    const noDocker = { ...env(), PATH: process.env.PATH! };
    const run = await runAction(dir, { images: 'ghcr.io/octo-org/app', context: 'app', 'dry-run': 'true' }, noDocker);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(hasBinary('buildah') ? 'dry-run: buildah would run:' : 'found neither `docker buildx` nor `buildah`');
  });
});
