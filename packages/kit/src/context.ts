/**
 * The workflow run's context, read once from the runner's environment and passed into domain code
 * (domain code never reads `process.env` itself).
 */
import * as fs from 'node:fs';
import { ConveyorError } from './errors.ts';

export interface GitHubContext {
  eventName: string;
  /** Full ref, e.g. `refs/heads/main`, `refs/tags/v1.2.3`, `refs/pull/15/merge`. */
  ref: string;
  refName: string;
  refType: string;
  sha: string;
  baseRef: string;
  headRef: string;
  owner: string;
  repo: string;
  serverUrl: string;
  apiUrl: string;
  runId: string;
  runAttempt: string;
  actor: string;
  workspace: string;
  /** The webhook event payload (`GITHUB_EVENT_PATH`), or `{}` when there is none. */
  payload: Record<string, unknown>;
}

export function readContext(env: NodeJS.ProcessEnv = process.env): GitHubContext {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  let payload: Record<string, unknown> = {};
  const eventPath = env.GITHUB_EVENT_PATH;
  if (eventPath && fs.existsSync(eventPath)) {
    try {
      payload = JSON.parse(fs.readFileSync(eventPath, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new ConveyorError(`The event payload ${eventPath} (GITHUB_EVENT_PATH) is not valid JSON.`, { cause: error });
    }
  }
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    ref: env.GITHUB_REF ?? '',
    refName: env.GITHUB_REF_NAME ?? '',
    refType: env.GITHUB_REF_TYPE ?? '',
    sha: env.GITHUB_SHA ?? '',
    baseRef: env.GITHUB_BASE_REF ?? '',
    headRef: env.GITHUB_HEAD_REF ?? '',
    owner,
    repo,
    serverUrl: (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/$/, ''),
    apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/$/, ''),
    runId: env.GITHUB_RUN_ID ?? '',
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '',
    actor: env.GITHUB_ACTOR ?? '',
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    payload,
  };
}

/** `owner/repo`, or an error telling the user to set the repository input when it is unknown. */
export function repositoryOf(context: Pick<GitHubContext, 'owner' | 'repo'>): { owner: string; repo: string } {
  if (!context.owner || !context.repo) {
    throw new ConveyorError('The repository is unknown: GITHUB_REPOSITORY is not set. On a runner it always is; from the CLI pass --repository OWNER/NAME.');
  }
  return { owner: context.owner, repo: context.repo };
}
