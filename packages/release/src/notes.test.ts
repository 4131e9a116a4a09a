import { describe, it, expect } from '@jest/globals';
import { classifyCommits, type CommitInput } from './commits.ts';
import { listItemText, prependChangelog, renderNotes } from './notes.ts';

const sha = (c: string) => c.repeat(40);
// Newest first, as git log gives them.
const history: CommitInput[] = [
  { sha: sha('9'), parents: [sha('8'), sha('7')], message: 'Merge pull request #31 from me/cache\n\nperf: cache lookups' },
  { sha: sha('7'), parents: [sha('5')], message: 'perf(cache): memoise the lookups' },
  { sha: sha('8'), parents: [sha('6')], message: 'docs: explain the cache' },
  { sha: sha('6'), parents: [sha('5')], message: 'fix: do not crash on an empty *list* (#30)\n\nFixes #12' },
  { sha: sha('5'), parents: [sha('4')], message: 'feat(api)!: paginate every list (#29)\n\nBREAKING CHANGE: `list()` returns a page, not an array.' },
  { sha: sha('4'), parents: [sha('3')], message: 'feat: add <search>\n\nCloses #10, #11' },
  { sha: sha('3'), parents: [sha('2')], message: 'feat(cli): a --json flag' },
  { sha: sha('2'), parents: [sha('1')], message: 'Revert "fix: old bug"\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.' },
];

describe('renderNotes', () => {
  it('renders sections in order, scopes in bold, links to commits, PRs and issues', () => {
    const notes = renderNotes({
      version: '2.0.0', tag: 'v2.0.0', previousTag: 'v1.4.0', repositoryUrl: 'https://github.com/acme/tool', date: '2026-11-23',
      commits: classifyCommits(history, []),
    });
    expect(notes).toMatchInlineSnapshot(`
"## [2.0.0](https://github.com/acme/tool/compare/v1.4.0...v2.0.0) (2026-11-23)

### ⚠ BREAKING CHANGES

* **api:** \`list()\` returns a page, not an array. ([#29](https://github.com/acme/tool/pull/29)) ([5555555](https://github.com/acme/tool/commit/5555555555555555555555555555555555555555))

### Features

* **api:** paginate every list ([#29](https://github.com/acme/tool/pull/29)) ([5555555](https://github.com/acme/tool/commit/5555555555555555555555555555555555555555))
* **cli:** a --json flag ([3333333](https://github.com/acme/tool/commit/3333333333333333333333333333333333333333))
* add \\<search> ([4444444](https://github.com/acme/tool/commit/4444444444444444444444444444444444444444)), closes [#10](https://github.com/acme/tool/issues/10), [#11](https://github.com/acme/tool/issues/11)

### Bug Fixes

* do not crash on an empty *list* ([#30](https://github.com/acme/tool/pull/30)) ([6666666](https://github.com/acme/tool/commit/6666666666666666666666666666666666666666)), closes [#12](https://github.com/acme/tool/issues/12)

### Performance Improvements

* **cache:** memoise the lookups ([#31](https://github.com/acme/tool/pull/31)) ([7777777](https://github.com/acme/tool/commit/7777777777777777777777777777777777777777))

### Reverts

* fix: old bug ([2222222](https://github.com/acme/tool/commit/2222222222222222222222222222222222222222))
"
`);
  });

  it('without a repository URL: no links, and the first release has no compare link', () => {
    const notes = renderNotes({
      version: '1.0.0', tag: 'v1.0.0', previousTag: undefined, repositoryUrl: undefined, date: '2026-01-02',
      commits: classifyCommits([{ sha: sha('a'), parents: [], message: 'feat: first (#1)' }], []),
    });
    expect(notes).toBe('## 1.0.0 (2026-01-02)\n\n### Features\n\n* first (#1) (aaaaaaa)\n');
  });

  it('lists a custom-rule type after the known sections', () => {
    const notes = renderNotes({
      version: '1.0.1', tag: 'v1.0.1', previousTag: 'v1.0.0', repositoryUrl: undefined, date: '2026-01-02',
      commits: classifyCommits([{ sha: sha('b'), parents: [], message: 'docs(readme): typo' }, { sha: sha('c'), parents: [], message: 'fix: x' }], [{ type: 'docs', bump: 'patch' }]),
    });
    expect(notes.indexOf('### Bug Fixes')).toBeLessThan(notes.indexOf('### Docs'));
    expect(notes).toContain('* **readme:** typo (bbbbbbb)');
  });
});

describe('prependChangelog', () => {
  const notes = '## 1.1.0 (2026-02-01)\n\n### Features\n\n* b\n';
  it('creates a changelog', () => {
    expect(prependChangelog(undefined, notes)).toBe(`# Changelog\n\n${notes}`);
  });
  it('puts the new notes under the title, above the older ones', () => {
    const old = '# Changelog\n\n## 1.0.0 (2026-01-01)\n\n* a\n';
    expect(prependChangelog(old, notes)).toBe(`# Changelog\n\n${notes}\n## 1.0.0 (2026-01-01)\n\n* a\n`);
  });
  it('is idempotent on a re-run', () => {
    const once = prependChangelog('# Changelog\n\n## 1.0.0\n', notes);
    expect(prependChangelog(once, notes)).toBe(once);
  });
});

describe('listItemText', () => {
  it('keeps the Markdown of a subject, as semantic-release does: code spans, emphasis, links', () => {
    expect(listItemText('the `--force` flag is *honoured* and __kept__, see [docs](https://example.com/x)', true))
      .toBe('the `--force` flag is *honoured* and __kept__, see [docs](https://example.com/x)');
    expect(listItemText('handle a_b_c and 2*3', true)).toBe('handle a_b_c and 2*3');
    expect(listItemText('link <https://example.com> stays an autolink', true)).toBe('link <https://example.com> stays an autolink');
  });

  it('escapes what would break the list: HTML tags and comments, and a block marker at the start', () => {
    expect(listItemText('render <details> without closing it', true)).toBe('render \\<details> without closing it');
    expect(listItemText('drop </div> and <!-- a comment', true)).toBe('drop \\</div> and \\<!-- a comment');
    expect(listItemText('# not a heading', true)).toBe('\\# not a heading');
    expect(listItemText('> not a quote', true)).toBe('\\> not a quote');
    expect(listItemText('- not a nested list', true)).toBe('\\- not a nested list');
    expect(listItemText('1. not an ordered list', true)).toBe('1\\. not an ordered list');
    expect(listItemText('2024) release', true)).toBe('2024\\) release');
    // After a scope, the same text is not at the start of the item.
    expect(listItemText('# fine after a scope', false)).toBe('# fine after a scope');
    expect(listItemText('a <b>bold</b> word', false)).toBe('a \\<b>bold\\</b> word');
    expect(listItemText('one\nline', true)).toBe('one line');
  });
});
