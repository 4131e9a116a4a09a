/** Pull requests for pull-request mode: one per environment and image, updated rather than opened twice. */
import { createHash } from 'node:crypto';
import type { GitHubClient } from '@conveyor/kit';

export interface PullRequestSpec {
  owner: string;
  repo: string;
  head: string;
  base: string;
  title: string;
  body: string;
}

/** A readable branch-name component: what git refuses in one (`..`, a leading `.`, `.lock` at the end) is changed. */
function refPart(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/\.{2,}/g, '.').replace(/^[.-]+/, '').replace(/\.lock$/i, '-lock').replace(/\.$/, '') || 'x';
}

/**
 * The branch a promotion of `image` to `environment` uses: the names made readable, plus a short hash of
 * both, since the readable form alone is not one-to-one (`acme/web-api` and `acme/web/api` read the same,
 * and one promotion would force-push over the other's pull request).
 */
export function promotionBranch(environment: string, image: string): string {
  const id = createHash('sha256').update(`${environment}\n${image}`).digest('hex').slice(0, 10);
  return `conveyor/promote/${refPart(environment)}/${refPart(image)}-${id}`;
}

/** Opens the pull request, or updates the open one from the same branch. */
export async function upsertPullRequest(client: GitHubClient, spec: PullRequestSpec): Promise<{ url: string; number: number; created: boolean }> {
  const { data: open } = await client.rest.pulls.list({ owner: spec.owner, repo: spec.repo, head: `${spec.owner}:${spec.head}`, base: spec.base, state: 'open' });
  const existing = open[0];
  if (existing) {
    await client.rest.pulls.update({ owner: spec.owner, repo: spec.repo, pull_number: existing.number, title: spec.title, body: spec.body });
    return { url: existing.html_url, number: existing.number, created: false };
  }
  const { data } = await client.rest.pulls.create({ owner: spec.owner, repo: spec.repo, head: spec.head, base: spec.base, title: spec.title, body: spec.body });
  return { url: data.html_url, number: data.number, created: true };
}
