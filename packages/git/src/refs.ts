/** Revisions, branches and tags: small questions answered by one git command each. */
import { git } from './command.ts';
import { checkRev } from './log.ts';

export interface Tag {
  /** The tag's name without `refs/tags/`. */
  name: string;
  /** The commit the tag points at, through any annotated tag objects. */
  commit: string;
  /** What the ref itself points at: the tag object for an annotated tag, else the commit. */
  object: string;
  annotated: boolean;
}

/** The commit a revision names, or `undefined` when there is none. */
export async function revParse(dir: string, rev: string): Promise<string | undefined> {
  const result = await git(dir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${checkRev(rev)}^{commit}`], { okCodes: [0, 1, 128] });
  const sha = result.stdout.trim();
  return result.exitCode === 0 && sha !== '' ? sha : undefined;
}

/** The checked-out branch, or `undefined` on a detached HEAD. */
export async function currentBranch(dir: string): Promise<string | undefined> {
  const result = await git(dir, ['symbolic-ref', '--quiet', '--short', 'HEAD'], { okCodes: [0, 1] });
  const name = result.stdout.trim();
  return result.exitCode === 0 && name !== '' ? name : undefined;
}

/** Whether the repository is a shallow clone (actions/checkout's default `fetch-depth: 1`). */
export async function isShallow(dir: string): Promise<boolean> {
  const result = await git(dir, ['rev-parse', '--is-shallow-repository']);
  return result.stdout.trim() === 'true';
}

export interface HeadState {
  /** Whether the repository is a shallow clone. */
  shallow: boolean;
  /** The commit HEAD points at; undefined on an unborn branch. */
  commit: string | undefined;
  /** The checked-out branch; undefined on a detached HEAD. */
  branch: string | undefined;
}

/**
 * Whether the clone is shallow, HEAD's commit and the checked-out branch, from one `git rev-parse` (the
 * three questions each cost a process otherwise). An unborn HEAD makes that command fail; then each is
 * asked on its own.
 */
export async function headState(dir: string): Promise<HeadState> {
  const result = await git(dir, ['rev-parse', '--is-shallow-repository', 'HEAD^{commit}', '--symbolic-full-name', 'HEAD', '--'], { okCodes: [0, 128] });
  const [shallow, commit, ref] = result.stdout.split('\n');
  if (result.exitCode === 0 && (shallow === 'true' || shallow === 'false') && /^[0-9a-f]{40,64}$/.test(commit ?? '') && ref) {
    return { shallow: shallow === 'true', commit, branch: ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined };
  }
  const [isShallowClone, head, branch] = await Promise.all([isShallow(dir), revParse(dir, 'HEAD'), currentBranch(dir)]);
  return { shallow: isShallowClone, commit: head, branch };
}

const TAG_FORMAT = '--format=%(refname)%00%(objectname)%00%(objecttype)%00%(*objectname)%00%(*objecttype)';

/** Parses `git for-each-ref` output in TAG_FORMAT. Tags of trees or blobs are left out. */
export function parseTagLines(output: string): { tags: Tag[]; nested: string[] } {
  const tags: Tag[] = [];
  const nested: string[] = [];
  for (const line of output.split('\n')) {
    if (line === '') continue;
    const [ref = '', object = '', type = '', peeled = '', peeledType = ''] = line.split('\0');
    const name = ref.replace(/^refs\/tags\//, '');
    if (type === 'commit') tags.push({ name, commit: object, object, annotated: false });
    else if (type === 'tag' && peeledType === 'commit') tags.push({ name, commit: peeled, object, annotated: true });
    else if (type === 'tag' && peeledType === 'tag') nested.push(name);
  }
  return { tags, nested };
}

async function tagsFrom(dir: string, filter: string[], pattern?: string): Promise<Tag[]> {
  const patterns = pattern === undefined ? ['refs/tags'] : [`refs/tags/${pattern}`];
  const result = await git(dir, ['for-each-ref', TAG_FORMAT, ...filter, '--', ...patterns]);
  const { tags, nested } = parseTagLines(result.stdout);
  // A tag of a tag: peel it all the way (rare, one command each).
  for (const name of nested) {
    const object = (await git(dir, ['rev-parse', '--verify', `refs/tags/${name}`])).stdout.trim();
    const commit = await revParse(dir, `refs/tags/${name}`);
    if (commit) tags.push({ name, commit, object, annotated: true });
  }
  return tags.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Every tag with the commit it points at, sorted by name. `pattern` is a glob such as `v*`. */
export function listTags(dir: string, options: { pattern?: string } = {}): Promise<Tag[]> {
  return tagsFrom(dir, [], options.pattern);
}

/** Tags whose commit is `rev`, through any number of annotated tag objects. */
export async function tagsPointingAt(dir: string, rev: string, options: { pattern?: string } = {}): Promise<Tag[]> {
  const commit = await revParse(dir, rev);
  if (commit === undefined) return [];
  return (await listTags(dir, options)).filter((tag) => tag.commit === commit);
}

/** Tags whose commit is an ancestor of `rev` or `rev` itself (`git tag --merged`). */
export function tagsReachableFrom(dir: string, rev: string, options: { pattern?: string } = {}): Promise<Tag[]> {
  return tagsFrom(dir, ['--merged', checkRev(rev)], options.pattern);
}
