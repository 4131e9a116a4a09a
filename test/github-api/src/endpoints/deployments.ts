/**
 * Deployments, deployment statuses and commit statuses. Like GitHub: a deployment's `ref` must resolve
 * (422 `No ref found for: x`); `required_contexts` (default: every context reported on the commit) must all be
 * `success`, else 409; a `success` status with `auto_inactive` marks earlier deployments of the same
 * non-production, non-transient environment `inactive`. Lists are newest first.
 */
import { ApiError, bool, notFound, str, type Context, type Handler } from '../handler.ts';
import { commitStatus, deployment, deploymentStatus } from '../resources.ts';
import { now, same, type CommitStatusRecord, type DeploymentRecord, type DeploymentStatusRecord } from '../state.ts';

function ofRepo<T extends { owner: string; repo: string }>(c: Context, items: T[]): T[] {
  return items.filter((x) => same(x.owner, c.repository.owner) && same(x.repo, c.repository.repo));
}

/** The newest status per context on a commit. */
function latestStatuses(c: Context, sha: string): Map<string, CommitStatusRecord> {
  const latest = new Map<string, CommitStatusRecord>();
  for (const s of ofRepo(c, c.state.statuses).filter((x) => x.sha === sha)) {
    const known = latest.get(s.context);
    if (!known || s.id > known.id) latest.set(s.context, s);
  }
  return latest;
}

const createDeployment: Handler = (c) => {
  const ref = String(c.body.ref);
  const sha = c.state.resolve(c.repository.owner, c.repository.repo, ref);
  if (!sha) throw new ApiError(422, `No ref found for: ${ref}`);
  const statuses = latestStatuses(c, sha);
  const required = Array.isArray(c.body.required_contexts) ? (c.body.required_contexts as string[]) : [...statuses.keys()];
  const failing = required.filter((context) => statuses.get(context)?.state !== 'success');
  if (failing.length > 0) {
    throw new ApiError(409, 'Conflict: Commit status checks failed for ' + ref + '.', [
      { contexts: failing.map((context) => ({ context, state: statuses.get(context)?.state ?? 'missing' })), resource: 'Deployment', field: 'required_contexts', code: 'invalid' },
    ]);
  }
  const environment = str(c.body.environment) ?? 'production';
  const time = now();
  const record: DeploymentRecord = {
    owner: c.repository.owner,
    repo: c.repository.repo,
    id: c.state.nextId('deployment'),
    sha,
    ref,
    task: str(c.body.task) ?? 'deploy',
    environment,
    payload: (c.body.payload as DeploymentRecord['payload'] | undefined) ?? {},
    description: str(c.body.description) ?? null,
    transientEnvironment: bool(c.body.transient_environment) ?? false,
    productionEnvironment: bool(c.body.production_environment) ?? environment === 'production',
    createdAt: time,
    updatedAt: time,
  };
  c.state.deployments.push(record);
  return { status: 201, body: deployment(c.urls, record) };
};

function deploymentById(c: Context): DeploymentRecord {
  const found = ofRepo(c, c.state.deployments).find((d) => d.id === c.params.deployment_id);
  if (!found) throw notFound();
  return found;
}

const listDeployments: Handler = (c) => {
  // The description gives these filters the default "none", meaning no filter.
  const filter = (name: string) => (c.params[name] === 'none' ? undefined : c.params[name]);
  const [sha, ref, task, environment] = ['sha', 'ref', 'task', 'environment'].map(filter);
  const found = ofRepo(c, c.state.deployments)
    .filter((d) => (sha === undefined || d.sha === sha) && (ref === undefined || d.ref === ref))
    .filter((d) => (task === undefined || d.task === task) && (environment === undefined || d.environment === environment))
    .sort((a, b) => b.id - a.id);
  return { status: 200, list: found.map((d) => deployment(c.urls, d)) };
};

function addStatus(c: Context, d: DeploymentRecord, state: string, fields: Partial<DeploymentStatusRecord>): DeploymentStatusRecord {
  const record: DeploymentStatusRecord = {
    owner: d.owner,
    repo: d.repo,
    deploymentId: d.id,
    id: c.state.nextId('deployment-status'),
    state,
    description: fields.description ?? '',
    environment: fields.environment ?? d.environment,
    targetUrl: fields.targetUrl ?? '',
    logUrl: fields.logUrl ?? fields.targetUrl ?? '',
    environmentUrl: fields.environmentUrl ?? '',
    createdAt: now(),
  };
  c.state.deploymentStatuses.push(record);
  d.updatedAt = record.createdAt;
  return record;
}

const createDeploymentStatus: Handler = (c) => {
  const d = deploymentById(c);
  const state = String(c.body.state);
  const record = addStatus(c, d, state, {
    description: str(c.body.description),
    environment: str(c.body.environment),
    targetUrl: str(c.body.target_url),
    logUrl: str(c.body.log_url),
    environmentUrl: str(c.body.environment_url),
  });
  if (state === 'success' && c.body.auto_inactive !== false) {
    const earlier = ofRepo(c, c.state.deployments).filter((x) =>
      x.id !== d.id && x.environment === record.environment && !x.productionEnvironment && !x.transientEnvironment);
    for (const x of earlier) {
      const last = c.state.deploymentStatuses.filter((s) => s.deploymentId === x.id).at(-1);
      if (last && last.state !== 'inactive') addStatus(c, x, 'inactive', { environment: x.environment });
    }
  }
  return { status: 201, body: deploymentStatus(c.urls, record) };
};

const listDeploymentStatuses: Handler = (c) => {
  const d = deploymentById(c);
  const found = c.state.deploymentStatuses.filter((s) => s.deploymentId === d.id).sort((a, b) => b.id - a.id);
  return { status: 200, list: found.map((s) => deploymentStatus(c.urls, s)) };
};

const createCommitStatus: Handler = (c) => {
  const record: CommitStatusRecord = {
    owner: c.repository.owner,
    repo: c.repository.repo,
    sha: String(c.params.sha),
    id: c.state.nextId('status'),
    state: String(c.body.state),
    targetUrl: str(c.body.target_url) ?? null,
    description: str(c.body.description) ?? null,
    context: str(c.body.context) ?? 'default',
    createdAt: now(),
  };
  c.state.statuses.push(record);
  return { status: 201, body: commitStatus(c.urls, record) };
};

const listCommitStatuses: Handler = (c) => {
  const sha = c.state.resolve(c.repository.owner, c.repository.repo, String(c.params.ref)) ?? String(c.params.ref);
  const found = ofRepo(c, c.state.statuses).filter((s) => s.sha === sha).sort((a, b) => b.id - a.id);
  return { status: 200, list: found.map((s) => commitStatus(c.urls, s)) };
};

export const deploymentEndpoints: Record<string, Handler> = {
  'repos/create-deployment': createDeployment,
  'repos/list-deployments': listDeployments,
  'repos/get-deployment': (c) => ({ status: 200, body: deployment(c.urls, deploymentById(c)) }),
  'repos/create-deployment-status': createDeploymentStatus,
  'repos/list-deployment-statuses': listDeploymentStatuses,
  'repos/create-commit-status': createCommitStatus,
  'repos/list-commit-statuses-for-ref': listCommitStatuses,
};
