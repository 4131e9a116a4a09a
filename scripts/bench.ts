/**
 * Runs every benchmark under bench/ (or the ones named: `npm run bench -- release scan`), one after another,
 * on the project's Node. Each prints its own figures as ratios against a floor or an incumbent.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const wanted = process.argv.slice(2);
const benches = fs.readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .map((f) => f.slice(0, -3))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();
if (benches.length === 0) {
  console.error(`No benchmark matched ${wanted.join(', ') || '(all)'} in bench/.`);
  process.exit(2);
}
let failed = 0;
for (const name of benches) {
  console.log(`\n== bench/${name}.ts ==`);
  const result = spawnSync(process.execPath, ['--expose-gc', path.join(root, 'bench', `${name}.ts`)], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    failed += 1;
    console.error(`bench/${name}.ts failed (exit ${result.status ?? result.signal}).`);
  }
}
process.exit(failed > 0 ? 1 : 0);
