/**
 * `metadata-context: git` (metadata-action's `context: git`): the ref, commit and commit date come from the
 * checkout instead of the workflow's GITHUB_REF and GITHUB_SHA; the event and its payload stay the workflow's.
 * A detached HEAD (as actions/checkout leaves it for a tag or a pull request) is named by a tag pointing at
 * it, a pull request ref, or the most recent branch that contains it, in that order.
 */
import { ConveyorError } from '@conveyor/kit';
import type { Exec } from './builders/index.ts';

export interface GitRefContext {
  ref: string;
  sha: string;
  commitDate: Date | undefined;
}

async function gitOut(exec: Exec, dir: string, args: readonly string[]): Promise<{ ok: boolean; out: string }> {
  const result = await exec('git', ['-C', dir, ...args], { quiet: true, okCodes: [0, 1, 128] });
  return { ok: result.exitCode === 0, out: result.stdout.trim() };
}

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** Reads the checkout at `dir`. Throws a ConveyorError naming the folder when it is not a git checkout or HEAD has no name. */
export async function gitRefContext(exec: Exec, dir: string): Promise<GitRefContext> {
  let head: { ok: boolean; out: string };
  try {
    head = await gitOut(exec, dir, ['rev-parse', '--verify', '-q', 'HEAD^{commit}']);
  } catch (error) {
    throw new ConveyorError(`metadata-context: git needs git on PATH to read ${dir}: ${(error as Error).message}`, { cause: error });
  }
  if (!head.ok || !/^[0-9a-f]{40,64}$/.test(head.out)) {
    throw new ConveyorError(`metadata-context: git reads the checkout, but ${dir} is not a git checkout with a commit; check the repository out first (actions/checkout), or use metadata-context: workflow.`);
  }
  const sha = head.out;
  const date = (await gitOut(exec, dir, ['show', '-s', '--format=%cI', sha])).out;
  const commitDate = date && !Number.isNaN(new Date(date).getTime()) ? new Date(date) : undefined;

  const symbolic = await gitOut(exec, dir, ['symbolic-ref', '-q', 'HEAD']);
  if (symbolic.ok && symbolic.out.startsWith('refs/heads/')) return { ref: symbolic.out, sha, commitDate };

  const tags = lines((await gitOut(exec, dir, ['for-each-ref', '--points-at', 'HEAD', '--sort=-creatordate', '--format=%(refname)', 'refs/tags'])).out);
  if (tags[0]) return { ref: tags[0], sha, commitDate };

  const remotes = lines((await gitOut(exec, dir, ['for-each-ref', '--points-at', 'HEAD', '--format=%(refname)', 'refs/remotes'])).out);
  const pull = remotes.map((r) => /^refs\/remotes\/(?:[^/]+\/)?pull\/(\d+)\/(?:merge|head)$/.exec(r)).find(Boolean);
  if (pull) return { ref: `refs/pull/${pull[1]}/merge`, sha, commitDate };

  const containing = lines((await gitOut(exec, dir, ['for-each-ref', '--contains', 'HEAD', '--sort=-committerdate', '--format=%(refname)', 'refs/heads', 'refs/remotes'])).out)
    .filter((r) => !r.endsWith('/HEAD'));
  const branch = containing.find((r) => r.startsWith('refs/heads/'))
    ?? containing.map((r) => /^refs\/remotes\/[^/]+\/(.+)$/.exec(r)?.[1]).filter((b) => b && !b.startsWith('pull/')).map((b) => `refs/heads/${b}`)[0];
  if (branch) return { ref: branch, sha, commitDate };
  throw new ConveyorError(`metadata-context: git cannot tell which branch or tag the detached HEAD ${sha.slice(0, 12)} of ${dir} is: no tag points at it and no branch contains it. Check out a branch or tag, or use metadata-context: workflow.`);
}
