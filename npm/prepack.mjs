/**
 * Before `npm pack` / `npm publish` of conveyor-cli: copies the CLI bundle from the repository's dist/ (built
 * by `npm run build`, committed) into this package's dist/, with every file it imports by a relative path
 * (chunks, if the bundle is ever split), and checks that this package's version is the one the CLI reports.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const here = import.meta.dirname;
const root = path.resolve(here, '..');
const from = path.join(root, 'dist');
const to = path.join(here, 'dist');

const rootVersion = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
const ownVersion = JSON.parse(fs.readFileSync(path.join(here, 'package.json'), 'utf8')).version;
if (rootVersion !== ownVersion) {
  console.error(`npm/package.json has version ${ownVersion} but the CLI reports ${rootVersion} (package.json at the root); make them equal before packing.`);
  process.exit(1);
}

const entry = path.join(from, 'cli.js');
if (!fs.existsSync(entry)) {
  console.error(`${entry} is missing; run npm run build at the repository root first.`);
  process.exit(1);
}

/** The bundle and the files it imports with relative specifiers, transitively. */
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = fs.readFileSync(file, 'utf8');
  for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.\.?\/[^"']+)["']/g)) {
    // Text that only looks like an import (inside a bundled string) names no file next to the bundle.
    const target = path.resolve(path.dirname(file), match[1]);
    if (!fs.existsSync(target) || !fs.statSync(target).isFile()) continue;
    if (!target.startsWith(from + path.sep)) {
      console.error(`${path.relative(root, file)} imports ${match[1]}, outside dist/; the package could not hold it.`);
      process.exit(1);
    }
    closure(target, seen);
  }
  return seen;
}

fs.rmSync(to, { recursive: true, force: true });
for (const file of closure(entry)) {
  const target = path.join(to, path.relative(from, file));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(file, target);
}
