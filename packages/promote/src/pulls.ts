/** Pull requests for pull-request mode: one per environment and image, updated rather than opened twice. */
import type { GitHubClient } from '@conveyor/kit';

export interface PullRequestSpec {
  owner: string;
  repo: string;
  head: string;
  base: string;
  title: string;
  body: string;
}

/** The branch a promotion of `image` to `environment` uses. */
export function promotionBranch(environment: string, image: string): string {
  return `conveyor/promote/${environment}/${image.replace(/[^A-Za-z0-9._-]+/g, '-')}`;
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
