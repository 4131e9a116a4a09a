/**
 * The sticky PR comment: one per stack and workspace, found again by its hidden marker and updated in
 * place, so matrix jobs for different stacks never overwrite each other.
 */
import type { GitHubClient } from '@conveyor/kit';
import { readMarker } from './render.ts';

export interface CommentTarget {
  owner: string;
  repo: string;
  issueNumber: number;
  stack: string;
  workspace: string;
}

interface FoundComment { id: number; body: string }

/** The comment of this stack and workspace on the pull request, if there is one. */
export async function findPlanComment(client: GitHubClient, target: CommentTarget): Promise<FoundComment | undefined> {
  const pages = client.paginate.iterator(client.rest.issues.listComments, {
    owner: target.owner, repo: target.repo, issue_number: target.issueNumber, per_page: 100,
  });
  let found: FoundComment | undefined;
  for await (const page of pages) {
    for (const comment of page.data) {
      const marker = comment.body ? readMarker(comment.body) : undefined;
      if (marker && marker.stack === target.stack && marker.workspace === target.workspace) found = { id: comment.id, body: comment.body! };
    }
  }
  return found;
}

/** Creates the comment, or updates the one this stack and workspace already have. */
export async function upsertPlanComment(client: GitHubClient, target: CommentTarget, body: string): Promise<{ id: number; created: boolean }> {
  const existing = await findPlanComment(client, target);
  if (existing) {
    await client.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: existing.id, body });
    return { id: existing.id, created: false };
  }
  const created = await client.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.issueNumber, body });
  return { id: created.data.id, created: true };
}
