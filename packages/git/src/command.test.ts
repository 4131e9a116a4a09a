import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cleanupTempDirs, tempDir } from '../../../test/support/tmp.ts';
import { git, gitEnv } from './command.ts';
import { initRepo, isolateGit } from './testing/repo.ts';

let restore: () => void;
let root: string;
beforeAll(() => {
  root = tempDir('conveyor-git-command-');
  restore = isolateGit(path.join(root, 'home'));
});
afterAll(() => {
  restore();
  cleanupTempDirs();
});

describe('config settings', () => {
  it('reach git with the scope of -c, through the environment and not the command line', async () => {
    const repo = initRepo(path.join(root, 'repo'));
    const read = await git(repo, ['config', '--get', 'http.extraheader'], { config: { 'http.extraheader': 'AUTHORIZATION: basic c2VjcmV0' } });
    expect(read.stdout.trim()).toBe('AUTHORIZATION: basic c2VjcmV0');

    // A stand-in git on PATH shows what a process list would: its arguments, and the environment it got.
    const bin = path.join(root, 'bin');
    fs.mkdirSync(bin, { recursive: true });
    fs.writeFileSync(path.join(bin, 'git'), '#!/bin/sh\necho "args: $*"\nenv | grep ^GIT_CONFIG_ | sort\n', { mode: 0o755 });
    const saved = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${saved}`;
    try {
      const shown = await git(repo, ['fetch', 'origin'], { config: { 'http.extraheader': 'AUTHORIZATION: basic c2VjcmV0' } });
      expect(shown.stdout).toContain('args: -c core.quotepath=off --no-pager fetch origin\n');
      expect(shown.stdout.split('\n').filter((l) => l.startsWith('args:')).join('')).not.toContain('c2VjcmV0');
      expect(shown.stdout).toContain('GIT_CONFIG_VALUE_0=AUTHORIZATION: basic c2VjcmV0');
    } finally {
      process.env.PATH = saved;
    }
  });

  it('come after settings the environment already carries', () => {
    const saved = { ...process.env };
    process.env.GIT_CONFIG_COUNT = '1';
    process.env.GIT_CONFIG_KEY_0 = 'user.name';
    process.env.GIT_CONFIG_VALUE_0 = 'someone';
    try {
      const env = gitEnv({}, { 'http.extraheader': 'x', 'core.askpass': 'true' });
      expect(env).toMatchObject({
        GIT_CONFIG_COUNT: '3', GIT_CONFIG_KEY_0: 'user.name', GIT_CONFIG_VALUE_0: 'someone',
        GIT_CONFIG_KEY_1: 'http.extraheader', GIT_CONFIG_VALUE_1: 'x', GIT_CONFIG_KEY_2: 'core.askpass', GIT_CONFIG_VALUE_2: 'true',
      });
      expect(gitEnv().GIT_CONFIG_COUNT).toBe('1');
    } finally {
      for (const key of ['GIT_CONFIG_COUNT', 'GIT_CONFIG_KEY_0', 'GIT_CONFIG_VALUE_0']) delete process.env[key];
      Object.assign(process.env, saved);
    }
  });
});
