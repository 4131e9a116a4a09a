/**
 * Release notes in Markdown: breaking changes first, then features, fixes, performance, reverts, and
 * any other type a custom rule releases. Scopes in bold; links to the commit, its pull request and the
 * issues it references. And the changelog file, newest release on top.
 *
 * A commit subject keeps its Markdown, as semantic-release's notes do: `code spans`, *emphasis* and links
 * render. Only what would break the list is escaped: an HTML tag or comment (an unclosed `<details>` or
 * `<!--` would swallow the rest of the notes) and, at the start of an entry, a block marker (`# `, `> `,
 * `- `, `1. `) that would turn the entry into a heading, a quote or a nested list.
 */
import type { ClassifiedCommit } from './commits.ts';
import { releasingCommits } from './commits.ts';

export interface NotesInput {
  version: string;
  tag: string;
  previousTag: string | undefined;
  /** `https://github.com/owner/repo`; without it the notes carry no links. */
  repositoryUrl: string | undefined;
  /** The release date, `YYYY-MM-DD`. */
  date: string;
  commits: readonly ClassifiedCommit[];
}

const SECTIONS: readonly { type: string; title: string }[] = [
  { type: 'feat', title: 'Features' },
  { type: 'fix', title: 'Bug Fixes' },
  { type: 'perf', title: 'Performance Improvements' },
  { type: 'revert', title: 'Reverts' },
];

/** Escapes every Markdown character: for a scope, shown in bold as a plain word. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
}

/** An HTML tag, closing tag, comment, declaration or processing instruction starts here (not an autolink). */
const HTML_START = /<(?=[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$)|\/[A-Za-z]|!|\?)/g;

/** Commit text as list-item Markdown: its own Markdown kept, only what would break the list escaped. */
export function listItemText(text: string, atStart: boolean): string {
  let out = text.replace(/\s*\r?\n\s*/g, ' ').replace(HTML_START, '\\<');
  if (atStart) {
    out = out
      .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
      .replace(/^([#>+=|]|[-*_](?=[\s\-*_]|$))/, '\\$1');
  }
  return out;
}

/**
 * Scope order: localeCompare's, which for scopes of lowercase ASCII letters and digits (nearly all) is the
 * order of their code units; only other scopes pay for localeCompare, whose first call builds ICU's
 * collator (about 18 ms of a release's start).
 */
const SIMPLE_SCOPE = /^[a-z0-9]*$/;
function byScope(a: string, b: string): number {
  if (SIMPLE_SCOPE.test(a) && SIMPLE_SCOPE.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}

function commitLink(commit: ClassifiedCommit, url: string | undefined): string {
  const short = commit.sha.slice(0, 7);
  return url ? `[${short}](${url}/commit/${commit.sha})` : short;
}

function numberLink(n: number, kind: 'pull' | 'issues', url: string | undefined): string {
  return url ? `[#${n}](${url}/${kind}/${n})` : `#${n}`;
}

function line(commit: ClassifiedCommit, text: string, url: string | undefined): string {
  const scope = commit.scope ? `**${escapeMarkdown(commit.scope)}:** ` : '';
  const pr = commit.pr !== undefined ? ` (${numberLink(commit.pr, 'pull', url)})` : '';
  const closes = commit.issues.length > 0 ? `, closes ${commit.issues.map((n) => numberLink(n, 'issues', url)).join(', ')}` : '';
  return `* ${scope}${listItemText(text, scope === '')}${pr} (${commitLink(commit, url)})${closes}`;
}

/** The Markdown notes of one release. Commits must be newest first (as git log gives them); notes list oldest first. */
export function renderNotes(input: NotesInput): string {
  const url = input.repositoryUrl?.replace(/\/$/, '');
  const commits = releasingCommits(input.commits).slice().reverse();
  const title = url && input.previousTag
    ? `[${input.version}](${url}/compare/${input.previousTag}...${input.tag})`
    : url ? `[${input.version}](${url}/releases/tag/${input.tag})` : input.version;
  const out: string[] = [`## ${title} (${input.date})`];

  const breaking = commits.filter((c) => c.breaking);
  if (breaking.length > 0) {
    out.push('', '### ⚠ BREAKING CHANGES', '');
    for (const c of breaking) {
      const texts = c.breakingNotes.length > 0 ? c.breakingNotes : [c.subject];
      for (const text of texts) out.push(line(c, text.replace(/\s*\n\s*/g, ' '), url));
    }
  }
  const known = new Set(SECTIONS.map((s) => s.type));
  const others = [...new Set(commits.map((c) => c.type ?? '').filter((t) => t !== '' && !known.has(t)))];
  const sections = [...SECTIONS, ...others.map((type) => ({ type, title: type.charAt(0).toUpperCase() + type.slice(1) }))];
  for (const section of sections) {
    const inSection = commits.filter((c) => c.type === section.type);
    if (inSection.length === 0) continue;
    out.push('', `### ${section.title}`, '');
    // Scoped entries first, grouped by scope; then unscoped ones, in commit order.
    const ordered = [...inSection.filter((c) => c.scope).sort((a, b) => byScope(a.scope!, b.scope!)), ...inSection.filter((c) => !c.scope)];
    for (const c of ordered) out.push(line(c, c.subject, url));
  }
  return `${out.join('\n')}\n`;
}

const CHANGELOG_TITLE = /^# .*\n+/;

/**
 * The changelog with `notes` added on top (below a leading `# Title` line when there is one).
 * Idempotent: when the changelog already starts with these notes, it is returned unchanged.
 */
export function prependChangelog(existing: string | undefined, notes: string): string {
  const body = notes.trimEnd() + '\n';
  if (existing === undefined || existing.trim() === '') return `# Changelog\n\n${body}`;
  const title = CHANGELOG_TITLE.exec(existing);
  const head = title ? title[0].replace(/\n+$/, '\n\n') : '';
  const rest = title ? existing.slice(title[0].length) : existing;
  if (rest.startsWith(body)) return existing;
  return `${head}${body}\n${rest}`;
}
