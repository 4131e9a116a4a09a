/** Reading files at a revision and committing files. */
import { git } from './command.ts';
import { ConveyorError } from '@conveyor/kit';
import { checkRev } from './log.ts';

export interface Person {
  name: string;
  email: string;
}

/** The identity GitHub shows as the Actions bot, used when the repository has no identity configured. */
export const GITHUB_ACTIONS_BOT: Person = {
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com',
};

/** Environment variables making `person` git's author and committer. */
export function personEnv(person: Person): Record<string, string> {
  return { GIT_AUTHOR_NAME: person.name, GIT_AUTHOR_EMAIL: person.email, GIT_COMMITTER_NAME: person.name, GIT_COMMITTER_EMAIL: person.email };
}

/**
 * Environment variables giving git an author and committer: `author` if given, else the configured
 * identity, else the Actions bot.
 */
export async function identityEnv(dir: string, author?: Person): Promise<Record<string, string>> {
  if (author) return personEnv(author);
  const email = await git(dir, ['config', '--get', 'user.email'], { okCodes: [0, 1] });
  return hasOwnIdentity(email.stdout) ? {} : personEnv(GITHUB_ACTIONS_BOT);
}

/**
 * Whether git commits as an identity of its own: `user.email` is configured (`configuredEmail`), or both
 * email variables are set. Otherwise the Actions bot commits.
 */
export function hasOwnIdentity(configuredEmail: string | undefined): boolean {
  return (configuredEmail ?? '').trim() !== '' || Boolean(process.env.GIT_COMMITTER_EMAIL && process.env.GIT_AUTHOR_EMAIL);
}

function checkPath(file: string): string {
  if (file === '' || file.startsWith('-') || /[\0\n]/.test(file)) {
    throw new TypeError(`Invalid path ${JSON.stringify(file)}: give a path inside the repository that does not start with '-'.`);
  }
  return file;
}

/**
 * The content of `file` (relative to the repository root) at revision `rev`, or `undefined` when the
 * file does not exist there. An unknown revision is an error.
 */
export async function readFileAt(dir: string, rev: string, file: string): Promise<string | undefined> {
  const commit = await git(dir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${checkRev(rev)}^{commit}`], { okCodes: [0, 1, 128] });
  if (commit.exitCode !== 0) {
    throw new ConveyorError(`The revision '${rev}' does not exist in ${dir}. If this is a shallow clone, set \`fetch-depth: 0\` on actions/checkout.`);
  }
  const spec = `${commit.stdout.trim()}:${checkPath(file).replace(/^\.\//, '')}`;
  const type = await git(dir, ['cat-file', '-t', spec], { okCodes: [0, 128] });
  if (type.exitCode !== 0 || type.stdout.trim() !== 'blob') return undefined;
  return (await git(dir, ['show', spec])).stdout;
}

export interface CommitFilesOptions {
  message: string;
  /** Files or folders to commit (relative to the repository root); additions, changes and deletions. */
  paths: readonly string[];
  author?: Person;
}

/**
 * Stages `paths` and commits exactly them (other staged changes stay staged). Returns the new commit's
 * sha. Throws when none of the paths changed.
 */
export async function commitFiles(dir: string, options: CommitFilesOptions): Promise<string> {
  if (options.paths.length === 0) throw new TypeError('commitFiles: give at least one path to commit.');
  if (options.message.trim() === '') throw new TypeError('commitFiles: the commit message is empty.');
  const paths = options.paths.map(checkPath);
  await git(dir, ['add', '-A', '--', ...paths]);
  const changed = await git(dir, ['diff', '--cached', '--quiet', '--', ...paths], { okCodes: [0, 1] });
  if (changed.exitCode === 0) {
    throw new ConveyorError(`Nothing to commit: ${paths.join(', ')} did not change in ${dir}.`);
  }
  const env = await identityEnv(dir, options.author);
  await git(dir, ['commit', '--quiet', '--no-verify', '--file=-', '--', ...paths], { input: options.message, env });
  return (await git(dir, ['rev-parse', 'HEAD'])).stdout.trim();
}
