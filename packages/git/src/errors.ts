/**
 * GitError: a git command failed. The message says which command, how it ended, git's own words,
 * and what to do about it.
 */
import { ConveyorError } from '@conveyor/kit';

export class GitError extends ConveyorError {
  readonly command: string;
  readonly exitCode: number;
  readonly stderr: string;
  readonly hint: string | undefined;
  constructor(command: string, exitCode: number, stderr: string, hint?: string, options?: { cause?: unknown }) {
    const tail = stderr.trimEnd().split(/\r?\n/).slice(-20).join('\n');
    super(`\`${command}\` failed with exit code ${exitCode}${tail ? `:\n${tail}` : ''}${hint ? `\n${hint}` : ''}`, options);
    this.command = command;
    this.exitCode = exitCode;
    this.stderr = stderr;
    this.hint = hint;
  }
}

interface HintRule {
  test: RegExp;
  hint: string;
}

/** Known git failures and what the user should do. The first match wins. */
const HINTS: readonly HintRule[] = [
  {
    test: /not a git repository/i,
    hint: 'Run actions/checkout before this step, or point the working directory at the repository.',
  },
  {
    test: /shallow|unknown revision|bad revision|ambiguous argument|invalid object name|no merge base/i,
    hint: 'If this is a shallow clone, fetch the full history: set `fetch-depth: 0` on actions/checkout. Otherwise check that the revision exists.',
  },
  {
    test: /does not have any commits yet/i,
    hint: 'The branch has no commits yet; make a first commit before running this step.',
  },
  {
    test: /protected branch|GH006|GH013|push declined due to repository rule/i,
    hint: 'The branch is protected: let this workflow push through a pull request instead, or allow its token to bypass the rule.',
  },
  {
    test: /Authentication failed|could not read Username|Permission to .* denied|\b403\b/i,
    hint: 'The token cannot push: give the job `permissions: contents: write` and let actions/checkout persist its credentials (the default), or pass a token that can write to the repository.',
  },
  {
    test: /Please tell me who you are|empty ident name|unable to auto-detect email/i,
    hint: 'git has no committer identity: pass an author, or set user.name and user.email with `git config` in an earlier step.',
  },
  {
    test: /already exists/i,
    hint: 'The tag already exists on the remote with another commit; delete it there first or choose another version.',
  },
  {
    test: /CONFLICT|could not apply|Resolve all conflicts/i,
    hint: 'The remote branch changed the same lines; the rebase was aborted and nothing was pushed. Re-run the job on the latest commit.',
  },
];

/** The advice for a failed git command, from what git printed. */
export function hintFor(stderr: string): string | undefined {
  return HINTS.find((rule) => rule.test.test(stderr))?.hint;
}
