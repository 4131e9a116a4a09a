/**
 * Reading and writing trees without a working tree: list a commit's files (`git ls-tree`), read many
 * objects with one process (`git cat-file --batch`), and write a commit on top of a parent with one
 * process (`git fast-import`). Works in bare repositories; nothing touches an index or a checkout.
 */
import { display, git, gitBytes } from './command.ts';
import { GitError } from './errors.ts';
import { GITHUB_ACTIONS_BOT, hasOwnIdentity, personEnv, type Person } from './files.ts';
import { checkRev } from './log.ts';

/** One entry of a tree listing. */
export interface TreeEntry {
  /** Path from the repository root, `/`-separated, exactly as stored (no quoting). */
  path: string;
  /** `100644` (file), `100755` (executable), `120000` (symbolic link), `160000` (submodule), `040000` (folder). */
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  oid: string;
  /**
   * Set when the stored path is not UTF-8: `path` then shows the bytes it cannot decode as U+FFFD and
   * names no file, so the entry can be neither read by path nor written under its own name.
   */
  notUtf8?: true;
}

/** Parses `git ls-tree -z` output: `<mode> SP <type> SP <oid> TAB <path> NUL` per entry. */
export function parseTreeListing(output: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  let start = 0;
  while (start < output.length) {
    let end = output.indexOf('\0', start);
    if (end === -1) end = output.length;
    const record = output.slice(start, end);
    start = end + 1;
    if (record === '') continue;
    const tab = record.indexOf('\t');
    const [mode, type, oid] = record.slice(0, tab).split(' ');
    if (tab === -1 || !mode || !oid || (type !== 'blob' && type !== 'tree' && type !== 'commit')) {
      throw new Error(`internal: unexpected git ls-tree record ${JSON.stringify(record.slice(0, 200))}`);
    }
    entries.push({ path: record.slice(tab + 1), mode, type, oid });
  }
  return entries;
}

/**
 * Every file (blob and submodule entry) of the tree at `rev`, recursively, in git's order. A path that
 * is not UTF-8 is flagged `notUtf8` (git stores paths as bytes; a string cannot hold those).
 */
export async function listTree(dir: string, rev: string): Promise<TreeEntry[]> {
  const args = ['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', checkRev(rev)];
  const output = (await gitBytes(dir, args)).stdout;
  const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let whole: string | undefined;
  try {
    whole = strictUtf8.decode(output);
  } catch {
    // some path is not UTF-8: decoded record by record below, and flagged
  }
  if (whole !== undefined) return parseTreeListing(whole);
  const entries: TreeEntry[] = [];
  for (let start = 0; start < output.length;) {
    let end = output.indexOf(0, start);
    if (end === -1) end = output.length;
    const record = output.subarray(start, end);
    start = end + 1;
    let text: string;
    let notUtf8 = false;
    try {
      text = strictUtf8.decode(record);
    } catch {
      text = record.toString('utf8');
      notUtf8 = true;
    }
    for (const entry of parseTreeListing(text)) entries.push(notUtf8 ? { ...entry, notUtf8: true } : entry);
  }
  return entries;
}

/** An object read by `readObjects`. */
export interface GitObject {
  oid: string;
  type: string;
  content: Buffer;
}

function checkObjectName(name: string): string {
  if (name === '' || /[\0\n\r]/.test(name)) throw new TypeError(`Invalid object name ${JSON.stringify(name)} for git cat-file: it must be one line.`);
  return name;
}

/**
 * Reads objects by name (an object id, or `<rev>:<path>`) with one `git cat-file --batch` process.
 * Returns the objects by the names asked for; a name that names nothing maps to `undefined`.
 *
 * The output is read as bytes (`gitBytes`): the batch output frames each object by its size in bytes.
 */
export async function readObjects(dir: string, names: readonly string[]): Promise<Map<string, GitObject | undefined>> {
  const found = new Map<string, GitObject | undefined>();
  const unique = [...new Set(names.map(checkObjectName))];
  if (unique.length === 0) return found;
  const args = ['cat-file', '--batch'];
  const output = (await gitBytes(dir, args, { input: `${unique.join('\n')}\n` })).stdout;
  let at = 0;
  for (const name of unique) {
    const eol = output.indexOf(10, at);
    if (eol === -1) throw new GitError(display(args), 0, '', `git cat-file ended before answering for ${name}.`);
    const header = output.toString('utf8', at, eol);
    at = eol + 1;
    const match = /^([0-9a-f]{40,64}) ([a-z]+) (\d+)$/.exec(header);
    if (!match) {
      if (header.endsWith(' missing')) {
        found.set(name, undefined);
        continue;
      }
      throw new GitError(display(args), 0, header, `git cat-file could not read ${name}: ${header}`);
    }
    const size = Number(match[3]);
    found.set(name, { oid: match[1]!, type: match[2]!, content: output.subarray(at, at + size) });
    at += size + 1;
  }
  return found;
}

/** Author and committer lines for a commit: `Name <email> <seconds> <offset>`. */
export interface CommitIdentity {
  author: string;
  committer: string;
}

/**
 * The author and committer a `git commit` in `dir` would record now: `author` if given, else the
 * configured identity, else the Actions bot (as `identityEnv` decides), with git's own date handling
 * (GIT_AUTHOR_DATE, GIT_COMMITTER_DATE). One `git var -l` answers all of it: it lists the configuration
 * (so whether `user.email` is set) and both identities.
 */
export async function commitIdentity(dir: string, author?: Person): Promise<CommitIdentity> {
  const env = author ? personEnv(author) : {};
  const lines = (await git(dir, ['var', '-l'], { env })).stdout.split('\n');
  const last = (name: string) => lines.findLast((l) => l.startsWith(`${name}=`))?.slice(name.length + 1);
  const bot = !author && !hasOwnIdentity(last('user.email'));
  const parts = (who: 'AUTHOR' | 'COMMITTER') => {
    const match = /^(.+?) <(.+)> (\d+ [+-]\d{4})$/.exec(last(`GIT_${who}_IDENT`) ?? '');
    // git lists identities leniently: an explicit name it could not use (empty, say) is replaced by the
    // login name there, where `git commit` refuses it. Such an identity is asked of git strictly below.
    const name = env[`GIT_${who}_NAME`] ?? process.env[`GIT_${who}_NAME`] ?? last('user.name');
    return match && (bot || name === undefined || match[1] === name) ? match : undefined;
  };
  const [a, c] = [parts('AUTHOR'), parts('COMMITTER')];
  if (!a || !c) {
    const strict = bot ? personEnv(GITHUB_ACTIONS_BOT) : env;
    const [sa, sc] = await Promise.all([git(dir, ['var', 'GIT_AUTHOR_IDENT'], { env: strict }), git(dir, ['var', 'GIT_COMMITTER_IDENT'], { env: strict })]);
    return { author: sa.stdout.trim(), committer: sc.stdout.trim() };
  }
  if (!bot) return { author: a[0], committer: c[0] };
  const ident = `${GITHUB_ACTIONS_BOT.name} <${GITHUB_ACTIONS_BOT.email}>`;
  return { author: `${ident} ${a[3]}`, committer: `${ident} ${c[3]}` };
}

/** A file to write in a commit: its path, mode and whole new content (UTF-8 text). */
export interface FileWrite {
  path: string;
  /** `100644` or `100755`. */
  mode: string;
  content: string;
}

export interface CommitWrite {
  /** The commit the new one follows; its tree is the starting point, so files not written stay as they are. */
  parent: string;
  message: string;
  identity: CommitIdentity;
  files: readonly FileWrite[];
  /** The ref fast-import sets to the new commit (default `refs/conveyor/commit`; overwritten). */
  ref?: string;
}

/** A path in fast-import's C-style quoting (any path can be written that way). */
function quotePath(file: string): string {
  let out = '"';
  for (const c of file) {
    const code = c.charCodeAt(0);
    if (c === '\\' || c === '"') out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\${code.toString(8).padStart(3, '0')}`;
    else out += c;
  }
  return `${out}"`;
}

function checkIdent(ident: string, what: string): string {
  if (!/^[^<>\n]*<[^<>\n]*> \d+ [+-]\d{4}$/.test(ident)) throw new TypeError(`writeCommit: the ${what} ${JSON.stringify(ident)} is not 'Name <email> <seconds> <offset>'.`);
  return ident;
}

/**
 * Writes one commit on top of `parent` that replaces the given files, with one `git fast-import`
 * process (no index, no working tree), and returns its sha. Every other entry of the parent's tree,
 * with its mode (executables, symbolic links, submodules), is kept as it is.
 *
 * fast-import rather than a temporary index with hash-object, update-index, write-tree and commit-tree:
 * it takes the blobs, the tree changes and the commit in one stream, so a commit of 500 files costs one
 * process and one pack instead of four processes and 500 loose objects.
 */
export async function writeCommit(dir: string, commit: CommitWrite): Promise<string> {
  if (commit.files.length === 0) throw new TypeError('writeCommit: no file to write.');
  const ref = commit.ref ?? 'refs/conveyor/commit';
  const parts: string[] = [
    'feature done\n',
    `commit ${checkRev(ref, 'ref')}\nmark :1\n`,
    `author ${checkIdent(commit.identity.author, 'author')}\n`,
    `committer ${checkIdent(commit.identity.committer, 'committer')}\n`,
    `data ${Buffer.byteLength(commit.message)}\n${commit.message}\n`,
    `from ${checkRev(commit.parent, 'parent')}\n`,
  ];
  for (const file of commit.files) {
    if (file.mode !== '100644' && file.mode !== '100755') throw new TypeError(`writeCommit: ${file.path} has mode ${file.mode}; only files (100644, 100755) are written.`);
    if (file.path === '' || file.path.startsWith('/') || file.path.split('/').some((s) => s === '' || s === '.' || s === '..' || s === '.git')) {
      throw new TypeError(`writeCommit: ${JSON.stringify(file.path)} is not a path inside the repository.`);
    }
    parts.push(`M ${file.mode} inline ${quotePath(file.path)}\ndata ${Buffer.byteLength(file.content)}\n`, file.content, '\n');
  }
  parts.push('\nget-mark :1\ndone\n');
  // glibc's malloc hands the memory of each object's zlib stream back to the system and asks for it
  // again for the next object (3,000 brk calls for 500 files, 40 ms of system time of 50); a trim
  // threshold above what fast-import uses stops that. Other C libraries ignore the variable.
  const result = await git(dir, ['fast-import', '--quiet', '--force', '--date-format=raw'], { input: parts.join(''), env: { MALLOC_TRIM_THRESHOLD_: String(64 << 20) } });
  const sha = result.stdout.trim();
  if (!/^[0-9a-f]{40,64}$/.test(sha)) throw new GitError('git fast-import', 0, result.stderr, `git fast-import gave no commit id (it printed ${JSON.stringify(sha.slice(0, 100))}).`);
  return sha;
}
