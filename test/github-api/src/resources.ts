/**
 * Records → API objects, with every field GitHub's schemas require (urls included), so that responses
 * pass the OpenAPI check.
 */
import type {
  CommentRecord, CommitStatusRecord, DeploymentRecord, DeploymentStatusRecord, PullRecord, RefRecord,
  ReleaseRecord, RepositoryRecord, TagObjectRecord,
} from './state.ts';

/** Where the stand-in's resources live: `api` is the REST root, `html` the web root. */
export interface Urls {
  api: string;
  html: string;
}

/** The identity every write is made by (a workflow's token acts as this bot). */
export const ACTOR = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

function nodeId(kind: string, id: number | string): string {
  return Buffer.from(`${kind}:${id}`).toString('base64url');
}

export function user(urls: Urls, who = ACTOR): Record<string, unknown> {
  const url = `${urls.api}/users/${encodeURIComponent(who.login)}`;
  return {
    login: who.login,
    id: who.id,
    node_id: nodeId('User', who.id),
    avatar_url: `${urls.html}/avatars/u/${who.id}`,
    gravatar_id: '',
    url,
    html_url: `${urls.html}/${encodeURIComponent(who.login)}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: who.type,
    site_admin: false,
    user_view_type: 'public',
  };
}

export function owner(urls: Urls, name: string): Record<string, unknown> {
  return user(urls, { login: name, id: 1000 + [...name].reduce((sum, c) => sum + c.charCodeAt(0), 0), type: 'Organization' });
}

const TEMPLATED_URLS: Record<string, string> = {
  archive_url: '/{archive_format}{/ref}', assignees_url: '/assignees{/user}', blobs_url: '/git/blobs{/sha}',
  branches_url: '/branches{/branch}', collaborators_url: '/collaborators{/collaborator}', comments_url: '/comments{/number}',
  commits_url: '/commits{/sha}', compare_url: '/compare/{base}...{head}', contents_url: '/contents/{+path}',
  git_commits_url: '/git/commits{/sha}', git_refs_url: '/git/refs{/sha}', git_tags_url: '/git/tags{/sha}',
  issue_comment_url: '/issues/comments{/number}', issue_events_url: '/issues/events{/number}', issues_url: '/issues{/number}',
  keys_url: '/keys{/key_id}', labels_url: '/labels{/name}', milestones_url: '/milestones{/number}',
  notifications_url: '/notifications{?since,all,participating}', pulls_url: '/pulls{/number}', releases_url: '/releases{/id}',
  statuses_url: '/statuses/{sha}', trees_url: '/git/trees{/sha}',
};
const PLAIN_URLS: Record<string, string> = {
  contributors_url: '/contributors', deployments_url: '/deployments', downloads_url: '/downloads', events_url: '/events',
  forks_url: '/forks', hooks_url: '/hooks', languages_url: '/languages', merges_url: '/merges',
  stargazers_url: '/stargazers', subscribers_url: '/subscribers', subscription_url: '/subscription', tags_url: '/tags',
  teams_url: '/teams',
};

export function repository(urls: Urls, r: RepositoryRecord): Record<string, unknown> {
  const url = `${urls.api}/repos/${r.owner}/${r.repo}`;
  const html = `${urls.html}/${r.owner}/${r.repo}`;
  const links: Record<string, string> = {};
  for (const [key, suffix] of Object.entries({ ...TEMPLATED_URLS, ...PLAIN_URLS })) links[key] = url + suffix;
  return {
    id: r.id,
    node_id: nodeId('Repository', r.id),
    name: r.repo,
    full_name: `${r.owner}/${r.repo}`,
    owner: owner(urls, r.owner),
    private: r.private,
    visibility: r.private ? 'private' : 'public',
    html_url: html,
    description: null,
    fork: false,
    url,
    ...links,
    git_url: `${html.replace(/^https?:/, 'git:')}.git`,
    ssh_url: `git@${new URL(urls.html).host}:${r.owner}/${r.repo}.git`,
    clone_url: `${html}.git`,
    svn_url: html,
    mirror_url: null,
    homepage: null,
    language: null,
    forks_count: 0, forks: 0, stargazers_count: 0, watchers_count: 0, watchers: 0, size: 0,
    open_issues_count: 0, open_issues: 0, network_count: 0, subscribers_count: 0,
    default_branch: r.defaultBranch,
    is_template: false,
    topics: [],
    has_issues: true, has_projects: true, has_wiki: true, has_pages: false, has_downloads: true, has_discussions: false,
    archived: false, disabled: false,
    pushed_at: r.createdAt, created_at: r.createdAt, updated_at: r.createdAt,
    license: null,
    permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
    allow_rebase_merge: true, allow_squash_merge: true, allow_merge_commit: true, allow_auto_merge: false,
    delete_branch_on_merge: false, allow_forking: true, web_commit_signoff_required: false,
  };
}

export function gitRef(urls: Urls, r: RefRecord, type: string): Record<string, unknown> {
  const base = `${urls.api}/repos/${r.owner}/${r.repo}/git`;
  return {
    ref: r.ref,
    node_id: nodeId('Ref', `${r.owner}/${r.repo}:${r.ref}`),
    url: `${base}/${r.ref}`,
    object: { type, sha: r.sha, url: `${base}/${type === 'tag' ? 'tags' : 'commits'}/${r.sha}` },
  };
}

export function gitTag(urls: Urls, t: TagObjectRecord): Record<string, unknown> {
  const base = `${urls.api}/repos/${t.owner}/${t.repo}/git`;
  return {
    node_id: nodeId('Tag', t.sha),
    tag: t.tag,
    sha: t.sha,
    url: `${base}/tags/${t.sha}`,
    message: t.message,
    tagger: t.tagger,
    object: { ...t.object, url: `${base}/${t.object.type === 'tag' ? 'tags' : 'commits'}/${t.object.sha}` },
    verification: { verified: false, reason: 'unsigned', payload: null, signature: null, verified_at: null },
  };
}

export function release(urls: Urls, r: ReleaseRecord): Record<string, unknown> {
  const url = `${urls.api}/repos/${r.owner}/${r.repo}/releases/${r.id}`;
  const tag = encodeURIComponent(r.tagName);
  return {
    url,
    html_url: `${urls.html}/${r.owner}/${r.repo}/releases/${r.draft ? `untagged-${r.id}` : `tag/${tag}`}`,
    assets_url: `${url}/assets`,
    upload_url: `${urls.api}/repos/${r.owner}/${r.repo}/releases/${r.id}/assets{?name,label}`,
    tarball_url: r.draft ? null : `${urls.api}/repos/${r.owner}/${r.repo}/tarball/${tag}`,
    zipball_url: r.draft ? null : `${urls.api}/repos/${r.owner}/${r.repo}/zipball/${tag}`,
    id: r.id,
    node_id: nodeId('Release', r.id),
    tag_name: r.tagName,
    target_commitish: r.targetCommitish,
    name: r.name,
    body: r.body,
    draft: r.draft,
    prerelease: r.prerelease,
    immutable: false,
    created_at: r.createdAt,
    published_at: r.publishedAt,
    updated_at: r.updatedAt,
    author: user(urls),
    assets: [],
  };
}

export function issueComment(urls: Urls, c: CommentRecord): Record<string, unknown> {
  const repoUrl = `${urls.api}/repos/${c.owner}/${c.repo}`;
  return {
    id: c.id,
    node_id: nodeId('IssueComment', c.id),
    url: `${repoUrl}/issues/comments/${c.id}`,
    html_url: `${urls.html}/${c.owner}/${c.repo}/issues/${c.issueNumber}#issuecomment-${c.id}`,
    body: c.body,
    user: user(urls),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    issue_url: `${repoUrl}/issues/${c.issueNumber}`,
    author_association: 'NONE',
  };
}

function branchEnd(urls: Urls, repo: RepositoryRecord, label: string, sha: string): Record<string, unknown> {
  const [who, ref] = label.includes(':') ? [label.slice(0, label.indexOf(':')), label.slice(label.indexOf(':') + 1)] : [repo.owner, label];
  return { label: `${who}:${ref}`, ref, sha, user: owner(urls, who), repo: repository(urls, repo) };
}

/** A pull request; `full` adds the fields only the single-pull endpoints return. */
export function pull(urls: Urls, repo: RepositoryRecord, p: PullRecord, shas: { head: string; base: string }, full: boolean): Record<string, unknown> {
  const apiUrl = `${urls.api}/repos/${p.owner}/${p.repo}`;
  const html = `${urls.html}/${p.owner}/${p.repo}/pull/${p.number}`;
  const links = {
    self: `${apiUrl}/pulls/${p.number}`, html, issue: `${apiUrl}/issues/${p.number}`,
    comments: `${apiUrl}/issues/${p.number}/comments`, review_comments: `${apiUrl}/pulls/${p.number}/comments`,
    review_comment: `${apiUrl}/pulls/comments{/number}`, commits: `${apiUrl}/pulls/${p.number}/commits`,
    statuses: `${apiUrl}/statuses/${shas.head}`,
  };
  const object: Record<string, unknown> = {
    url: links.self, id: p.id, node_id: nodeId('PullRequest', p.id), html_url: html,
    diff_url: `${html}.diff`, patch_url: `${html}.patch`, issue_url: links.issue, commits_url: links.commits,
    review_comments_url: links.review_comments, review_comment_url: links.review_comment, comments_url: links.comments,
    statuses_url: links.statuses, number: p.number, state: p.state, locked: false, title: p.title, user: user(urls),
    body: p.body, labels: [], milestone: null, active_lock_reason: null, created_at: p.createdAt, updated_at: p.updatedAt,
    closed_at: p.closedAt, merged_at: p.mergedAt ?? null, merge_commit_sha: p.mergeCommitSha ?? null, assignee: null, assignees: [], requested_reviewers: [],
    requested_teams: [], head: branchEnd(urls, repo, p.head, shas.head), base: branchEnd(urls, repo, p.base, shas.base),
    _links: Object.fromEntries(Object.entries(links).map(([k, href]) => [k, { href }])),
    author_association: 'NONE', auto_merge: null, draft: p.draft,
  };
  if (full) {
    Object.assign(object, {
      merged: p.mergedAt !== undefined, mergeable: null, rebaseable: null, mergeable_state: 'unknown', merged_by: null, comments: 0,
      review_comments: 0, maintainer_can_modify: p.maintainerCanModify, commits: 1, additions: 0, deletions: 0, changed_files: 0,
    });
  }
  return object;
}

export function deployment(urls: Urls, d: DeploymentRecord): Record<string, unknown> {
  const repoUrl = `${urls.api}/repos/${d.owner}/${d.repo}`;
  return {
    url: `${repoUrl}/deployments/${d.id}`, id: d.id, node_id: nodeId('Deployment', d.id), sha: d.sha, ref: d.ref, task: d.task,
    payload: d.payload, original_environment: d.environment, environment: d.environment, description: d.description,
    creator: user(urls), created_at: d.createdAt, updated_at: d.updatedAt, statuses_url: `${repoUrl}/deployments/${d.id}/statuses`,
    repository_url: repoUrl, transient_environment: d.transientEnvironment, production_environment: d.productionEnvironment,
  };
}

export function deploymentStatus(urls: Urls, s: DeploymentStatusRecord): Record<string, unknown> {
  const repoUrl = `${urls.api}/repos/${s.owner}/${s.repo}`;
  const deploymentUrl = `${repoUrl}/deployments/${s.deploymentId}`;
  return {
    url: `${deploymentUrl}/statuses/${s.id}`, id: s.id, node_id: nodeId('DeploymentStatus', s.id), state: s.state,
    creator: user(urls), description: s.description, environment: s.environment, target_url: s.targetUrl, log_url: s.logUrl,
    environment_url: s.environmentUrl, created_at: s.createdAt, updated_at: s.createdAt, deployment_url: deploymentUrl,
    repository_url: repoUrl,
  };
}

export function commitStatus(urls: Urls, s: CommitStatusRecord): Record<string, unknown> {
  return {
    url: `${urls.api}/repos/${s.owner}/${s.repo}/statuses/${s.sha}`, avatar_url: null, id: s.id,
    node_id: nodeId('StatusContext', s.id), state: s.state, description: s.description, target_url: s.targetUrl,
    context: s.context, created_at: s.createdAt, updated_at: s.createdAt, creator: user(urls),
  };
}
