import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cleanupTempDirs, tempDir } from '../../../test/support/tmp.ts';
import { GITHUB_ACTIONS_BOT } from './files.ts';
import { commitIdentity, listTree, parseTreeListing, readObjects, writeCommit, type CommitIdentity } from './tree.ts';
import { commit, initRepo, isolateGit, sh } from './testing/repo.ts';

let restore: () => void;
let root: string;
let counter = 0;

beforeAll(() => {
  root = tempDir('conveyor-git-tree-');
  restore = isolateGit(path.join(root, 'home'));
});
afterAll(() => {
  restore();
  cleanupTempDirs();
});

const SPACED = 'envs/prod eu/values file.yaml';
const UNICODE = 'apps/café/kustomization.yaml';
const NESTED = 'a/b/c/d/deep.yaml';
/** Not valid UTF-8: read back byte for byte. */
const BINARY = Buffer.from([0x00, 0xff, 0xfe, 0x0a, 0xc3, 0x28, 0x0a]);

/**
 * A bare repository whose main branch holds a regular file, an executable, a symbolic link, a file in a
 * nested folder, paths with spaces and non-ASCII letters, and a file that is not UTF-8.
 */
function fixture(): { bare: string; tip: string } {
  const base = path.join(root, `case-${++counter}`);
  const work = initRepo(path.join(base, 'work'));
  const files: Record<string, string> = {
    'top.yaml': 'a: 1\n', [SPACED]: 'tag: "1.0"\n', [UNICODE]: 'images: []\n', [NESTED]: 'deep: true\n', 'bin/deploy.sh': '#!/bin/sh\necho deploy\n',
  };
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(work, name)), { recursive: true });
    fs.writeFileSync(path.join(work, name), text);
  }
  fs.chmodSync(path.join(work, 'bin/deploy.sh'), 0o755);
  fs.writeFileSync(path.join(work, 'blob.bin'), BINARY);
  fs.symlinkSync('top.yaml', path.join(work, 'link.yaml'));
  commit(work, 'seed');
  const bare = path.join(base, 'remote.git');
  sh(base, 'clone', '-q', '--bare', work, bare);
  return { bare, tip: sh(bare, 'rev-parse', 'main') };
}

const lsTree = (dir: string, rev: string) => sh(dir, '-c', 'core.quotepath=off', 'ls-tree', '-r', rev).split('\n');

describe('listTree', () => {
  it('lists every file with its mode, type and id, paths as stored (spaces, non-ASCII, nested)', async () => {
    const { bare, tip } = fixture();
    const entries = await listTree(bare, tip);
    const byPath = new Map(entries.map((e) => [e.path, e]));
    expect([...byPath.keys()].sort()).toEqual(['a/b/c/d/deep.yaml', 'apps/café/kustomization.yaml', 'bin/deploy.sh', 'blob.bin', 'envs/prod eu/values file.yaml', 'link.yaml', 'top.yaml']);
    expect(byPath.get('bin/deploy.sh')).toMatchObject({ mode: '100755', type: 'blob' });
    expect(byPath.get('link.yaml')).toMatchObject({ mode: '120000', type: 'blob' });
    expect(byPath.get(UNICODE)).toMatchObject({ mode: '100644', type: 'blob', oid: sh(bare, 'rev-parse', `${tip}:${UNICODE}`) });
    expect(byPath.get(SPACED)!.oid).toBe(sh(bare, 'rev-parse', `${tip}:${SPACED}`));
  });

  it('reads a submodule entry as a commit, and refuses a record it does not understand', () => {
    const oid = 'a'.repeat(40);
    expect(parseTreeListing(`160000 commit ${oid}\tvendor/lib\x00100644 blob ${oid}\tx\ty\0`)).toEqual([
      { mode: '160000', type: 'commit', oid, path: 'vendor/lib' },
      { mode: '100644', type: 'blob', oid, path: 'x\ty' },
    ]);
    expect(() => parseTreeListing('garbage\0')).toThrow('unexpected git ls-tree record "garbage"');
  });

  it('flags a path whose stored name is not UTF-8 (as text it names no file), and keeps the others as they are', async () => {
    const work = initRepo(path.join(root, `case-${++counter}`, 'work'));
    const latin1 = Buffer.concat([Buffer.from(`${work}/apps/caf`), Buffer.from([0xe9])]);
    fs.mkdirSync(latin1, { recursive: true });
    fs.writeFileSync(Buffer.concat([latin1, Buffer.from('/kustomization.yaml')]), 'images: []\n');
    fs.writeFileSync(path.join(work, 'apps/café.yaml'), 'a: 1\n');
    commit(work, 'seed');
    const entries = await listTree(work, 'HEAD');
    expect(entries.map(({ path: p, notUtf8 }) => ({ path: p, notUtf8 }))).toEqual([
      { path: 'apps/café.yaml', notUtf8: undefined },
      { path: 'apps/caf\ufffd/kustomization.yaml', notUtf8: true },
    ]);
  });

  it('fails with the revision in the message when it does not exist', async () => {
    const { bare } = fixture();
    await expect(listTree(bare, 'no-such-branch')).rejects.toThrow(/git ls-tree .*no-such-branch/);
  });
});

describe('readObjects', () => {
  it('reads blobs by id and by <rev>:<path> with one process, bytes as stored; missing names map to undefined', async () => {
    const { bare, tip } = fixture();
    const entries = await listTree(bare, tip);
    const oidOf = (p: string) => entries.find((e) => e.path === p)!.oid;
    const names = [oidOf('top.yaml'), `${tip}:${SPACED}`, `${tip}:${UNICODE}`, oidOf('blob.bin'), `${tip}:no/such.yaml`, oidOf('top.yaml'), oidOf('link.yaml')];
    const read = await readObjects(bare, names);
    expect(read.size).toBe(6);
    expect(read.get(oidOf('top.yaml'))!.content.toString()).toBe('a: 1\n');
    expect(read.get(`${tip}:${SPACED}`)).toMatchObject({ type: 'blob', oid: oidOf(SPACED) });
    expect(read.get(`${tip}:${SPACED}`)!.content.toString()).toBe('tag: "1.0"\n');
    expect(read.get(`${tip}:${UNICODE}`)!.content.toString()).toBe('images: []\n');
    expect(Buffer.compare(read.get(oidOf('blob.bin'))!.content, BINARY)).toBe(0);
    expect(read.get(oidOf('link.yaml'))!.content.toString()).toBe('top.yaml');
    expect(read.has(`${tip}:no/such.yaml`)).toBe(true);
    expect(read.get(`${tip}:no/such.yaml`)).toBeUndefined();
  });

  it('returns an empty map for no names, and refuses a name on two lines before starting git', async () => {
    const { bare } = fixture();
    expect((await readObjects(bare, [])).size).toBe(0);
    await expect(readObjects(bare, ['main:a\nb'])).rejects.toThrow('Invalid object name "main:a\\nb" for git cat-file: it must be one line.');
  });
});

describe('commitIdentity', () => {
  it('is the configured identity with a date, or the given person', async () => {
    const { bare } = fixture();
    const identity = await commitIdentity(bare);
    expect(identity.author).toMatch(/^Test Author <author@example\.invalid> \d+ [+-]\d{4}$/);
    expect(identity.committer).toMatch(/^Test Committer <committer@example\.invalid> \d+ [+-]\d{4}$/);
    expect((await commitIdentity(bare, { name: 'Pat', email: 'pat@example.invalid' })).committer).toMatch(/^Pat <pat@example\.invalid> \d+/);
  });

  it("keeps git's own date handling (GIT_AUTHOR_DATE, GIT_COMMITTER_DATE), for the bot too", async () => {
    const { bare } = fixture();
    const saved = { ...process.env };
    process.env.GIT_AUTHOR_DATE = '1700000000 +0200';
    process.env.GIT_COMMITTER_DATE = '1700000100 -0130';
    try {
      expect(await commitIdentity(bare)).toEqual({
        author: 'Test Author <author@example.invalid> 1700000000 +0200', committer: 'Test Committer <committer@example.invalid> 1700000100 -0130',
      });
      for (const k of ['GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'GIT_COMMITTER_NAME', 'GIT_COMMITTER_EMAIL']) delete process.env[k];
      const bot = `${GITHUB_ACTIONS_BOT.name} <${GITHUB_ACTIONS_BOT.email}>`;
      expect(await commitIdentity(bare)).toEqual({ author: `${bot} 1700000000 +0200`, committer: `${bot} 1700000100 -0130` });
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }
  });

  it("refuses an empty name with git's own message, as git commit would", async () => {
    const { bare } = fixture();
    const saved = process.env.GIT_AUTHOR_NAME;
    process.env.GIT_AUTHOR_NAME = '';
    try {
      await expect(commitIdentity(bare)).rejects.toThrow(/empty ident name/);
    } finally {
      process.env.GIT_AUTHOR_NAME = saved;
    }
  });

  it('is the Actions bot when git has no identity', async () => {
    const { bare } = fixture();
    const saved = { ...process.env };
    for (const k of ['GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'GIT_COMMITTER_NAME', 'GIT_COMMITTER_EMAIL']) delete process.env[k];
    try {
      expect((await commitIdentity(bare)).author).toMatch(new RegExp(`^${GITHUB_ACTIONS_BOT.name.replace(/[[\]]/g, '\\$&')} <${GITHUB_ACTIONS_BOT.email.replace(/[[\]+.]/g, '\\$&')}> \\d+`));
    } finally {
      Object.assign(process.env, saved);
    }
  });
});

describe('writeCommit', () => {
  const message = 'promote web 1.1.0 (abc) to dev\n\nConveyor-Digest: sha256:abc\nConveyor-From: dev\n';

  it('writes one commit on the parent that changes only the given files, keeping every mode', async () => {
    const { bare, tip } = fixture();
    const identity = await commitIdentity(bare);
    const sha = await writeCommit(bare, {
      parent: tip, message, identity,
      files: [
        { path: SPACED, mode: '100644', content: 'tag: "1.1"\n' },
        { path: UNICODE, mode: '100644', content: 'images: [{name: café}]\n' },
        { path: NESTED, mode: '100644', content: 'deep: false\n' },
        { path: 'bin/deploy.sh', mode: '100755', content: '#!/bin/sh\necho deploy 2\n' },
      ],
    });
    expect(sh(bare, 'rev-parse', `${sha}^`)).toBe(tip);
    expect(sh(bare, 'rev-parse', 'refs/conveyor/commit')).toBe(sha);
    expect(sh(bare, '-c', 'core.quotepath=off', 'diff', '--name-only', tip, sha).split('\n').sort()).toEqual(['a/b/c/d/deep.yaml', 'apps/café/kustomization.yaml', 'bin/deploy.sh', 'envs/prod eu/values file.yaml']);
    // The executable stays executable; the symbolic link and the other files are the same entries.
    const before = lsTree(bare, tip);
    const after = lsTree(bare, sha);
    expect(after.find((l) => l.endsWith('\tbin/deploy.sh'))).toMatch(/^100755 blob /);
    for (const kept of ['link.yaml', 'top.yaml', 'blob.bin']) {
      expect(after.find((l) => l.endsWith(`\t${kept}`))).toBe(before.find((l) => l.endsWith(`\t${kept}`)));
    }
    expect(after.find((l) => l.endsWith('\tlink.yaml'))).toMatch(/^120000 blob /);
    expect(sh(bare, 'show', `${sha}:${UNICODE}`)).toBe('images: [{name: café}]');
    expect(sh(bare, 'show', `${sha}:${SPACED}`)).toBe('tag: "1.1"');
    // The message exactly as given, and the identity git would use.
    const raw = sh(bare, 'cat-file', 'commit', sha);
    expect(raw.slice(raw.indexOf('\n\n') + 2) + '\n').toBe(message);
    expect(sh(bare, 'log', '-1', '--format=%an <%ae>|%cn <%ce>', sha)).toBe('Test Author <author@example.invalid>|Test Committer <committer@example.invalid>');
  });

  it('writes a path that needs quoting (a quote, a backslash, a tab) under its own name', async () => {
    const { bare, tip } = fixture();
    const odd = 'odd/"quoted" back\\slash\ttab.yaml';
    const sha = await writeCommit(bare, { parent: tip, message, identity: await commitIdentity(bare), files: [{ path: odd, mode: '100644', content: 'x: 1\n' }] });
    const added = (await listTree(bare, sha)).find((e) => e.path.startsWith('odd/'));
    expect(added?.path).toBe(odd);
  });

  it('moves its ref to each new commit, also one that does not follow the last', async () => {
    const { bare, tip } = fixture();
    const identity = await commitIdentity(bare);
    const first = await writeCommit(bare, { parent: tip, message, identity, files: [{ path: 'top.yaml', mode: '100644', content: 'a: 2\n' }] });
    const second = await writeCommit(bare, { parent: tip, message, identity, files: [{ path: 'top.yaml', mode: '100644', content: 'a: 3\n' }] });
    expect(first).not.toBe(second);
    expect(sh(bare, 'rev-parse', 'refs/conveyor/commit')).toBe(second);
    expect(sh(bare, 'rev-parse', `${second}^`)).toBe(tip);
  });

  it('refuses what it cannot write, before starting git', async () => {
    const { bare, tip } = fixture();
    const identity: CommitIdentity = { author: 'A <a@example.invalid> 1 +0000', committer: 'A <a@example.invalid> 1 +0000' };
    await expect(writeCommit(bare, { parent: tip, message, identity, files: [] })).rejects.toThrow('writeCommit: no file to write.');
    await expect(writeCommit(bare, { parent: tip, message, identity, files: [{ path: 'link.yaml', mode: '120000', content: 'x' }] })).rejects.toThrow('only files (100644, 100755) are written');
    await expect(writeCommit(bare, { parent: tip, message, identity, files: [{ path: '../out.yaml', mode: '100644', content: 'x' }] })).rejects.toThrow('is not a path inside the repository');
    await expect(writeCommit(bare, { parent: tip, message, identity: { ...identity, committer: 'nobody' }, files: [{ path: 'a', mode: '100644', content: 'x' }] })).rejects.toThrow("the committer \"nobody\" is not 'Name <email> <seconds> <offset>'");
  });
});
