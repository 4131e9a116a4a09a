/**
 * Real git repositories in temporary folders, for tests and benchmarks. Git runs isolated from the
 * machine's configuration: HOME in a temporary folder, no system config, a fixed identity.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ISOLATION_KEYS = [
  'HOME', 'GIT_CONFIG_NOSYSTEM', 'GIT_CONFIG_GLOBAL', 'GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL',
  'GIT_COMMITTER_NAME', 'GIT_COMMITTER_EMAIL', 'GIT_AUTHOR_DATE', 'GIT_COMMITTER_DATE',
] as const;

/** Points git at an empty HOME with a fixed identity; returns a function that restores the environment. */
export function isolateGit(home: string): () => void {
  const saved = Object.fromEntries(ISOLATION_KEYS.map((k) => [k, process.env[k]]));
  fs.mkdirSync(home, { recursive: true });
  Object.assign(process.env, {
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig'),
    GIT_AUTHOR_NAME: 'Test Author',
    GIT_AUTHOR_EMAIL: 'author@example.invalid',
    GIT_COMMITTER_NAME: 'Test Committer',
    GIT_COMMITTER_EMAIL: 'committer@example.invalid',
  });
  delete process.env.GIT_AUTHOR_DATE;
  delete process.env.GIT_COMMITTER_DATE;
  fs.writeFileSync(path.join(home, '.gitconfig'), '[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n');
  return () => {
    for (const key of ISOLATION_KEYS) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  };
}

/** Runs git synchronously in `dir` and returns its trimmed output (for setting up fixtures). */
export function sh(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** A new repository with `main` checked out. */
export function initRepo(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  sh(dir, 'init', '-q', '-b', 'main');
  return dir;
}

/** Writes `files` (path → content), stages everything and commits; returns the new commit's sha. */
export function commit(dir: string, message: string, files: Record<string, string> = {}, env: Record<string, string> = {}): string {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  execFileSync('git', ['add', '-A'], { cwd: dir });
  execFileSync('git', ['commit', '-q', '--allow-empty', '-F', '-'], { cwd: dir, input: message, env: { ...process.env, ...env } });
  return sh(dir, 'rev-parse', 'HEAD');
}

/**
 * Builds a linear history of `count` commits on `main` with `git fast-import` (seconds for tens of
 * thousands). Commit i changes file `f<i % 16>.txt`; every 1000th gets an annotated tag `v0.<i/1000>.0`.
 */
export function fastImportHistory(dir: string, count: number, options: { bodyLines?: number } = {}): void {
  initRepo(dir);
  const file = path.join(os.tmpdir(), `conveyor-fast-import-${process.pid}-${Date.now()}.txt`);
  const fd = fs.openSync(file, 'w');
  const body = Array.from({ length: options.bodyLines ?? 3 }, (_, j) => `Body line ${j} explaining the change in some detail.`).join('\n');
  try {
    for (let i = 1; i <= count; i++) {
      const message = `${i % 3 === 0 ? 'fix' : 'feat'}(core): change number ${i}\n\n${body}\n`;
      const content = `content ${i}\n`;
      const when = 1_700_000_000 + i * 60;
      fs.writeSync(fd, `commit refs/heads/main\nmark :${i}\nauthor Dev ${i % 7} <dev${i % 7}@example.invalid> ${when} +0000\n`
        + `committer Dev ${i % 7} <dev${i % 7}@example.invalid> ${when} +0000\ndata ${Buffer.byteLength(message)}\n${message}`
        + (i > 1 ? `from :${i - 1}\n` : '')
        + `M 100644 inline f${i % 16}.txt\ndata ${Buffer.byteLength(content)}\n${content}\n`);
      if (i % 1000 === 0) {
        const tagMessage = `release ${i}\n`;
        fs.writeSync(fd, `tag v0.${i / 1000}.0\nfrom :${i}\ntagger Dev <dev@example.invalid> ${when} +0000\ndata ${Buffer.byteLength(tagMessage)}\n${tagMessage}\n`);
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  try {
    execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, stdio: [fs.openSync(file, 'r'), 'ignore', 'pipe'] });
  } finally {
    fs.rmSync(file, { force: true });
  }
  sh(dir, 'checkout', '-q', '-f', 'main');
}
