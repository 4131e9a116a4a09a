/**
 * The seam over the real `git` binary. Every call runs `git -c core.quotepath=off --no-pager ...` in the
 * repository folder with LC_ALL=C (so messages can be recognised), no pager and no terminal prompt.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import { ToolNotFoundError, debug } from '@conveyor/kit';
import { GitError, hintFor } from './errors.ts';

const GLOBAL_ARGS = ['-c', 'core.quotepath=off', '--no-pager'] as const;

export interface GitOptions {
  /** Written to git's standard input. */
  input?: string;
  /** Exit codes that are not failures (default `[0]`). */
  okCodes?: readonly number[];
  /** Advice used when git fails and none of the known messages matches. */
  hint?: string;
  /** Extra settings with the scope of `-c name=value`, passed in the environment (never logged, never on the command line: they may carry credentials). */
  config?: Readonly<Record<string, string>>;
  /** Extra environment variables. */
  env?: Readonly<Record<string, string>>;
}

export interface GitResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * The environment git runs with. `config` settings go in GIT_CONFIG_COUNT / GIT_CONFIG_KEY_n /
 * GIT_CONFIG_VALUE_n (the same scope as `-c`, after any the caller's environment already holds), not on the
 * command line: a token in an `http.extraheader` would otherwise be readable by every user of the machine
 * in the process list.
 */
export function gitEnv(extra?: Readonly<Record<string, string>>, config?: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra, LC_ALL: 'C', LANGUAGE: 'C', GIT_PAGER: 'cat', PAGER: 'cat', GIT_TERMINAL_PROMPT: '0' };
  const entries = Object.entries(config ?? {});
  if (entries.length > 0) {
    const start = Math.max(0, Number.parseInt(env.GIT_CONFIG_COUNT ?? '0', 10) || 0);
    entries.forEach(([name, value], i) => {
      env[`GIT_CONFIG_KEY_${start + i}`] = name;
      env[`GIT_CONFIG_VALUE_${start + i}`] = value;
    });
    env.GIT_CONFIG_COUNT = String(start + entries.length);
  }
  return env;
}

/** How a command is shown in logs and errors (without the fixed global options). */
export function display(args: readonly string[]): string {
  return ['git', ...args].map((a) => (/^[\w@%+=:,./^~-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

function spawnGit(dir: string, args: readonly string[], config?: Readonly<Record<string, string>>, env?: Readonly<Record<string, string>>): ChildProcessWithoutNullStreams {
  debug(`[git] ${display(args)} (in ${dir})`);
  return spawn('git', [...GLOBAL_ARGS, ...args], { cwd: dir, env: gitEnv(env, config), stdio: ['pipe', 'pipe', 'pipe'] });
}

function failure(args: readonly string[], exitCode: number, stderr: string, hint?: string): GitError {
  return new GitError(display(args), exitCode, stderr, hintFor(stderr) ?? hint);
}

function spawnError(dir: string, args: readonly string[], error: NodeJS.ErrnoException): Error {
  if (!fs.existsSync(dir)) {
    return new GitError(display(args), -1, '', `The repository folder ${dir} does not exist; check the path (and run actions/checkout first).`);
  }
  if (error.code === 'ENOENT') return new ToolNotFoundError('git', 'Install git on the runner (it is on every GitHub-hosted runner).');
  return new GitError(display(args), -1, error.message);
}

/**
 * Runs git and captures its standard output as bytes (for output framed by byte counts, such as
 * `cat-file --batch`, or paths that may not be UTF-8). Throws `GitError` on an exit code not in `okCodes`.
 */
export function gitBytes(dir: string, args: readonly string[], options: GitOptions = {}): Promise<{ exitCode: number; stdout: Buffer; stderr: string }> {
  const okCodes = options.okCodes ?? [0];
  return new Promise((resolve, reject) => {
    let child: ChildProcessWithoutNullStreams;
    try {
      child = spawnGit(dir, args, options.config, options.env);
    } catch (error) {
      reject(spawnError(dir, args, error as NodeJS.ErrnoException));
      return;
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => reject(spawnError(dir, args, error)));
    child.on('close', (code) => {
      const result = { exitCode: code ?? 128, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') };
      if (okCodes.includes(result.exitCode)) resolve(result);
      else reject(failure(args, result.exitCode, result.stderr, options.hint));
    });
    child.stdin.on('error', () => {
      /* git closed its input early; its exit code tells the story */
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Runs git and captures its output as text. Throws `GitError` on an exit code not in `okCodes`. */
export async function git(dir: string, args: readonly string[], options: GitOptions = {}): Promise<GitResult> {
  const result = await gitBytes(dir, args, options);
  return { exitCode: result.exitCode, stdout: result.stdout.toString('utf8'), stderr: result.stderr };
}

/**
 * Runs git and yields its standard output chunk by chunk, with backpressure: git is paused while the
 * consumer is busy. Stopping early kills git. Throws `GitError` at the end when git failed.
 */
export async function* streamGit(dir: string, args: readonly string[], options: Pick<GitOptions, 'hint' | 'config' | 'env'> = {}): AsyncGenerator<Buffer> {
  const child = spawnGit(dir, args, options.config, options.env);
  child.stdin.end();
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (stderr.length < 64 * 1024) stderr += chunk;
  });
  let spawnFailure: Error | undefined;
  const exited = new Promise<number>((resolve) => {
    child.on('error', (error: NodeJS.ErrnoException) => {
      spawnFailure = spawnError(dir, args, error);
      resolve(-1);
    });
    child.on('close', (code) => resolve(code ?? 128));
  });
  let finished = false;
  try {
    for await (const chunk of child.stdout) yield chunk as Buffer;
    const code = await exited;
    finished = true;
    if (spawnFailure) throw spawnFailure;
    if (code !== 0) throw failure(args, code, stderr, options.hint);
  } finally {
    if (!finished && child.exitCode === null) child.kill();
  }
}
