/** planRelease and `conveyor release` on real git repositories. */
import { InputError } from '@conveyor/kit';
import { describe, it, expect, afterAll } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { planRelease, DEFAULT_PRERELEASE_BRANCHES, DEFAULT_RELEASE_BRANCHES, type PlanOptions } from '@conveyor/release';
import { releaseCommand } from '@conveyor/release/cli';
import { tempDir, cleanupTempDirs } from '../support/tmp.ts';

afterAll(() => cleanupTempDirs());

const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.invalid' };
const sh = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: gitEnv }).trim();

function repo(): string {
  const dir = tempDir('conveyor-release-plan-');
  sh(dir, 'init', '--quiet', '--initial-branch=main');
  return dir;
}
function commit(dir: string, message: string, file?: string): string {
  if (file) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.appendFileSync(path.join(dir, file), `${message}\n`);
    sh(dir, 'add', file);
    sh(dir, 'commit', '--quiet', '-m', message);
  } else {
    sh(dir, 'commit', '--quiet', '--allow-empty', '-m', message);
  }
  return sh(dir, 'rev-parse', 'HEAD');
}
const options = (dir: string, extra: Partial<PlanOptions> = {}): PlanOptions => ({
  dir, branch: 'main', tagFormat: 'v${version}', paths: [], rules: [], zeroMajor: false, repositoryUrl: undefined, date: '2026-01-01',
  branches: { releaseBranches: DEFAULT_RELEASE_BRANCHES, prereleaseBranches: DEFAULT_PRERELEASE_BRANCHES }, ...extra,
});

describe('planRelease on a real repository', () => {
  it('ignores non-semver tags and other packages\' tags; first release is 1.0.0', async () => {
    const dir = repo();
    commit(dir, 'feat: start');
    sh(dir, 'tag', 'vnext');
    sh(dir, 'tag', 'v1.0');
    sh(dir, 'tag', 'web-v5.0.0');
    sh(dir, 'tag', 'release-2020');
    const plan = await planRelease(options(dir));
    expect(plan).toMatchObject({ released: true, version: '1.0.0', previousVersion: undefined, tag: 'v1.0.0' });
  });

  it('monorepo: path and tag-format keep packages apart', async () => {
    const dir = repo();
    commit(dir, 'feat(api): one', 'api/a.txt');
    commit(dir, 'feat(web): one', 'web/a.txt');
    sh(dir, 'tag', 'api-v1.0.0');
    sh(dir, 'tag', 'web-v1.0.0');
    commit(dir, 'feat(web): big', 'web/a.txt');
    commit(dir, 'fix(api): small', 'api/a.txt');
    commit(dir, 'feat!: root change', 'README.md');
    const api = await planRelease(options(dir, { tagFormat: 'api-v${version}', paths: ['api'] }));
    expect(api).toMatchObject({ version: '1.0.1', tag: 'api-v1.0.1', previousTag: 'api-v1.0.0', bump: 'patch' });
    expect(api.commits.map((c) => c.header)).toEqual(['fix(api): small']);
    const web = await planRelease(options(dir, { tagFormat: 'web-v${version}', paths: ['web'] }));
    expect(web).toMatchObject({ version: '1.1.0', tag: 'web-v1.1.0' });
    const whole = await planRelease(options(dir));
    expect(whole).toMatchObject({ version: '1.0.0', previousVersion: undefined });
  });

  it('a git revert cancels the commit it reverts; a merge counts through the commits it brings', async () => {
    const dir = repo();
    commit(dir, 'feat: first');
    sh(dir, 'tag', 'v1.0.0');
    commit(dir, 'feat: risky', 'risky.txt');
    sh(dir, 'revert', '--no-edit', 'HEAD');
    sh(dir, 'checkout', '--quiet', '-b', 'topic');
    commit(dir, 'fix(parser): on a branch (#8)');
    sh(dir, 'checkout', '--quiet', 'main');
    commit(dir, 'docs: main line');
    sh(dir, 'merge', '--quiet', '--no-ff', '-m', 'Merge pull request #9 from me/topic', 'topic');
    const plan = await planRelease(options(dir, { repositoryUrl: 'https://github.com/acme/app' }));
    expect(plan).toMatchObject({ version: '1.0.1', bump: 'patch' });
    expect(plan.notes).toContain('**parser:** on a branch ([#8]');
    expect(plan.notes).not.toContain('risky');
  });

  it('a maintenance branch refuses a feature; an unconfigured branch does not release', async () => {
    const dir = repo();
    commit(dir, 'feat: first');
    sh(dir, 'tag', 'v1.2.0');
    sh(dir, 'checkout', '--quiet', '-b', '1.2.x');
    commit(dir, 'feat: new thing');
    await expect(planRelease(options(dir, { branch: '1.2.x' }))).rejects.toThrow(/outside the branch's range >=1\.2\.0 <1\.3\.0/);
    const feature = await planRelease(options(dir, { branch: 'feature/x' }));
    expect(feature.released).toBe(false);
    expect(feature.reason).toMatch(/feature\/x is not a release/);
  });

  it('finds the last release past many higher tags that are not reachable', async () => {
    const dir = repo();
    commit(dir, 'feat: first');
    sh(dir, 'tag', 'v1.0.0');
    sh(dir, 'branch', 'beta');
    for (let minor = 1; minor <= 20; minor++) {
      commit(dir, `feat: minor ${minor}`);
      sh(dir, 'tag', `v1.${minor}.0`);
    }
    sh(dir, 'checkout', '--quiet', 'beta');
    commit(dir, 'fix: on beta');
    const plan = await planRelease(options(dir, { branch: 'beta' }));
    expect(plan).toMatchObject({ version: '1.0.1-beta.1', previousVersion: '1.0.0', highestStable: '1.20.0' });
  });

  it('says why nothing releases', async () => {
    const dir = repo();
    commit(dir, 'feat: first');
    sh(dir, 'tag', 'v1.0.0');
    commit(dir, 'docs: only docs');
    const plan = await planRelease(options(dir));
    expect(plan).toMatchObject({ released: false, bump: 'none', previousVersion: '1.0.0' });
    expect(plan.reason).toMatch(/since v1\.0\.0 asks for a release \(1 commit/);
  });
});

describe('conveyor release', () => {
  it('--dry-run --json on a local repository, with no token', async () => {
    const dir = repo();
    commit(dir, 'feat: first');
    sh(dir, 'tag', 'v0.3.0');
    commit(dir, 'feat!: drop the old API');
    let stdout = '';
    let stderr = '';
    const env = { PATH: process.env.PATH, HOME: process.env.HOME };
    const code = await releaseCommand.run(['--dry-run', '--json', '--zero-major'], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, cwd: dir });
    expect(stderr).not.toMatch(/error/i);
    expect(code).toBe(0);
    const lastLine = stdout.trim().split('\n').pop()!;
    expect(JSON.parse(lastLine)).toMatchObject({ released: 'false', version: '0.4.0', 'previous-version': '0.3.0', bump: 'minor', channel: 'latest' });
  });

  it('without --dry-run and without a token it fails before anything, naming the input', async () => {
    const dir = repo();
    commit(dir, 'feat: first');
    // The subcommand throws the InputError; the conveyor dispatcher prints it and exits 2.
    await expect(releaseCommand.run([], { stdout: () => undefined, stderr: () => undefined, env: { PATH: process.env.PATH }, cwd: dir }))
      .rejects.toThrow(new InputError(['Input `github-token` is empty: give a token with contents: write (the default `${{ github.token }}` works) or a GitHub App\'s `app-id` and `app-private-key`, or set `dry-run: true` to only compute the version.']));
    expect(sh(dir, 'tag')).toBe('');
  });

  it('with --app-id, GITHUB_TOKEN from the environment does not count as a second credential', async () => {
    const dir = repo();
    commit(dir, 'feat: first');
    const env = { PATH: process.env.PATH, GITHUB_TOKEN: 'from-the-shell' };
    // Only the missing half of the App pair is reported: GITHUB_TOKEN was not taken as --github-token.
    await expect(releaseCommand.run(['--app-id', '12'], { stdout: () => undefined, stderr: () => undefined, env, cwd: dir }))
      .rejects.toThrow(/^Input 'app-private-key' is empty but 'app-id' is set/);
    await expect(releaseCommand.run(['--app-id', '12', '--github-token', 'given'], { stdout: () => undefined, stderr: () => undefined, env, cwd: dir }))
      .rejects.toThrow(/Input 'github-token' is given together with 'app-id' and 'app-private-key'/);
  });
});
