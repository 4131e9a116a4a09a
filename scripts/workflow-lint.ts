/**
 * Lints the repository's workflow files (reusable, CI and starter workflows, and every example's) with the
 * real actionlint built by `npm run tools` (or found on PATH), which runs shellcheck on `run:` scripts when
 * shellcheck is on PATH.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

export interface Finding { file: string; line: number; column: number; message: string; kind: string }

/** The workflow files: .github/workflows, workflows/ (starters) and examples/<name>/.github/workflows. */
export function workflowFiles(): string[] {
  const dirs = ['.github/workflows', 'workflows'];
  const examples = path.join(root, 'examples');
  if (fs.existsSync(examples)) {
    for (const name of fs.readdirSync(examples).sort()) dirs.push(path.join('examples', name, '.github', 'workflows'));
  }
  const files: string[] = [];
  for (const dir of dirs) {
    const abs = path.join(root, dir);
    if (!fs.existsSync(abs)) continue;
    for (const name of fs.readdirSync(abs).sort()) if (/\.ya?ml$/.test(name)) files.push(path.join(dir, name));
  }
  return files;
}

/** The actionlint executable: CONVEYOR_TOOLS_DIR or .tools/bin first, then PATH. */
export function actionlintPath(): string | undefined {
  const own = path.join(process.env.CONVEYOR_TOOLS_DIR ?? path.join(root, '.tools', 'bin'), 'actionlint');
  if (fs.existsSync(own)) return own;
  const found = spawnSync('sh', ['-c', 'command -v actionlint'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

/** Runs actionlint on `files` (paths relative to the repository) and returns its findings. */
export function lintWorkflows(files = workflowFiles(), binary = actionlintPath()): Finding[] {
  if (!binary) throw new Error('actionlint is not built: run npm run tools (it needs Go), or put actionlint on PATH.');
  const res = spawnSync(binary, ['-format', '{{json .}}', ...files], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (res.error) throw res.error;
  if (res.status !== 0 && res.status !== 1) throw new Error(`actionlint failed (exit ${res.status}): ${res.stderr.trim()}`);
  const raw = JSON.parse(res.stdout.trim() || '[]') as { filepath: string; line: number; column: number; message: string; kind: string }[];
  return raw.map((f) => ({ file: f.filepath, line: f.line, column: f.column, message: f.message, kind: f.kind }));
}
