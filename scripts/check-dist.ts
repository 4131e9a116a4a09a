/**
 * Rebuilds every bundle and fails when the committed bundles differ from the fresh build: a changed entry or
 * chunk, a chunk the build makes that is not committed, or a committed chunk the build no longer makes (the
 * build removes those, so git sees them deleted). Then checks that no bundle file is larger than
 * MAX_FILE_BYTES (the build refuses to write one; this catches a committed file no build wrote).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_FILE_BYTES, listBundles } from './build.ts';

const root = path.resolve(import.meta.dirname, '..');
execFileSync(process.execPath, [path.join(root, 'scripts/build.ts')], { cwd: root, stdio: 'inherit' });
const changed = execFileSync('git', ['status', '--porcelain', '--untracked-files=all', '--', 'dist', 'actions/*/dist'], { cwd: root, encoding: 'utf8' }).trim();
if (changed) {
  console.error(`The committed bundles differ from a fresh build:\n${changed}\nRun \`npm run build\` and commit the result (new chunks added, removed ones deleted).`);
  process.exit(1);
}
const folders = [...new Set(listBundles().map((b) => path.join(root, path.dirname(b.outfile))))];
const tooLarge = folders.flatMap((dir) => fs.readdirSync(dir).map((f) => path.join(dir, f)))
  .filter((f) => fs.statSync(f).size > MAX_FILE_BYTES);
if (tooLarge.length > 0) {
  console.error(`Bundle files larger than ${MAX_FILE_BYTES / 2 ** 20} MiB:\n${tooLarge.map((f) => `  ${path.relative(root, f)}`).join('\n')}`);
  process.exit(1);
}
console.log(`dist/ matches a fresh build; every file of ${folders.length} bundle folder(s) is at most ${MAX_FILE_BYTES / 2 ** 20} MiB.`);
