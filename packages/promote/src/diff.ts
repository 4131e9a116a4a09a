/**
 * The unified diff of a promotion's edits, as git shows it: what a dry run would commit. The old and the
 * new texts are written under a fresh folder and compared by one `git diff --no-index` over the two trees,
 * so the hunks are git's own; the headers are rewritten to the files' paths in the GitOps repository.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { git } from '@conveyor/git';

/** `edits` maps a file (relative to the repository) to its new text; `before` holds each file's current text. */
export async function unifiedDiff(before: ReadonlyMap<string, string>, edits: ReadonlyMap<string, string>, tempRoot: string): Promise<string> {
  if (edits.size === 0) return '';
  const dir = fs.mkdtempSync(path.join(tempRoot, 'conveyor-diff-'));
  try {
    for (const [file, text] of edits) {
      for (const [side, content] of [['old', before.get(file) ?? ''], ['new', text]] as const) {
        const target = path.join(dir, side, file);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, content);
      }
    }
    // Exit 1 means "differences found".
    const result = await git(dir, ['-c', 'diff.noprefix=false', '-c', 'diff.mnemonicPrefix=false', 'diff', '--no-index', '--no-color', '--no-ext-diff', '--no-renames', '-U3', '--', 'old', 'new'], { okCodes: [0, 1] });
    return result.stdout
      .split('\n')
      .filter((line) => !/^(diff --git |index [0-9a-f]+\.\.[0-9a-f]+)/.test(line))
      .map((line) => line.replace(/^--- a\/old\//, '--- a/').replace(/^\+\+\+ b\/new\//, '+++ b/'))
      .join('\n')
      .trimEnd();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
