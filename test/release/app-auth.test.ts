/**
 * The release action with a GitHub App credential, run as the runner runs it (the committed bundle, INPUT_*
 * variables) against the GitHub API stand-in, which verifies the App's JWT with the public half of a key
 * made here and records which credential made each request.
 */
import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { startGitHubApi, type GitHubApi, type RequestLogEntry } from '@conveyor/github-api';
import { bundle, listBundles } from '../../scripts/build.ts';
import { repoRoot } from '../support/corpus.ts';
import { runBundle, type ActionRun } from '../support/runner.ts';
import { tempDir, cleanupTempDirs } from '../support/tmp.ts';

const owner = 'acme';
const repo = 'app';
const bundlePath = path.join(repoRoot, 'actions', 'release', 'dist', 'index.js');
const WORKFLOW_TOKEN = 'the-jobs-own-github-token';

const appKeys = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const privatePem = appKeys.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const publicPem = appKeys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const strangerPem = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

function sh(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.invalid' } }).trim();
}

/** A repository with v1.0.0 released and a feature since. */
function makeRepo(): { dir: string; head: string; v1: string } {
  const dir = tempDir('conveyor-release-app-');
  sh(dir, 'init', '--quiet', '--initial-branch=main');
  sh(dir, 'commit', '--quiet', '--allow-empty', '-m', 'feat: first');
  sh(dir, 'tag', 'v1.0.0');
  const v1 = sh(dir, 'rev-parse', 'HEAD');
  sh(dir, 'commit', '--quiet', '--allow-empty', '-m', 'feat(api): add search');
  return { dir, head: sh(dir, 'rev-parse', 'HEAD'), v1 };
}

let api: GitHubApi;
let appId: number;

function run(dir: string, inputs: Record<string, string>): Promise<ActionRun> {
  return runBundle(bundlePath, tempDir('conveyor-release-app-run-'), { 'workflow-token': WORKFLOW_TOKEN, ...inputs }, {
    PATH: process.env.PATH, HOME: process.env.HOME,
    GITHUB_API_URL: api.url, GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: `${owner}/${repo}`,
    GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main', GITHUB_REF_TYPE: 'branch', GITHUB_WORKSPACE: dir,
  });
}

const appInputs = (extra: Record<string, string> = {}) => ({ 'app-id': String(appId), 'app-private-key': privatePem, ...extra });
const summary = (r: RequestLogEntry) => [r.method, r.path.replace(/\?.*$/, ''), r.status, r.auth?.kind];
const occurrences = (text: string, part: string) => text.split(part).length - 1;

beforeAll(async () => {
  await bundle(listBundles().find((b) => b.name === 'release')!);
}, 120_000);
afterAll(() => cleanupTempDirs());

beforeEach(async () => {
  api = await startGitHubApi();
  api.state.addRepository({ owner, repo });
  appId = api.state.addApp({ publicKey: publicPem, id: 31337, slug: 'acme-release' }).id;
});
afterEach(async () => {
  expect(api.violations).toEqual([]);
  await api.close();
});

describe('release with a GitHub App credential', () => {
  it('mints a token scoped to the repository, masks it, releases with it alone and revokes it', async () => {
    const installation = api.state.installApp({ appId, account: owner });
    const { dir, head } = makeRepo();
    const result = await run(dir, appInputs({ 'floating-tags': 'true' }));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.outputs).toMatchObject({ released: 'true', version: '1.1.0', tag: 'v1.1.0', sha: head });

    expect(api.state.installationTokens).toHaveLength(1);
    const [issued] = api.state.installationTokens;
    expect(issued).toMatchObject({ installationId: installation.id, repositories: [repo], permissions: { contents: 'write', metadata: 'read' }, revoked: true });
    // Masked as soon as it was minted: the add-mask command is the only place the token appears.
    expect(result.stdout).toContain(`::add-mask::${issued!.token}\n`);
    expect(occurrences(result.stdout, issued!.token)).toBe(1);
    expect(result.stdout.indexOf(`::add-mask::${issued!.token}`)).toBeLessThan(result.stdout.indexOf('Releasing with an installation token of the GitHub App 31337'));

    // The JWT for the App routes, the installation token for everything else, the workflow token never.
    const requests = api.requests;
    expect(requests.slice(0, 2).map(summary)).toEqual([
      ['GET', '/repos/acme/app/installation', 200, 'app'],
      ['POST', `/app/installations/${installation.id}/access_tokens`, 201, 'app'],
    ]);
    expect(requests[1]!.body).toEqual({ repositories: [repo], permissions: { contents: 'write' } });
    const releaseCalls = requests.slice(2, -1);
    expect(releaseCalls.map((r) => r.operationId)).toEqual(expect.arrayContaining(['git/create-tag', 'git/create-ref', 'repos/create-release']));
    expect(releaseCalls.every((r) => r.auth?.kind === 'installation' && r.auth.token === issued!.token)).toBe(true);
    expect(summary(requests.at(-1)!)).toEqual(['DELETE', '/installation/token', 204, 'installation']);
    expect(requests.some((r) => r.auth?.token === WORKFLOW_TOKEN)).toBe(false);

    expect(api.state.releases.map((r) => r.tagName)).toEqual(['v1.1.0']);
    expect(api.state.findRef(owner, repo, 'refs/tags/v1')?.sha).toBe(head);
    expect(result.stdout).toContain('Revoked the installation token of the GitHub App 31337');
  });

  it('with app-installation-id it skips the lookup; a JSON private key with escaped line breaks works too', async () => {
    const installation = api.state.installApp({ appId, account: owner });
    const { dir } = makeRepo();
    const escaped = privatePem.trim().replace(/\n/g, '\\n');
    const result = await run(dir, appInputs({ 'app-private-key': escaped, 'app-installation-id': String(installation.id) }));
    expect(result.status).toBe(0);
    expect(api.requests[0]!.operationId).toBe('apps/create-installation-access-token');
    expect(api.requests.some((r) => r.operationId === 'apps/get-repo-installation')).toBe(false);
    expect(api.state.releases).toHaveLength(1);
  });

  it('a failed release still revokes the token', async () => {
    api.state.installApp({ appId, account: owner });
    const { dir, v1 } = makeRepo();
    api.state.setRef(owner, repo, 'refs/tags/v1.1.0', v1);
    const result = await run(dir, appInputs());
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('Tag v1.1.0 already exists on commit');
    expect(api.state.installationTokens.map((t) => t.revoked)).toEqual([true]);
    expect(api.requests.at(-1)!.operationId).toBe('apps/revoke-installation-access-token');
    expect(api.state.releases).toEqual([]);
  });

  it('a key of another App: GitHub refuses the JWT, and the error names app-id and app-private-key', async () => {
    api.state.installApp({ appId, account: owner });
    const { dir } = makeRepo();
    const result = await run(dir, appInputs({ 'app-private-key': strangerPem }));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('GitHub refused the JWT of the App with app-id 31337 (A JSON web token could not be decoded');
    expect(result.stdout).toContain('app-id and app-private-key must belong to the same App');
    expect(api.requests.map(summary)).toEqual([['GET', '/repos/acme/app/installation', 401, undefined]]);
    expect(api.state.installationTokens).toEqual([]);
    expect(api.state.refs).toEqual([]);
  });

  it('an App not installed on the repository: says so and writes nothing', async () => {
    api.state.installApp({ appId, account: owner, repositories: ['another-repo'] });
    const { dir } = makeRepo();
    const result = await run(dir, appInputs());
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('The GitHub App with app-id 31337 is not installed on acme/app');
    expect(api.state.installationTokens).toEqual([]);
    expect(api.state.refs).toEqual([]);
  });

  it('dry-run mints no token and calls nothing, but still checks the App inputs', async () => {
    api.state.installApp({ appId, account: owner });
    const { dir } = makeRepo();
    const dry = await run(dir, appInputs({ 'dry-run': 'true' }));
    expect(dry.status).toBe(0);
    expect(dry.outputs).toMatchObject({ released: 'false', version: '1.1.0' });
    const refused = await run(dir, { 'app-id': String(appId), 'dry-run': 'true' });
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain("Input 'app-private-key' is empty but 'app-id' is set");
    expect(api.requests).toEqual([]);
  });

  const notAKey = 'sk_live_this-is-a-secret-but-not-a-pem-key';
  const badInputs: [string, Record<string, string>, string][] = [
    ['app-id without its key', { 'app-id': '31337' }, "Input 'app-private-key' is empty but 'app-id' is set"],
    ['a key without app-id', { 'app-private-key': privatePem }, "Input 'app-id' is empty but 'app-private-key' is set"],
    ['a key that is not PEM', { 'app-id': '31337', 'app-private-key': notAKey }, "Input 'app-private-key' is not a PEM private key"],
    ['a public key', { 'app-id': '31337', 'app-private-key': publicPem }, "Input 'app-private-key' holds a public key"],
    ['a cut-short key', { 'app-id': '31337', 'app-private-key': privatePem.split('\n').filter((_, i) => i % 3 !== 1).join('\n') }, "Input 'app-private-key' looks like a PEM private key but cannot be read"],
    ['an EC key', { 'app-id': '31337', 'app-private-key': crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() }, "Input 'app-private-key' is an ec key, but GitHub App keys are RSA"],
    ['an app-id that is not one', { 'app-id': 'my-app', 'app-private-key': privatePem }, "Input 'app-id' is \"my-app\"; accepted: the App's numeric App ID"],
    ['github-token as well', { 'app-id': '31337', 'app-private-key': privatePem, 'github-token': 'ghp_a-personal-token' }, "Input 'github-token' is given together with 'app-id' and 'app-private-key'"],
    ['app-installation-id alone', { 'app-installation-id': '7' }, "Input 'app-installation-id' is set, but 'app-id' and 'app-private-key' are empty"],
    ['an app-installation-id that is no number', { ...{ 'app-id': '31337', 'app-private-key': privatePem }, 'app-installation-id': 'first' }, "Input 'app-installation-id' is \"first\""],
  ];
  it.each(badInputs)('refuses %s before any request, naming the input', async (_what, inputs, message) => {
    api.state.installApp({ appId, account: owner });
    const { dir } = makeRepo();
    const result = await run(dir, inputs);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`::error::${message}`);
    expect(api.requests).toEqual([]);
    // A secret given as the key reaches the log only in the runner's add-mask commands.
    const key = inputs['app-private-key'];
    const outsideMasks = result.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n');
    if (key) expect(outsideMasks).not.toContain(key.split('\n')[1] ?? key);
  });
});

describe('reusable-release wires the App credential to the release step', () => {
  interface Workflow {
    on: { workflow_call: { inputs: Record<string, { type: string; default?: unknown }>; secrets: Record<string, { required?: boolean }> } };
    jobs: { release: { steps: { id?: string; uses?: string; with?: Record<string, string> }[] } };
  }
  const workflow = parse(fs.readFileSync(path.join(repoRoot, '.github', 'workflows', 'reusable-release.yml'), 'utf8')) as Workflow;
  const action = parse(fs.readFileSync(path.join(repoRoot, 'actions', 'release', 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> };

  it('takes app-id as an input and app-private-key as an optional secret, and passes them with release-token alone as github-token', () => {
    expect(workflow.on.workflow_call.inputs['app-id']).toMatchObject({ type: 'string', default: '' });
    expect(workflow.on.workflow_call.secrets['app-private-key']).toEqual(expect.objectContaining({ required: false }));
    expect(workflow.on.workflow_call.secrets['release-token']).toEqual(expect.objectContaining({ required: false }));
    const step = workflow.jobs.release.steps.find((s) => s.id === 'release')!;
    expect(step.with).toMatchObject({
      'github-token': '${{ secrets.release-token }}',
      'app-id': '${{ inputs.app-id }}',
      'app-private-key': '${{ secrets.app-private-key }}',
    });
    // Every input the step passes is one the action declares; workflow-token is left to its default.
    expect(Object.keys(step.with!).filter((name) => !(name in action.inputs))).toEqual([]);
    expect(step.with!['workflow-token']).toBeUndefined();
    // So that "github-token given as well" can be seen: github-token defaults to empty, the job's token is workflow-token's default.
    expect(action.inputs['github-token']).toMatchObject({ default: '' });
    expect(action.inputs['workflow-token']).toMatchObject({ default: '${{ github.token }}' });
  });
});
