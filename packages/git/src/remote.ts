/** Talking to a remote: fetch, push with rebase-and-retry, tags. */
import { debug, info } from '@conveyor/kit';
import { git } from './command.ts';
import { GitError } from './errors.ts';
import { identityEnv, type Person } from './files.ts';
import { isShallow } from './refs.ts';
import { checkRev } from './log.ts';

function checkName(value: string, what: string): string {
  if (value === '' || value.startsWith('-') || /[\0\n\s:]/.test(value)) {
    throw new TypeError(`Invalid ${what} ${JSON.stringify(value)}: it must be a plain name without spaces or ':' that does not start with '-'.`);
  }
  return value;
}

export interface FetchOptions {
  remote?: string;
  /** Fetch the whole history when the clone is shallow (does nothing on a full clone). */
  unshallow?: boolean;
  /** Also fetch every tag. */
  tags?: boolean;
  refspecs?: readonly string[];
}

/** `git fetch` with the given options. */
export async function fetch(dir: string, options: FetchOptions = {}): Promise<void> {
  const remote = checkName(options.remote ?? 'origin', 'remote');
  const args = ['fetch', '--quiet', '--no-recurse-submodules'];
  if (options.unshallow && (await isShallow(dir))) args.push('--unshallow');
  if (options.tags) args.push('--tags', '--force');
  args.push('--', remote, ...(options.refspecs ?? []).map((r) => checkRev(r, 'refspec')));
  await git(dir, args);
}

export interface PushOptions {
  remote?: string;
  /** The remote branch to update with HEAD. */
  branch: string;
  /** How many times to rebase and try again after the remote moved (default 3). */
  retries?: number;
  /** Committer identity for the rebase (default: the configured one, else the Actions bot). */
  author?: Person;
}

/** Whether a push failed because the remote branch moved since we fetched it. */
export function isRaceRejection(stderr: string): boolean {
  return /\[rejected\]|non-fast-forward|fetch first|stale info|cannot lock ref|failed to update ref/i.test(stderr);
}

/**
 * Pushes HEAD to `branch` on the remote. When the remote moved meanwhile (someone pushed first), it
 * fetches the branch, rebases HEAD onto it and tries again, up to `retries` times. A rebase conflict is
 * aborted and reported; nothing is pushed then.
 */
export async function push(dir: string, options: PushOptions): Promise<{ sha: string; attempts: number }> {
  const remote = checkName(options.remote ?? 'origin', 'remote');
  const branch = checkName(options.branch, 'branch');
  const retries = options.retries ?? 3;
  let attempts = 0;
  for (;;) {
    attempts++;
    try {
      await git(dir, ['push', remote, `HEAD:refs/heads/${branch}`]);
      const sha = (await git(dir, ['rev-parse', 'HEAD'])).stdout.trim();
      return { sha, attempts };
    } catch (error) {
      if (!(error instanceof GitError) || !isRaceRejection(error.stderr + error.message) || attempts > retries) {
        if (error instanceof GitError && attempts > retries && isRaceRejection(error.stderr)) {
          throw new GitError(error.command, error.exitCode, error.stderr,
            `The remote branch '${branch}' kept moving: ${attempts} pushes were rejected. Re-run the job, or serialise the workflow with a \`concurrency\` group.`, { cause: error });
        }
        throw error;
      }
      info(`The remote branch '${branch}' moved; rebasing onto it and pushing again (attempt ${attempts + 1}).`);
      await rebaseOnto(dir, remote, branch, options.author);
    }
  }
}

async function rebaseOnto(dir: string, remote: string, branch: string, author?: Person): Promise<void> {
  const tracking = `refs/remotes/${remote}/${branch}`;
  await git(dir, ['fetch', '--quiet', '--no-recurse-submodules', '--', remote, `+refs/heads/${branch}:${tracking}`]);
  const env = await identityEnv(dir, author);
  try {
    await git(dir, ['rebase', '--quiet', '--no-autostash', tracking], { env });
  } catch (error) {
    debug(`rebase failed; aborting it`);
    await git(dir, ['rebase', '--abort'], { okCodes: [0, 1, 128] });
    throw error;
  }
}

/** Pushes one local tag. Fails when the remote already has the tag on another object. */
export async function pushTag(dir: string, tag: string, options: { remote?: string } = {}): Promise<void> {
  const remote = checkName(options.remote ?? 'origin', 'remote');
  const name = checkName(tag, 'tag');
  await git(dir, ['push', remote, `refs/tags/${name}:refs/tags/${name}`]);
}

/** Deletes a tag on the remote. Returns false when the remote did not have it. */
export async function deleteRemoteTag(dir: string, tag: string, options: { remote?: string } = {}): Promise<boolean> {
  const remote = checkName(options.remote ?? 'origin', 'remote');
  const name = checkName(tag, 'tag');
  const listed = await git(dir, ['ls-remote', '--tags', '--', remote, `refs/tags/${name}`]);
  if (listed.stdout.trim() === '') return false;
  await git(dir, ['push', remote, `:refs/tags/${name}`]);
  return true;
}

/** The URL of a remote (`origin` by default), or undefined when the repository has no such remote. */
export async function remoteUrl(dir: string, remote = 'origin'): Promise<string | undefined> {
  const result = await git(dir, ['config', '--get', `remote.${checkName(remote, 'remote')}.url`], { okCodes: [0, 1] });
  const url = result.stdout.trim();
  return result.exitCode === 0 && url !== '' ? url : undefined;
}

/**
 * The `owner/name` a remote URL points at on the GitHub server `serverUrl` (https://github.com or a GitHub
 * Enterprise Server): https and http (with or without credentials), ssh:// (any port) and scp-like
 * `git@host:owner/name` URLs, `.git` or not. Undefined for any other host, or a path that is not owner/name.
 */
export function githubRepositoryOf(url: string, serverUrl = 'https://github.com'): { owner: string; repo: string } | undefined {
  const server = new URL(serverUrl).hostname.toLowerCase();
  const hosts = new Set([server, ...(server === 'github.com' ? ['www.github.com', 'ssh.github.com'] : [])]);
  let host: string;
  let pathname: string;
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/\/)(.+)$/.exec(url);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return undefined;
    }
    if (!['https:', 'http:', 'ssh:', 'git:', 'git+ssh:', 'ssh+git:'].includes(parsed.protocol)) return undefined;
    host = parsed.hostname;
    pathname = decodeURIComponent(parsed.pathname);
  } else if (scp) {
    host = scp[1]!;
    pathname = scp[2]!;
  } else {
    return undefined;
  }
  if (!hosts.has(host.toLowerCase())) return undefined;
  const match = /^\/?([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([\w.-]+?)(?:\.git)?\/?$/.exec(pathname);
  if (!match || match[2] === '.' || match[2] === '..') return undefined;
  return { owner: match[1]!, repo: match[2]! };
}
