/**
 * One promotion: check (registry, order, verdict), plan the edits, record a deployment, write back to
 * git, finish the deployment. Nothing is written until every check has passed; a re-run after a failure
 * between the push and the last deployment status finishes the deployment without a second commit.
 */
import { describeError, info, warning, type GitHubClient } from '@conveyor/kit';
import { commitIdentity } from '@conveyor/git';
import type { ScanVerdict } from '@conveyor/scan/verdict';
import { PromotionRefused, checkOrder, checkPresent, checkVerdict, commitMessage } from './checks.ts';
import { createDeployment, findDeployment, setDeploymentState, type DeploymentTarget } from './deployments.ts';
import { findEnvironment, parseEnvironments, type Environment } from './environments.ts';
import {
  bindTargets, checkout, commitAndPush, forgetCredentials, pushPullRequestBranch, previousDigest, readFiles,
  type Checkout, type CheckoutCache, type CheckoutContext, type Snapshot,
} from './gitops.ts';
import { describeRunning, observe, observeAndPlan, planEdits, runningDigest, type BoundTarget, type ParsedFiles, type Planned } from './manifests.ts';
import type { Observed, Wanted } from './targets/index.ts';
import { promotionBranch, upsertPullRequest } from './pulls.ts';
import { isDigest, shortDigest } from './reference.ts';
import { unifiedDiff } from './diff.ts';

export interface PromoteRequest {
  /** Path of the environments file (for messages) and its text. */
  environmentsFile: string;
  environmentsText: string;
  environment: string;
  image: string;
  /** A digest, or a tag to resolve through the registry; empty for a rollback. */
  reference: string;
  version: string;
  verdict?: ScanVerdict;
  verdictFile?: string;
  dryRun: boolean;
  rollback: boolean;
}

export interface PromoteContext extends CheckoutContext {
  registry: { manifestDigest(image: string, reference: string, options?: { signal?: AbortSignal }): Promise<string | undefined> };
  /** A GitHub client for a token (undefined when the token is empty). */
  github(token: string): GitHubClient | undefined | Promise<GitHubClient | undefined>;
  /** The repository and commit the workflow runs for; deployments are recorded there. */
  owner?: string;
  repo?: string;
  sha?: string;
  runUrl?: string;
}

export interface PromoteResult {
  environment: string;
  image: string;
  version: string;
  digest: string;
  previousDigest?: string;
  changed: boolean;
  files: string[];
  commitSha?: string;
  prUrl?: string;
  deploymentId?: number;
  /** What happened, in one sentence. */
  message: string;
  /** Web links for the summary: the commit in the GitOps repository, the environment's deployments. */
  links: { commitUrl?: string; deploymentsUrl?: string };
  dryRun: boolean;
  /** On a dry run: the unified diff of each file the promotion would commit. */
  diff?: string;
}

async function resolveDigest(request: PromoteRequest, context: PromoteContext, signal?: AbortSignal): Promise<string> {
  const reference = request.reference || request.version;
  const found = await context.registry.manifestDigest(request.image, reference, signal ? { signal } : {});
  if (isDigest(reference)) {
    checkPresent(request.environment, request.image, reference, found);
    return reference;
  }
  if (!found) {
    throw new PromotionRefused(`Refusing to promote ${request.image}:${reference} to '${request.environment}': the registry has no tag '${reference}' for it. Push the image first, or pass its digest.`);
  }
  info(`${request.image}:${reference} resolves to ${found}.`);
  return found;
}

function deploymentTarget(environment: Environment, context: PromoteContext): DeploymentTarget | undefined {
  if (!context.owner || !context.repo || !context.sha) return undefined;
  return {
    owner: context.owner, repo: context.repo, ref: context.sha, environment: environment.githubEnvironment.name,
    ...(environment.githubEnvironment.url ? { environmentUrl: environment.githubEnvironment.url } : {}),
    ...(context.runUrl ? { logUrl: context.runUrl } : {}),
  };
}

/** Runs one promotion. Refusals throw `PromotionRefused` before any side effect. */
export async function promote(request: PromoteRequest, context: PromoteContext): Promise<PromoteResult> {
  const clones: CheckoutCache = new Map();
  try {
    return await promoteWith(clones, request, context);
  } finally {
    await forgetCredentials(clones);
  }
}

interface Decision {
  digest: string;
  version: string;
  /** Where the digest comes from: the previous environment, `rollback`, or the build. */
  from: string;
  note: string;
}

/** What to promote, after every check: the digest asked for, or for a rollback the one run before. */
async function decide(request: PromoteRequest, context: PromoteContext, clones: CheckoutCache, found: Found): Promise<Decision> {
  const { environment, previous, co, bound, runningNow } = found;
  if (request.rollback) {
    const before = await previousDigest(co, bound, runningNow);
    if (!before) throw new PromotionRefused(`Cannot roll back '${environment.name}': its history in ${co.url} (branch ${co.branch}) records no digest other than ${runningNow ?? 'none'} for ${request.image}.`);
    checkPresent(environment.name, request.image, before.digest, await context.registry.manifestDigest(request.image, before.digest));
    const note = `Rolled back '${environment.name}' from ${runningNow ?? 'no digest'} to ${before.digest}, which it ran at commit ${before.commit.slice(0, 12)}. `;
    info(note);
    return { digest: before.digest, version: request.version || before.tag || '', from: 'rollback', note };
  }
  const digest = await (found.lookup ?? resolveDigest(request, context));
  if (previous) {
    const prev = await checkout(previous, context, clones);
    const prevBound = bindTargets(previous, request.image, prev.head, request.environmentsFile);
    checkOrder(environment, previous, observe(await readFiles(prev, prev.head, prevBound), prevBound), digest);
  }
  checkVerdict(environment, request.verdict, digest, request.verdictFile);
  const from = previous?.name ?? (context.owner && context.sha ? `${context.owner}/${context.repo}@${context.sha.slice(0, 12)}` : 'registry');
  return { digest, version: request.version, from, note: '' };
}

interface Found {
  environment: Environment;
  previous?: Environment;
  co: Checkout;
  bound: BoundTarget[];
  runningNow?: string;
  /** The registry lookup of the digest asked for, started while the GitOps repository is cloned. */
  lookup?: Promise<string>;
}

async function promoteWith(clones: CheckoutCache, request: PromoteRequest, context: PromoteContext): Promise<PromoteResult> {
  // Cancels the registry lookup started early when the promotion stops before waiting for it (a failed
  // clone, say), so no request is left open to hold the process.
  const early = new AbortController();
  try {
    return await promoteChecked(clones, request, context, early.signal);
  } finally {
    early.abort();
  }
}

async function promoteChecked(clones: CheckoutCache, request: PromoteRequest, context: PromoteContext, signal: AbortSignal): Promise<PromoteResult> {
  const environments = parseEnvironments(request.environmentsText, request.environmentsFile);
  const { environment, previous } = findEnvironment(environments, request.environment, request.environmentsFile);
  // The clone starts first; the registry is asked while it runs, and so is the previous environment's
  // clone (all only read). Their answers are awaited, and refusals raised, where they are needed: the
  // digest after the environment's files are read, the previous environment in the order check.
  const cloned = checkout(environment, context, clones);
  let lookup: Promise<string> | undefined;
  let known: string | undefined;
  if (!request.rollback) {
    lookup = resolveDigest(request, context, signal);
    lookup.then((digest) => { known = digest; }, () => undefined);
    if (previous) checkout(previous, context, clones).catch(() => undefined);
  }
  const co = await cloned;
  // Who commits is asked of git while the files are read and edited.
  const identity = request.dryRun ? undefined : commitIdentity(co.dir);
  identity?.catch(() => undefined);
  const bound = bindTargets(environment, request.image, co.head, request.environmentsFile);
  const texts = await readFiles(co, co.head, bound);
  // With the digest already known (the usual case: the registry answered during the clone), each file
  // is read and edited in one pass; otherwise the files are read while the registry is waited for, and
  // edited after the checks. Either way nothing is written before every check has passed.
  const parsed: ParsedFiles = new Map();
  const early = known ? observeAndPlan(texts, bound, { image: request.image, digest: known, ...(request.version ? { version: request.version } : {}) }) : undefined;
  const observed = early?.observed ?? observe(texts, bound, parsed);
  const runningNow = runningDigest(observed).digest;
  const { digest, version, from, note } = await decide(request, context, clones, {
    environment, ...(previous ? { previous } : {}), co, bound, ...(runningNow ? { runningNow } : {}), ...(lookup ? { lookup } : {}),
  });

  const result: PromoteResult = {
    environment: environment.name, image: request.image, version, digest, ...(runningNow ? { previousDigest: runningNow } : {}),
    changed: false, files: [], message: '', links: {}, dryRun: request.dryRun,
  };
  const target = deploymentTarget(environment, context);
  const client = target ? await context.github(context.tokens['github-token']) : undefined;
  if (target) result.links.deploymentsUrl = `${context.serverUrl}/${target.owner}/${target.repo}/deployments/${encodeURIComponent(target.environment)}`;
  if (early?.error !== undefined) throw early.error;
  const wanted: Wanted = { image: request.image, digest, ...(version ? { version } : {}) };
  const edits = early && digest === known && version === request.version ? early.edits : planEdits(texts, bound, wanted, parsed);

  if (edits.size === 0) {
    result.message = `'${environment.name}' already runs ${digest}; nothing to change.`;
    if (!request.dryRun && client && target) await finishLeftDeployment(client, target, result);
    return result;
  }
  result.files = [...edits.keys()].sort();
  const fromText = runningNow ? describeRunning(observed) : 'no digest';
  if (request.dryRun) {
    result.message = `Dry run: would change ${result.files.length} file(s) to move '${environment.name}' from ${fromText} to ${digest}.`;
    result.diff = await unifiedDiff(texts, edits, context.workDir);
    return result;
  }

  const [owner = '', repo = ''] = (co.repository ?? '').split('/');
  const gitopsClient = environment.write === 'pull-request' ? await context.github(context.tokens[environment.tokenInput]) : undefined;
  if (environment.write === 'pull-request' && (!owner || !repo || !gitopsClient)) {
    throw new PromotionRefused(`The environment '${environment.name}' writes by pull request, which needs its GitOps repository (owner/name) and a token in ${environment.tokenInput}; set repository: in the environments file and pass the token.`);
  }
  if (!client) info(target ? 'No github-token: the deployment is not recorded on GitHub.' : 'The workflow repository or commit is unknown (GITHUB_REPOSITORY, GITHUB_SHA): the deployment is not recorded on GitHub.');
  let deploymentId: number | undefined;
  if (client && target) {
    deploymentId = await createDeployment(client, target, { image: request.image, digest, version, source: from }, `promote ${request.image} ${version} to ${environment.name}`);
    result.deploymentId = deploymentId;
    await setDeploymentState(client, target, deploymentId, 'in_progress', `writing ${shortDigest(digest)} to git`);
  }
  const message = commitMessage({ image: request.image, version, digest, environment: environment.name, from });
  try {
    if (environment.write === 'commit') {
      const replan = (snapshot: Snapshot) => editsAt(co, snapshot, request, environment, observed, wanted);
      const pushed = await commitAndPush(co, edits, message, await (identity ?? commitIdentity(co.dir)), replan);
      result.files = [...pushed.edits.keys()].sort();
      result.commitSha = pushed.sha;
      if (co.repository) result.links.commitUrl = `${context.serverUrl}/${co.repository}/commit/${pushed.sha}`;
      const retries = pushed.attempts - 1;
      const retried = retries > 0 ? ` (pushed after ${retries} ${retries === 1 ? 'retry' : 'retries'} on a branch that moved)` : '';
      result.message = `Promoted ${request.image} ${version} to '${environment.name}': ${fromText} → ${digest} in ${result.files.length} file(s), commit ${pushed.sha.slice(0, 12)}${retried}.`;
    } else {
      const branch = promotionBranch(environment.name, request.image);
      result.commitSha = (await pushPullRequestBranch(co, branch, edits, message, await (identity ?? commitIdentity(co.dir)))).sha;
      const pr = await upsertPullRequest(gitopsClient!, {
        owner, repo, head: branch, base: co.branch, title: message.split('\n')[0]!,
        body: `Moves **${environment.name}** from \`${runningNow ?? 'no digest'}\` to \`${digest}\` (${request.image} ${version}).\n\nFiles:\n${result.files.map((f) => `- \`${f}\``).join('\n')}\n\n${message.split('\n\n')[1] ?? ''}`,
      });
      result.prUrl = pr.url;
      result.message = `${pr.created ? 'Opened' : 'Updated'} pull request ${pr.url} to move '${environment.name}' from ${fromText} to ${digest} (${result.files.length} file(s)).`;
    }
    result.changed = true;
  } catch (error) {
    if (client && target && deploymentId !== undefined) {
      await setDeploymentState(client, target, deploymentId, 'failure', 'the promotion could not be written to git')
        .catch((e: unknown) => warning(`Could not mark deployment ${deploymentId} as failed: ${describeError(e)}`));
    }
    throw error;
  }
  result.message = note + result.message;
  // In pull-request mode the deployment stays in progress until the pull request is merged; the next
  // run for this digest finds the environment running it and marks it successful.
  if (client && target && deploymentId !== undefined && environment.write === 'commit') {
    await setDeploymentState(client, target, deploymentId, 'success', `${request.image} ${shortDigest(digest)} is in git`);
  }
  return result;
}

/**
 * The edits again at a newer tip of the branch, after another push got there first: the files are bound,
 * read, checked and edited again, and the promotion is refused when its targets no longer record what
 * every check was made against (another promotion of this image landed meanwhile, say).
 */
async function editsAt(co: Checkout, snapshot: Snapshot, request: PromoteRequest, environment: Environment, checked: readonly Observed[], wanted: Wanted): Promise<Map<string, string>> {
  const stopped = (why: string, cause?: unknown) => new PromotionRefused(
    `Stopped promoting ${request.image} to '${environment.name}': ${co.url} (branch ${co.branch}) moved while it ran, and at ${snapshot.commit.slice(0, 12)} ${why}. `
    + 'Nothing was pushed; run the promotion again.', cause === undefined ? undefined : { cause });
  let again: Planned;
  try {
    const bound = bindTargets(environment, request.image, snapshot, request.environmentsFile);
    again = observeAndPlan(await readFiles(co, snapshot, bound), bound, wanted);
  } catch (error) {
    throw stopped(`its files no longer read as the checks read them (${describeError(error)})`, error);
  }
  const same = again.observed.length === checked.length
    && again.observed.every((o, i) => o.where === checked[i]!.where && o.digest === checked[i]!.digest && o.tag === checked[i]!.tag);
  if (!same) {
    const [now, then] = [describeRunning(again.observed), describeRunning(checked)];
    throw stopped(now !== then ? `its targets record ${now} where the checks read ${then}` : `its targets record ${now} as the checks read, but in other places or with other tags`);
  }
  if (again.error !== undefined) throw again.error;
  return again.edits;
}

/** For an environment already running the digest: finish its deployment if a run left it unfinished. */
async function finishLeftDeployment(client: GitHubClient, target: DeploymentTarget, result: PromoteResult): Promise<void> {
  const found = await findDeployment(client, target, result.digest);
  if (!found) return;
  result.deploymentId = found.id;
  if (found.state === 'success') return;
  await setDeploymentState(client, target, found.id, 'success', `${result.image} ${shortDigest(result.digest)} is in git`);
  result.message += ` Finished its deployment ${found.id}, which was left ${found.state ?? 'without a status'}.`;
}
