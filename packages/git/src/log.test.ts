import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import * as path from 'node:path';
import { tempDir, cleanupTempDirs } from '../../../test/support/tmp.ts';
import { readLog, logOfFile, splitMessage, parseCommitRecord, type Commit } from './log.ts';
import { GitError } from './errors.ts';
import { isolateGit, initRepo, commit, sh, fastImportHistory } from './testing/repo.ts';

async function collect(iterable: AsyncIterable<Commit>): Promise<Commit[]> {
  const out: Commit[] = [];
  for await (const c of iterable) out.push(c);
  return out;
}

let restore: () => void;
let root: string;
beforeAll(() => {
  root = tempDir('conveyor-git-log-');
  restore = isolateGit(path.join(root, 'home'));
});
afterAll(() => {
  restore();
  cleanupTempDirs();
});

describe('splitMessage', () => {
  it.each([
    ['feat: one line', 'feat: one line', ''],
    ['feat: subject\n\nbody line 1\nbody line 2', 'feat: subject', 'body line 1\nbody line 2'],
    ['wrapped subject\ncontinues here\n\nbody', 'wrapped subject continues here', 'body'],
    ['subject\n\n\n\nbody after blank lines\n\nBREAKING CHANGE: x\n', 'subject', 'body after blank lines\n\nBREAKING CHANGE: x'],
  ])('%j', (message, subject, body) => {
    expect(splitMessage(message)).toEqual({ subject, body });
  });
});

describe('parseCommitRecord', () => {
  it('keeps unit separators inside the message', () => {
    const c = parseCommitRecord(`abc\x1fp1 p2\x1fA\x1fa@x\x1f2024-01-01T00:00:00+00:00\x1fsub\x1fject\n\nbody\n`);
    expect(c).toMatchObject({ sha: 'abc', parents: ['p1', 'p2'], subject: 'sub\x1fject', body: 'body' });
  });
  it('rejects a record that is not a commit', () => {
    expect(() => parseCommitRecord('garbage')).toThrow(/Unexpected git log record/);
  });
});

describe('readLog on a real repository', () => {
  let repo: string;
  const shas: Record<string, string> = {};
  beforeAll(() => {
    repo = initRepo(path.join(root, 'small'));
    shas.a = commit(repo, 'chore: initial\n', { 'README.md': 'hi\n' });
    shas.b = commit(repo, 'feat(api): add the thing\n\nLonger explanation\nover two lines.\n\nBREAKING CHANGE: the old thing is gone\n',
      { 'src/api.ts': 'x\n' }, { GIT_AUTHOR_NAME: 'Zoë Ångström', GIT_AUTHOR_EMAIL: 'zoe@example.invalid', GIT_AUTHOR_DATE: '2024-05-06T07:08:09+02:00' });
    sh(repo, 'tag', 'v1.0.0');
    sh(repo, 'checkout', '-q', '-b', 'topic');
    shas.c = commit(repo, 'fix: on a branch — ✓\n', { 'src/api.ts': 'y\n' });
    sh(repo, 'checkout', '-q', 'main');
    shas.d = commit(repo, 'docs: readme\n', { 'README.md': 'hello\n' });
    sh(repo, 'merge', '-q', '--no-ff', '-m', 'Merge branch topic', 'topic');
    shas.m = sh(repo, 'rev-parse', 'HEAD');
  });

  it('reads every commit newest first with all fields', async () => {
    const commits = await collect(readLog(repo));
    expect(commits.map((c) => c.sha)).toEqual(sh(repo, 'rev-list', 'HEAD').split('\n'));
    expect(commits[0]).toMatchObject({ sha: shas.m, parents: [shas.d, shas.c], subject: 'Merge branch topic' });
    const b = commits.find((c) => c.sha === shas.b)!;
    expect(b).toEqual({
      sha: shas.b,
      parents: [shas.a],
      authorName: 'Zoë Ångström',
      authorEmail: 'zoe@example.invalid',
      date: '2024-05-06T07:08:09+02:00',
      subject: 'feat(api): add the thing',
      body: 'Longer explanation\nover two lines.\n\nBREAKING CHANGE: the old thing is gone',
      message: 'feat(api): add the thing\n\nLonger explanation\nover two lines.\n\nBREAKING CHANGE: the old thing is gone',
    });
    expect(commits.find((c) => c.sha === shas.c)!.subject).toBe('fix: on a branch — ✓');
    expect(commits.find((c) => c.sha === shas.a)!.parents).toEqual([]);
  });

  it('reads a range, paths, and the first-parent line', async () => {
    expect((await collect(readLog(repo, { range: 'v1.0.0..HEAD' }))).map((c) => c.sha)).toEqual([shas.m, shas.d, shas.c]);
    expect((await collect(readLog(repo, { paths: ['src'] }))).map((c) => c.sha)).toEqual([shas.c, shas.b]);
    expect((await collect(readLog(repo, { firstParent: true }))).map((c) => c.sha)).toEqual([shas.m, shas.d, shas.b, shas.a]);
    expect((await collect(readLog(repo, { maxCount: 2 }))).length).toBe(2);
    expect((await collect(logOfFile(repo, 'README.md'))).map((c) => c.sha)).toEqual([shas.d, shas.a]);
  });

  it('yields nothing for an empty range', async () => {
    expect(await collect(readLog(repo, { range: 'HEAD..HEAD' }))).toEqual([]);
  });

  it('fails with GitError and advice on an unknown revision', async () => {
    const error = await collect(readLog(repo, { range: 'v9.9.9..HEAD' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).exitCode).toBe(128);
    expect((error as GitError).stderr).toMatch(/v9\.9\.9/);
    expect((error as GitError).message).toMatch(/fetch-depth: 0/);
  });

  it('refuses a range that would be read as an option', async () => {
    await expect(readLog(repo, { range: '--output=/tmp/x' }).next()).rejects.toThrow(/must not start with '-'/);
  });

  it('fails with advice outside a repository', async () => {
    const error = await collect(readLog(tempDir())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).message).toMatch(/actions\/checkout/);
  });
});

describe('readLog on a long history', () => {
  let repo: string;
  const count = 12_000;
  beforeAll(() => {
    repo = path.join(root, 'long');
    fastImportHistory(repo, count);
  });

  it(`streams all ${count} commits in order`, async () => {
    let n = 0;
    let previous: Commit | undefined;
    for await (const c of readLog(repo)) {
      if (previous) expect(previous.parents).toEqual([c.sha]);
      n++;
      previous = c;
    }
    expect(n).toBe(count);
    expect(previous).toMatchObject({ subject: 'feat(core): change number 1', parents: [] });
  });

  it('stops git when the reader breaks out early', async () => {
    const seen: string[] = [];
    for await (const c of readLog(repo)) {
      seen.push(c.subject);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual([`fix(core): change number ${count}`, `feat(core): change number ${count - 1}`, `feat(core): change number ${count - 2}`]);
  });
});
