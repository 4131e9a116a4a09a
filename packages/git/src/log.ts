/**
 * A streaming `git log` reader: one NUL-terminated record per commit, parsed as it arrives, so reading
 * a history of any length takes memory bounded by its largest commit message.
 */
import { streamGit } from './command.ts';
import { NulRecordSplitter } from './records.ts';

export interface Commit {
  sha: string;
  parents: string[];
  authorName: string;
  authorEmail: string;
  /** Author date, strict ISO 8601 with the author's offset. */
  date: string;
  /** The first paragraph of the message, its lines joined by spaces (git's `%s`). */
  subject: string;
  /** The message after the first paragraph (git's `%b`), without trailing newlines. */
  body: string;
  /** The whole message as written (git's `%B`), without trailing newlines. */
  message: string;
}

export interface ReadLogOptions {
  /** A revision or range, e.g. `v1.0.0..HEAD` (default `HEAD`). */
  range?: string;
  /** Only commits touching these paths (relative to the repository root). */
  paths?: readonly string[];
  /** Follow only the first parent of merges. */
  firstParent?: boolean;
  /** Follow renames (only with exactly one path). */
  follow?: boolean;
  /** Stop after this many commits. */
  maxCount?: number;
}

const US = '\x1f';
/** Fields in order; the message goes last so a stray separator inside it cannot shift the others. */
const FORMAT = ['%H', '%P', '%an', '%ae', '%aI', '%B'].join('%x1f');

/** Checks a revision argument cannot be taken for an option. */
export function checkRev(rev: string, what = 'revision'): string {
  if (rev === '' || rev.startsWith('-') || /[\0\n]/.test(rev)) {
    throw new TypeError(`Invalid git ${what} ${JSON.stringify(rev)}: it must be a branch, tag, commit or range and must not start with '-'.`);
  }
  return rev;
}

/** The `git log` arguments for the given options. */
export function logArgs(options: ReadLogOptions = {}): string[] {
  const args = ['log', '-z', `--format=${FORMAT}`];
  if (options.firstParent) args.push('--first-parent');
  if (options.follow) {
    if (options.paths?.length !== 1) throw new TypeError('readLog: `follow` needs exactly one path.');
    args.push('--follow');
  }
  if (options.maxCount !== undefined) args.push(`--max-count=${options.maxCount}`);
  args.push(checkRev(options.range ?? 'HEAD', 'range'));
  args.push('--', ...(options.paths ?? []));
  return args;
}

/** Splits a commit message into git's subject (first paragraph, one line) and body. */
export function splitMessage(message: string): { subject: string; body: string } {
  const text = message.replace(/^\s*\n/, '');
  const blank = /\n[ \t]*\n/.exec(text);
  const first = blank ? text.slice(0, blank.index) : text;
  const rest = blank ? text.slice(blank.index + blank[0].length) : '';
  return {
    subject: first.split('\n').map((line) => line.trim()).join(' ').trim(),
    body: rest.replace(/^\s*\n/, '').trimEnd(),
  };
}

/** Parses one record of `git log -z --format=<FORMAT>`. */
export function parseCommitRecord(record: string): Commit {
  // `git log -z` ends each record with NUL; with a diff or a merge nothing precedes the next record,
  // but a leading newline may appear between records: drop it.
  const text = record.startsWith('\n') ? record.slice(1) : record;
  const fields: string[] = [];
  let start = 0;
  for (let i = 0; i < 5; i++) {
    const at = text.indexOf(US, start);
    if (at === -1) throw new Error(`Unexpected git log record (${fields.length} fields): ${JSON.stringify(text.slice(0, 200))}`);
    fields.push(text.slice(start, at));
    start = at + 1;
  }
  const [sha, parents, authorName, authorEmail, date] = fields as [string, string, string, string, string];
  // trimEnd removes exactly what /\s+$/ matches, without the regex's rescans of long runs of spaces
  const message = text.slice(start).trimEnd();
  const { subject, body } = splitMessage(message);
  return {
    sha,
    parents: parents === '' ? [] : parents.split(' '),
    authorName,
    authorEmail,
    date,
    subject,
    body,
    message,
  };
}

/**
 * Streams the commits of `range` (default `HEAD`), newest first like `git log`. Memory stays constant
 * whatever the length of the history; breaking out of the loop stops git.
 */
export async function* readLog(dir: string, options: ReadLogOptions = {}): AsyncGenerator<Commit> {
  const splitter = new NulRecordSplitter();
  for await (const chunk of streamGit(dir, logArgs(options))) {
    for (const record of splitter.push(chunk)) yield parseCommitRecord(record);
  }
  for (const record of splitter.end()) {
    if (record.trim() !== '') yield parseCommitRecord(record);
  }
}

/** The history of one file, newest first, following renames. */
export function logOfFile(dir: string, file: string, options: Pick<ReadLogOptions, 'range' | 'maxCount' | 'firstParent'> = {}): AsyncGenerator<Commit> {
  return readLog(dir, { ...options, paths: [file], follow: true });
}
