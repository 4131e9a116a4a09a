/**
 * Real webhook payloads (from @octokit/webhooks-examples) turned into the workflow context the runner
 * would give a job triggered by them: GITHUB_EVENT_NAME, GITHUB_REF, GITHUB_SHA and the payload.
 */
import { createRequire } from 'node:module';
import type { GitHubContext } from '@conveyor/kit';

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples') as { name: string; examples: Record<string, unknown>[] }[];

/** What the runner sets as GITHUB_SHA where the payload does not carry it (release, pull request merge, dispatch). */
export const RUN_SHA = '860c1904a1ce19322e91ac35af1ab07466440c37';

export function payloadOf(event: string, pick: (p: Record<string, unknown>) => boolean = () => true): Record<string, unknown> {
  const found = examples.find((e) => e.name === event)?.examples.find(pick);
  if (!found) throw new Error(`no ${event} example in @octokit/webhooks-examples`);
  return structuredClone(found);
}

function base(eventName: string, payload: Record<string, unknown>, ref: string, sha: string): GitHubContext {
  const repo = payload.repository as { full_name?: string } | undefined;
  const [owner = 'octo-org', name = 'octo-repo'] = (repo?.full_name ?? 'octo-org/octo-repo').split('/');
  const refName = ref.replace(/^refs\/(heads|tags)\//, '');
  return {
    eventName, ref, refName, refType: ref.startsWith('refs/tags/') ? 'tag' : 'branch', sha,
    baseRef: '', headRef: '', owner, repo: name, serverUrl: 'https://github.com', apiUrl: 'https://api.github.com',
    runId: '1', runAttempt: '1', actor: 'octocat', workspace: '/tmp', payload,
  };
}

/** A `push` to `ref` (a branch or a tag), from the recorded push payload of that kind with its ref set. */
export function pushEvent(ref: string): GitHubContext {
  const payload = payloadOf('push', (p) => p.deleted === false && String(p.ref).startsWith(ref.startsWith('refs/tags/') ? 'refs/tags/' : 'refs/heads/'));
  payload.ref = ref;
  return base('push', payload, ref, String(payload.after));
}

/** A `pull_request` (opened) numbered `number`: GITHUB_REF is the merge ref. */
export function pullRequestEvent(number = 2, action = 'opened'): GitHubContext {
  const payload = payloadOf('pull_request', (p) => p.action === action);
  payload.number = number;
  const context = base('pull_request', payload, `refs/pull/${number}/merge`, RUN_SHA);
  const pr = payload.pull_request as { base: { ref: string }; head: { ref: string } };
  return { ...context, baseRef: pr.base.ref, headRef: pr.head.ref };
}

/** A `release` (published) of the tag `tagName`: GITHUB_REF is the tag. */
export function releaseEvent(tagName: string, action = 'published'): GitHubContext {
  const payload = payloadOf('release', (p) => p.action === action);
  (payload.release as { tag_name: string }).tag_name = tagName;
  return base('release', payload, `refs/tags/${tagName}`, RUN_SHA);
}

/** A `schedule` run: it has no webhook payload; it runs on the default branch's last commit. */
export function scheduleEvent(branch = 'master'): GitHubContext {
  return base('schedule', { schedule: '0 3 * * *' }, `refs/heads/${branch}`, RUN_SHA);
}

/** A `workflow_dispatch` on the ref the recorded payload names (or `ref`). */
export function dispatchEvent(ref?: string): GitHubContext {
  const payload = payloadOf('workflow_dispatch');
  if (ref) payload.ref = ref;
  return base('workflow_dispatch', payload, String(payload.ref), RUN_SHA);
}

/** A `create` event for a tag (the recorded payload's ref is the tag's short name). */
export function createTagEvent(): GitHubContext {
  const payload = payloadOf('create', (p) => p.ref_type === 'tag');
  return base('create', payload, `refs/tags/${String(payload.ref)}`, RUN_SHA);
}

/**
 * A `pull_request_target` run for pull request `number`: the runner gives the base branch's ref and last
 * commit (it runs in the base's context), with the pull request's payload.
 */
export function pullRequestTargetEvent(number = 2): GitHubContext {
  const payload = payloadOf('pull_request', (p) => p.action === 'opened');
  payload.number = number;
  const pr = payload.pull_request as { base: { ref: string }; head: { ref: string } };
  const context = base('pull_request_target', payload, `refs/heads/${pr.base.ref}`, RUN_SHA);
  return { ...context, baseRef: pr.base.ref, headRef: pr.head.ref };
}
