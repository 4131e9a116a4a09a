import { describe, it, expect } from '@jest/globals';
import { bumpOf, classifyCommit, classifyCommits, releasingCommits, type CommitInput } from './commits.ts';
import { parseReleaseRules, type ReleaseRule } from './rules.ts';

let counter = 0;
function commit(message: string, parents: string[] = ['p'], sha?: string): CommitInput {
  counter += 1;
  return { sha: sha ?? `${counter.toString(16).padStart(7, '0')}${'0'.repeat(33)}`, parents, message };
}

describe('classifyCommit: one commit, default rules', () => {
  const table: [string, string, boolean, string][] = [
    // message, expected bump, breaking, why
    ['feat: add x', 'minor', false, 'feat is a minor'],
    ['feat(api): add x', 'minor', false, 'scoped feat'],
    ['fix: y', 'patch', false, 'fix is a patch'],
    ['perf(db): faster', 'patch', false, 'perf is a patch'],
    ['revert: feat: a', 'patch', false, 'revert type'],
    ['docs: readme', 'none', false, 'docs do not release'],
    ['chore(deps): bump', 'none', false, 'chore does not release'],
    ['ci: x', 'none', false, 'ci'],
    ['refactor: x', 'none', false, 'refactor'],
    ['feature: x', 'none', false, 'feature is not feat'],
    ['Add a thing', 'none', false, 'not conventional'],
    ['feat!: drop node 18', 'major', true, 'bang on feat'],
    ['fix(api)!: change', 'major', true, 'bang with scope'],
    ['chore!: drop support', 'major', true, 'bang on a non-releasing type'],
    ['feat: x\n\nBREAKING CHANGE: removed y', 'major', true, 'BREAKING CHANGE footer'],
    ['fix: x\n\nBREAKING-CHANGE: removed y', 'major', true, 'BREAKING-CHANGE footer'],
    ['fix: x\n\nbreaking change: removed y', 'major', true, 'lower-case footer'],
    ['fix: x\n\nBreaking-Change: removed y', 'major', true, 'mixed-case footer'],
    ['v9 (#639)\n\nBREAKING CHANGE: now ESM only', 'major', true, 'footer under a non-conventional header'],
    ['Update things\n\nbreaking-change: x', 'major', true, 'lower-case footer, non-conventional header'],
    ['fix: x\n\nThis is not a BREAKING CHANGE in the body', 'patch', false, 'keyword inside prose is not a footer'],
    ['Revert "feat: a"\n\nThis reverts commit 1234567890abcdef.', 'patch', false, 'git revert of a commit outside the range'],
  ];
  it.each(table)('%j → %s (%s)', (message, bump, breaking) => {
    const c = classifyCommit(commit(message), []);
    expect(c.bump).toBe(bump);
    expect(c.breaking).toBe(breaking);
  });

  it('reads the scope, the subject without its PR number, the PR and the issues', () => {
    const c = classifyCommit(commit('feat(api): add pagination (#123)\n\nCloses #45, refs #46'), []);
    expect(c).toMatchObject({ type: 'feat', scope: 'api', subject: 'add pagination', pr: 123, issues: [45, 46] });
  });

  it('keeps the text of every breaking footer', () => {
    const c = classifyCommit(commit('feat: x\n\nBREAKING CHANGE: first\n\nBREAKING CHANGE: second'), []);
    expect(c.breakingNotes).toEqual(['first', 'second']);
  });

  it('a merge commit brings no bump itself, even with a conventional header', () => {
    const c = classifyCommit(commit('feat: merge everything', ['a', 'b']), []);
    expect(c.isMerge).toBe(true);
    expect(c.bump).toBe('none');
    const pr = classifyCommit(commit('Merge pull request #77 from me/feature\n\nfeat: x', ['a', 'b']), []);
    expect(pr).toMatchObject({ bump: 'none', pr: 77 });
  });
});

describe('custom release rules', () => {
  const rules: ReleaseRule[] = parseReleaseRules(['docs(readme): patch', 'refactor: minor', 'fix(deps)=none', 'feat(internal): patch']);
  const table: [string, string][] = [
    ['docs(readme): typo', 'patch'],
    ['docs: other', 'none'],
    ['refactor: x', 'minor'],
    ['fix(deps): bump', 'none'],
    ['fix(core): bug', 'patch'],
    ['feat(internal): x', 'patch'],
    ['feat(public): x', 'minor'],
    ['refactor!: still breaking', 'major'],
  ];
  it.each(table)('%j → %s', (message, bump) => {
    expect(classifyCommit(commit(message), rules).bump).toBe(bump);
  });

  it('rejects an unreadable rule, naming the input and the item', () => {
    expect(() => parseReleaseRules(['docs: sometimes'])).toThrow(/release-rules.*"docs: sometimes".*none, patch, minor, major/);
  });
});

describe('classifyCommits: reverts and merges in a range', () => {
  it('a revert and the commit it reverts cancel each other', () => {
    const feat = commit('feat: risky');
    const revert = commit(`Revert "feat: risky"\n\nThis reverts commit ${feat.sha}.`, [feat.sha]);
    const fix = commit('fix: small', [revert.sha]);
    const result = classifyCommits([fix, revert, feat], []);
    expect(bumpOf(result)).toBe('patch');
    expect(result.find((c) => c.sha === feat.sha)?.cancelledBy).toBe(revert.sha);
    expect(releasingCommits(result).map((c) => c.sha)).toEqual([fix.sha]);
  });

  it('matches an abbreviated sha in the revert body', () => {
    const feat = commit('feat: risky');
    const revert = commit(`Revert "feat: risky"\n\nThis reverts commit ${feat.sha.slice(0, 10)}.`, [feat.sha]);
    expect(bumpOf(classifyCommits([revert, feat], []))).toBe('none');
  });

  it('a revert of a revert restores the original', () => {
    const feat = commit('feat: risky');
    const revert = commit(`Revert "feat: risky"\n\nThis reverts commit ${feat.sha}.`, [feat.sha]);
    const again = commit(`Revert "Revert "feat: risky""\n\nThis reverts commit ${revert.sha}.`, [revert.sha]);
    const result = classifyCommits([again, revert, feat], []);
    expect(bumpOf(result)).toBe('minor');
    expect(releasingCommits(result).map((c) => c.sha)).toEqual([feat.sha]);
  });

  it('a revert of a commit outside the range is a patch', () => {
    expect(bumpOf(classifyCommits([commit('Revert "feat: old"\n\nThis reverts commit abcdef1234567.')], []))).toBe('patch');
  });

  it('a merge counts through the commits it brings, which take its PR number', () => {
    const base = commit('chore: base', [], 'b'.repeat(40));
    const feat = commit('feat: on a branch', [base.sha], 'f'.repeat(40));
    const docs = commit('docs: main line', [base.sha], 'd'.repeat(40));
    const merge = commit('Merge pull request #9 from me/branch\n\nfeat: on a branch', [docs.sha, feat.sha], 'e'.repeat(40));
    const result = classifyCommits([merge, feat, docs], []);
    expect(bumpOf(result)).toBe('minor');
    expect(result.find((c) => c.sha === feat.sha)?.pr).toBe(9);
    expect(result.find((c) => c.sha === docs.sha)?.pr).toBeUndefined();
  });

  it('breaking beats everything in the range', () => {
    expect(bumpOf(classifyCommits([commit('fix: a'), commit('feat: b'), commit('docs: c\n\nBREAKING CHANGE: d')], []))).toBe('major');
  });
});
