/**
 * `npm run tools`: builds the external tools pinned in tools.json from their Go modules into .tools/bin
 * (git-ignored), with `go install MODULE@VERSION`. Idempotent: a tool already built at its pinned version is
 * left alone (the versions built are recorded in .tools/versions.json); the Go build cache keeps rebuilds
 * fast. `npm run tools -- sops grype` builds only those. Says what it did, one line a tool.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

interface Tool { name: string; module: string; version: string }
interface LocalTool { name: string; dir: string }

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, '.tools', 'bin');
const record = path.join(root, '.tools', 'versions.json');
const { tools, local = [] } = JSON.parse(fs.readFileSync(path.join(root, 'tools.json'), 'utf8')) as { tools: Tool[]; local?: LocalTool[] };

const wanted = process.argv.slice(2);
for (const name of wanted) {
  if (!tools.some((t) => t.name === name) && !local.some((t) => t.name === name)) {
    console.error(`npm run tools: no tool named ${name} in tools.json (known: ${[...tools, ...local].map((t) => t.name).join(', ')}).`);
    process.exit(2);
  }
}
if (spawnSync('go', ['version']).status !== 0) {
  console.error('npm run tools: the go command is not on PATH. Install Go 1.26 (https://go.dev/dl/) and run it again; the tools are built from their Go modules.');
  process.exit(1);
}
fs.mkdirSync(bin, { recursive: true });
const built: Record<string, string> = fs.existsSync(record) ? JSON.parse(fs.readFileSync(record, 'utf8')) : {};
let failed = 0;
for (const tool of tools.filter((t) => wanted.length === 0 || wanted.includes(t.name))) {
  const file = path.join(bin, tool.name);
  const id = `${tool.module}@${tool.version}`;
  if (fs.existsSync(file) && built[tool.name] === id) {
    console.log(`${tool.name}: ${tool.version} already built (${path.relative(root, file)})`);
    continue;
  }
  const started = Date.now();
  try {
    execFileSync('go', ['install', id], { cwd: root, env: { ...process.env, GOBIN: bin }, stdio: ['ignore', 'inherit', 'inherit'] });
  } catch {
    console.error(`${tool.name}: go install ${id} failed (see above).`);
    failed++;
    continue;
  }
  built[tool.name] = id;
  fs.writeFileSync(record, `${JSON.stringify(built, null, 2)}\n`);
  console.log(`${tool.name}: built ${tool.version} from ${tool.module} in ${((Date.now() - started) / 1000).toFixed(0)} s (${path.relative(root, file)})`);
}
// Programs of this repository (test helpers in Go): `go build` in their folder, every time (the build cache
// makes an unchanged one take a second or two), so a change to their source is never left unbuilt.
for (const tool of local.filter((t) => wanted.length === 0 || wanted.includes(t.name))) {
  const started = Date.now();
  try {
    execFileSync('go', ['build', '-buildvcs=false', '-o', path.join(bin, tool.name), '.'], { cwd: path.join(root, tool.dir), stdio: ['ignore', 'inherit', 'inherit'] });
  } catch {
    console.error(`${tool.name}: go build in ${tool.dir} failed (see above).`);
    failed++;
    continue;
  }
  console.log(`${tool.name}: built from ${tool.dir} in ${((Date.now() - started) / 1000).toFixed(0)} s (${path.relative(root, path.join(bin, tool.name))})`);
}
process.exit(failed > 0 ? 1 : 0);
