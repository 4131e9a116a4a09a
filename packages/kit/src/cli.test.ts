import { describe, expect, it } from '@jest/globals';
import { flagHelp, parseFlags } from './cli.ts';
import { InputError } from './errors.ts';
import { boolean, integer, list, readInputs, string } from './inputs.ts';

const spec = { 'tag-format': string({ default: 'v${version}' }), 'dry-run': boolean({ default: false }), path: list(), depth: integer() };

describe('parseFlags', () => {
  it('reads the action spec from flags: values, =values, booleans, negations and repeats', () => {
    const parsed = parseFlags(['--tag-format', 'api-v${version}', '--dry-run', '--path=a', '--path', 'b', 'extra', '--json'], spec);
    expect(readInputs(spec, parsed.source, { baseDir: '/' })).toEqual({ 'tag-format': 'api-v${version}', 'dry-run': true, path: ['a', 'b'], depth: undefined });
    expect(parsed.positionals).toEqual(['extra']);
    expect(parsed.json).toBe(true);
    expect(readInputs(spec, parseFlags(['--no-dry-run'], spec).source, { baseDir: '/' })['dry-run']).toBe(false);
  });

  it('keeps what follows -- apart', () => {
    expect(parseFlags(['file.yaml', '--', 'env', '--json'], spec)).toMatchObject({ positionals: ['file.yaml'], rest: ['env', '--json'], json: false });
  });

  it('refuses an unknown flag and lists the known ones', () => {
    expect(() => parseFlags(['--tag-fromat', 'x'], spec)).toThrow(new InputError([
      'Unknown flag --tag-fromat; known flags: --tag-format, --dry-run, --path, --depth, --json, --help.',
    ]));
    expect(() => parseFlags(['--depth'], spec)).toThrow('Flag --depth needs a value (a whole number).');
  });

  it('prints help rows with what each flag accepts', () => {
    expect(flagHelp({ depth: integer({ min: 1 }), 'dry-run': boolean() }, { depth: 'How deep.' })).toBe(
      '  --depth <value>                  How deep. (a whole number of at least 1)\n' +
      '  --dry-run                        (true | True | TRUE | false | False | FALSE)',
    );
  });
});
