/**
 * The release action's bundle run as the runner runs it (INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY),
 * on a real git repository, against the GitHub API stand-in.
 */
import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startGitHubApi, type GitHubApi } from '@conveyor/github-api';
import { bundle, listBundles } from '../../scripts/build.ts';
import { repoRoot } from '../support/corpus.ts';
import { tempDir, cleanupTempDirs } from '../support/tmp.ts';

const owner = 'acme';
const repo = 'app';
const bundlePath = path.join(repoRoot, 'actions', 'release', 'dist', 'index.js');

function sh(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.invalid' } }).trim();
}

/** A repository with v1.0.0 released and a feature and a fix since. */
function makeRepo(): { dir: string; head: string; v1: string } {
  const dir = tempDir('conveyor-release-repo-');
  sh(dir, 'init', '--quiet', '--initial-branch=main');
  sh(dir, 'commit', '--quiet', '--allow-empty', '-m', 'feat: first');
  sh(dir, 'tag', 'v1.0.0');
  const v1 = sh(dir, 'rev-parse', 'HEAD');
  sh(dir, 'commit', '--quiet', '--allow-empty', '-m', 'feat(api): add search (#12)');
  sh(dir, 'commit', '--quiet', '--allow-empty', '-m', 'fix: empty list\n\nCloses #3');
  sh(dir, 'commit', '--quiet', '--allow-empty', '-m', 'docs: readme');
  return { dir, head: sh(dir, 'rev-parse', 'HEAD'), v1 };
}

interface RunResult {
  code: number;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

function readOutputs(file: string): Record<string, string> {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const out: Record<string, string> = {};
  const re = /^([\w-]+)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]!] = m[3]!;
  return out;
}

function runAction(api: GitHubApi, workspace: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}): Promise<RunResult> {
  const dir = tempDir('conveyor-release-run-');
  const files = { GITHUB_OUTPUT: path.join(dir, 'output'), GITHUB_STEP_SUMMARY: path.join(dir, 'summary'), GITHUB_ENV: path.join(dir, 'env'), GITHUB_STATE: path.join(dir, 'state') };
  for (const f of Object.values(files)) fs.writeFileSync(f, '');
  const inputEnv = Object.fromEntries(Object.entries({ 'github-token': 'test-token', ...inputs }).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
  const child = spawn(process.execPath, [bundlePath], {
    cwd: workspace,
    env: {
      PATH: process.env.PATH, HOME: process.env.HOME, ...files, ...inputEnv,
      GITHUB_API_URL: api.url, GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: `${owner}/${repo}`,
      GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main', GITHUB_REF_TYPE: 'branch', GITHUB_WORKSPACE: workspace, ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stdout += c.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({
    code: code ?? 1, stdout, outputs: readOutputs(files.GITHUB_OUTPUT), summary: fs.readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
  })));
}

const writes = (api: GitHubApi) => api.requests.filter((r) => r.method !== 'GET');
const tagRef = (api: GitHubApi, tag: string) => api.state.refs.filter((r) => r.ref === `refs/tags/${tag}`);
const peel = (api: GitHubApi, sha: string) => api.state.peel(owner, repo, sha);

beforeAll(async () => {
  await bundle(listBundles().find((b) => b.name === 'release')!);
}, 120_000);
afterAll(() => cleanupTempDirs());

describe('release action through the runner contract', () => {
  let api: GitHubApi;
  beforeEach(async () => {
    api = await startGitHubApi();
    api.state.addRepository({ owner, repo });
  });
  afterEach(async () => {
    expect(api.violations).toEqual([]);
    await api.close();
  });

  it('releases: annotated tag on HEAD, release with notes, every output, floating tags', async () => {
    const { dir, head } = makeRepo();
    const run = await runAction(api, dir, { 'floating-tags': 'true' });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({
      released: 'true', version: '1.1.0', 'previous-version': '1.0.0', tag: 'v1.1.0', major: '1', minor: '1', patch: '0', prerelease: '',
      channel: 'latest', bump: 'minor', sha: head, 'release-id': String(api.state.releases[0]!.id),
    });
    expect(Object.keys(run.outputs).sort()).toEqual(['bump', 'channel', 'major', 'minor', 'notes', 'patch', 'prerelease', 'previous-version', 'release-id', 'release-url', 'released', 'sha', 'tag', 'version']);
    expect(run.outputs['release-url']).toMatch(/v1\.1\.0$/);
    const [ref] = tagRef(api, 'v1.1.0');
    expect(api.state.tags.find((t) => t.sha === ref!.sha)?.object.sha).toBe(head);
    expect(api.state.releases).toHaveLength(1);
    expect(api.state.releases[0]).toMatchObject({ tagName: 'v1.1.0', prerelease: false });
    expect(api.state.releases[0]!.body).toContain('* **api:** add search ([#12](https://github.com/acme/app/pull/12))');
    expect(api.state.releases[0]!.body).toContain('closes [#3](https://github.com/acme/app/issues/3)');
    expect(api.state.latestRelease.get(`${owner}/${repo}`)).toBe(api.state.releases[0]!.id);
    expect(tagRef(api, 'v1')[0]?.sha).toBe(head);
    expect(tagRef(api, 'v1.1')[0]?.sha).toBe(head);
    expect(run.summary).toContain('v1.1.0');
  });

  it('dry-run computes everything and calls no write endpoint', async () => {
    const { dir } = makeRepo();
    const run = await runAction(api, dir, { 'dry-run': 'true', 'floating-tags': 'true' });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ released: 'false', version: '1.1.0', tag: 'v1.1.0', bump: 'minor' });
    expect(run.outputs.notes).toContain('### Features');
    expect(writes(api)).toEqual([]);
    expect(api.state.refs).toEqual([]);
  });

  it('a re-run after a failure between tag and release finishes the release, with no duplicate', async () => {
    const { dir, head } = makeRepo();
    api.inject({ method: 'POST', path: '/repos/{owner}/{repo}/releases', fault: 'already-exists', times: 1 });
    const first = await runAction(api, dir);
    expect(first.code).toBe(1);
    expect(tagRef(api, 'v1.1.0')).toHaveLength(1);
    expect(api.state.releases).toHaveLength(0);
    const tagObject = tagRef(api, 'v1.1.0')[0]!.sha;

    const second = await runAction(api, dir);
    expect(second.code).toBe(0);
    expect(second.outputs).toMatchObject({ released: 'true', version: '1.1.0', sha: head });
    expect(second.stdout).toContain('Tag v1.1.0 already exists');
    expect(tagRef(api, 'v1.1.0')[0]!.sha).toBe(tagObject);
    expect(api.state.releases).toHaveLength(1);

    // A third run finds everything done and changes nothing.
    const before = writes(api).length;
    const third = await runAction(api, dir);
    expect(third.code).toBe(0);
    expect(third.stdout).toContain('already exists with these notes');
    expect(writes(api).length).toBe(before);
  });

  it('finishes the release when the checkout already has the tag on HEAD', async () => {
    const { dir, head } = makeRepo();
    sh(dir, 'tag', 'v1.1.0');
    api.state.setRef(owner, repo, 'refs/tags/v1.1.0', head);
    const run = await runAction(api, dir);
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ released: 'true', version: '1.1.0', 'previous-version': '1.0.0' });
    expect(api.state.releases.map((r) => r.tagName)).toEqual(['v1.1.0']);
  });

  it('stops when the tag exists on another commit, naming both commits', async () => {
    const { dir, head, v1 } = makeRepo();
    api.state.setRef(owner, repo, 'refs/tags/v1.1.0', v1);
    const run = await runAction(api, dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`Tag v1.1.0 already exists on commit ${v1}, but this run releases commit ${head}`);
    expect(writes(api)).toEqual([]);
    expect(api.state.releases).toHaveLength(0);
  });

  it('two runs at once end with one tag and one release, and both succeed', async () => {
    const { dir, head } = makeRepo();
    const [a, b] = await Promise.all([runAction(api, dir), runAction(api, dir)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(a.outputs.version).toBe('1.1.0');
    expect(b.outputs.version).toBe('1.1.0');
    expect(tagRef(api, 'v1.1.0')).toHaveLength(1);
    expect(peel(api, tagRef(api, 'v1.1.0')[0]!.sha)).toBe(head);
    expect(api.state.releases).toHaveLength(1);
    expect(a.outputs['release-id']).toBe(b.outputs['release-id']);
  });

  it('waits out a secondary rate limit during release creation', async () => {
    const { dir } = makeRepo();
    api.inject({ method: 'POST', path: '/repos/{owner}/{repo}/releases', fault: 'secondary-rate-limit', times: 1, retryAfter: 1 });
    const run = await runAction(api, dir);
    expect(run.code).toBe(0);
    const posts = api.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/releases'));
    expect(posts.map((r) => r.status)).toEqual([403, 201]);
    expect(api.state.releases).toHaveLength(1);
  });

  it('a prerelease branch makes a prerelease that does not become latest', async () => {
    const { dir } = makeRepo();
    sh(dir, 'checkout', '--quiet', '-b', 'beta');
    const run = await runAction(api, dir, {}, { GITHUB_REF: 'refs/heads/beta', GITHUB_REF_NAME: 'beta' });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ version: '1.1.0-beta.1', prerelease: 'beta.1', channel: 'beta' });
    expect(api.state.releases[0]).toMatchObject({ tagName: 'v1.1.0-beta.1', prerelease: true });
    expect(api.state.latestRelease.get(`${owner}/${repo}`)).toBeUndefined();
  });

  it('a shallow clone: fetches the history and tags, or fails with the fetch-depth fix', async () => {
    const { dir } = makeRepo();
    const shallow = tempDir('conveyor-release-shallow-');
    execFileSync('git', ['clone', '--quiet', '--depth=1', '--no-tags', `file://${dir}`, shallow]);
    const refused = await runAction(api, shallow, { 'fetch-history': 'false', 'dry-run': 'true' });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('shallow clone');
    expect(refused.stdout).toContain('fetch-depth: 0');
    const fetched = await runAction(api, shallow, { 'dry-run': 'true' });
    expect(fetched.code).toBe(0);
    expect(fetched.outputs).toMatchObject({ version: '1.1.0', 'previous-version': '1.0.0' });
  });

  it('a maintenance branch refuses a version outside its range, before any call', async () => {
    const { dir } = makeRepo();
    sh(dir, 'tag', 'v1.0.1');
    sh(dir, 'checkout', '--quiet', '-b', '1.0.x');
    sh(dir, 'commit', '--quiet', '--allow-empty', '-m', 'feat: a feature on a patch-only branch');
    const run = await runAction(api, dir, {}, { GITHUB_REF: 'refs/heads/1.0.x', GITHUB_REF_NAME: '1.0.x' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('maintenance branch 1.0.x');
    expect(run.stdout).toContain('>=1.0.0 <1.1.0');
    expect(api.requests).toEqual([]);
  });

  it('bad input fails before any call, naming the input', async () => {
    const { dir } = makeRepo();
    const run = await runAction(api, dir, { 'tag-format': 'v1', 'release-rules': 'docs: often' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("Input 'tag-format'");
    expect(api.requests).toEqual([]);
  });
});
