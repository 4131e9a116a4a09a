/**
 * Promotions end to end in-process: a real bare git repository as the GitOps remote, the real registry,
 * and the GitHub API stand-in for deployments and pull requests.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GitHubClient } from '@conveyor/kit';
import { createOctokit } from '@conveyor/kit/octokit';
import { startGitHubApi, type GitHubApi } from '@conveyor/github-api';
import { parseVerdict } from '@conveyor/scan/verdict';
import { PromotionRefused, RegistryClient, promote, promotionBranch, type PromoteContext, type PromoteRequest, type PromoteResult } from '../../packages/promote/src/index.ts';
import { promoteCommand } from '../../packages/promote/src/cli.ts';
import { main } from '../../packages/cli/src/program.ts';
import { cleanupTempDirs, tempDir } from '../support/tmp.ts';
import { hasBinary, startRegistry, type Registry } from '../support/registry.ts';
import { deployment, environmentsFile, kustomization, values, verdict, type Images } from './fixtures.ts';
import { gitEnv, gitopsRemote, loseRaces, pushImage, run } from './support.ts';

const ready = hasBinary('docker-registry') && hasBinary('git');
if (!ready) console.log('docker-registry or git is not installed; skipping the promotion end-to-end tests');

const SHA = 'c0ffee0000000000000000000000000000000001';

(ready ? describe : describe.skip)('promote (in-process, real git + registry + API stand-in)', () => {
  let registry: Registry;
  let api: GitHubApi;
  let tmp: string;
  let env: NodeJS.ProcessEnv;
  let remote: string;
  let i: Images;
  let web3: string;
  const saved = { ...process.env };

  const gitLog = () => run(tmp, env, 'git', '--git-dir', remote, 'log', '--format=%s', 'main').split('\n');
  const show = (rev: string, file: string) => run(tmp, env, 'git', '--git-dir', remote, 'show', `${rev}:${file}`);

  function context(hook?: (client: GitHubClient) => void): PromoteContext {
    const clients = new Map<string, GitHubClient>();
    return {
      workDir: tempDir('conveyor-promote-work-'),
      serverUrl: 'https://github.com',
      repository: 'acme/shop', owner: 'acme', repo: 'shop', sha: SHA,
      tokens: { 'github-token': 'app-token', 'gitops-token': 'gitops-token' },
      registry: new RegistryClient(),
      github: (token) => {
        if (!clients.has(token)) {
          const client = createOctokit({ token, baseUrl: api.url, retries: 2, retryAfterBaseMs: 1 });
          hook?.(client);
          clients.set(token, client);
        }
        return clients.get(token);
      },
    };
  }

  function request(over: Partial<PromoteRequest>): PromoteRequest {
    return {
      environmentsFile: '.github/conveyor/environments.yml',
      environmentsText: environmentsFile(i, remote),
      environment: 'dev', image: i.web, reference: i.web2, version: '1.1.0', dryRun: false, rollback: false,
      ...over,
    };
  }

  beforeAll(async () => {
    tmp = tempDir('conveyor-promote-');
    env = gitEnv(path.join(tmp, 'home'));
    Object.assign(process.env, { HOME: env.HOME, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: env.GIT_CONFIG_GLOBAL,
      GIT_AUTHOR_NAME: 'Promoter', GIT_AUTHOR_EMAIL: 'promoter@example.invalid', GIT_COMMITTER_NAME: 'Promoter', GIT_COMMITTER_EMAIL: 'promoter@example.invalid' });
    registry = await startRegistry();
    api = await startGitHubApi();
    api.state.addRepository({ owner: 'acme', repo: 'shop' });
    api.state.addRepository({ owner: 'acme', repo: 'gitops' });
    const web = `${registry.host}/acme/web`;
    const apiImage = `${registry.host}/acme/api`;
    i = {
      host: registry.host, web, api: apiImage,
      web1: await pushImage(registry.url, 'acme/web', '1.0.0', 'web 1.0.0'),
      web2: await pushImage(registry.url, 'acme/web', '1.1.0', 'web 1.1.0'),
      api1: await pushImage(registry.url, 'acme/api', '2.0.0', 'api 2.0.0'),
    };
    remote = gitopsRemote(tmp, env, {
      'dev/kustomization.yaml': kustomization(i),
      'stage/values.yaml': values(i),
      'prod/deployment.yaml': deployment(i),
    });
  });

  afterAll(async () => {
    await api?.close();
    await registry?.stop();
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    cleanupTempDirs();
  });

  it('refuses prod before stage runs the digest, naming both digests, and writes nothing', async () => {
    const before = gitLog();
    const refusal = promote(request({ environment: 'prod' }), context());
    await expect(refusal).rejects.toThrow(PromotionRefused);
    await expect(refusal).rejects.toThrow(`Refusing to promote ${i.web2} to 'prod': the environment before it, 'stage', runs ${i.web1}, not the digest asked for (${i.web2}). Promote ${i.web2} to 'stage' first.`);
    expect(gitLog()).toEqual(before);
    expect(api.state.deployments).toEqual([]);
  });

  it('refuses a digest the registry does not have', async () => {
    const absent = `sha256:${'0'.repeat(64)}`;
    await expect(promote(request({ reference: absent }), context())).rejects.toThrow(
      `Refusing to promote ${i.web}@${absent} to 'dev': the registry does not have this digest.`);
  });

  it('promotes to dev as one commit that changes only the digest and tag, and records the deployment', async () => {
    const result = await promote(request({}), context());
    expect(result).toMatchObject({ changed: true, previousDigest: i.web1, digest: i.web2, files: ['dev/kustomization.yaml'] });
    expect(gitLog()[0]).toBe(`promote ${i.web} 1.1.0 (${i.web2.slice(7, 19)}) to dev`);
    const body = run(tmp, env, 'git', '--git-dir', remote, 'log', '-1', '--format=%B', 'main');
    expect(body).toContain(`Conveyor-Digest: ${i.web2}\nConveyor-From: acme/shop@${SHA.slice(0, 12)}`);
    expect(run(tmp, env, 'git', '--git-dir', remote, 'show', '--numstat', '--format=', 'main')).toBe('2\t2\tdev/kustomization.yaml');
    expect(show('main', 'dev/kustomization.yaml') + '\n').toBe(kustomization(i).replace('newTag: "1.0.0"', 'newTag: "1.1.0"').replace(`digest: ${i.web1}`, `digest: ${i.web2}`));
    const [dep] = api.state.deployments;
    expect(dep).toMatchObject({ id: result.deploymentId, environment: 'dev', sha: SHA, payload: { image: i.web, digest: i.web2, version: '1.1.0', source: `acme/shop@${SHA.slice(0, 12)}` } });
    expect(api.state.deploymentStatuses.filter((s) => s.deploymentId === dep!.id).map((s) => s.state)).toEqual(['in_progress', 'success']);
    const createBody = api.requests.find((r) => r.method === 'POST' && r.path.endsWith('/deployments'))!.body as Record<string, unknown>;
    expect(createBody).toMatchObject({ auto_merge: false, required_contexts: [] });
  });

  it('says so and changes nothing when the environment already runs the digest', async () => {
    const before = gitLog();
    const result = await promote(request({}), context());
    expect(result.changed).toBe(false);
    expect(result.message).toBe(`'dev' already runs ${i.web2}; nothing to change.`);
    expect(gitLog()).toEqual(before);
  });

  it('refuses stage without a verdict, with a failing verdict, and with a verdict for another digest', async () => {
    await expect(promote(request({ environment: 'stage' }), context())).rejects.toThrow(`Refusing to promote ${i.web2} to 'stage': it requires a passing scan verdict, and no verdict-file was given.`);
    const failing = parseVerdict(JSON.stringify(verdict(i.web2, 'fail', i.web)));
    await expect(promote(request({ environment: 'stage', verdict: failing, verdictFile: 'verdict.json' }), context())).rejects.toThrow(
      `Refusing to promote ${i.web2} to 'stage': its scan verdict (verdict.json) is 'fail' (1 critical, 2 high); it requires a pass.`);
    const other = parseVerdict(JSON.stringify(verdict(i.web1, 'pass', i.web)));
    await expect(promote(request({ environment: 'stage', verdict: other, verdictFile: 'verdict.json' }), context())).rejects.toThrow(
      `verdict.json is for ${i.web1}, not the digest asked for (${i.web2})`);
  });

  it('promotes to stage after dev runs the digest, editing the Helm values in place (anchor kept)', async () => {
    const passing = parseVerdict(JSON.stringify(verdict(i.web2, 'pass', i.web)));
    const result = await promote(request({ environment: 'stage', verdict: passing }), context());
    expect(result.changed).toBe(true);
    expect(show('main', 'stage/values.yaml') + '\n').toBe(values(i).replace(`tag: '1.0.0'`, `tag: '1.1.0'`).replace(i.web1.slice(7), i.web2.slice(7)));
    expect(api.state.deployments.at(-1)).toMatchObject({ environment: 'staging', payload: { source: 'dev' } });
    expect(api.state.deploymentStatuses.at(-1)).toMatchObject({ state: 'success', environmentUrl: 'https://stage.example.invalid' });
  });

  it('opens one pull request for prod, updates it on the next promotion, and opens none when nothing changes', async () => {
    const first = await promote(request({ environment: 'prod' }), context());
    expect(first.prUrl).toMatch(/\/acme\/gitops\/pull\/\d+$/);
    const branch = promotionBranch('prod', i.web);
    expect(branch).toMatch(new RegExp(`^conveyor/promote/prod/${i.web.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/\./g, '\\.')}-[0-9a-f]{10}$`));
    expect(show(branch, 'prod/deployment.yaml') + '\n').toBe(deployment(i).replace(`web:1.0.0@${i.web1}`, `web:1.1.0@${i.web2}`));
    expect(show('main', 'prod/deployment.yaml') + '\n').toBe(deployment(i));
    // The same promotion again finds its branch up to date and the pull request open: no second one.
    const again = await promote(request({ environment: 'prod', version: '1.1.0' }), context());
    expect(again.prUrl).toBe(first.prUrl);
    expect(api.state.pulls.filter((p) => p.state === 'open')).toHaveLength(1);
    expect(api.state.pulls[0]).toMatchObject({ head: branch, base: 'main', title: `promote ${i.web} 1.1.0 (${i.web2.slice(7, 19)}) to prod` });
    // A newer digest travels dev → stage, then to prod: the open pull request is updated, not a second one opened.
    web3 = await pushImage(registry.url, 'acme/web', '1.2.0', 'web 1.2.0');
    await promote(request({ reference: web3, version: '1.2.0' }), context());
    await promote(request({ environment: 'stage', reference: web3, version: '1.2.0', verdict: parseVerdict(JSON.stringify(verdict(web3, 'pass', i.web))) }), context());
    const updated = await promote(request({ environment: 'prod', reference: web3, version: '1.2.0' }), context());
    expect(updated.prUrl).toBe(first.prUrl);
    expect(updated.message).toContain(`Updated pull request ${first.prUrl}`);
    expect(api.state.pulls).toHaveLength(1);
    expect(api.state.pulls[0]!.title).toBe(`promote ${i.web} 1.2.0 (${web3.slice(7, 19)}) to prod`);
    expect(show(branch, 'prod/deployment.yaml') + '\n').toBe(deployment(i).replace(`web:1.0.0@${i.web1}`, `web:1.2.0@${web3}`));
    const prodDeployment = api.state.deployments.at(-1)!;
    expect(prodDeployment).toMatchObject({ environment: 'production', payload: { digest: web3, source: 'stage' } });
    // Once merged (main runs the digest), promoting again changes nothing, opens nothing, and finishes the deployment.
    run(tmp, env, 'git', '--git-dir', remote, 'update-ref', 'refs/heads/main', `refs/heads/${branch}`);
    const merged = await promote(request({ environment: 'prod', reference: web3, version: '1.2.0' }), context());
    expect(merged.changed).toBe(false);
    expect(api.state.pulls).toHaveLength(1);
    expect(api.state.deploymentStatuses.filter((st) => st.deploymentId === prodDeployment.id).map((st) => st.state)).toEqual(['in_progress', 'success']);
  });

  it('rolls back to the digest the environment ran before, from git history, and says which', async () => {
    const result = await promote(request({ environment: 'dev', reference: '', rollback: true, version: '' }), context());
    expect(result).toMatchObject({ changed: true, previousDigest: web3, digest: i.web2 });
    expect(result.message).toMatch(new RegExp(`^Rolled back 'dev' from ${web3} to ${i.web2}, which it ran at commit [0-9a-f]{12}\\. Promoted`));
    // The tag recorded with that digest comes back too, so the file reads as it did then.
    expect(result.version).toBe('1.1.0');
    expect(show('main', 'dev/kustomization.yaml') + '\n').toBe(kustomization(i).replace('newTag: "1.0.0"', 'newTag: "1.1.0"').replace(`digest: ${i.web1}`, `digest: ${i.web2}`));
    expect(gitLog()[0]).toBe(`promote ${i.web} 1.1.0 (${i.web2.slice(7, 19)}) to dev`);
    expect(run(tmp, env, 'git', '--git-dir', remote, 'log', '-1', '--format=%B', 'main')).toContain('Conveyor-From: rollback');
  });

  it('finishes a deployment left in progress by a failure after the push, without a second commit', async () => {
    let armed = true;
    const faulty = context((client) => {
      client.hook.before('request', (options) => {
        const body = options as unknown as { url: string; method: string; state?: string };
        // Every attempt (1 + 2 retries) at the success status fails: the job dies after its push with the
        // deployment still in progress.
        if (armed && body.method === 'POST' && body.url.includes('/statuses') && body.state === 'success') {
          armed = false;
          api.inject({ method: 'POST', path: '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses', fault: '5xx', times: 3 });
        }
      });
    });
    const failed = promote(request({ environment: 'dev', reference: web3, version: '1.2.0' }), faulty);
    await expect(failed).rejects.toThrow();
    const commits = gitLog();
    expect(commits[0]).toBe(`promote ${i.web} 1.2.0 (${web3.slice(7, 19)}) to dev`);
    const dep = api.state.deployments.at(-1)!;
    const states = () => api.state.deploymentStatuses.filter((s) => s.deploymentId === dep.id).map((s) => s.state);
    expect(states()).toEqual(['in_progress']);
    const repaired = await promote(request({ environment: 'dev', reference: web3, version: '1.2.0' }), context());
    expect(repaired.changed).toBe(false);
    expect(repaired.deploymentId).toBe(dep.id);
    expect(repaired.message).toContain(`Finished its deployment ${dep.id}, which was left in_progress.`);
    expect(states()).toEqual(['in_progress', 'success']);
    expect(gitLog()).toEqual(commits);
  });

  it('runs as `conveyor promote` with the same inputs as flags', async () => {
    const ws = tempDir('conveyor-promote-cli-');
    fs.mkdirSync(path.join(ws, '.github/conveyor'), { recursive: true });
    fs.writeFileSync(path.join(ws, '.github/conveyor/environments.yml'), environmentsFile(i, remote));
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), env: { ...process.env, GITHUB_WORKSPACE: ws }, cwd: ws };
    const code = await promoteCommand.run(['--environment', 'dev', '--image', i.web, '--digest', i.web1, '--dry-run', '--json'], io);
    expect(err.join('')).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out.join(''))).toEqual({
      changed: false, 'commit-sha': null, 'pr-url': null, 'deployment-id': null, 'previous-digest': web3, digest: i.web1, files: ['dev/kustomization.yaml'],
    });
    // Through the conveyor command: one prefix, and the CLI's words (flags, not inputs).
    const cli = async (...args: string[]) => {
      err.length = 0;
      out.length = 0;
      return main(['promote', ...args], io, [promoteCommand]);
    };
    expect(await cli('--environment', 'dev', '--image', i.web, '--rollback', '--digest', i.web1)).toBe(2);
    expect(err.join('')).toContain('conveyor promote: Flags --rollback and --digest exclude each other');
    expect(await cli('--environment', 'dev', '--image', `${i.web}:1.0.0`, '--digest', i.web1)).toBe(2);
    expect(err.join('')).toContain(`conveyor promote: Flag --image is the name only (${i.web}:1.0.0 ends in the tag '1.0.0'); pass the tag in --version or --digest.`);
    expect(await cli('--environment', 'dev', '--image', '127.0.0.1:5000/acme//web', '--digest', i.web1)).toBe(2);
    expect(err.join('')).toMatch(/^conveyor promote: Flag --image: The image reference "127\.0\.0\.1:5000\/acme\/\/web" has an invalid repository name/);
    expect(await cli('--environment', 'dev', '--image', i.web, '--digest', i.web1, 'extra')).toBe(2);
    expect(err.join('')).toBe('conveyor promote: Unexpected argument "extra": this command takes no arguments besides flags; see its --help.\n');
  });

  it('--dry-run prints the unified diff of each file it would commit, and commits nothing', async () => {
    const ws = tempDir('conveyor-promote-cli-diff-');
    fs.mkdirSync(path.join(ws, '.github/conveyor'), { recursive: true });
    fs.writeFileSync(path.join(ws, '.github/conveyor/environments.yml'), environmentsFile(i, remote));
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), env: { ...process.env, GITHUB_WORKSPACE: ws }, cwd: ws };
    const before = gitLog();
    const current = show('main', 'dev/kustomization.yaml');
    expect(await main(['promote', '--environment', 'dev', '--image', i.web, '--digest', i.web1, '--dry-run'], io, [promoteCommand])).toBe(0);
    const text = out.join('');
    expect(text).toContain('--- a/dev/kustomization.yaml\n+++ b/dev/kustomization.yaml\n@@ ');
    const removed = text.split('\n').filter((l) => /^-(?!--)/.test(l));
    const added = text.split('\n').filter((l) => /^\+(?!\+\+)/.test(l));
    expect(removed.length).toBeGreaterThan(0);
    expect(added).toHaveLength(removed.length);
    // Each removed line is a line of the file as it is; each added line is that line with the new digest.
    for (const line of removed) expect(current.split('\n')).toContain(line.slice(1));
    expect(added.some((l) => l.includes(i.web1.slice('sha256:'.length)))).toBe(true);
    expect(removed.some((l) => l.includes(web3.slice('sha256:'.length)))).toBe(true);
    expect(gitLog()).toEqual(before);
  });

  it('marks the deployment failed when the push is refused, and changes nothing', async () => {
    const hook = path.join(remote, 'hooks', 'pre-receive');
    fs.writeFileSync(hook, '#!/bin/sh\necho "main is protected" >&2\nexit 1\n');
    fs.chmodSync(hook, 0o755);
    try {
      const head = run(tmp, env, 'git', '--git-dir', remote, 'rev-parse', 'main');
      await expect(promote(request({ reference: i.web1, version: '1.0.0' }), context())).rejects.toThrow('main is protected');
      expect(run(tmp, env, 'git', '--git-dir', remote, 'rev-parse', 'main')).toBe(head);
      const dep = api.state.deployments.at(-1)!;
      expect(dep.payload).toMatchObject({ digest: i.web1 });
      expect(api.state.deploymentStatuses.filter((st) => st.deploymentId === dep.id).map((st) => st.state)).toEqual(['in_progress', 'failure']);
    } finally {
      fs.rmSync(hook);
    }
  });

  describe('when other pushes land first', () => {
    /** A GitOps repository of its own holding the dev kustomization, and a request for it. */
    function raceRemote(): { bare: string; race: (over?: Partial<PromoteRequest>) => Promise<PromoteResult> } {
      const bare = gitopsRemote(tempDir('conveyor-race-'), env, { 'dev/kustomization.yaml': kustomization(i) });
      const text = `environments:\n  - name: dev\n    url: ${bare}\n    targets:\n      - {kind: kustomize, file: dev/kustomization.yaml, image: ${i.web}}\n      - {kind: kustomize, file: dev/kustomization.yaml, image: ${i.api}}\n`;
      return { bare, race: (over = {}) => promote(request({ environmentsText: text, ...over }), context()) };
    }
    const apiDigest = (c: string) => `sha256:${c.repeat(64)}`;
    /** The dev kustomization with the api entry moved to another digest: what another promotion writes. */
    const apiMoved = (c: string) => ({ 'dev/kustomization.yaml': kustomization(i).replace(i.api1, apiDigest(c)) });
    const git = (bare: string, ...args: string[]) => run(tmp, env, 'git', '--git-dir', bare, ...args);

    it('makes its edit again on each new tip, keeping the other edits in the same file, and counts the retries', async () => {
      const { bare, race } = raceRemote();
      const others = loseRaces(bare, env, [apiMoved('a'), apiMoved('b')]);
      const result = await race();
      expect(result.message).toMatch(/, commit [0-9a-f]{12} \(pushed after 2 retries on a branch that moved\)\.$/);
      expect(git(bare, 'log', '--format=%s', 'main').split('\n')).toEqual([`promote ${i.web} 1.1.0 (${i.web2.slice(7, 19)}) to dev`, 'another change 2', 'another change 1', 'seed']);
      expect(git(bare, 'rev-parse', 'main~1')).toBe(others[1]);
      expect(git(bare, 'show', 'main:dev/kustomization.yaml') + '\n').toBe(kustomization(i)
        .replace('newTag: "1.0.0"', 'newTag: "1.1.0"').replace(`digest: ${i.web1}`, `digest: ${i.web2}`).replace(i.api1, apiDigest('b')));
      expect(git(bare, 'diff', '-U0', 'main~1', 'main').split('\n').filter((l) => /^[-+] /.test(l))).toEqual([
        '-    newTag: "1.0.0"', `-    digest: ${i.web1}`, '+    newTag: "1.1.0"', `+    digest: ${i.web2}`,
      ]);
      expect(api.state.deploymentStatuses.filter((st) => st.deploymentId === result.deploymentId).map((st) => st.state)).toEqual(['in_progress', 'success']);
    });

    it('refuses, pushing nothing, when the other push changed what the checks read', async () => {
      const { bare, race } = raceRemote();
      const [other] = loseRaces(bare, env, [{ 'dev/kustomization.yaml': kustomization(i).replace(`digest: ${i.web1}`, `digest: ${apiDigest('c')}`) }]);
      const refusal = race();
      await expect(refusal).rejects.toThrow(PromotionRefused);
      await expect(refusal).rejects.toThrow(`Stopped promoting ${i.web} to 'dev': ${bare} (branch main) moved while it ran, and at ${other!.slice(0, 12)} its targets record ${apiDigest('c')} where the checks read ${i.web1}. Nothing was pushed; run the promotion again.`);
      expect(git(bare, 'rev-parse', 'main')).toBe(other);
      const dep = api.state.deployments.at(-1)!;
      expect(api.state.deploymentStatuses.filter((st) => st.deploymentId === dep.id).map((st) => st.state)).toEqual(['in_progress', 'failure']);
    });

    it('refuses, pushing nothing, when the other push removed a file it edits', async () => {
      const { bare, race } = raceRemote();
      const [other] = loseRaces(bare, env, [{ 'dev/kustomization.yaml': null, 'dev/other.yaml': 'kept: true\n' }]);
      await expect(race()).rejects.toThrow(`Stopped promoting ${i.web} to 'dev': ${bare} (branch main) moved while it ran, and at ${other!.slice(0, 12)} its files no longer read as the checks read them `
        + `(The kustomize target dev/kustomization.yaml of environment 'dev' matches no file in the GitOps repository (branch main); fix the path in .github/conveyor/environments.yml.). Nothing was pushed; run the promotion again.`);
      expect(git(bare, 'rev-parse', 'main')).toBe(other);
    });

    it('gives up after 5 retries when the branch keeps moving', async () => {
      const { bare, race } = raceRemote();
      const others = loseRaces(bare, env, ['1', '2', '3', '4', '5', '6'].map(apiMoved));
      await expect(race()).rejects.toThrow("The remote branch 'main' kept moving: 6 pushes were rejected. Re-run the job, or serialise the workflow with a `concurrency` group.");
      expect(git(bare, 'rev-parse', 'main')).toBe(others[5]);
    });
  });

  it('leaves the API stand-in without schema violations', () => {
    expect(api.violations).toEqual([]);
  });
});
