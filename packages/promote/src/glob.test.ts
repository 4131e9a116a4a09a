import { afterAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isPattern, matchPaths, normalizePattern } from './glob.ts';

// The same files in a folder (for fs.globSync) and as a list of paths (what a tree listing gives).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-glob-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const files = [
  'apps/web/kustomization.yaml', 'apps/api/kustomization.yaml', 'apps/.hidden/kustomization.yaml', 'apps/api/other.yaml',
  'apps/kustomization.yaml', 'envs/dev-1/values.yaml', 'envs/dev-2/values.yaml', 'envs/dev-10/values.yaml', 'envs/prod/values.yml',
  'charts/a/b/values.yaml', 'top.yaml', 'dir.yaml/inner', 'envs/prod eu/values.yaml', 'apps/café/kustomization.yaml', 'c++/x.yaml',
];
for (const f of files) {
  fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
  fs.writeFileSync(path.join(dir, f), 'x: 1\n');
}

/** What fs.globSync names in a checkout, among the files of the tree. */
const node = (pattern: string) => fs.globSync(pattern, { cwd: dir }).map((f) => f.split(path.sep).join('/')).filter((f) => files.includes(f)).sort();

describe('matchPaths', () => {
  const patterns = [
    'apps/*/kustomization.yaml', 'apps/*/*.yaml', 'envs/dev-?/values.yaml', 'envs/dev-[0-9]*/values.y*ml', 'envs/*/values.yml',
    '*.yaml', '*/*/values.yaml', 'missing/*/x.yaml', 'apps/*/none', 'charts/*/b/values.yaml', 'charts/**/values.yaml', '**/values.yaml',
    'apps/{web,api}/kustomization.yaml', '{apps/web,envs/prod}/*.y*ml', 'envs/prod */values.yaml', 'apps/caf?/*.yaml', 'c++/*.yaml',
    './apps/*/kustomization.yaml', 'apps//*/kustomization.yaml', 'envs/../apps/*/kustomization.yaml', '*',
    'apps/.*/kustomization.yaml', '*p*/*/*.yaml', 'envs/dev-*/values.yaml', 'envs/*-1*/*', 'c++/*', 'apps/caf\u00e9/*.yaml', 'env?/dev-1/*',
  ];
  for (const pattern of patterns) {
    it(`names the files fs.globSync names in a checkout: ${pattern}`, () => {
      expect(matchPaths(pattern, files)).toEqual(node(pattern));
    });
  }

  it('finds the expected files: not in a hidden folder, not a folder, at any depth only with **', () => {
    expect(matchPaths('apps/*/kustomization.yaml', files)).toEqual(['apps/api/kustomization.yaml', 'apps/café/kustomization.yaml', 'apps/web/kustomization.yaml']);
    expect(matchPaths('envs/dev-?/values.yaml', files)).toEqual(['envs/dev-1/values.yaml', 'envs/dev-2/values.yaml']);
    expect(matchPaths('*.yaml', files)).toEqual(['top.yaml']);
    expect(matchPaths('charts/**/values.yaml', files)).toEqual(['charts/a/b/values.yaml']);
  });

  it('names nothing behind a symbolic link (the tree holds the link, not the files it points at)', () => {
    expect(matchPaths('linked/*/kustomization.yaml', [...files, 'linked'])).toEqual([]);
  });
});

describe('isPattern and normalizePattern', () => {
  it.each([
    ['apps/web/kustomization.yaml', false], ['apps/*/k.yaml', true], ['envs/dev-?/v.yaml', true], ['envs/[ab]/v.yaml', true], ['{a,b}/v.yaml', true], ['c++/x.yaml', false],
  ])('%s is a pattern: %s', (file, expected) => {
    expect(isPattern(file)).toBe(expected);
  });

  it.each([
    ['apps/*/k.yaml', 'apps/*/k.yaml'], ['./apps/*/k.yaml', 'apps/*/k.yaml'], ['apps//x/*.yaml', 'apps/x/*.yaml'], ['a/../b/*.yaml', 'b/*.yaml'], ['.hidden/*.yaml', '.hidden/*.yaml'],
  ])('%s reads as %s', (pattern, expected) => {
    expect(normalizePattern(pattern)).toBe(expected);
  });
});
