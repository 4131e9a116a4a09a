import { describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintWorkflows, root, workflowFiles } from '../../scripts/workflow-lint.ts';
import { parse } from 'yaml';
import { toolOrSkip } from '../support/tools.ts';

interface Pin { action: string; tag: string; sha: string }
const pins = (JSON.parse(fs.readFileSync(path.join(root, '.github', 'pins.json'), 'utf8')) as { pins: Pin[] }).pins;
const actionlint = toolOrSkip('actionlint', 'the workflow lint tests');

describe('workflow files', () => {
  (actionlint ? it : it.skip)('the real actionlint finds nothing in any workflow of the repository', () => {
    expect(workflowFiles().length).toBeGreaterThan(0);
    expect(lintWorkflows(workflowFiles(), actionlint)).toEqual([]);
  });

  (actionlint ? it : it.skip)('actionlint does report a broken workflow (the check can fail)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-lint-'));
    try {
      const file = path.join(dir, 'bad.yml');
      fs.writeFileSync(file, 'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n');
      expect(lintWorkflows([file], actionlint).map((f) => f.kind)).toContain('expression');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(workflowFiles())('%s starts from permissions: {} and pins third-party actions to a checked commit', (file) => {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const doc = parse(text) as { permissions?: unknown };
    expect(doc.permissions).toEqual({});
    for (const match of text.matchAll(/uses:\s*([^\s#]+)(?:\s*#\s*(\S+))?/g)) {
      const ref = match[1]!;
      if (ref.startsWith('./') || /^conveyor\/conveyor[/@]/.test(ref)) continue; // our own actions and workflows
      const [, action, sha] = /^([^/]+\/[^/@]+)(?:\/[^@]*)?@(.*)$/.exec(ref) ?? [];
      const pin = pins.find((p) => p.action === action);
      // Every third-party action is in .github/pins.json, at the commit checked there, with its tag as the comment.
      expect({ ref, sha, tag: match[2] }).toEqual({ ref, sha: pin?.sha ?? 'a pin recorded in .github/pins.json', tag: pin?.tag });
    }
  });
});
