/**
 * Pull requests and issue comments. Pull requests and issues share one number sequence per repository.
 * Like GitHub: a second open pull request for the same head and base is refused with 422; `head` filters take
 * `owner:branch`. Comments are accepted on any issue number (the stand-in keeps no issues).
 */
import { bool, notFound, str, validationFailed, type Context, type Handler } from '../handler.ts';
import { issueComment, pull } from '../resources.ts';
import { now, same, type CommentRecord, type PullRecord } from '../state.ts';

const ZERO = '0'.repeat(40);

function pullsOf(c: Context): PullRecord[] {
  return c.state.pulls.filter((p) => same(p.owner, c.repository.owner) && same(p.repo, c.repository.repo));
}

/** `owner:branch` for a head given as `branch` or `owner:branch`. */
function headLabel(c: Context, head: string): string {
  return head.includes(':') ? head : `${c.repository.owner}:${head}`;
}

function answer(c: Context, p: PullRecord, full: boolean): Record<string, unknown> {
  const branch = (label: string) => (label.includes(':') ? label.slice(label.indexOf(':') + 1) : label);
  const sha = (label: string) => c.state.resolve(c.repository.owner, c.repository.repo, `refs/heads/${branch(label)}`) ?? ZERO;
  return pull(c.urls, c.repository, p, { head: sha(p.head), base: sha(p.base) }, full);
}

function byNumber(c: Context): PullRecord {
  const found = pullsOf(c).find((p) => p.number === c.params.pull_number);
  if (!found) throw notFound();
  return found;
}

const createPull: Handler = (c) => {
  const head = String(c.body.head);
  const base = String(c.body.base);
  const label = headLabel(c, head);
  const open = pullsOf(c).find((p) => p.state === 'open' && same(headLabel(c, p.head), label) && p.base === base);
  if (open) throw validationFailed('PullRequest', 'custom', undefined, `A pull request already exists for ${label}.`);
  const time = now();
  const record: PullRecord = {
    owner: c.repository.owner,
    repo: c.repository.repo,
    number: c.state.nextId(`issue ${c.repository.owner}/${c.repository.repo}`.toLowerCase()),
    id: c.state.nextId('pull'),
    title: str(c.body.title) ?? '',
    body: str(c.body.body) ?? null,
    head,
    base,
    state: 'open',
    draft: bool(c.body.draft) ?? false,
    maintainerCanModify: bool(c.body.maintainer_can_modify) ?? false,
    createdAt: time,
    updatedAt: time,
    closedAt: null,
  };
  c.state.pulls.push(record);
  return { status: 201, body: answer(c, record, true) };
};

const updatePull: Handler = (c) => {
  const record = byNumber(c);
  if (str(c.body.title) !== undefined) record.title = str(c.body.title)!;
  if ('body' in c.body) record.body = str(c.body.body) ?? null;
  if (str(c.body.base) !== undefined) record.base = str(c.body.base)!;
  if (bool(c.body.maintainer_can_modify) !== undefined) record.maintainerCanModify = bool(c.body.maintainer_can_modify)!;
  const state = str(c.body.state);
  record.updatedAt = now();
  if (state === 'closed' && record.state === 'open') record.closedAt = record.updatedAt;
  if (state === 'open') record.closedAt = null;
  if (state === 'open' || state === 'closed') record.state = state;
  return { status: 200, body: answer(c, record, true) };
};

const listPulls: Handler = (c) => {
  const state = String(c.params.state ?? 'open');
  const head = str(c.params.head);
  const base = str(c.params.base);
  const found = pullsOf(c)
    .filter((p) => state === 'all' || p.state === state)
    .filter((p) => !head || same(headLabel(c, p.head), head))
    .filter((p) => !base || p.base === base);
  const ascending = c.params.direction === 'asc';
  found.sort((a, b) => (ascending ? a.number - b.number : b.number - a.number));
  return { status: 200, list: found.map((p) => answer(c, p, false)) };
};

function commentsOf(c: Context): CommentRecord[] {
  return c.state.comments.filter((x) => same(x.owner, c.repository.owner) && same(x.repo, c.repository.repo));
}

const createComment: Handler = (c) => {
  const time = now();
  const record: CommentRecord = {
    owner: c.repository.owner,
    repo: c.repository.repo,
    issueNumber: Number(c.params.issue_number),
    id: c.state.nextId('comment'),
    body: String(c.body.body),
    createdAt: time,
    updatedAt: time,
  };
  c.state.comments.push(record);
  return { status: 201, body: issueComment(c.urls, record) };
};

const updateComment: Handler = (c) => {
  const record = commentsOf(c).find((x) => x.id === c.params.comment_id);
  if (!record) throw notFound();
  record.body = String(c.body.body);
  record.updatedAt = now();
  return { status: 200, body: issueComment(c.urls, record) };
};

const listComments: Handler = (c) => {
  const since = str(c.params.since);
  const found = commentsOf(c)
    .filter((x) => x.issueNumber === c.params.issue_number)
    .filter((x) => !since || x.updatedAt >= since)
    .sort((a, b) => a.id - b.id);
  return { status: 200, list: found.map((x) => issueComment(c.urls, x)) };
};

const deleteComment: Handler = (c) => {
  const record = commentsOf(c).find((x) => x.id === c.params.comment_id);
  if (!record) throw notFound();
  c.state.comments.splice(c.state.comments.indexOf(record), 1);
  return { status: 204 };
};

/** Like GitHub: the pull requests whose merge commit or head commit is the given commit. */
const pullsOfCommit: Handler = (c) => {
  const sha = String(c.params.commit_sha);
  const head = (p: PullRecord) => c.state.resolve(c.repository.owner, c.repository.repo, `refs/heads/${p.head.includes(':') ? p.head.slice(p.head.indexOf(':') + 1) : p.head}`);
  const found = pullsOf(c).filter((p) => p.mergeCommitSha === sha || head(p) === sha).sort((a, b) => b.number - a.number);
  return { status: 200, list: found.map((p) => answer(c, p, false)) };
};

export const pullEndpoints: Record<string, Handler> = {
  'issues/delete-comment': deleteComment,
  'repos/list-pull-requests-associated-with-commit': pullsOfCommit,
  'pulls/create': createPull,
  'pulls/get': (c) => ({ status: 200, body: answer(c, byNumber(c), true) }),
  'pulls/update': updatePull,
  'pulls/list': listPulls,
  'issues/create-comment': createComment,
  'issues/update-comment': updateComment,
  'issues/list-comments': listComments,
};
