import { afterAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { globFiles } from './glob.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-glob-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
for (const f of [
  'apps/web/kustomization.yaml', 'apps/api/kustomization.yaml', 'apps/.hidden/kustomization.yaml', 'apps/api/other.yaml',
  'apps/kustomization.yaml', 'envs/dev-1/values.yaml', 'envs/dev-2/values.yaml', 'envs/dev-10/values.yaml', 'envs/prod/values.yml',
  'charts/a/b/values.yaml', 'top.yaml', 'dir.yaml/inner',
]) {
  fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
  fs.writeFileSync(path.join(dir, f), 'x: 1\n');
}
fs.symlinkSync(path.join(dir, 'apps'), path.join(dir, 'linked'));

const node = (pattern: string) => fs.globSync(pattern, { cwd: dir }).map((f) => f.split(path.sep).join('/')).sort();

describe('globFiles', () => {
  const patterns = [
    'apps/*/kustomization.yaml', 'apps/*/*.yaml', 'envs/dev-?/values.yaml', 'envs/dev-[0-9]*/values.y*ml', 'envs/*/values.yml',
    '*.yaml', '*/*/values.yaml', 'missing/*/x.yaml', 'apps/*/none', 'charts/*/b/values.yaml',
    // handed to fs.globSync: globstar, braces, a symbolic link on the way
    'charts/**/values.yaml', 'apps/{web,api}/kustomization.yaml', 'linked/*/kustomization.yaml',
  ];
  for (const pattern of patterns) {
    it(`matches what fs.globSync matches: ${pattern}`, () => {
      expect(globFiles(pattern, dir)).toEqual(node(pattern));
    });
  }

  it('finds the expected files, and no hidden folder', () => {
    expect(globFiles('apps/*/kustomization.yaml', dir)).toEqual(['apps/api/kustomization.yaml', 'apps/web/kustomization.yaml']);
    expect(globFiles('envs/dev-?/values.yaml', dir)).toEqual(['envs/dev-1/values.yaml', 'envs/dev-2/values.yaml']);
  });
});
