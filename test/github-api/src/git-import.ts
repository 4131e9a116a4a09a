/**
 * Fills the stand-in from a real Git repository (a bare remote a test pushes to), so that what the API
 * answers agrees with what `git` sees: every branch and tag ref, annotated tag objects, and the commit graph
 * (used to refuse non-fast-forward ref updates).
 */
import { execFileSync } from 'node:child_process';
import { same, type GitHubState } from './state.ts';

function git(dir: string, args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Replaces the refs of `owner/repo` with those of the repository at `dir`, and adds its commits and tag objects. */
export function importGitRepository(state: GitHubState, options: { owner: string; repo: string; dir: string }): void {
  const { owner, repo, dir } = options;
  if (!state.repository(owner, repo)) {
    let head = 'main';
    try {
      head = git(dir, ['symbolic-ref', '--short', 'HEAD']).trim() || head;
    } catch {
      /* a detached HEAD: keep main */
    }
    state.addRepository({ owner, repo, defaultBranch: head });
  }
  for (let i = state.refs.length - 1; i >= 0; i--) {
    const r = state.refs[i]!;
    if (same(r.owner, owner) && same(r.repo, repo)) state.refs.splice(i, 1);
  }
  const lines = git(dir, ['for-each-ref', '--format=%(refname)%00%(objectname)%00%(objecttype)', 'refs/heads', 'refs/tags']);
  for (const line of lines.split('\n').filter(Boolean)) {
    const [ref, sha, type] = line.split('\0') as [string, string, string];
    state.setRef(owner, repo, ref, sha);
    if (type === 'tag') importTagObject(state, owner, repo, dir, sha);
  }
  for (const line of git(dir, ['rev-list', '--all', '--parents']).split('\n').filter(Boolean)) {
    const [sha, ...parents] = line.split(' ');
    state.commits.set(sha!, parents);
  }
}

function importTagObject(state: GitHubState, owner: string, repo: string, dir: string, sha: string): void {
  if (state.tags.some((t) => t.sha === sha && same(t.owner, owner) && same(t.repo, repo))) return;
  const raw = git(dir, ['cat-file', 'tag', sha]);
  const split = raw.indexOf('\n\n');
  const headers = new Map<string, string>();
  for (const line of raw.slice(0, split).split('\n')) headers.set(line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1));
  const tagger = /^(.*) <(.*)> (\d+) [+-]\d{4}$/.exec(headers.get('tagger') ?? '');
  state.tags.push({
    owner,
    repo,
    sha,
    tag: headers.get('tag') ?? '',
    message: split < 0 ? '' : raw.slice(split + 2),
    object: { sha: headers.get('object') ?? '', type: headers.get('type') ?? 'commit' },
    tagger: {
      name: tagger?.[1] ?? '',
      email: tagger?.[2] ?? '',
      date: new Date(Number(tagger?.[3] ?? 0) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    },
  });
}
