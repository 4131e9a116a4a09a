import { describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InputError } from './errors.ts';
import { boolean, envSource, filePath, integer, list, oneOf, readInputs, secret, splitList, string, text, type InputSource } from './inputs.ts';

const from = (values: Record<string, string>): InputSource => (name) => values[name];
const base = { baseDir: os.tmpdir() };

function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return [...error.problems];
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('readInputs', () => {
  it('reads the runner variables as @actions/core does (upper case, spaces as underscores, dashes kept)', () => {
    const source = envSource({ 'INPUT_TAG-FORMAT': 'api-v${version}', INPUT_MY_INPUT: 'x' });
    expect(source('tag-format')).toBe('api-v${version}');
    expect(source('my input')).toBe('x');
  });

  it('returns typed values and applies defaults', () => {
    const values = readInputs({
      name: string({ required: true }),
      'dry-run': boolean({ default: false }),
      level: oneOf(['low', 'high'], { default: 'low' }),
      depth: integer({ min: 1, max: 10, default: 3 }),
      items: list(),
      notes: text(),
    }, from({ name: '  app  ', 'dry-run': 'TRUE', items: 'a, b\n# comment\nc', notes: 'line 1\nline 2\n' }), base);
    expect(values).toEqual({ name: 'app', 'dry-run': true, level: 'low', depth: 3, items: ['a', 'b', 'c'], notes: 'line 1\nline 2' });
  });

  it.each([
    ['true', true], ['True', true], ['TRUE', true], ['false', false], ['False', false], ['FALSE', false],
  ])('accepts the YAML 1.2 core boolean %s', (raw, expected) => {
    expect(readInputs({ flag: boolean() }, from({ flag: raw }), base).flag).toBe(expected);
  });

  it.each(['yes', 'on', '1', 'tru'])('refuses the boolean %s, naming the input and the accepted values', (raw) => {
    expect(problems(() => readInputs({ 'dry-run': boolean() }, from({ 'dry-run': raw }), base))).toEqual([
      `Input 'dry-run' is "${raw}"; accepted: true | True | TRUE | false | False | FALSE.`,
    ]);
  });

  it('reports every bad input at once, before returning anything', () => {
    const found = problems(() => readInputs({
      token: secret({ required: true }),
      cutoff: oneOf(['low', 'medium', 'high']),
      retries: integer({ min: 0, max: 5 }),
      port: integer({ min: 1 }),
      ok: string(),
    }, from({ cutoff: 'hgh', retries: '9', port: 'eighty', ok: 'fine' }), base));
    expect(found).toEqual([
      'Input required and not supplied: token (a secret; pass it with ${{ secrets.NAME }}).',
      `Input 'cutoff' is "hgh"; accepted: low | medium | high.`,
      `Input 'retries' is 9; accepted: a whole number from 0 to 5.`,
      `Input 'port' is "eighty"; accepted: a whole number of at least 1.`,
    ]);
  });

  it('the InputError message lists each problem on its own line', () => {
    try {
      readInputs({ a: integer(), b: boolean() }, from({ a: '1.5', b: 'maybe' }), base);
      throw new Error('unreachable');
    } catch (error) {
      expect((error as Error).message).toBe(
        `2 inputs are invalid:\n- Input 'a' is "1.5"; accepted: a whole number.\n- Input 'b' is "maybe"; accepted: true | True | TRUE | false | False | FALSE.`,
      );
    }
  });

  it('optional inputs without a default read as empty or undefined', () => {
    expect(readInputs({ s: string(), i: integer(), e: oneOf(['a']), l: list(), p: filePath() }, from({}), base))
      .toEqual({ s: '', i: undefined, e: undefined, l: [], p: undefined });
  });

  it('checks a string against its pattern', () => {
    expect(problems(() => readInputs({ image: string({ pattern: /^[a-z0-9./-]+$/, patternHint: 'a lower-case image name' }) }, from({ image: 'Org/App' }), base)))
      .toEqual([`Input 'image' is "Org/App"; accepted: a lower-case image name.`]);
  });

  it('lists keep commas inside lines when told to', () => {
    expect(splitList('type=semver,pattern={{version}}\ntype=sha', false)).toEqual(['type=semver,pattern={{version}}', 'type=sha']);
  });

  it('resolves paths against the workspace and checks they exist', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kit-inputs-'));
    fs.writeFileSync(path.join(dir, 'plan.json'), '{}');
    const values = readInputs({ plan: filePath({ mustExist: 'file' }), out: filePath() }, from({ plan: 'plan.json', out: 'out/x' }), { baseDir: dir });
    expect(values).toEqual({ plan: path.join(dir, 'plan.json'), out: path.join(dir, 'out/x') });
    expect(problems(() => readInputs({ plan: filePath({ mustExist: 'file' }) }, from({ plan: 'missing.json' }), { baseDir: dir })))
      .toEqual([`Input 'plan' is "missing.json", but ${path.join(dir, 'missing.json')} does not exist; accepted: an existing file (relative paths are taken from the workspace).`]);
    expect(problems(() => readInputs({ plan: filePath({ mustExist: 'directory' }) }, from({ plan: 'plan.json' }), { baseDir: dir })))
      .toEqual([`Input 'plan' is "plan.json", which is not a folder; accepted: an existing folder (relative paths are taken from the workspace).`]);
    fs.rmSync(dir, { recursive: true });
  });
});

describe('filePath defaults', () => {
  it('resolves a default path against the workspace like a given one', () => {
    expect(readInputs({ dir: filePath({ default: '.' }), config: filePath({ default: 'conf/app.yml' }) }, from({}), { baseDir: '/work/repo' }))
      .toEqual({ dir: '/work/repo', config: '/work/repo/conf/app.yml' });
  });
});
