/**
 * The stand-in's in-memory GitHub: plain records a test can read (and arrange) directly. The handlers turn
 * these records into API objects; ids grow from one counter per kind, like GitHub's.
 */

export interface RepositoryRecord {
  owner: string;
  repo: string;
  id: number;
  defaultBranch: string;
  private: boolean;
  createdAt: string;
  /** false: code scanning is not enabled (SARIF uploads are refused with 403). Default true. */
  codeScanning?: boolean;
}

export interface SarifUploadRecord {
  owner: string;
  repo: string;
  id: string;
  commitSha: string;
  ref: string;
  category: string | null;
  /** The decoded SARIF document. */
  sarif: unknown;
}

export interface RefRecord {
  owner: string;
  repo: string;
  /** Full name, e.g. `refs/tags/v1.2.0`. */
  ref: string;
  sha: string;
}

export interface TagObjectRecord {
  owner: string;
  repo: string;
  sha: string;
  tag: string;
  message: string;
  object: { sha: string; type: string };
  tagger: { name: string; email: string; date: string };
}

export interface ReleaseRecord {
  owner: string;
  repo: string;
  id: number;
  tagName: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  createdAt: string;
  publishedAt: string | null;
  updatedAt: string;
}

export interface CommentRecord {
  owner: string;
  repo: string;
  issueNumber: number;
  id: number;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface PullRecord {
  owner: string;
  repo: string;
  number: number;
  id: number;
  title: string;
  body: string | null;
  /** Branch names (a head from a fork keeps its `owner:` prefix). */
  head: string;
  base: string;
  state: 'open' | 'closed';
  draft: boolean;
  maintainerCanModify: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Set by a test that merges the pull request: the commit the merge made on the base branch. */
  mergeCommitSha?: string;
  mergedAt?: string;
}

export interface DeploymentRecord {
  owner: string;
  repo: string;
  id: number;
  sha: string;
  ref: string;
  task: string;
  environment: string;
  payload: Record<string, unknown> | string;
  description: string | null;
  transientEnvironment: boolean;
  productionEnvironment: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface DeploymentStatusRecord {
  owner: string;
  repo: string;
  deploymentId: number;
  id: number;
  state: string;
  description: string;
  environment: string;
  targetUrl: string;
  logUrl: string;
  environmentUrl: string;
  createdAt: string;
}

export interface CommitStatusRecord {
  owner: string;
  repo: string;
  sha: string;
  id: number;
  state: string;
  targetUrl: string | null;
  description: string | null;
  context: string;
  createdAt: string;
}

/** A GitHub App: its id (the JWT's `iss`), and the public half of the key its JWTs are signed with. */
export interface AppRecord {
  id: number;
  slug: string;
  clientId: string;
  /** PEM (SPKI) public key; the stand-in verifies each JWT's RS256 signature against it. */
  publicKey: string;
}

/** Access levels, as GitHub's `app-permissions` name them. */
export type PermissionLevel = 'read' | 'write' | 'admin';

/** An App installed on an account, for all of its repositories or a selection. */
export interface InstallationRecord {
  id: number;
  appId: number;
  /** The user or organization login the App is installed on. */
  account: string;
  /** `'all'`, or the names of the selected repositories of `account`. */
  repositories: 'all' | string[];
  /** What the installation was granted, e.g. `{ contents: 'write', metadata: 'read' }`. */
  permissions: Record<string, PermissionLevel>;
  createdAt: string;
}

/** An installation access token the stand-in issued. Set `expiresAt` in the past or `revoked` to end it. */
export interface InstallationTokenRecord {
  token: string;
  installationId: number;
  appId: number;
  /** ISO time, an hour after issue (as GitHub's). */
  expiresAt: string;
  permissions: Record<string, PermissionLevel>;
  /** The repository names (of the installation's account) the token is scoped to, or `'all'` of the installation's. */
  repositories: 'all' | string[];
  revoked: boolean;
  createdAt: string;
}

export class GitHubState {
  readonly repositories: RepositoryRecord[] = [];
  readonly refs: RefRecord[] = [];
  readonly tags: TagObjectRecord[] = [];
  readonly releases: ReleaseRecord[] = [];
  /** The release GitHub shows as "Latest", per `owner/repo`. */
  readonly latestRelease = new Map<string, number>();
  readonly comments: CommentRecord[] = [];
  readonly pulls: PullRecord[] = [];
  readonly deployments: DeploymentRecord[] = [];
  readonly deploymentStatuses: DeploymentStatusRecord[] = [];
  readonly statuses: CommitStatusRecord[] = [];
  readonly sarifUploads: SarifUploadRecord[] = [];
  /** Known commit parents (sha → parent shas), used to refuse non-fast-forward ref updates. Optional. */
  readonly commits = new Map<string, string[]>();
  readonly apps: AppRecord[] = [];
  readonly installations: InstallationRecord[] = [];
  readonly installationTokens: InstallationTokenRecord[] = [];
  private readonly counters = new Map<string, number>();

  /** Adds a repository; with `sha`, also its default branch ref pointing at that commit. */
  addRepository(options: { owner: string; repo: string; defaultBranch?: string; private?: boolean; sha?: string }): RepositoryRecord {
    const record: RepositoryRecord = {
      owner: options.owner,
      repo: options.repo,
      id: this.nextId('repository'),
      defaultBranch: options.defaultBranch ?? 'main',
      private: options.private ?? false,
      createdAt: now(),
    };
    this.repositories.push(record);
    if (options.sha) this.setRef(record.owner, record.repo, `refs/heads/${record.defaultBranch}`, options.sha);
    return record;
  }

  /** Registers a GitHub App whose JWTs are verified against `publicKey` (PEM). `id` defaults to the next app id. */
  addApp(options: { publicKey: string; id?: number; slug?: string }): AppRecord {
    const id = options.id ?? this.nextId('app');
    const record: AppRecord = { id, slug: options.slug ?? `app-${id}`, clientId: `Iv1.${id.toString(16).padStart(16, '0')}`, publicKey: options.publicKey };
    this.apps.push(record);
    return record;
  }

  /**
   * Installs an App on `account`: on every repository of it (default) or the named ones, with the given
   * permissions (default contents write, metadata read).
   */
  installApp(options: { appId: number; account: string; repositories?: string[]; permissions?: Record<string, PermissionLevel> }): InstallationRecord {
    const record: InstallationRecord = {
      id: this.nextId('installation'),
      appId: options.appId,
      account: options.account,
      repositories: options.repositories ?? 'all',
      permissions: options.permissions ?? { contents: 'write', metadata: 'read' },
      createdAt: now(),
    };
    this.installations.push(record);
    return record;
  }

  /** Whether an installation (or a token, by its `repositories`) reaches `owner/repo`. */
  reaches(installation: InstallationRecord, repositories: 'all' | string[], owner: string, repo: string): boolean {
    if (!same(installation.account, owner)) return false;
    const inInstallation = installation.repositories === 'all' || installation.repositories.some((r) => same(r, repo));
    return inInstallation && (repositories === 'all' || repositories.some((r) => same(r, repo)));
  }

  repository(owner: string, repo: string): RepositoryRecord | undefined {
    return this.repositories.find((r) => same(r.owner, owner) && same(r.repo, repo));
  }

  /** Creates or moves a ref (a test's shortcut for what `git push` would do). */
  setRef(owner: string, repo: string, ref: string, sha: string): RefRecord {
    const existing = this.findRef(owner, repo, ref);
    if (existing) {
      existing.sha = sha;
      return existing;
    }
    const record = { owner, repo, ref, sha };
    this.refs.push(record);
    return record;
  }

  findRef(owner: string, repo: string, ref: string): RefRecord | undefined {
    return this.refs.find((r) => same(r.owner, owner) && same(r.repo, repo) && r.ref === ref);
  }

  /** Resolves a branch, a tag or a full sha of a repository to a sha, like GitHub does for `ref` arguments. */
  resolve(owner: string, repo: string, ref: string): string | undefined {
    for (const name of [ref, `refs/heads/${ref}`, `refs/tags/${ref}`]) {
      const found = this.findRef(owner, repo, name);
      if (found) return this.peel(owner, repo, found.sha);
    }
    return /^[0-9a-f]{40}$/.test(ref) ? ref : undefined;
  }

  /** The commit a tag object points at (or the sha itself when it is not a tag object). */
  peel(owner: string, repo: string, sha: string): string {
    let current = sha;
    for (let i = 0; i < 10; i++) {
      const tag = this.tags.find((t) => same(t.owner, owner) && same(t.repo, repo) && t.sha === current);
      if (!tag) break;
      current = tag.object.sha;
    }
    return current;
  }

  /** Whether `ancestor` is reachable from `sha` in the known commit graph; undefined when the graph cannot tell. */
  isAncestor(ancestor: string, sha: string): boolean | undefined {
    if (!this.commits.has(sha)) return undefined;
    const seen = new Set<string>();
    const queue = [sha];
    while (queue.length > 0) {
      const next = queue.pop()!;
      if (next === ancestor) return true;
      if (seen.has(next)) continue;
      seen.add(next);
      const parents = this.commits.get(next);
      if (parents === undefined) return undefined;
      queue.push(...parents);
    }
    return false;
  }

  nextId(kind: string): number {
    const next = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, next);
    return next;
  }
}

export function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** ISO time without milliseconds, as GitHub writes it. */
export function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}
