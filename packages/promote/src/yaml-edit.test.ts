import { describe, expect, it } from '@jest/globals';
import { applyChanges, parseYamlFile, type Change, type EditCheck } from './yaml-edit.ts';

const OLD = `sha256:${'a'.repeat(64)}`;
const NEW = `sha256:${'b'.repeat(64)}`;

function edit(text: string, changes: Change[], thorough = false): { out: string; check: EditCheck } {
  const check: EditCheck = thorough ? { thorough } : {};
  const out = applyChanges(parseYamlFile('f.yaml', text), changes, check);
  return { out, check };
}

describe('applyChanges read-back checks', () => {
  const cases: [string, string, Change[], string, 'local' | 'tokens'][] = [
    ['a plain value with a comment after it', `images:\n  - name: web   # app\n    digest: ${OLD}  # pinned\n`,
      [{ doc: 0, path: ['images', 0, 'digest'], value: NEW }], `images:\n  - name: web   # app\n    digest: ${NEW}  # pinned\n`, 'local'],
    ['single and double quotes, kept', `a: '${OLD}'\nb: "1.0.0"\n`,
      [{ doc: 0, path: ['a'], value: NEW }, { doc: 0, path: ['b'], value: "it's 2" }], `a: '${NEW}'\nb: "it's 2"\n`, 'local'],
    ['a single-quoted value with a quote in it', `a: 'x'\n`, [{ doc: 0, path: ['a'], value: "it's" }], `a: 'it''s'\n`, 'tokens'],
    ['a double-quoted value with an escape in it', `a: "x"\n`, [{ doc: 0, path: ['a'], value: 'say "hi"' }], `a: "say \\"hi\\""\n`, 'tokens'],
    ['an anchored value and its alias', `base: &d ${OLD}\nuse: *d\n`, [{ doc: 0, path: ['base'], value: NEW }], `base: &d ${NEW}\nuse: *d\n`, 'local'],
    ['the second document of three', `a: 1\n---\nimage: {digest: ${OLD}}\n---\nb: 2\n`,
      [{ doc: 1, path: ['image', 'digest'], value: NEW }], `a: 1\n---\nimage: {digest: ${NEW}}\n---\nb: 2\n`, 'local'],
    ['a plain value with a space in it', `a: old value\n`, [{ doc: 0, path: ['a'], value: 'new value' }], `a: new value\n`, 'tokens'],
    ['a value tagged !!str', `a: !!str ${OLD}\n`, [{ doc: 0, path: ['a'], value: NEW }], `a: !!str ${NEW}\n`, 'tokens'],
  ];
  for (const [name, text, changes, expected, by] of cases) {
    it(`accepts by the ${by} check: ${name}`, () => {
      const { out, check } = edit(text, changes);
      expect(out).toBe(expected);
      expect(check.by).toBe(by);
    });
    if (by === 'local') {
      it(`and the token comparison agrees: ${name}`, () => {
        const { out, check } = edit(text, changes, true);
        expect(out).toBe(expected);
        expect(check.by).toBe('tokens');
      });
    }
  }

  it('leaves a value with a custom tag to the full parse', () => {
    const { out, check } = edit(`a: !custom x\n`, [{ doc: 0, path: ['a'], value: 'y' }]);
    expect(out).toBe(`a: !custom y\n`);
    expect(check.by).toBe('parse');
  });

  it('falls back to the full parse for an inserted field, and accepts it', () => {
    const { out, check } = edit(`image:\n  repository: web\n`, [{ doc: 0, path: ['image', 'digest'], value: NEW }]);
    expect(out).toBe(`image:\n  repository: web\n  digest: ${NEW}\n`);
    expect(check.by).toBe('parse');
  });

  it('inserts a field after a mapping whose last value is itself a mapping or a list', () => {
    for (const tail of ['  extra:\n    a: 1\n    b: [1, 2]\n', '  ports:\n  - 80\n  - name: http\n    port: 8080\n']) {
      const { out, check } = edit(`image:\n  repository: web\n${tail}other: 1\n`, [{ doc: 0, path: ['image', 'digest'], value: NEW }]);
      expect(out).toBe(`image:\n  repository: web\n${tail.replace(/\n$/, '')}\n  digest: ${NEW}\nother: 1\n`);
      expect(check.by).toBe('parse');
    }
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

describe('the local check against the token comparison, on generated edits', () => {
  // A seeded generator, so a failure can be replayed: scalars in many contexts (block and flow, keys,
  // comments, anchors, quotes) get values drawn from characters that matter to YAML's lexer.
  let seed = 20261123;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const risky = 'aZ09.-_/:@+# ,[]{}!&*%?|>"\'\\\t';
  const safe = 'abcXYZ0189._/@+-:';
  const draw = (alphabet: string) => Array.from({ length: 1 + Math.floor(random() * 8) }, () => pick([...alphabet])).join('');
  const contexts: [string, (string | number)[]][] = [
    ['k: @\n', ['k']], ['k: @  # note\n', ['k']], ['k: @\nnext: 1\n', ['k']], ['a:\n  k: @\n  b: 2\n', ['a', 'k']],
    ['- @\n- x\n', [0]], ['list:\n  - @ # c\n  - y\n', ['list', 0]], ['m: {k: @, b: c}\n', ['m', 'k']],
    ['m: {k: @}\n', ['m', 'k']], ['s: [@, x]\n', ['s', 0]], ['s: [x, @]\n', ['s', 1]], ['s: [ @ ]\n', ['s', 0]],
    ['k: @\n...\n', ['k']], ['? q\n: @\n', ['q']], ['k: &a @\nr: *a\n', ['k']], ['k:\n  @\n', ['k']], ['k: @\r\nz: 1\r\n', ['k']],
    ['m: {k: @,b: c}\n', ['m', 'k']], ['k: @#x\n', ['k']],
  ];
  const oldSource = () => {
    const kind = random();
    if (kind < 0.4) return draw(random() < 0.5 ? safe : risky);
    const body = draw(random() < 0.5 ? safe : risky);
    return kind < 0.7 ? JSON.stringify(body) : `'${body.replace(/'/g, "''")}'`;
  };

  it('accepts locally only edits the token comparison accepts, with the same text', () => {
    const counts = { trials: 0, local: 0, other: 0, refused: 0 };
    for (let i = 0; i < 4000; i++) {
      const [template, path] = pick(contexts);
      const text = template.replace('@', oldSource());
      let yaml;
      try {
        yaml = parseYamlFile('g.yaml', text);
      } catch {
        continue;
      }
      const value = draw(random() < 0.6 ? safe : risky);
      const changes: Change[] = [{ doc: 0, path, value }];
      counts.trials += 1;
      let fast: { out: string; check: EditCheck } | undefined;
      try {
        const check: EditCheck = {};
        fast = { out: applyChanges(yaml, changes, check), check };
      } catch {
        counts.refused += 1;
      }
      if (fast?.check.by !== 'local') {
        if (fast) counts.other += 1;
        continue;
      }
      counts.local += 1;
      const thorough = edit(text, changes, true);
      expect({ text, value, out: thorough.out, by: thorough.check.by }).toEqual({ text, value, out: fast.out, by: 'tokens' });
    }
    // The generator must reach all three outcomes, or the comparison above proves little.
    expect(counts.local).toBeGreaterThan(500);
    expect(counts.other).toBeGreaterThan(100);
    expect(counts.refused).toBeGreaterThan(10);
  });
});
