/** Rebuilds every bundle and fails when a committed bundle differs from the fresh build. */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
execFileSync(process.execPath, [path.join(root, 'scripts/build.ts')], { cwd: root, stdio: 'inherit' });
const changed = execFileSync('git', ['status', '--porcelain', '--untracked-files=all', '--', 'dist', 'actions/*/dist'], { cwd: root, encoding: 'utf8' }).trim();
if (changed) {
  console.error(`The committed bundles differ from a fresh build:\n${changed}\nRun \`npm run build\` and commit the result.`);
  process.exit(1);
}
console.log('dist/ matches a fresh build.');
