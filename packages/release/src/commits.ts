/**
 * Conventional Commit analysis: parse each message (with conventional-commits-parser), decide what it
 * bumps under the release rules, cancel reverts against the commits they revert, and find the pull
 * request each commit came from. Pure: commits in, classified commits out.
 */
import { CommitParser, createCommitObject, type Commit as ParsedMessage } from 'conventional-commits-parser';
import { type Bump, type ReleaseRule, bumpFor, maxBump } from './rules.ts';

/** What the analysis needs of a commit (a subset of @conveyor/git's Commit). */
export interface CommitInput {
  sha: string;
  parents: readonly string[];
  message: string;
  date?: string;
}

export interface ClassifiedCommit {
  sha: string;
  /** `feat`, `fix`, … or undefined when the header is not a Conventional Commit header. */
  type: string | undefined;
  scope: string | undefined;
  /** The header's text after `type(scope)!: `, or the whole header when it is not conventional. */
  subject: string;
  header: string;
  breaking: boolean;
  /** The text of each BREAKING CHANGE / BREAKING-CHANGE footer (empty when only `!` marks it). */
  breakingNotes: string[];
  /** The bump this commit asks for on its own (before revert cancelling and zero-major). */
  bump: Bump;
  /** Why it bumps (or not), for logs and the corpus report. */
  reason: string;
  isMerge: boolean;
  /** The sha this commit reverts, when it is a revert. */
  reverts: string | undefined;
  /** Set when this commit and its revert are both in the range: neither counts. */
  cancelledBy: string | undefined;
  /** Pull request number: `(#123)` at the end of the header, or the merge commit that brought it in. */
  pr: number | undefined;
  /** Issues referenced in the body or footers (`Closes #4`, `#5`). */
  issues: number[];
}

const parser = new CommitParser({
  headerPattern: /^(\w*)(?:\(([^()\r\n]*)\))?(!)?: (.*)$/,
  headerCorrespondence: ['type', 'scope', 'bang', 'subject'],
  noteKeywords: ['BREAKING CHANGE', 'BREAKING-CHANGE'],
  revertPattern: /^(?:Revert|revert:)\s"?([\s\S]+?)"?\s*This reverts commit (\w+)\.?/i,
  revertCorrespondence: ['header', 'hash'],
  // The parser's reference regex backtracks badly on long lines without a '#' (tens of seconds on a
  // 100,000-commit history), so references are read below with a linear pattern instead.
  issuePrefixes: undefined,
});
// Without issue prefixes every reference the parser finds is dropped (its reference pattern never matches),
// yet it still runs its reference patterns over the header and each body line, a scan quadratic in the
// line's length: about 150 ms of a 100,000-commit history for an always-empty list.
(parser as unknown as { parseReferences(input: string): unknown[] }).parseReferences = () => [];

/** `#123` not preceded by a word character, slash or dot (so URLs and owner/repo#1 refer elsewhere). */
const ISSUE_REF = /(?<![\w/.#-])#(\d+)\b/g;

const NEEDS_BODY = /breaking[ -]change|this reverts commit/i;
const MERGE_PR = /^Merge pull request #(\d+) from /;
const TRAILING_PR = /\s\(#(\d+)\)\s*$/;
const BREAKING_NOTE = /^BREAKING[ -]CHANGE$/i;

/** Parses and classifies one commit under `rules`. */
export function classifyCommit(commit: CommitInput, rules: readonly ReleaseRule[]): ClassifiedCommit {
  const message = commit.message.replace(/\r\n/g, '\n');
  const header = message.split('\n', 1)[0]!.trim();
  const isMerge = commit.parents.length > 1;
  let parsed: ParsedMessage;
  try {
    // The fields read here come from the header, unless the body holds a breaking-change footer or a
    // revert line: only then does the parser need the whole message (and its time grows with it).
    parsed = parser.parse(NEEDS_BODY.test(message) ? message : header);
  } catch {
    parsed = createCommitObject({ header });
  }
  const type = typeof parsed.type === 'string' && parsed.type !== '' ? parsed.type : undefined;
  const scope = typeof parsed.scope === 'string' && parsed.scope !== '' ? parsed.scope : undefined;
  const revertedHeader = parsed.revert?.header ?? undefined;
  const subject = typeof parsed.subject === 'string' && type ? parsed.subject : !type && revertedHeader ? revertedHeader : header;
  const breakingNotes = parsed.notes.filter((n) => BREAKING_NOTE.test(n.title.trim())).map((n) => n.text.trim());
  // A footer makes any commit breaking, even one whose header is not conventional (as semantic-release reads it).
  const breaking = (type !== undefined && parsed.bang === '!') || breakingNotes.length > 0;
  const reverts = parsed.revert?.hash ?? undefined;
  const prMatch = TRAILING_PR.exec(header) ?? MERGE_PR.exec(header);
  const pr = prMatch ? Number(prMatch[1]) : undefined;
  const rest = message.slice(message.indexOf('\n') + 1 || message.length);
  const issues = [...new Set(Array.from(rest.matchAll(ISSUE_REF), (m) => Number(m[1])).filter((n) => Number.isSafeInteger(n) && n !== pr))];

  let bump: Bump = 'none';
  let reason: string;
  if (isMerge) {
    reason = 'merge commit: the commits it brings count, not the merge itself';
  } else if (reverts && !type) {
    bump = 'patch';
    reason = `reverts ${reverts.slice(0, 7)}`;
  } else if (!type && breaking) {
    bump = 'major';
    reason = 'breaking change (footer under a non-conventional header)';
  } else if (!type) {
    reason = 'not a Conventional Commit header';
  } else {
    const decided = bumpFor({ type, scope, breaking }, rules);
    bump = decided.bump;
    reason = decided.reason;
  }
  return {
    sha: commit.sha, type: reverts && !type ? 'revert' : type, scope, subject: subject.replace(TRAILING_PR, ''), header,
    breaking, breakingNotes, bump, reason, isMerge, reverts, cancelledBy: undefined, pr, issues,
  };
}

/**
 * Classifies a range of commits (newest first, as git log gives them) and cancels each revert against
 * the commit it reverts when both are in the range. A revert of a revert restores the original.
 * Commits brought in by a `Merge pull request #N` merge get N as their pull request when they have none.
 */
export function classifyCommits(commits: readonly CommitInput[], rules: readonly ReleaseRule[]): ClassifiedCommit[] {
  return settleRange(commits.map((c) => classifyCommit(c, rules)), commits);
}

/** What the range-wide steps need of each commit once it is classified: the message can go. */
export type CommitLink = Pick<CommitInput, 'sha' | 'parents'>;

/**
 * The range-wide steps of `classifyCommits`, for commits classified one by one as they were read (so the
 * messages of a long range are not all held at once): `links[i]` is the sha and parents of `classified[i]`.
 */
export function settleRange(classified: ClassifiedCommit[], links: readonly CommitLink[]): ClassifiedCommit[] {
  cancelReverts(classified);
  attributeMergedPulls(links, classified);
  return classified;
}

function cancelReverts(commits: ClassifiedCommit[]): void {
  const bySha = new Map(commits.map((c) => [c.sha, c]));
  const findTarget = (ref: string): ClassifiedCommit | undefined => {
    const exact = bySha.get(ref);
    if (exact) return exact;
    if (ref.length < 7) return undefined;
    return commits.find((c) => c.sha.startsWith(ref));
  };
  // Newest first: a revert of a revert cancels that revert before it can cancel the original.
  for (const commit of commits) {
    if (!commit.reverts || commit.cancelledBy) continue;
    const target = findTarget(commit.reverts);
    if (!target || target.cancelledBy || target === commit) continue;
    target.cancelledBy = commit.sha;
    commit.cancelledBy = commit.sha;
  }
}

function attributeMergedPulls(inputs: readonly CommitLink[], commits: ClassifiedCommit[]): void {
  if (!commits.some((c) => c.isMerge && c.pr !== undefined)) return;
  const index = new Map(inputs.map((c, i) => [c.sha, i]));
  // The first-parent line from the newest commit: what a merge brings stops there.
  const mainline = new Set<string>();
  for (let sha: string | undefined = inputs[0]?.sha; sha !== undefined && index.has(sha) && !mainline.has(sha);) {
    mainline.add(sha);
    sha = inputs[index.get(sha)!]!.parents[0];
  }
  const seen = new Set<string>();
  for (let i = commits.length - 1; i >= 0; i--) {
    const merge = commits[i]!;
    if (!merge.isMerge || merge.pr === undefined) continue;
    const stack = inputs[i]!.parents.slice(1);
    while (stack.length > 0) {
      const sha = stack.pop()!;
      const at = index.get(sha);
      if (at === undefined || mainline.has(sha) || seen.has(sha)) continue;
      seen.add(sha);
      const commit = commits[at]!;
      commit.pr ??= merge.pr;
      stack.push(...inputs[at]!.parents);
    }
  }
}

/** The commits that decide the release: not cancelled by a revert, and asking for a bump. */
export function releasingCommits(commits: readonly ClassifiedCommit[]): ClassifiedCommit[] {
  return commits.filter((c) => !c.cancelledBy && c.bump !== 'none');
}

/** The highest bump the range asks for. */
export function bumpOf(commits: readonly ClassifiedCommit[]): Bump {
  return releasingCommits(commits).reduce<Bump>((acc, c) => maxBump(acc, c.bump), 'none');
}
