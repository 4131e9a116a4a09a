/** The repository and the Git database: refs and annotated tag objects. */
import { createHash } from 'node:crypto';
import { ApiError, notFound, type Context, type Handler } from '../handler.ts';
import { gitRef, gitTag, repository } from '../resources.ts';
import { now, same, type RefRecord } from '../state.ts';

function refsOf(c: Context): RefRecord[] {
  return c.state.refs.filter((r) => same(r.owner, c.repository.owner) && same(r.repo, c.repository.repo));
}

function refAnswer(c: Context, r: RefRecord): Record<string, unknown> {
  const isTag = c.state.tags.some((t) => same(t.owner, r.owner) && same(t.repo, r.repo) && t.sha === r.sha);
  return gitRef(c.urls, r, isTag ? 'tag' : 'commit');
}

/** `heads/main` or `refs/heads/main` → `refs/heads/main`. */
function fullRef(param: unknown): string {
  const ref = String(param);
  return ref.startsWith('refs/') ? ref : `refs/${ref}`;
}

const createRef: Handler = (c) => {
  const ref = String(c.body.ref);
  const sha = String(c.body.sha);
  if (!/^refs\/[^/]+\/.+/.test(ref)) throw new ApiError(422, `Reference name '${ref}' must start with 'refs/' and contain at least two slashes.`);
  if (!/^[0-9a-f]{40}$/.test(sha)) throw new ApiError(422, 'Object does not exist');
  if (c.state.findRef(c.repository.owner, c.repository.repo, ref)) throw new ApiError(422, 'Reference already exists');
  const record = c.state.setRef(c.repository.owner, c.repository.repo, ref, sha);
  return { status: 201, body: refAnswer(c, record) };
};

const getRef: Handler = (c) => {
  const record = c.state.findRef(c.repository.owner, c.repository.repo, fullRef(c.params.ref));
  if (!record) throw notFound();
  return { status: 200, body: refAnswer(c, record) };
};

const matchingRefs: Handler = (c) => {
  const prefix = fullRef(c.params.ref);
  const found = refsOf(c).filter((r) => r.ref.startsWith(prefix)).sort((a, b) => a.ref.localeCompare(b.ref));
  return { status: 200, body: found.map((r) => refAnswer(c, r)) };
};

const updateRef: Handler = (c) => {
  const record = c.state.findRef(c.repository.owner, c.repository.repo, fullRef(c.params.ref));
  if (!record) throw new ApiError(422, 'Reference does not exist');
  const sha = String(c.body.sha);
  if (!/^[0-9a-f]{40}$/.test(sha)) throw new ApiError(422, 'Object does not exist');
  if (c.body.force !== true && c.state.isAncestor(record.sha, sha) === false) throw new ApiError(422, 'Update is not a fast forward');
  record.sha = sha;
  return { status: 200, body: refAnswer(c, record) };
};

const deleteRef: Handler = (c) => {
  const record = c.state.findRef(c.repository.owner, c.repository.repo, fullRef(c.params.ref));
  if (!record) throw new ApiError(422, 'Reference does not exist');
  c.state.refs.splice(c.state.refs.indexOf(record), 1);
  return { status: 204 };
};

const createTag: Handler = (c) => {
  const objectSha = String(c.body.object);
  if (!/^[0-9a-f]{40}$/.test(objectSha)) throw new ApiError(422, 'Object does not exist');
  const given = c.body.tagger as { name?: string; email?: string; date?: string } | undefined;
  const tagger = { name: given?.name ?? 'github-actions[bot]', email: given?.email ?? '41898282+github-actions[bot]@users.noreply.github.com', date: given?.date ?? now() };
  const message = String(c.body.message);
  const tag = String(c.body.tag);
  const type = String(c.body.type);
  // The object id Git would give this tag: sha1 of "tag <size>\0<content>".
  const seconds = Math.floor(Date.parse(tagger.date) / 1000);
  const content = `object ${objectSha}\ntype ${type}\ntag ${tag}\ntagger ${tagger.name} <${tagger.email}> ${seconds} +0000\n\n${message}`;
  const sha = createHash('sha1').update(`tag ${Buffer.byteLength(content)}\0${content}`).digest('hex');
  const record = { owner: c.repository.owner, repo: c.repository.repo, sha, tag, message, object: { sha: objectSha, type }, tagger };
  if (!c.state.tags.some((t) => t.sha === sha && same(t.owner, record.owner) && same(t.repo, record.repo))) c.state.tags.push(record);
  return { status: 201, body: gitTag(c.urls, record) };
};

const getTag: Handler = (c) => {
  const record = c.state.tags.find((t) => same(t.owner, c.repository.owner) && same(t.repo, c.repository.repo) && t.sha === c.params.tag_sha);
  if (!record) throw notFound();
  return { status: 200, body: gitTag(c.urls, record) };
};

export const gitEndpoints: Record<string, Handler> = {
  'repos/get': (c) => ({ status: 200, body: repository(c.urls, c.repository) }),
  'git/create-ref': createRef,
  'git/get-ref': getRef,
  'git/list-matching-refs': matchingRefs,
  'git/update-ref': updateRef,
  'git/delete-ref': deleteRef,
  'git/create-tag': createTag,
  'git/get-tag': getTag,
};
