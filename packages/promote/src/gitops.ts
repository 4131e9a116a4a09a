/**
 * The GitOps repositories: a fresh clone of each environment's branch (the source of truth for what it
 * runs), reading its target files now and in history, and writing a promotion back as one commit
 * (pushed with rebase-and-retry) or as a branch for a pull request.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConveyorError, maskSecret } from '@conveyor/kit';
import { GitError, commitFiles, git, identityEnv, push, readFileAt, readLog, revParse } from '@conveyor/git';
import type { Environment } from './environments.ts';
import { observe, runningDigest, type BoundTarget } from './manifests.ts';
import type { Observed } from './targets/index.ts';
import { targetsFor } from './environments.ts';
import { globFiles } from './glob.ts';

export interface Checkout {
  dir: string;
  /** Clone URL without credentials, for messages. */
  url: string;
  branch: string;
  /** `owner/name` on GitHub, when known (pull requests are opened there). */
  repository?: string;
  /** Whether a token was written into the clone's configuration. */
  credentials?: boolean;
}

export interface CheckoutContext {
  /** Parent folder for clones. */
  workDir: string;
  serverUrl: string;
  /** `owner/name` the workflow runs in; the default GitOps repository. */
  repository?: string;
  tokens: Readonly<Record<Environment['tokenInput'], string>>;
}

/**
 * Where an environment's GitOps repository is (its clone URL) and, when known, its `owner/name` on GitHub
 * (pull requests and links go there). An explicit `url` is never taken to be the workflow's own repository:
 * its `owner/name` comes from `repository:`, or from the url itself when it points at this GitHub server.
 */
export function locate(environment: Environment, context: Pick<CheckoutContext, 'serverUrl' | 'repository'>): { url: string; repository?: string } {
  if (environment.url) {
    const repository = environment.repository ?? repositoryOnServer(environment.url, context.serverUrl);
    return { url: environment.url, ...(repository ? { repository } : {}) };
  }
  const repository = environment.repository ?? context.repository;
  if (!repository) {
    throw new ConveyorError(`The environment '${environment.name}' names no GitOps repository or url, and the workflow's repository is unknown; set repository: owner/name in the environments file.`);
  }
  return { url: `${context.serverUrl}/${repository}.git`, repository };
}

/** `owner/name` of a clone URL on the given GitHub server (`<server>/owner/name[.git]`), else undefined. */
export function repositoryOnServer(url: string, serverUrl: string): string | undefined {
  const base = serverUrl.replace(/\/+$/, '');
  if (!url.startsWith(`${base}/`)) return undefined;
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(url.slice(base.length + 1));
  return match ? `${match[1]}/${match[2]}` : undefined;
}

/** Clones already made during one promotion, by URL, branch and token. */
export type CheckoutCache = Map<string, Promise<Checkout>>;

/** A clone of the environment's branch, shared by environments that use the same repository and branch. */
export function checkout(environment: Environment, context: CheckoutContext, clones: CheckoutCache): Promise<Checkout> {
  const { url, repository } = locate(environment, context);
  const key = `${url}#${environment.branch}#${environment.tokenInput}`;
  let pending = clones.get(key);
  if (!pending) {
    pending = clone(url, environment, context, repository);
    clones.set(key, pending);
  }
  return pending;
}

async function clone(url: string, environment: Environment, context: CheckoutContext, repository?: string): Promise<Checkout> {
  const dir = fs.mkdtempSync(path.join(context.workDir, `${environment.name}-`));
  const token = context.tokens[environment.tokenInput];
  const config: Record<string, string> = {};
  // The token goes over https only (and plain http to this machine, for local servers).
  if (token && /^(https:\/\/|http:\/\/(127\.0\.0\.1|localhost)[:/])/.test(url)) {
    const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
    maskSecret(basic, { warnShort: false });
    config['http.extraheader'] = `AUTHORIZATION: basic ${basic}`;
  }
  try {
    await git(context.workDir, ['clone', '--quiet', '--no-tags', '--single-branch', '--branch', environment.branch, '--', url, dir], { config });
  } catch (error) {
    const reason = error instanceof GitError ? (error.stderr.trim().split('\n').pop() ?? '') : String(error);
    throw new ConveyorError(
      `Cannot clone the GitOps repository of environment '${environment.name}' (${url}, branch ${environment.branch}): ${reason}. `
      + `Check that the repository and branch exist and that ${environment.tokenInput} can read it.`, { cause: error });
  }
  if (config['http.extraheader']) {
    // Written to the clone's config file directly: a command line would carry the token into the logs.
    fs.appendFileSync(path.join(dir, '.git', 'config'), `[http]\n\textraheader = ${config['http.extraheader']}\n`);
  }
  return { dir, url, branch: environment.branch, ...(repository ? { repository } : {}), credentials: Object.keys(config).length > 0 };
}

/** Removes the token from every clone's configuration (the clones themselves may stay for the runner to delete). */
export async function forgetCredentials(clones: CheckoutCache): Promise<void> {
  for (const pending of clones.values()) {
    const co = await pending.catch(() => undefined);
    if (co?.credentials) await git(co.dir, ['config', '--local', '--unset-all', 'http.extraheader'], { okCodes: [0, 5] });
  }
}

/** The environment's targets for `image`, each bound to the files its path or glob names in the clone. */
export function bindTargets(environment: Environment, image: string, checkoutDir: string, file: string): BoundTarget[] {
  const bound: BoundTarget[] = [];
  for (const target of targetsFor(environment, image, file)) {
    const files = /[*?[{]/.test(target.file)
      ? globFiles(target.file, checkoutDir)
      : fs.existsSync(path.join(checkoutDir, target.file)) ? [target.file] : [];
    if (files.length === 0) {
      throw new ConveyorError(`The ${target.kind} target ${target.file} of environment '${environment.name}' matches no file in the GitOps repository (branch ${environment.branch}); fix the path in ${file}.`);
    }
    for (const f of files) bound.push({ target, file: f });
  }
  return bound;
}

/** The texts of the bound files in the working tree. */
export function readFiles(dir: string, bound: readonly BoundTarget[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const { file } of bound) if (!texts.has(file)) texts.set(file, fs.readFileSync(path.join(dir, file), 'utf8'));
  return texts;
}

/**
 * The digest the targets ran before `current`, from the branch's history: the newest earlier commit
 * where every target recorded one digest different from `current`. Also returns that commit, and the
 * tag recorded with the digest when every target agrees on one.
 */
export async function previousDigest(dir: string, bound: readonly BoundTarget[], current: string | undefined): Promise<{ digest: string; commit: string; tag?: string } | undefined> {
  const files = [...new Set(bound.map((b) => b.file))];
  for await (const commit of readLog(dir, { paths: files })) {
    const texts = new Map<string, string>();
    for (const file of files) {
      const text = await readFileAt(dir, commit.sha, file);
      if (text !== undefined) texts.set(file, text);
    }
    if (texts.size !== files.length) continue;
    let observed: Observed[];
    try {
      observed = observe(texts, bound);
    } catch {
      continue;
    }
    const running = runningDigest(observed);
    if (running.digest && running.digest !== current) {
      const tags = new Set(observed.map((o) => o.tag));
      const [tag] = tags;
      return { digest: running.digest, commit: commit.sha, ...(tags.size === 1 && tag ? { tag } : {}) };
    }
  }
  return undefined;
}

/** Writes the new file texts into the working tree. */
export function writeFiles(dir: string, edits: ReadonlyMap<string, string>): void {
  for (const [file, text] of edits) fs.writeFileSync(path.join(dir, file), text);
}

/**
 * Commits the edited files on the environment's branch and pushes, rebasing when the branch moved. The
 * clone is this promotion's own, so its index holds nothing but these files once they are added: one
 * `git add` and one `git commit` of the index (a commit naming 500 paths would build a second index).
 */
export async function commitAndPush(co: Checkout, files: readonly string[], message: string): Promise<{ sha: string; attempts: number }> {
  if (files.length === 0) throw new TypeError('commitAndPush: no file to commit.');
  const [identity] = await Promise.all([identityEnv(co.dir), git(co.dir, ['add', '--', ...files])]);
  await git(co.dir, ['commit', '--quiet', '--no-verify', '--file=-'], { input: message, env: identity });
  return push(co.dir, { branch: co.branch, retries: 5 });
}

/**
 * Puts the edits on `branch` (started from the environment's branch) and force-pushes it, unless the
 * remote branch already holds exactly these files. Returns the branch head and whether it moved.
 */
export async function pushPullRequestBranch(co: Checkout, branch: string, files: readonly string[], message: string): Promise<{ sha: string; pushed: boolean }> {
  await git(co.dir, ['checkout', '--quiet', '-B', branch]);
  const sha = await commitFiles(co.dir, { message, paths: files });
  const remote = await git(co.dir, ['ls-remote', '--heads', '--', 'origin', `refs/heads/${branch}`]);
  const remoteSha = remote.stdout.split(/\s/)[0];
  if (remoteSha) {
    await git(co.dir, ['fetch', '--quiet', '--', 'origin', `+refs/heads/${branch}:refs/remotes/origin/${branch}`]);
    const [mine, theirs, theirsParent, base] = await Promise.all([
      revParse(co.dir, 'HEAD^{tree}'), revParse(co.dir, `refs/remotes/origin/${branch}^{tree}`),
      revParse(co.dir, `refs/remotes/origin/${branch}~1`), revParse(co.dir, 'HEAD~1'),
    ]);
    if (mine === theirs && theirsParent === base) return { sha: remoteSha, pushed: false };
  }
  await git(co.dir, ['push', '--quiet', '--force', 'origin', `HEAD:refs/heads/${branch}`]);
  return { sha, pushed: true };
}
