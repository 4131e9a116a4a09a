/**
 * The action's metadata outputs through buildImage (dry-run, so nothing is built) with the real exec and a
 * real git checkout made for each test: `metadata-context: git`, `{{commit_date}}` from the checkout,
 * `tag-names`, the bake files, and the DOCKER_METADATA_OUTPUT_* variables.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exec as kitExec, readInputs, type GitHubContext } from '@conveyor/kit';
import { pushEvent, scheduleEvent } from './__fixtures__/events.ts';
import { buildImage, type BuildEnvironment, type Log } from './action.ts';
import type { Exec } from './builders/index.ts';
import { imageInputs } from './inputs.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-image-action-'));
  dirs.push(d);
  return d;
}

const DATE_ENV = { GIT_AUTHOR_DATE: '2022-03-04T05:06:07Z', GIT_COMMITTER_DATE: '2022-03-04T05:06:07Z' };

function git(dir: string, ...args: string[]): string {
  const r = spawnSync('git', ['-C', dir, ...args], {
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.com', ...DATE_ENV },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

/** A checkout on branch `main` with one commit (dated 2022-03-04T05:06:07Z); returns its folder and commit. */
function checkout(): { dir: string; sha: string } {
  const dir = tempDir();
  git(dir, 'init', '-q', '-b', 'main');
  fs.writeFileSync(path.join(dir, 'Containerfile'), 'FROM scratch\n');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'first');
  return { dir, sha: git(dir, 'rev-parse', 'HEAD') };
}

function env(workspace: string, extra: NodeJS.ProcessEnv = {}): { be: BuildEnvironment; warnings: string[] } {
  const warnings: string[] = [];
  const log: Log = { info: () => undefined, warning: (m) => warnings.push(m), mask: () => undefined, group: (_n, fn) => fn() };
  const exec: Exec = (command, args, options = {}) => kitExec(command, args, { ...options, quiet: true });
  return { be: { env: { PATH: process.env.PATH, ...extra }, exec, now: () => new Date('2020-01-10T00:30:00Z'), tempRoot: tempDir(), workspace, log }, warnings };
}

function inputs(values: Record<string, string>) {
  return readInputs(imageInputs, (name) => ({ builder: 'buildah', 'dry-run': 'true', images: 'org/app', ...values } as Record<string, string>)[name], { baseDir: '/' });
}

const run = (values: Record<string, string>, github: GitHubContext, workspace: string, extra: NodeJS.ProcessEnv = {}) => {
  const { be, warnings } = env(workspace, extra);
  return buildImage(inputs(values), github, be).then((result) => ({ ...result, warnings }));
};

describe('metadata-context: git', () => {
  it('a branch checkout: the ref, sha and commit date are the checkout\'s, not the workflow\'s', async () => {
    const { dir, sha } = checkout();
    const result = await run({ 'metadata-context': 'git', tags: "type=ref,event=branch\ntype=sha\ntype=raw,value={{commit_date 'YYYYMMDD'}}" }, pushEvent('refs/heads/dev'), dir);
    expect(String(result.outputs.tags).split('\n')).toEqual(['org/app:main', 'org/app:20220304', `org/app:sha-${sha.slice(0, 7)}`]);
    expect(String(result.outputs.labels)).toContain(`org.opencontainers.image.revision=${sha}`);
  });

  it('a detached HEAD at a tag is that tag', async () => {
    const { dir } = checkout();
    git(dir, 'tag', 'v1.2.3');
    git(dir, 'checkout', '-q', '--detach', 'v1.2.3');
    const result = await run({ 'metadata-context': 'git', tags: 'type=semver,pattern={{version}}\ntype=semver,pattern={{major}}' }, pushEvent('refs/heads/dev'), dir);
    expect(result.outputs['tag-names']).toBe('1.2.3\n1\nlatest');
  });

  it('a detached HEAD without a tag is the branch that contains it', async () => {
    const { dir, sha } = checkout();
    git(dir, 'checkout', '-q', '--detach', sha);
    const result = await run({ 'metadata-context': 'git', tags: 'type=ref,event=branch' }, scheduleEvent(), dir);
    expect(result.outputs.tags).toBe('org/app:main');
  });

  it('a folder that is not a checkout is an error saying what to do', async () => {
    await expect(run({ 'metadata-context': 'git' }, pushEvent('refs/heads/dev'), tempDir())).rejects.toThrow('is not a git checkout with a commit; check the repository out first (actions/checkout), or use metadata-context: workflow.');
  });
});

describe('metadata outputs', () => {
  it('{{commit_date}} comes from the checkout when the payload does not carry the commit', async () => {
    const { dir, sha } = checkout();
    const event = scheduleEvent();
    event.sha = sha;
    const result = await run({ tags: "type=raw,value={{commit_date 'YYYY-MM-DD'}}" }, event, dir);
    expect(result.outputs.tags).toBe('org/app:2022-03-04');
    // not a checkout: the build date stands in
    const other = await run({ tags: "type=raw,value={{commit_date 'YYYY-MM-DD'}}" }, event, tempDir());
    expect(other.outputs.tags).toBe('org/app:2020-01-10');
  });

  it('tag-names, bake files under bake-target, and DOCKER_METADATA_OUTPUT_* for later steps', async () => {
    const { dir } = checkout();
    const result = await run({ images: 'org/app\nghcr.io/org/app', tags: 'type=ref,event=branch', 'sep-tags': ',', 'bake-target': 'meta' }, pushEvent('refs/heads/dev'), dir, { DOCKER_METADATA_ANNOTATIONS_LEVELS: 'manifest-descriptor' });
    expect(result.outputs.tags).toBe('org/app:dev,ghcr.io/org/app:dev');
    expect(result.outputs['tag-names']).toBe('dev');
    const read = (output: string) => JSON.parse(fs.readFileSync(String(result.outputs[output]), 'utf8')) as { target: Record<string, Record<string, unknown>> };
    expect(read('bake-file-tags')).toEqual({ target: { meta: { tags: ['org/app:dev', 'ghcr.io/org/app:dev'], args: { DOCKER_META_IMAGES: 'org/app,ghcr.io/org/app', DOCKER_META_VERSION: 'dev' } } } });
    expect(read('bake-file-labels').target.meta!.labels).toMatchObject({ 'org.opencontainers.image.version': 'dev' });
    expect((read('bake-file-annotations').target.meta!.annotations as string[]).every((a) => a.startsWith('manifest-descriptor:'))).toBe(true);
    expect(Object.keys(read('bake-file').target.meta!)).toEqual(['tags', 'labels', 'args']);
    expect(result.exportEnv.DOCKER_METADATA_OUTPUT_TAGS).toBe('org/app:dev,ghcr.io/org/app:dev');
    expect(result.exportEnv.DOCKER_METADATA_OUTPUT_TAG_NAMES).toBe('dev');
    expect(result.exportEnv.DOCKER_METADATA_OUTPUT_VERSION).toBe('dev');
    expect(JSON.parse(result.exportEnv.DOCKER_METADATA_OUTPUT_JSON!)['tag-names']).toEqual(['dev']);
    expect(result.exportEnv.DOCKER_METADATA_OUTPUT_BAKE_FILE_TAGS).toBe(result.outputs['bake-file-tags']);
    expect(Object.keys(result.exportEnv)).toHaveLength(10);
  });

  it('DOCKER_METADATA_SET_OUTPUT_ENV=false exports nothing; another value is an error naming it', async () => {
    const { dir } = checkout();
    const off = await run({ tags: 'type=ref,event=branch' }, pushEvent('refs/heads/dev'), dir, { DOCKER_METADATA_SET_OUTPUT_ENV: 'false' });
    expect(off.exportEnv).toEqual({});
    await expect(run({}, pushEvent('refs/heads/dev'), dir, { DOCKER_METADATA_SET_OUTPUT_ENV: 'maybe' })).rejects.toThrow('DOCKER_METADATA_SET_OUTPUT_ENV is "maybe"; set it to true or false.');
  });

  it('no tag for the images is a warning, not a failure, when nothing is pushed', async () => {
    const { dir } = checkout();
    const result = await run({ tags: 'type=ref,event=tag' }, pushEvent('refs/heads/dev'), dir);
    expect(result.outputs.tags).toBe('');
    expect(result.warnings).toEqual(["No tag was computed for org/app: no rule of 'tags' gives a value for push on refs/heads/dev. Check the 'tags' input."]);
  });
});
