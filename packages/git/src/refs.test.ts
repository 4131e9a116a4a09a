import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir, cleanupTempDirs } from '../../../test/support/tmp.ts';
import { listTags, tagsPointingAt, tagsReachableFrom, revParse, currentBranch, headState, isShallow, parseTagLines } from './refs.ts';
import { GitError, hintFor } from './errors.ts';
import { isolateGit, initRepo, commit, sh } from './testing/repo.ts';

let restore: () => void;
let root: string;
let repo: string;
const shas: Record<string, string> = {};

beforeAll(() => {
  root = tempDir('conveyor-git-refs-');
  restore = isolateGit(path.join(root, 'home'));
  repo = initRepo(path.join(root, 'repo'));
  shas.a = commit(repo, 'one', { 'a.txt': '1' });
  sh(repo, 'tag', 'v1.0.0');
  shas.b = commit(repo, 'two', { 'a.txt': '2' });
  sh(repo, 'tag', '-a', '-m', 'annotated release', 'v1.1.0');
  sh(repo, 'tag', '-a', '-m', 'a tag of a tag', 'nested', 'v1.1.0');
  sh(repo, 'tag', 'blob-tag', sh(repo, 'hash-object', '-w', 'a.txt'));
  sh(repo, 'checkout', '-q', '-b', 'side');
  shas.c = commit(repo, 'three', { 'a.txt': '3' });
  sh(repo, 'tag', 'app/v2.0.0');
  sh(repo, 'checkout', '-q', 'main');
});
afterAll(() => {
  restore();
  cleanupTempDirs();
});

describe('tags', () => {
  it('lists every tag with its peeled commit, leaving out tags of blobs', async () => {
    const tags = await listTags(repo);
    const v110 = sh(repo, 'rev-parse', 'refs/tags/v1.1.0');
    expect(tags).toEqual([
      { name: 'app/v2.0.0', commit: shas.c, object: shas.c, annotated: false },
      { name: 'nested', commit: shas.b, object: sh(repo, 'rev-parse', 'refs/tags/nested'), annotated: true },
      { name: 'v1.0.0', commit: shas.a, object: shas.a, annotated: false },
      { name: 'v1.1.0', commit: shas.b, object: v110, annotated: true },
    ]);
    expect(v110).not.toBe(shas.b);
  });

  it('filters by a glob pattern', async () => {
    expect((await listTags(repo, { pattern: 'v*' })).map((t) => t.name)).toEqual(['v1.0.0', 'v1.1.0']);
    expect((await listTags(repo, { pattern: 'app/*' })).map((t) => t.name)).toEqual(['app/v2.0.0']);
  });

  it('finds tags pointing at a commit, annotated or not', async () => {
    expect((await tagsPointingAt(repo, shas.b!)).map((t) => t.name)).toEqual(['nested', 'v1.1.0']);
    expect((await tagsPointingAt(repo, 'HEAD~1')).map((t) => t.name)).toEqual(['v1.0.0']);
  });

  it('finds tags reachable from a revision', async () => {
    expect((await tagsReachableFrom(repo, 'main', { pattern: 'v*' })).map((t) => t.name)).toEqual(['v1.0.0', 'v1.1.0']);
    expect((await tagsReachableFrom(repo, 'side')).map((t) => t.name)).toEqual(['app/v2.0.0', 'nested', 'v1.0.0', 'v1.1.0']);
    expect((await tagsReachableFrom(repo, 'v1.0.0')).map((t) => t.name)).toEqual(['v1.0.0']);
  });

  it('parses for-each-ref lines', () => {
    expect(parseTagLines('refs/tags/x\0aaa\0commit\0\0\nrefs/tags/y\0bbb\0tag\0ccc\0commit\nrefs/tags/t\0ddd\0tree\0\0\n')).toEqual({
      tags: [
        { name: 'x', commit: 'aaa', object: 'aaa', annotated: false },
        { name: 'y', commit: 'ccc', object: 'bbb', annotated: true },
      ],
      nested: [],
    });
  });
});

describe('revisions and branches', () => {
  it('resolves revisions to commits, annotated tags included', async () => {
    expect(await revParse(repo, 'HEAD')).toBe(shas.b);
    expect(await revParse(repo, 'v1.1.0')).toBe(shas.b);
    expect(await revParse(repo, 'side')).toBe(shas.c);
    expect(await revParse(repo, 'no-such-thing')).toBeUndefined();
    await expect(revParse(repo, '--all')).rejects.toThrow(/must not start with '-'/);
  });

  it('names the current branch, or none when detached', async () => {
    expect(await currentBranch(repo)).toBe('main');
    const detached = path.join(root, 'detached');
    sh(root, 'clone', '-q', repo, detached);
    sh(detached, 'checkout', '-q', '--detach', 'HEAD');
    expect(await currentBranch(detached)).toBeUndefined();
  });

  it('tells a shallow clone from a full one', async () => {
    const shallow = path.join(root, 'shallow');
    sh(root, 'clone', '-q', '--depth', '1', `file://${repo}`, shallow);
    expect(await isShallow(shallow)).toBe(true);
    expect(await isShallow(repo)).toBe(false);
  });

  it('answers shallow, HEAD and branch in one go, on a branch, detached, shallow and unborn', async () => {
    expect(await headState(repo)).toEqual({ shallow: false, commit: sh(repo, 'rev-parse', 'HEAD'), branch: 'main' });
    const detached = path.join(root, 'state-detached');
    sh(root, 'clone', '-q', repo, detached);
    sh(detached, 'checkout', '-q', '--detach', 'HEAD~1');
    expect(await headState(detached)).toEqual({ shallow: false, commit: shas.a, branch: undefined });
    const shallow = path.join(root, 'state-shallow');
    sh(root, 'clone', '-q', '--depth', '1', '--branch', 'side', `file://${repo}`, shallow);
    expect(await headState(shallow)).toEqual({ shallow: true, commit: shas.c, branch: 'side' });
    // A file named like the revision does not confuse it.
    fs.writeFileSync(path.join(detached, 'HEAD'), 'not a revision');
    expect((await headState(detached)).commit).toBe(shas.a);
    const unborn = initRepo(path.join(root, 'state-unborn'));
    expect(await headState(unborn)).toEqual({ shallow: false, commit: undefined, branch: 'main' });
  });

  it('names a repository folder that does not exist', async () => {
    await expect(isShallow(path.join(root, 'nowhere'))).rejects.toThrow(/The repository folder .*nowhere does not exist/);
  });

  it('says git is missing when it is not on PATH', async () => {
    const saved = process.env.PATH;
    process.env.PATH = tempDir();
    try {
      await expect(isShallow(repo)).rejects.toThrow(/`git` was not found on PATH/);
    } finally {
      process.env.PATH = saved;
    }
  });

  it('throws GitError with advice outside a repository', async () => {
    const error = await isShallow(tempDir()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect(error).toMatchObject({ exitCode: 128, command: 'git rev-parse --is-shallow-repository' });
    expect((error as GitError).message).toMatch(/not a git repository[\s\S]*Run actions\/checkout/);
  });
});

describe('hints', () => {
  it.each([
    ['fatal: not a git repository (or any of the parent directories): .git', /actions\/checkout/],
    ["fatal: ambiguous argument 'v1.0.0..HEAD': unknown revision or path not in the working tree.", /fetch-depth: 0/],
    ['remote: error: GH006: Protected branch update failed for refs/heads/main.', /protected/],
    ["remote: Permission to acme/app.git denied to github-actions[bot].\nfatal: unable to access 'https://github.com/acme/app/': The requested URL returned error: 403", /contents: write/],
    ['*** Please tell me who you are.', /committer identity/],
  ])('%s', (stderr, hint) => {
    expect(hintFor(stderr)).toMatch(hint);
  });
  it('gives none for an unknown failure', () => {
    expect(hintFor('error: something else entirely (a1b403c)')).toBeUndefined();
  });
});
