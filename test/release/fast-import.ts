/**
 * Builds a real git repository from a list of commits with `git fast-import`: parents, messages and
 * dates as given, optional file contents, then tags. Used by the corpus test and the benchmark.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';

export interface ImportCommit {
  /** An id of the caller's choosing (the corpus uses the original sha). */
  id: string;
  parents: readonly string[];
  message: string;
  /** ISO 8601 date with offset, or seconds since the epoch. */
  date: string | number;
  /** Files written by this commit (path → content). */
  files?: Readonly<Record<string, string>>;
  /** Tags on this commit. */
  tags?: readonly string[];
  /** Make these tags annotated (default lightweight). */
  annotated?: boolean;
}

function gitDate(date: string | number): string {
  if (typeof date === 'number') return `${date} +0000`;
  const ms = Date.parse(date);
  if (Number.isNaN(ms)) throw new Error(`Unreadable date ${JSON.stringify(date)}`);
  const m = /([+-])(\d{2}):?(\d{2})$/.exec(date);
  const tz = m ? `${m[1]}${m[2]}${m[3]}` : '+0000';
  return `${Math.floor(ms / 1000)} ${tz}`;
}

function data(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}\n`;
}

/** The fast-import stream for the commits (oldest first), one chunk per commit. */
export function* fastImportStream(commits: Iterable<ImportCommit>, branch = 'main'): Generator<string> {
  const marks = new Map<string, number>();
  let next = 1;
  let last = 0;
  const tags: [string, number, boolean, string][] = [];
  for (const c of commits) {
    const mark = next++;
    marks.set(c.id, mark);
    const who = `Conveyor Test <test@example.invalid> ${gitDate(c.date)}`;
    let out = c.parents.length === 0 ? `reset refs/heads/${branch}\n` : '';
    out += `commit refs/heads/${branch}\nmark :${mark}\nauthor ${who}\ncommitter ${who}\n${data(c.message)}`;
    c.parents.forEach((p, i) => {
      const pm = marks.get(p);
      if (pm === undefined) throw new Error(`Commit ${c.id} names parent ${p}, which comes later or not at all`);
      out += `${i === 0 ? 'from' : 'merge'} :${pm}\n`;
    });
    for (const [file, content] of Object.entries(c.files ?? {})) out += `M 644 inline ${file}\n${data(content)}`;
    out += '\n';
    for (const t of c.tags ?? []) tags.push([t, mark, c.annotated ?? false, who]);
    last = mark;
    yield out;
  }
  for (const [name, mark, annotated, who] of tags) {
    yield annotated ? `tag ${name}\nfrom :${mark}\ntagger ${who}\n${data(name)}` : `reset refs/tags/${name}\nfrom :${mark}\n\n`;
  }
  if (last > 0) yield `reset refs/heads/${branch}\nfrom :${last}\n\n`;
}

/** Creates a repository in `dir` (made if missing) holding the commits; HEAD is `branch`. */
export async function importHistory(dir: string, commits: Iterable<ImportCommit>, branch = 'main'): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  const init = spawnSync('git', ['init', '--quiet', `--initial-branch=${branch}`, dir], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`git init failed: ${init.stderr}`);
  const child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: dir, stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  for (const chunk of fastImportStream(commits, branch)) {
    if (!child.stdin.write(chunk)) await new Promise((r) => child.stdin.once('drain', r));
  }
  child.stdin.end('done\n');
  const code = await exited;
  if (code !== 0) throw new Error(`git fast-import failed (${code}): ${stderr}`);
  const checkout = spawnSync('git', ['checkout', '--quiet', '--force', branch], { cwd: dir, encoding: 'utf8' });
  if (checkout.status !== 0) throw new Error(`git checkout failed: ${checkout.stderr}`);
}

/** Reads a JSON-lines file of `{sha, parents, date, message, tags}` into import commits. */
export function readHistoryJsonl(file: string): ImportCommit[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((line) => {
    const c = JSON.parse(line) as { sha: string; parents: string[]; date: string; message: string; tags: string[] };
    return { id: c.sha, parents: c.parents, date: c.date, message: c.message, tags: c.tags };
  });
}
