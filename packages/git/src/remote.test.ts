import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir, cleanupTempDirs } from '../../../test/support/tmp.ts';
import { fetch, githubRepositoryOf, push, pushTag, deleteRemoteTag, isRaceRejection } from './remote.ts';
import { commitFiles, readFileAt, GITHUB_ACTIONS_BOT } from './files.ts';
import { isShallow, listTags } from './refs.ts';
import { readLog } from './log.ts';
import { GitError } from './errors.ts';
import { isolateGit, initRepo, commit, sh } from './testing/repo.ts';

let restore: () => void;
let root: string;

beforeAll(() => {
  root = tempDir('conveyor-git-remote-');
  restore = isolateGit(path.join(root, 'home'));
});
afterAll(() => {
  restore();
  cleanupTempDirs();
});

let counter = 0;
/** A bare remote with one commit on main, and `n` clones of it. */
function remoteWithClones(n: number): { bare: string; clones: string[] } {
  const base = path.join(root, `case-${++counter}`);
  const bare = path.join(base, 'remote.git');
  sh(root, 'init', '-q', '--bare', '-b', 'main', bare);
  const seed = initRepo(path.join(base, 'seed'));
  commit(seed, 'chore: seed', { 'CHANGELOG.md': '# Changelog\n', 'version.txt': '1.0.0\n' });
  sh(seed, 'remote', 'add', 'origin', bare);
  sh(seed, 'push', '-q', 'origin', 'main');
  const clones = Array.from({ length: n }, (_, i) => {
    const dir = path.join(base, `clone-${i}`);
    sh(base, 'clone', '-q', bare, dir);
    return dir;
  });
  return { bare, clones };
}

describe('commitFiles and readFileAt', () => {
  it('commits exactly the given paths and reads them back at a revision', async () => {
    const { clones: [dir] } = remoteWithClones(1);
    fs.writeFileSync(path.join(dir!, 'version.txt'), '1.1.0\n');
    fs.writeFileSync(path.join(dir!, 'new.txt'), 'new\n');
    fs.writeFileSync(path.join(dir!, 'CHANGELOG.md'), '# Changelog\n\n## 1.1.0\n');
    const sha = await commitFiles(dir!, { message: 'chore(release): 1.1.0\n\nRelease notes.', paths: ['version.txt', 'new.txt'], author: { name: 'Release Bot', email: 'bot@example.invalid' } });
    expect(sh(dir!, 'rev-parse', 'HEAD')).toBe(sha);
    expect(sh(dir!, 'show', '--name-only', '--format=%an <%ae>|%cn|%B', 'HEAD').split('\n').filter(Boolean))
      .toEqual(['Release Bot <bot@example.invalid>|Release Bot|chore(release): 1.1.0', 'Release notes.', 'new.txt', 'version.txt']);
    expect(sh(dir!, 'status', '--porcelain')).toBe('M CHANGELOG.md');
    expect(await readFileAt(dir!, 'HEAD', 'version.txt')).toBe('1.1.0\n');
    expect(await readFileAt(dir!, 'HEAD~1', 'version.txt')).toBe('1.0.0\n');
    expect(await readFileAt(dir!, 'HEAD~1', 'new.txt')).toBeUndefined();
    expect(await readFileAt(dir!, 'HEAD', '.')).toBeUndefined();
    await expect(readFileAt(dir!, 'v404', 'version.txt')).rejects.toThrow(/'v404' does not exist.*fetch-depth: 0/);
  });

  it('refuses to make an empty commit', async () => {
    const { clones: [dir] } = remoteWithClones(1);
    await expect(commitFiles(dir!, { message: 'chore: nothing', paths: ['version.txt'] })).rejects.toThrow(/Nothing to commit: version.txt did not change/);
  });

  it('uses the Actions bot when git has no identity', async () => {
    const { clones: [dir] } = remoteWithClones(1);
    const saved = { ...process.env };
    for (const k of ['GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'GIT_COMMITTER_NAME', 'GIT_COMMITTER_EMAIL']) delete process.env[k];
    try {
      fs.writeFileSync(path.join(dir!, 'version.txt'), '2.0.0\n');
      await commitFiles(dir!, { message: 'chore: bump', paths: ['version.txt'] });
    } finally {
      Object.assign(process.env, saved);
    }
    expect(sh(dir!, 'log', '-1', '--format=%an <%ae>')).toBe(`${GITHUB_ACTIONS_BOT.name} <${GITHUB_ACTIONS_BOT.email}>`);
  });
});

describe('push', () => {
  it('rebases onto a branch that moved and pushes again', async () => {
    const { bare, clones: [a, b] } = remoteWithClones(2);
    const first = commit(a!, 'feat: from a', { 'a.txt': 'a\n' });
    expect(await push(a!, { branch: 'main' })).toEqual({ sha: first, attempts: 1 });
    commit(b!, 'fix: from b', { 'b.txt': 'b\n' });
    const result = await push(b!, { branch: 'main' });
    expect(result.attempts).toBe(2);
    expect(sh(bare, 'rev-parse', 'main')).toBe(result.sha);
    expect(sh(bare, 'log', '--format=%s', 'main')).toBe('fix: from b\nfeat: from a\nchore: seed');
    expect(sh(bare, 'rev-parse', 'main~1')).toBe(first);
  });

  it('lets two clones pushing at the same time both land, one after a rebase', async () => {
    const { bare, clones } = remoteWithClones(2);
    clones.forEach((dir, i) => commit(dir, `feat: change ${i}`, { [`f${i}.txt`]: `${i}\n` }));
    const results = await Promise.all(clones.map((dir) => push(dir, { branch: 'main' })));
    expect(results.map((r) => r.attempts).sort()).toEqual([1, 2]);
    const subjects = sh(bare, 'log', '--format=%s', 'main').split('\n');
    expect(subjects.sort()).toEqual(['chore: seed', 'feat: change 0', 'feat: change 1']);
    expect(sh(bare, 'rev-list', '--merges', 'main')).toBe('');
  });

  it('aborts a conflicting rebase and pushes nothing', async () => {
    const { bare, clones: [a, b] } = remoteWithClones(2);
    commit(a!, 'chore: 1.1.0', { 'version.txt': '1.1.0\n' });
    await push(a!, { branch: 'main' });
    const before = sh(bare, 'rev-parse', 'main');
    const local = commit(b!, 'chore: 1.0.1', { 'version.txt': '1.0.1\n' });
    const error = await push(b!, { branch: 'main' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).message).toMatch(/conflict/i);
    expect(sh(bare, 'rev-parse', 'main')).toBe(before);
    expect(sh(b!, 'rev-parse', 'HEAD')).toBe(local);
    expect(fs.existsSync(path.join(b!, '.git', 'rebase-merge'))).toBe(false);
  });

  it('gives up after the allowed retries', async () => {
    const { clones: [a, b] } = remoteWithClones(2);
    commit(a!, 'feat: a', { 'a.txt': 'a\n' });
    await push(a!, { branch: 'main' });
    commit(b!, 'feat: b', { 'b.txt': 'b\n' });
    const error = await push(b!, { branch: 'main', retries: 0 }).catch((e: unknown) => e);
    expect((error as GitError).message).toMatch(/kept moving: 1 pushes were rejected/);
  });

  it('recognises rejections caused by a race', () => {
    expect(isRaceRejection(' ! [rejected]        HEAD -> main (fetch first)')).toBe(true);
    expect(isRaceRejection('remote: Permission to o/r.git denied to bot.')).toBe(false);
  });
});

describe('tags on the remote', () => {
  it('pushes a tag, refuses to move it, and deletes it', async () => {
    const { bare, clones: [a, b] } = remoteWithClones(2);
    sh(a!, 'tag', '-a', '-m', 'release', 'v1.0.0');
    await pushTag(a!, 'v1.0.0');
    expect(sh(bare, 'rev-parse', 'v1.0.0^{commit}')).toBe(sh(a!, 'rev-parse', 'HEAD'));
    commit(b!, 'other', { 'x.txt': 'x' });
    sh(b!, 'tag', 'v1.0.0');
    const error = await pushTag(b!, 'v1.0.0').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).message).toMatch(/already exists/);
    expect(await deleteRemoteTag(a!, 'v1.0.0')).toBe(true);
    expect(sh(bare, 'tag', '--list')).toBe('');
    expect(await deleteRemoteTag(a!, 'v1.0.0')).toBe(false);
    await expect(pushTag(a!, '--force')).rejects.toThrow(/Invalid tag/);
  });
});

describe('fetch', () => {
  it('unshallows a shallow clone and fetches tags', async () => {
    const { bare, clones: [a] } = remoteWithClones(1);
    for (let i = 0; i < 5; i++) commit(a!, `feat: ${i}`, { 'n.txt': `${i}` });
    sh(a!, 'tag', 'v0.1.0', 'HEAD~3');
    sh(a!, 'push', '-q', 'origin', 'main', '--tags');
    const shallow = path.join(root, `shallow-${counter}`);
    sh(root, 'clone', '-q', '--depth', '1', '--no-tags', `file://${bare}`, shallow);
    expect(await isShallow(shallow)).toBe(true);
    expect(await listTags(shallow)).toEqual([]);
    await fetch(shallow, { unshallow: true, tags: true });
    expect(await isShallow(shallow)).toBe(false);
    expect((await listTags(shallow)).map((t) => t.name)).toEqual(['v0.1.0']);
    let n = 0;
    for await (const _ of readLog(shallow)) n++;
    expect(n).toBe(6);
    await fetch(shallow, { unshallow: true });
    expect(await isShallow(shallow)).toBe(false);
  });
});

describe('githubRepositoryOf', () => {
  it('reads owner/name from https, ssh and scp-like GitHub URLs', () => {
    for (const url of [
      'https://github.com/acme/widget', 'https://github.com/acme/widget.git', 'https://github.com/acme/widget/', 'http://github.com/acme/widget',
      'https://x-access-token:secret@github.com/acme/widget.git', 'ssh://git@github.com/acme/widget.git', 'ssh://git@ssh.github.com:443/acme/widget.git',
      'git@github.com:acme/widget.git', 'git@github.com:acme/widget', 'github.com:acme/widget.git', 'git+ssh://git@github.com/acme/widget.git',
    ]) expect([url, githubRepositoryOf(url)]).toEqual([url, { owner: 'acme', repo: 'widget' }]);
    expect(githubRepositoryOf('git@github.com:acme/my.repo.git')).toEqual({ owner: 'acme', repo: 'my.repo' });
  });

  it('reads a GitHub Enterprise Server URL against that server only', () => {
    expect(githubRepositoryOf('git@ghe.example.com:team/app.git', 'https://ghe.example.com')).toEqual({ owner: 'team', repo: 'app' });
    expect(githubRepositoryOf('git@ghe.example.com:team/app.git')).toBeUndefined();
    expect(githubRepositoryOf('https://github.com/acme/widget', 'https://ghe.example.com')).toBeUndefined();
  });

  it('refuses other hosts, local paths and paths that are not owner/name', () => {
    for (const url of ['https://gitlab.com/acme/widget.git', '/srv/git/widget.git', 'file:///srv/git/acme/widget.git', '../widget', 'https://github.com/acme', 'https://github.com/acme/widget/tree/main', 'git@github.com:acme/..', 'https://github.com.evil.example/acme/widget']) {
      expect([url, githubRepositoryOf(url)]).toEqual([url, undefined]);
    }
  });
});
