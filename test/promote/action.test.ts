/**
 * The promote action's BUILT bundle through the runner contract, with real bare git repositories as
 * GitOps remotes, the real registry, and the GitHub API stand-in.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startGitHubApi, type GitHubApi } from '@conveyor/github-api';
import { bundle, type Bundle } from '../../scripts/build.ts';
import { cleanupTempDirs, tempDir } from '../support/tmp.ts';
import { hasBinary, startRegistry, type Registry } from '../support/registry.ts';
import { deployment, environmentsFile, kustomization, values, verdict, type Images } from './fixtures.ts';
import { startGitHttp } from './git-http.ts';
import { gitEnv, gitopsRemote, pushImage, run, runBundle, type ActionRun } from './support.ts';

const ready = hasBinary('docker-registry') && hasBinary('git');
if (!ready) console.log('docker-registry or git is not installed; skipping the promote action tests');

const root = path.resolve(import.meta.dirname, '../..');
const SHA = 'c0ffee0000000000000000000000000000000002';

(ready ? describe : describe.skip)('the promote action (bundle, runner contract)', () => {
  let registry: Registry;
  let api: GitHubApi;
  let tmp: string;
  let workspace: string;
  let env: NodeJS.ProcessEnv;
  let remote: string;
  let i: Images;
  let script: string;

  const git = (...args: string[]) => run(tmp, env, 'git', '--git-dir', remote, ...args);
  const action = (inputs: Record<string, string>, over: NodeJS.ProcessEnv = {}): Promise<ActionRun> => runBundle(script, path.join(tmp, 'runner'), {
    image: i.web, 'github-token': 'app-token', 'gitops-token': 'gitops-token', ...inputs,
  }, {
    ...env, GITHUB_WORKSPACE: workspace, GITHUB_REPOSITORY: 'acme/shop', GITHUB_SHA: SHA, GITHUB_API_URL: api.url,
    GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '42', RUNNER_TEMP: tempDir('conveyor-runner-temp-'), ...over,
  });
  const error = (r: ActionRun) => r.stdout.split('\n').filter((l) => l.startsWith('::error::')).join('\n');

  beforeAll(async () => {
    const b: Bundle = { name: 'promote', entry: 'packages/promote/src/actions/promote.ts', outfile: 'actions/promote/dist/index.js' };
    await bundle(b);
    script = path.join(root, b.outfile);
    tmp = tempDir('conveyor-promote-action-');
    env = gitEnv(path.join(tmp, 'home'));
    registry = await startRegistry();
    api = await startGitHubApi();
    api.state.addRepository({ owner: 'acme', repo: 'shop' });
    api.state.addRepository({ owner: 'acme', repo: 'gitops' });
    i = {
      host: registry.host, web: `${registry.host}/acme/web`, api: `${registry.host}/acme/api`,
      web1: await pushImage(registry.url, 'acme/web', '1.0.0', 'web 1.0.0'),
      web2: await pushImage(registry.url, 'acme/web', '1.1.0', 'web 1.1.0'),
      api1: await pushImage(registry.url, 'acme/api', '2.0.0', 'api 2.0.0'),
    };
    remote = gitopsRemote(tmp, env, { 'dev/kustomization.yaml': kustomization(i), 'stage/values.yaml': values(i), 'prod/deployment.yaml': deployment(i) });
    workspace = path.join(tmp, 'workspace');
    fs.mkdirSync(path.join(workspace, '.github/conveyor'), { recursive: true });
    fs.writeFileSync(path.join(workspace, '.github/conveyor/environments.yml'), environmentsFile(i, remote, 'commit'));
  });

  afterAll(async () => {
    await api?.close();
    await registry?.stop();
    cleanupTempDirs();
  });

  it('fails on a typo in the environments file with the path of the bad field, before any side effect', async () => {
    const bad = path.join(workspace, 'typo.yml');
    fs.writeFileSync(bad, environmentsFile(i, remote).replace('{kind: helm, file: stage/values.yaml', '{kind: helm, fiel: stage/values.yaml'));
    const r = await action({ environment: 'dev', digest: i.web2, 'environments-file': 'typo.yml' });
    expect(r.status).toBe(1);
    expect(error(r)).toContain("/environments/1/targets/0: must NOT have additional property 'fiel'");
    expect(api.state.deployments).toEqual([]);
  });

  it('refuses prod before stage runs the digest', async () => {
    const head = git('rev-parse', 'main');
    const r = await action({ environment: 'prod', digest: i.web2, version: '1.1.0' });
    expect(r.status).toBe(1);
    expect(error(r)).toContain(`::error::Refusing to promote ${i.web2} to 'prod': the environment before it, 'stage', runs ${i.web1}, not the digest asked for (${i.web2}).`);
    expect(git('rev-parse', 'main')).toBe(head);
  });

  it('refuses a digest absent from the registry', async () => {
    const absent = `sha256:${'1'.repeat(64)}`;
    const r = await action({ environment: 'dev', digest: absent });
    expect(r.status).toBe(1);
    expect(error(r)).toContain(`Refusing to promote ${i.web}@${absent} to 'dev': the registry does not have this digest.`);
  });

  it('promotes a tag resolved through the registry to dev: outputs, summary, and a diff of only the changed values', async () => {
    const r = await action({ environment: 'dev', digest: '1.1.0', version: '1.1.0' });
    expect(error(r)).toBe('');
    expect(r.status).toBe(0);
    expect(r.outputs).toMatchObject({
      changed: 'true', 'commit-sha': git('rev-parse', 'main'), 'pr-url': '', 'previous-digest': i.web1, digest: i.web2,
      files: '["dev/kustomization.yaml"]', 'deployment-id': String(api.state.deployments.at(-1)!.id),
    });
    const diff = git('diff', '-U0', 'main~1', 'main').split('\n').filter((l) => /^[-+] /.test(l));
    expect(diff).toEqual([
      '-    newTag: "1.0.0"', `-    digest: ${i.web1}`,
      '+    newTag: "1.1.0"', `+    digest: ${i.web2}`,
    ]);
    expect(r.summary).toContain('### Promotion\n');
    expect(r.summary).toContain(`| Digest | \`${i.web1} → ${i.web2}\` |`);
    expect(r.summary).toContain('<summary>Files (1)</summary>');
  });

  it('refuses stage with a missing or failing verdict, then passes with a passing one', async () => {
    const missing = await action({ environment: 'stage', digest: i.web2, version: '1.1.0' });
    expect(error(missing)).toContain("it requires a passing scan verdict, and no verdict-file was given");
    const failing = path.join(workspace, 'failing.json');
    fs.writeFileSync(failing, JSON.stringify(verdict(i.web2, 'fail', i.web)));
    const failed = await action({ environment: 'stage', digest: i.web2, version: '1.1.0', 'verdict-file': 'failing.json' });
    expect(failed.status).toBe(1);
    expect(error(failed)).toContain(`its scan verdict (${failing}) is 'fail' (1 critical, 2 high)`);
    fs.writeFileSync(path.join(workspace, 'passing.json'), JSON.stringify(verdict(i.web2, 'pass', i.web)));
    const passed = await action({ environment: 'stage', digest: i.web2, version: '1.1.0', 'verdict-file': 'passing.json' });
    expect(error(passed)).toBe('');
    expect(passed.outputs.changed).toBe('true');
    expect(git('log', '-1', '--format=%B', 'main')).toContain('Conveyor-From: dev');
  });

  it('says a promotion to an environment already running the digest is a no-op', async () => {
    const r = await action({ environment: 'stage', digest: i.web2, version: '1.1.0', 'verdict-file': 'passing.json' });
    expect(r.status).toBe(0);
    expect(r.outputs.changed).toBe('false');
    expect(r.stdout).toContain(`'stage' already runs ${i.web2}; nothing to change.`);
    expect(r.summary).toContain('### Promotion: nothing to change');
  });

  it.each([
    ['in two files', 'apps/web/kustomization.yaml', 'apps/api/kustomization.yaml'],
    ['in the same file', 'apps/kustomization.yaml', 'apps/kustomization.yaml'],
  ])('lands two promotions of different apps (%s) pushed into the same GitOps repository at the same moment', async (_layout, webFile, apiFile) => {
    const fleetDir = tempDir('conveyor-fleet-');
    const web = (digest: string) => `  - name: ${i.web}\n    digest: ${digest}\n`;
    const apiApp = (digest: string) => `  - name: ${i.api}\n    digest: ${digest}\n`;
    const files = (webDigest: string, apiDigest: string): Record<string, string> => (webFile === apiFile
      ? { [webFile]: `images:\n${web(webDigest)}${apiApp(apiDigest)}` }
      : { [webFile]: `images:\n${web(webDigest)}`, [apiFile]: `images:\n${apiApp(apiDigest)}` });
    const fleet = gitopsRemote(fleetDir, env, files(i.web1, i.api1));
    // A pre-receive hook holds each push until both have arrived (bounded at 10 s), so both promotions
    // push on top of the same commit: one wins, and the other must make its edit again on the new tip.
    const hook = path.join(fleet, 'hooks', 'pre-receive');
    fs.writeFileSync(hook, '#!/bin/sh\nd="$GIT_DIR/barrier"; mkdir -p "$d"; : > "$d/$$"\ni=0\nwhile [ "$(ls "$d" | wc -l)" -lt 2 ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done\ncat > /dev/null\n');
    fs.chmodSync(hook, 0o755);
    const file = path.join(workspace, 'fleet.yml');
    fs.writeFileSync(file, `environments:\n  - name: dev\n    url: ${fleet}\n    targets:\n      - {kind: kustomize, file: ${webFile}, image: ${i.web}}\n      - {kind: kustomize, file: ${apiFile}, image: ${i.api}}\n`);
    const api2 = await pushImage(registry.url, 'acme/api', '2.1.0', 'api 2.1.0');
    const [a, b] = await Promise.all([
      action({ environment: 'dev', digest: i.web2, version: '1.1.0', 'environments-file': 'fleet.yml' }),
      action({ environment: 'dev', image: i.api, digest: api2, version: '2.1.0', 'environments-file': 'fleet.yml' }),
    ]);
    expect([error(a), error(b)]).toEqual(['', '']);
    const log = run(fleetDir, env, 'git', '--git-dir', fleet, 'log', '--format=%s', 'main').split('\n');
    expect(log.slice(0, 2).sort()).toEqual([
      `promote ${i.api} 2.1.0 (${api2.slice(7, 19)}) to dev`,
      `promote ${i.web} 1.1.0 (${i.web2.slice(7, 19)}) to dev`,
    ]);
    expect(`${a.stdout}${b.stdout}`).toMatch(/The remote branch 'main' moved; making the edits again on its new tip [0-9a-f]{12} and pushing again \(attempt 2\)\./);
    expect(`${a.stdout}${b.stdout}`).toContain('(pushed after 1 retry on a branch that moved).');
    for (const [name, text] of Object.entries(files(i.web2, api2))) {
      expect(run(fleetDir, env, 'git', '--git-dir', fleet, 'show', `main:${name}`) + '\n').toBe(text);
    }
  });

  it('reads and writes an HTTP GitOps remote with gitops-token, never logging it and not leaving it in the clone', async () => {
    const token = 'gitops-secret-token-4711';
    const root = tempDir('conveyor-git-http-');
    gitopsRemote(root, env, { 'apps/web/kustomization.yaml': `images:\n  - name: ${i.web}\n    digest: ${i.web1}\n` });
    run(root, env, 'git', '--git-dir', path.join(root, 'gitops.git'), 'config', 'http.receivepack', 'true');
    const server = await startGitHttp(root, token, env);
    try {
      fs.writeFileSync(path.join(workspace, 'http.yml'), `environments:\n  - name: dev\n    url: ${server.url}/gitops.git\n    token-input: gitops-token\n    targets:\n      - {kind: kustomize, file: apps/web/kustomization.yaml, image: ${i.web}}\n`);
      const runnerTemp = tempDir('conveyor-runner-temp-');
      const r = await action({ environment: 'dev', digest: i.web2, 'environments-file': 'http.yml', 'gitops-token': token, 'github-token': '' }, { RUNNER_TEMP: runnerTemp });
      expect(error(r)).toBe('');
      expect(r.outputs.changed).toBe('true');
      expect(run(root, env, 'git', '--git-dir', path.join(root, 'gitops.git'), 'show', 'main:apps/web/kustomization.yaml')).toContain(`digest: ${i.web2}`);
      expect(server.seen.filter((a) => a !== '').length).toBeGreaterThan(0);
      // The runner masks what `::add-mask::` announces; no other line may carry the token or its header.
      const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
      const leaks = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => !l.startsWith('::add-mask::') && (l.includes(token) || l.includes(basic)));
      expect(leaks).toEqual([]);
      expect(r.stdout).toContain(`::add-mask::${basic}`);
      // The clone (bare: nothing checked out) stays in RUNNER_TEMP for the runner to delete, without the
      // token in its config.
      const clones = fs.globSync('*/*/HEAD', { cwd: runnerTemp }).map((f) => path.join(runnerTemp, path.dirname(f)));
      expect(clones.length).toBe(1);
      expect(fs.readFileSync(path.join(clones[0]!, 'config'), 'utf8')).not.toContain(basic);
      expect(fs.existsSync(path.join(clones[0]!, 'apps'))).toBe(false);
      // Without the token the remote refuses, and the failure says which input to check.
      const refused = await action({ environment: 'dev', digest: i.web1, 'environments-file': 'http.yml', 'gitops-token': 'wrong-token', 'github-token': '' });
      expect(refused.status).toBe(1);
      expect(error(refused)).toContain('gitops-token can read it');
    } finally {
      await server.close();
    }
  });

  it('does nothing in a dry run but says what it would change', async () => {
    const head = git('rev-parse', 'main');
    const deployments = api.state.deployments.length;
    const noop = await action({ environment: 'dev', image: i.api, digest: i.api1, 'dry-run': 'true' });
    expect(noop.status).toBe(0);
    expect(noop.summary).not.toContain('The diff a run would commit');
    const api3 = await pushImage(registry.url, 'acme/api', '2.2.0', 'api 2.2.0');
    const r = await action({ environment: 'dev', image: i.api, digest: api3, 'dry-run': 'true' });
    expect(r.status).toBe(0);
    expect(r.outputs.changed).toBe('false');
    expect(git('rev-parse', 'main')).toBe(head);
    expect(api.state.deployments).toHaveLength(deployments);
    // The log and the summary show the diff it would commit: the api entry's digest line, old then new.
    expect(r.summary).toContain('<summary>The diff a run would commit</summary>');
    expect(r.summary).toMatch(new RegExp(`^\\+.*${api3.slice('sha256:'.length)}`, 'm'));
    expect(r.summary).toMatch(new RegExp(`^-.*${i.api1.slice('sha256:'.length)}`, 'm'));
    expect(r.summary).toContain('--- a/dev/kustomization.yaml\n+++ b/dev/kustomization.yaml\n@@ ');
  });

  it('keeps the API stand-in free of schema violations', () => {
    expect(api.violations).toEqual([]);
  });
});
