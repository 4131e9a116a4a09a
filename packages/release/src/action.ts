/**
 * The release action's edge: inputs in, plan from git, publish on GitHub, outputs and summary out.
 * `runRelease` is shared with `conveyor release`.
 */
import * as fs from 'node:fs';
import * as git from '@conveyor/git';
import {
  appCredentials, ConveyorError, details, group, info, InputError, readContext, readInputs, secret, setOutputs, table, warning, writeSummary,
  type AppCredentials, type Inputs, type OutputValue,
} from '@conveyor/kit';
import semver from 'semver';
import { releaseInputs, type ReleaseInputs } from './inputs.ts';
import { prependChangelog } from './notes.ts';
import { planRelease, type ReleasePlan } from './plan.ts';
import { floatingTags, publishRelease, shouldMakeLatest, type PublishLog, type PublishResult } from './publish.ts';
import { parseReleaseRules } from './rules.ts';
import { checkTagFormat, tagGlob } from './version.ts';

export interface ReleaseRunResult {
  plan: ReleasePlan;
  published: PublishResult | undefined;
  dryRun: boolean;
  /** One sentence for the log and the CLI. */
  message: string;
}

const silentLog: PublishLog = { info: () => undefined, warning: () => undefined };

/** Makes sure the history and tags are there: fetches them on a shallow clone, or fails with the fix. */
export async function ensureFullHistory(dir: string, fetchHistory: boolean, log: PublishLog, shallow?: boolean): Promise<void> {
  if (!(shallow ?? (await git.isShallow(dir)))) return;
  const fix = 'Set `fetch-depth: 0` on actions/checkout so the history and the tags are there.';
  if (!fetchHistory) {
    throw new ConveyorError(`The repository in ${dir} is a shallow clone: the commits and tags since the last release are missing, so the next version cannot be computed. ${fix}`);
  }
  log.info('Shallow clone: fetching the whole history and the tags.');
  try {
    await git.fetch(dir, { unshallow: true, tags: true });
  } catch (error) {
    throw new ConveyorError(`The repository in ${dir} is a shallow clone and fetching the rest of its history failed. ${fix}`, { cause: error });
  }
}

/**
 * How the release authenticates: a token (github-token), or a GitHub App whose installation token is minted
 * when the release is published. `none` is refused unless dry-run.
 */
export type ReleaseAuth = { kind: 'token'; token: string } | { kind: 'app'; app: AppCredentials } | { kind: 'none' };

/** The permissions the release asks of an App's installation token: it writes tags and releases, nothing else. */
export const RELEASE_TOKEN_PERMISSIONS = { contents: 'write' } as const;

/** Checks the credential inputs (no request): an App pair that is complete and sound, and not also github-token. */
export function releaseAuth(inputs: Pick<ReleaseInputs, 'github-token' | 'app-id' | 'app-private-key' | 'app-installation-id'>): ReleaseAuth {
  const { credentials, problems } = appCredentials(inputs);
  const appGiven = inputs['app-id'].trim() !== '' || inputs['app-private-key'].trim() !== '';
  if (appGiven && inputs['github-token'] !== '') {
    problems.push("Input 'github-token' is given together with 'app-id' and 'app-private-key', but a release is made with one credential: leave github-token empty to release with the App's installation token (with reusable-release: do not pass the release-token secret), or drop app-id and app-private-key to use github-token.");
  }
  if (problems.length > 0) throw new InputError(problems);
  if (credentials) return { kind: 'app', app: credentials };
  return inputs['github-token'] ? { kind: 'token', token: inputs['github-token'] } : { kind: 'none' };
}

async function originRepository(dir: string, serverUrl: string): Promise<{ owner: string; repo: string } | undefined> {
  try {
    const url = await git.remoteUrl(dir);
    return url ? git.githubRepositoryOf(url, serverUrl) : undefined;
  } catch {
    // Not a repository (yet): headState below says so in its own words.
    return undefined;
  }
}

/** Plans the release and, unless dry-run, publishes it. `env` is the runner's environment (or the CLI's). */
export async function runRelease(inputs: ReleaseInputs, env: NodeJS.ProcessEnv, log: PublishLog = silentLog): Promise<ReleaseRunResult> {
  // Every input check comes before any side effect.
  checkTagFormat(inputs['tag-format']);
  const rules = parseReleaseRules(inputs['release-rules']);
  const context = readContext(env);
  const dir = inputs['working-directory'] ?? context.workspace;
  // The repository: the input, else the workflow run's, else (on a terminal) the GitHub URL of `origin`.
  const fromOrigin = inputs.repository || context.owner ? undefined : await originRepository(dir, context.serverUrl);
  const [owner = context.owner || fromOrigin?.owner, repo = context.repo || fromOrigin?.repo] = inputs.repository ? inputs.repository.split('/') : [];
  const dryRun = inputs['dry-run'];
  const auth = releaseAuth(inputs);
  if (!dryRun && auth.kind === 'none') {
    throw new InputError(['Input `github-token` is empty: give a token with contents: write (the default `${{ github.token }}` works) or a GitHub App\'s `app-id` and `app-private-key`, or set `dry-run: true` to only compute the version.']);
  }
  if (!dryRun && (!owner || !repo)) {
    throw new InputError([`The repository is unknown: GITHUB_REPOSITORY is not set and the origin remote of ${dir} is not a repository on ${context.serverUrl}; set the input repository (owner/name).`]);
  }
  // The tags are listed while HEAD is read (two git processes at once); a shallow clone lists them again
  // after its fetch.
  const earlyTags = git.listTags(dir, { pattern: tagGlob(inputs['tag-format']) });
  earlyTags.catch(() => undefined);
  // Shallow or not, HEAD's commit and branch: one git process.
  const state = await git.headState(dir);
  await ensureFullHistory(dir, inputs['fetch-history'], log, state.shallow);
  const fromContext = context.refType === 'branch' && context.refName ? context.refName : undefined;
  const branch = inputs.branch || (fromContext ?? state.branch);

  const plan = await planRelease({
    dir, branch, ...(state.commit ? { headCommit: state.commit } : {}), ...(state.shallow ? {} : { tags: earlyTags }), tagFormat: inputs['tag-format'], paths: inputs.path, rules,
    branches: { releaseBranches: inputs['release-branches'], prereleaseBranches: inputs['prerelease-branches'], prerelease: inputs.prerelease || undefined },
    zeroMajor: inputs['zero-major'],
    repositoryUrl: owner && repo ? `${context.serverUrl}/${owner}/${repo}` : undefined,
    date: new Date().toISOString().slice(0, 10),
  });
  if (!plan.released) return { plan, published: undefined, dryRun, message: plan.reason ?? 'Nothing to release.' };
  const version = plan.version!;
  const floating = inputs['floating-tags'] ? floatingTags(version, inputs['tag-format'], [...plan.knownVersions, version]) : [];
  if (dryRun) {
    const what = plan.alreadyTagged ? `${plan.tag} is already tagged on this commit; a run would finish its release` : `would release ${plan.tag} (${plan.bump} from ${plan.previousTag ?? 'no earlier release'})`;
    return { plan, published: undefined, dryRun, message: `Dry run: ${what}${floating.length ? ` and move ${floating.join(', ')}` : ''}.` };
  }
  const { createInstallationToken, createOctokit } = await import('./github-client.ts');
  // An App's installation token is minted here, after every check and only when there is something to publish;
  // it reaches this repository only, with contents: write, and is revoked when the run ends, whatever happened.
  const installation = auth.kind === 'app'
    ? await createInstallationToken({ app: auth.app, owner: owner!, repo: repo!, permissions: RELEASE_TOKEN_PERMISSIONS, baseUrl: context.apiUrl })
    : undefined;
  let published: PublishResult;
  try {
    if (installation && auth.kind === 'app') {
      log.info(`Releasing with an installation token of the GitHub App ${auth.app.appId} (installation ${installation.installationId}) for ${owner}/${repo} with contents: write; it ends at ${installation.expiresAt} and is revoked at the end of this run.`);
    }
    const gh = createOctokit({ token: installation?.token ?? (auth.kind === 'token' ? auth.token : ''), baseUrl: context.apiUrl });
    published = await publishRelease(gh, {
      owner: owner!, repo: repo!, tag: plan.tag!, version, sha: plan.sha, notes: plan.notes, prerelease: plan.prerelease,
      makeLatest: shouldMakeLatest(version, plan.highestStable), floating,
    }, log);
    const changelog = inputs['changelog-file'];
    if (changelog) {
      const existing = fs.existsSync(changelog) ? fs.readFileSync(changelog, 'utf8') : undefined;
      fs.writeFileSync(changelog, prependChangelog(existing, plan.notes));
    }
  } finally {
    if (installation) {
      const revoked = await installation.revoke();
      if (revoked.revoked) log.info(revoked.message);
      else log.warning(revoked.message);
    }
  }
  const how = published.release === 'created' && published.tag === 'created' ? 'Released'
    : published.release === 'created-by-another-run' ? 'Another run released' : 'Finished the release of';
  return { plan, published, dryRun, message: `${how} ${plan.tag} on ${plan.sha.slice(0, 7)}: ${published.releaseUrl}` };
}

/** The action's outputs, in the order action.yml lists them. */
export function releaseOutputs(result: ReleaseRunResult): Record<string, OutputValue> {
  const { plan, published } = result;
  const parsed = plan.version ? semver.parse(plan.version) : null;
  return {
    released: published !== undefined,
    version: plan.version ?? '',
    'previous-version': plan.previousVersion ?? '',
    tag: plan.tag ?? '',
    major: parsed ? String(parsed.major) : '',
    minor: parsed ? String(parsed.minor) : '',
    patch: parsed ? String(parsed.patch) : '',
    prerelease: parsed ? parsed.prerelease.join('.') : '',
    channel: plan.channel,
    bump: plan.bump,
    notes: plan.notes,
    'release-url': published?.releaseUrl ?? '',
    'release-id': published ? String(published.releaseId) : '',
    sha: plan.sha,
  };
}

function summary(result: ReleaseRunResult): string {
  const { plan, published } = result;
  const rows = [
    ['Version', plan.version ?? '—'], ['Previous', plan.previousTag ?? '—'], ['Bump', plan.bump], ['Channel', plan.channel || '—'],
    ['Commit', plan.sha.slice(0, 12)], ['Commits read', String(plan.commits.length)],
  ];
  if (published) rows.push(['Tag', published.tag], ['Release', `${published.release}: ${published.releaseUrl}`], ['Floating tags', published.floating.join(', ') || '—']);
  let md = `### Release${result.dryRun ? ' (dry run)' : ''}\n\n${result.message}\n\n${table(['', ''], rows)}`;
  if (plan.notes) md += `\n${details('Release notes', plan.notes)}`;
  return md;
}

/**
 * The action-only input that carries the job's own token (its default is `${{ github.token }}`), so that
 * `github-token` can default to empty and "github-token given together with an App" can be told apart.
 */
const workflowTokenInput = { 'workflow-token': secret() };

/** github-token, else (when no App is given either) the job's own token. */
export function withWorkflowToken(inputs: ReleaseInputs, workflowToken: string): ReleaseInputs {
  const appGiven = inputs['app-id'].trim() !== '' || inputs['app-private-key'].trim() !== '';
  return inputs['github-token'] || appGiven ? inputs : { ...inputs, 'github-token': workflowToken };
}

/** The action's entry: read inputs once, run, write outputs and the summary. */
export async function main(checked?: Inputs<typeof releaseInputs>): Promise<void> {
  const inputs = withWorkflowToken(checked ?? readInputs(releaseInputs), readInputs(workflowTokenInput)['workflow-token']);
  const log: PublishLog = { info, warning };
  const result = await group('Release', () => runRelease(inputs, process.env, log));
  info(result.message);
  setOutputs(releaseOutputs(result));
  writeSummary(summary(result));
}
