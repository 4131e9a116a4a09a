/**
 * GitHub Deployments for promotions: one deployment per promotion (`auto_merge: false`,
 * `required_contexts: []`, payload with digest, version and source environment) and its statuses
 * in_progress → success or failure. A deployment left unfinished (the job died after the push) is
 * found again by its digest and finished on the next run.
 */
import type { GitHubClient } from '@conveyor/kit';

export interface DeploymentPayload {
  image: string;
  digest: string;
  version: string;
  /** The environment the digest came from (or `rollback`, or the build). */
  source: string;
}

export interface DeploymentTarget {
  owner: string;
  repo: string;
  /** The commit or ref being deployed (the workflow's commit). */
  ref: string;
  environment: string;
  environmentUrl?: string;
  logUrl?: string;
}

export type DeploymentState = 'in_progress' | 'queued' | 'success' | 'failure' | 'error';

export async function createDeployment(client: GitHubClient, target: DeploymentTarget, payload: DeploymentPayload, description: string): Promise<number> {
  const res = await client.rest.repos.createDeployment({
    owner: target.owner,
    repo: target.repo,
    ref: target.ref,
    environment: target.environment,
    payload: { ...payload },
    description: description.slice(0, 140),
    auto_merge: false,
    required_contexts: [],
    production_environment: /^prod/i.test(target.environment),
  });
  if (!('id' in res.data)) throw new Error(`GitHub did not create the deployment: ${res.data.message ?? 'no id'}`);
  return res.data.id;
}

export async function setDeploymentState(client: GitHubClient, target: DeploymentTarget, id: number, state: DeploymentState, description: string): Promise<void> {
  await client.rest.repos.createDeploymentStatus({
    owner: target.owner,
    repo: target.repo,
    deployment_id: id,
    state,
    description: description.slice(0, 140),
    ...(target.environmentUrl ? { environment_url: target.environmentUrl } : {}),
    ...(target.logUrl ? { log_url: target.logUrl } : {}),
  });
}

function payloadDigest(payload: unknown): string | undefined {
  let data = payload;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      return undefined;
    }
  }
  const digest = (data as { digest?: unknown } | null)?.digest;
  return typeof digest === 'string' ? digest : undefined;
}

/** The newest deployment of `digest` to the environment and its latest state (undefined: no status yet). */
export async function findDeployment(client: GitHubClient, target: DeploymentTarget, digest: string): Promise<{ id: number; state?: string } | undefined> {
  const { data } = await client.rest.repos.listDeployments({ owner: target.owner, repo: target.repo, environment: target.environment, per_page: 30 });
  const found = data.find((d) => payloadDigest(d.payload) === digest);
  if (!found) return undefined;
  const statuses = await client.rest.repos.listDeploymentStatuses({ owner: target.owner, repo: target.repo, deployment_id: found.id, per_page: 1 });
  return { id: found.id, ...(statuses.data[0] ? { state: statuses.data[0].state } : {}) };
}
