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

/** Every comment of this stack and workspace on the pull request, oldest first. */
async function findPlanComments(client: GitHubClient, target: CommentTarget): Promise<FoundComment[]> {
  const pages = client.paginate.iterator(client.rest.issues.listComments, {
    owner: target.owner, repo: target.repo, issue_number: target.issueNumber, per_page: 100,
  });
  const found: FoundComment[] = [];
  for await (const page of pages) {
    for (const comment of page.data) {
      const marker = comment.body ? readMarker(comment.body) : undefined;
      if (marker && marker.stack === target.stack && marker.workspace === target.workspace) found.push({ id: comment.id, body: comment.body! });
    }
  }
  return found;
}

/** The comment of this stack and workspace on the pull request (the latest, if several), if there is one. */
export async function findPlanComment(client: GitHubClient, target: CommentTarget): Promise<FoundComment | undefined> {
  return (await findPlanComments(client, target)).at(-1);
}

/**
 * Creates the comment, or updates the one this stack and workspace already have. Should there be more than
 * one (two runs that raced before a concurrency group held them apart), the oldest is updated and the
 * others are deleted, so the pull request keeps one comment per stack and workspace.
 */
export async function upsertPlanComment(client: GitHubClient, target: CommentTarget, body: string): Promise<{ id: number; created: boolean; removed: number }> {
  const [existing, ...duplicates] = await findPlanComments(client, target);
  if (existing) {
    await client.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: existing.id, body });
    for (const extra of duplicates) await client.rest.issues.deleteComment({ owner: target.owner, repo: target.repo, comment_id: extra.id });
    return { id: existing.id, created: false, removed: duplicates.length };
  }
  const created = await client.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.issueNumber, body });
  return { id: created.data.id, created: true, removed: 0 };
}

/**
 * The pull request merged as `sha` (a push to the default branch after a merge), if GitHub knows one: the
 * one whose merge commit is `sha`, else a merged one whose head is `sha` (a fast-forward merge).
 */
export async function mergedPullRequest(client: GitHubClient, owner: string, repo: string, sha: string): Promise<number | undefined> {
  const { data } = await client.rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: sha, per_page: 100 });
  const merged = data.filter((p) => p.merged_at);
  return (merged.find((p) => p.merge_commit_sha === sha) ?? merged[0])?.number;
}
