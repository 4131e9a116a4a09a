import { describe, expect, it } from '@jest/globals';
import { applyChanges, parseYamlFile, type Change, type EditCheck } from './yaml-edit.ts';

const OLD = `sha256:${'a'.repeat(64)}`;
const NEW = `sha256:${'b'.repeat(64)}`;

function edit(text: string, changes: Change[]): { out: string; check: EditCheck } {
  const check: EditCheck = {};
  const out = applyChanges(parseYamlFile('f.yaml', text), changes, check);
  return { out, check };
}

describe('applyChanges read-back checks', () => {
  const cases: [string, string, Change[], string][] = [
    ['a plain value with a comment after it', `images:\n  - name: web   # app\n    digest: ${OLD}  # pinned\n`,
      [{ doc: 0, path: ['images', 0, 'digest'], value: NEW }], `images:\n  - name: web   # app\n    digest: ${NEW}  # pinned\n`],
    ['single and double quotes, kept', `a: '${OLD}'\nb: "1.0.0"\n`,
      [{ doc: 0, path: ['a'], value: NEW }, { doc: 0, path: ['b'], value: "it's 2" }], `a: '${NEW}'\nb: "it's 2"\n`],
    ['a single-quoted value with a quote in it', `a: 'x'\n`, [{ doc: 0, path: ['a'], value: "it's" }], `a: 'it''s'\n`],
    ['an anchored value and its alias', `base: &d ${OLD}\nuse: *d\n`, [{ doc: 0, path: ['base'], value: NEW }], `base: &d ${NEW}\nuse: *d\n`],
    ['the second document of three', `a: 1\n---\nimage: {digest: ${OLD}}\n---\nb: 2\n`,
      [{ doc: 1, path: ['image', 'digest'], value: NEW }], `a: 1\n---\nimage: {digest: ${NEW}}\n---\nb: 2\n`],
  ];
  for (const [name, text, changes, expected] of cases) {
    it(`accepts by comparing tokens: ${name}`, () => {
      const { out, check } = edit(text, changes);
      expect(out).toBe(expected);
      expect(check.by).toBe('tokens');
    });
  }

  it('falls back to the full parse for an inserted field, and accepts it', () => {
    const { out, check } = edit(`image:\n  repository: web\n`, [{ doc: 0, path: ['image', 'digest'], value: NEW }]);
    expect(out).toBe(`image:\n  repository: web\n  digest: ${NEW}\n`);
    expect(check.by).toBe('parse');
  });

  it('falls back to the full parse when a plain value must be quoted to stay a string (the tokens change kind)', () => {
    const { out, check } = edit(`tag: 1.0.0\n`, [{ doc: 0, path: ['tag'], value: '1.10' }]);
    expect(out).toBe(`tag: "1.10"\n`);
    expect(check.by).toBe('parse');
  });

  it('falls back to the full parse under a %YAML directive', () => {
    const { out, check } = edit(`%YAML 1.2\n---\na: x\n`, [{ doc: 0, path: ['a'], value: 'y' }]);
    expect(out).toBe(`%YAML 1.2\n---\na: y\n`);
    expect(check.by).toBe('parse');
  });

  it('refuses a plain value that splits a flow mapping: the tokens differ and the full parse disagrees too', () => {
    const text = `image: {digest: x, pull: Always}\n`;
    expect(() => edit(text, [{ doc: 0, path: ['image', 'digest'], value: 'a,b' }]))
      .toThrow('f.yaml: the edit did not read back as intended, so the file was left unchanged');
  });

  it('refuses a plain value that would end a flow sequence early', () => {
    expect(() => edit(`tags: [x, y]\n`, [{ doc: 0, path: ['tags', 0], value: 'a]' }]))
      .toThrow('f.yaml: the edit did not read back as intended');
  });

  it('leaves a file alone when every value is already as wanted', () => {
    const text = `digest: ${NEW}\n`;
    const { out, check } = edit(text, [{ doc: 0, path: ['digest'], value: NEW }]);
    expect(out).toBe(text);
    expect(check.by).toBeUndefined();
  });
});
