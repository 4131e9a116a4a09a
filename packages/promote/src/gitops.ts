/**
 * The GitOps repositories, read and written without a working tree. Each environment's branch is cloned
 * bare (with its whole history, for rollbacks); its files are listed from the tip's tree and read with one
 * `git cat-file --batch`; a promotion is written as one commit on that tip by `git fast-import` and
 * pushed (made again on the new tip when another push got there first), or force-pushed to a branch for
 * a pull request. Nothing is checked out, staged or written to disk but git's own objects.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConveyorError, info, maskSecret } from '@conveyor/kit';
import {
  GitError, git, isRaceRejection, listTree, readLog, readObjects, writeCommit, type CommitIdentity, type FileWrite, type TreeEntry,
} from '@conveyor/git';
import type { Environment } from './environments.ts';
import { observe, runningDigest, type BoundTarget } from './manifests.ts';
import type { Observed } from './targets/index.ts';
import { targetsFor } from './environments.ts';
import { isPattern, matchPaths, normalizePattern } from './glob.ts';

/** One commit of an environment's branch: its id, and its files (blobs, by path) with modes and ids. */
export interface Snapshot {
  commit: string;
  files: ReadonlyMap<string, TreeEntry>;
}

export interface Checkout {
  /** The bare clone (a git directory, no working tree). */
  dir: string;
  /** Clone URL without credentials, for messages. */
  url: string;
  branch: string;
  /** `owner/name` on GitHub, when known (pull requests are opened there). */
  repository?: string;
  /** Whether a token was written into the clone's configuration. */
  credentials?: boolean;
  /** The branch's tip when cloned. */
  head: Snapshot;
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

/** A bare clone of the environment's branch, shared by environments that use the same repository and branch. */
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

/**
 * Whether the token may go to `url`: over https only, and plain http to this machine (for local servers).
 * For plain http the whole authority must be the loopback host and an optional port, so a URL such as
 * `http://127.0.0.1:x@elsewhere/` (a user part before another host) does not pass.
 */
export function sendsToken(url: string): boolean {
  return /^(https:\/\/|http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/|$))/.test(url);
}

async function clone(url: string, environment: Environment, context: CheckoutContext, repository?: string): Promise<Checkout> {
  const dir = fs.mkdtempSync(path.join(context.workDir, `${environment.name}-`));
  const token = context.tokens[environment.tokenInput];
  const config: Record<string, string> = {};
  if (token && sendsToken(url)) {
    const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
    maskSecret(basic, { warnShort: false });
    config['http.extraheader'] = `AUTHORIZATION: basic ${basic}`;
  }
  try {
    await git(context.workDir, ['clone', '--quiet', '--bare', '--no-tags', '--single-branch', '--branch', environment.branch, '--', url, dir], { config });
  } catch (error) {
    const reason = error instanceof GitError ? (error.stderr.trim().split('\n').pop() ?? '') : String(error);
    throw new ConveyorError(
      `Cannot clone the GitOps repository of environment '${environment.name}' (${url}, branch ${environment.branch}): ${reason}. `
      + `Check that the repository and branch exist and that ${environment.tokenInput} can read it.`, { cause: error });
  }
  if (config['http.extraheader']) {
    // Written to the clone's config file directly: a command line would carry the token into the logs.
    fs.appendFileSync(path.join(dir, 'config'), `[http]\n\textraheader = ${config['http.extraheader']}\n`);
  }
  let head: Snapshot;
  try {
    head = await readSnapshot(dir, `refs/heads/${environment.branch}`);
  } catch (error) {
    // A clone that fails here never reaches forgetCredentials (which only sees clones that were made):
    // its folder goes now, with the token in its config.
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { dir, url, branch: environment.branch, ...(repository ? { repository } : {}), credentials: Object.keys(config).length > 0, head };
}

/** The commit `ref` names in the clone and the files of its tree. */
async function readSnapshot(dir: string, ref: string): Promise<Snapshot> {
  const [commit, entries] = await Promise.all([
    git(dir, ['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`]),
    listTree(dir, ref),
  ]);
  const files = new Map<string, TreeEntry>();
  for (const entry of entries) if (entry.type === 'blob') files.set(entry.path, entry);
  return { commit: commit.stdout.trim(), files };
}

/** Removes the token from every clone's configuration (the clones themselves may stay for the runner to delete). */
export async function forgetCredentials(clones: CheckoutCache): Promise<void> {
  for (const pending of clones.values()) {
    const co = await pending.catch(() => undefined);
    if (co?.credentials) await git(co.dir, ['config', '--local', '--unset-all', 'http.extraheader'], { okCodes: [0, 5] });
  }
}

/**
 * The environment's targets for `image`, each bound to the files its path or pattern names in the
 * snapshot. A target naming no file, or a symbolic link, is refused (before anything is written).
 */
export function bindTargets(environment: Environment, image: string, snapshot: Snapshot, file: string): BoundTarget[] {
  const bound: BoundTarget[] = [];
  for (const target of targetsFor(environment, image, file)) {
    const exact = normalizePattern(target.file);
    const files = isPattern(target.file) ? matchPaths(target.file, snapshot.files.keys()) : snapshot.files.has(exact) ? [exact] : [];
    if (files.length === 0) {
      throw new ConveyorError(`The ${target.kind} target ${target.file} of environment '${environment.name}' matches no file in the GitOps repository (branch ${environment.branch}); fix the path in ${file}.`);
    }
    for (const f of files) {
      if (snapshot.files.get(f)!.notUtf8) {
        throw new ConveyorError(`The ${target.kind} target ${target.file} of environment '${environment.name}' names ${f}, whose name in the GitOps repository (branch ${environment.branch}) is not UTF-8, so an edit could not be written under it; rename it to UTF-8 or narrow the target in ${file}.`);
      }
      if (snapshot.files.get(f)!.mode === '120000') {
        throw new ConveyorError(`The ${target.kind} target ${target.file} of environment '${environment.name}' names ${f}, a symbolic link in the GitOps repository (branch ${environment.branch}); point the target at the file it links to in ${file}.`);
      }
      bound.push({ target, file: f });
    }
  }
  return bound;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text of a file's bytes; undefined when they are not UTF-8 (an edit could not keep them as they are). */
function decode(bytes: Buffer): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** The texts of the bound files in the snapshot, read with one `git cat-file --batch`. */
export async function readFiles(co: Checkout, snapshot: Snapshot, bound: readonly BoundTarget[]): Promise<Map<string, string>> {
  const files = [...new Set(bound.map((b) => b.file))];
  const objects = await readObjects(co.dir, files.map((f) => snapshot.files.get(f)!.oid));
  const texts = new Map<string, string>();
  for (const file of files) {
    const object = objects.get(snapshot.files.get(file)!.oid);
    if (!object) throw new ConveyorError(`internal: ${file} is listed at ${snapshot.commit} but could not be read from ${co.dir}.`);
    const text = decode(object.content);
    if (text === undefined) {
      throw new ConveyorError(`${file} in the GitOps repository (${co.url}, branch ${co.branch}) is not UTF-8 text, so it cannot be edited without changing other bytes; save it as UTF-8 and run again.`);
    }
    texts.set(file, text);
  }
  return texts;
}

/**
 * The digest the targets ran before `current`, from the branch's history: the newest earlier commit
 * where every target recorded one digest different from `current`. Also returns that commit, and the
 * tag recorded with the digest when every target agrees on one.
 */
export async function previousDigest(co: Checkout, bound: readonly BoundTarget[], current: string | undefined): Promise<{ digest: string; commit: string; tag?: string } | undefined> {
  const files = [...new Set(bound.map((b) => b.file))];
  for await (const commit of readLog(co.dir, { range: co.head.commit, paths: files })) {
    const objects = await readObjects(co.dir, files.map((file) => `${commit.sha}:${file}`));
    const texts = new Map<string, string>();
    for (const file of files) {
      const object = objects.get(`${commit.sha}:${file}`);
      const text = object?.type === 'blob' ? decode(object.content) : undefined;
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

/** The edited files as fast-import writes them, each with the mode it has in the snapshot. */
function fileWrites(snapshot: Snapshot, edits: ReadonlyMap<string, string>): FileWrite[] {
  return [...edits].map(([file, content]) => ({ path: file, mode: snapshot.files.get(file)!.mode, content }));
}

/** Makes the edits again on a newer tip of the branch (or refuses); see `commitAndPush`. */
export type Replan = (snapshot: Snapshot) => Promise<ReadonlyMap<string, string>>;

export interface Pushed {
  sha: string;
  /** Pushes tried: 1 when the first one landed. */
  attempts: number;
  /** The edits in the commit that landed (made again at the newest tip after a retry). */
  edits: ReadonlyMap<string, string>;
}

/**
 * Commits the edits on the tip the clone was made from and pushes the commit to the environment's
 * branch. When another push got there first, it fetches the new tip, has `replan` read the files and
 * make the edits again there (or refuse), commits on that tip and pushes again, up to `retries` times.
 * Unlike a textual rebase this never conflicts on other edits in the same files, and the edit that lands
 * is always one planned and checked on the files it lands in.
 */
export async function commitAndPush(
  co: Checkout, edits: ReadonlyMap<string, string>, message: string, identity: CommitIdentity, replan: Replan, retries = 5,
): Promise<Pushed> {
  let snapshot = co.head;
  let attempts = 0;
  for (;;) {
    attempts++;
    const sha = await writeCommit(co.dir, { parent: snapshot.commit, message, identity, files: fileWrites(snapshot, edits), ref: 'refs/conveyor/promotion' });
    try {
      await git(co.dir, ['push', '--quiet', '--', 'origin', `${sha}:refs/heads/${co.branch}`]);
      return { sha, attempts, edits };
    } catch (error) {
      if (!(error instanceof GitError) || !isRaceRejection(error.stderr)) throw error;
      if (attempts > retries) {
        throw new GitError(error.command, error.exitCode, error.stderr,
          `The remote branch '${co.branch}' kept moving: ${attempts} pushes were rejected. Re-run the job, or serialise the workflow with a \`concurrency\` group.`, { cause: error });
      }
    }
    await git(co.dir, ['fetch', '--quiet', '--no-tags', '--', 'origin', `+refs/heads/${co.branch}:refs/heads/${co.branch}`]);
    snapshot = await readSnapshot(co.dir, `refs/heads/${co.branch}`);
    info(`The remote branch '${co.branch}' moved; making the edits again on its new tip ${snapshot.commit.slice(0, 12)} and pushing again (attempt ${attempts + 1}).`);
    edits = await replan(snapshot);
  }
}

/**
 * Commits the edits on the tip the clone was made from and force-pushes that commit to `branch`, unless
 * the remote branch already holds exactly these files on the same base. Returns the branch head and
 * whether it moved.
 */
export async function pushPullRequestBranch(
  co: Checkout, branch: string, edits: ReadonlyMap<string, string>, message: string, identity: CommitIdentity,
): Promise<{ sha: string; pushed: boolean }> {
  const [sha, remote] = await Promise.all([
    writeCommit(co.dir, { parent: co.head.commit, message, identity, files: fileWrites(co.head, edits), ref: 'refs/conveyor/pull-request' }),
    git(co.dir, ['ls-remote', '--heads', '--', 'origin', `refs/heads/${branch}`]),
  ]);
  const remoteSha = remote.stdout.split(/\s/)[0];
  if (remoteSha) {
    const theirs = 'refs/conveyor/remote-pull-request';
    await git(co.dir, ['fetch', '--quiet', '--no-tags', '--', 'origin', `+refs/heads/${branch}:${theirs}`]);
    const trees = await git(co.dir, ['rev-parse', `${sha}^{tree}`, `${theirs}^{tree}`, `${theirs}~1`], { okCodes: [0, 128] });
    const [mine, their, theirParent] = trees.stdout.split('\n');
    if (trees.exitCode === 0 && mine === their && theirParent === co.head.commit) return { sha: remoteSha, pushed: false };
  }
  await git(co.dir, ['push', '--quiet', '--force', '--', 'origin', `${sha}:refs/heads/${branch}`]);
  return { sha, pushed: true };
}
