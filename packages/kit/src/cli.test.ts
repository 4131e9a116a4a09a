import { describe, expect, it } from '@jest/globals';
import { commandHelp, flagHelp, parseFlags } from './cli.ts';
import { InputError } from './errors.ts';
import { boolean, integer, list, readInputs, string } from './inputs.ts';

const spec = { 'tag-format': string({ default: 'v${version}' }), 'dry-run': boolean({ default: false }), path: list(), depth: integer() };

describe('parseFlags', () => {
  it('reads the action spec from flags: values, =values, booleans, negations and repeats', () => {
    const parsed = parseFlags(['--tag-format', 'api-v${version}', '--dry-run', '--path=a', '--path', 'b', 'extra', '--json'], spec, { positionals: ['FILE'] });
    expect(readInputs(spec, parsed.source, { baseDir: '/' })).toEqual({ 'tag-format': 'api-v${version}', 'dry-run': true, path: ['a', 'b'], depth: undefined });
    expect(parsed.positionals).toEqual(['extra']);
    expect(parsed.json).toBe(true);
    expect(readInputs(spec, parseFlags(['--no-dry-run'], spec).source, { baseDir: '/' })['dry-run']).toBe(false);
  });

  it('keeps what follows -- apart', () => {
    expect(parseFlags(['file.yaml', '--', 'env', '--json'], spec, { positionals: ['FILE'] })).toMatchObject({ positionals: ['file.yaml'], rest: ['env', '--json'], json: false });
  });

  it('refuses an unknown flag and lists the known ones', () => {
    expect(() => parseFlags(['--tag-fromat', 'x'], spec)).toThrow(new InputError([
      'Unknown flag --tag-fromat; known flags: --tag-format, --dry-run, --path, --depth, --json, --help.',
    ]));
    expect(() => parseFlags(['--depth'], spec)).toThrow('Flag --depth needs a value (a whole number).');
  });

  it('refuses a positional argument the command does not take, and says how to give a boolean a value', () => {
    expect(() => parseFlags(['extra'], spec)).toThrow(new InputError(['Unexpected argument "extra": this command takes no arguments besides flags; see its --help.']));
    expect(() => parseFlags(['a.json', 'b.json'], spec, { positionals: ['REPORT.json'] }))
      .toThrow('Unexpected argument "b.json": this command takes REPORT.json and no further argument; see its --help.');
    expect(() => parseFlags(['--dry-run', 'false'], spec))
      .toThrow("Unexpected argument \"false\" after --dry-run: a true/false flag takes its value after '=' (--dry-run=false), or write --no-dry-run.");
    expect(parseFlags(['a', 'b', 'c'], spec, { positionals: ['FILES…'] }).positionals).toEqual(['a', 'b', 'c']);
  });

  it('prints help rows: the description from the action metadata, booleans as true|false, required and default', () => {
    const action = { name: 'demo', inputs: { depth: { description: 'How deep.', default: '3' }, 'dry-run': { description: 'Change nothing.', default: 'false' }, token: { description: 'A token.', default: '${{ github.token }}' } } };
    expect(flagHelp({ depth: integer({ min: 1 }), 'dry-run': boolean(), token: string({ required: true }) }, {}, action)).toBe(
      '  --depth <value>                 How deep. (a whole number of at least 1; default 3)\n' +
      '  --dry-run[=true|false]          Change nothing. (true|false; default false)\n' +
      '  --token <value>                 A token. (any text, required)',
    );
    expect(flagHelp({ depth: integer() }, { depth: 'Given here.' }, action)).toContain('Given here. (a whole number; default 3)');
    expect(() => flagHelp({ other: integer() }, {}, action)).toThrow('The flag --other has no description');
  });

  it('lays out a command help: usage, arguments, flag sections, then --json and --help', () => {
    const help = commandHelp({ usage: ['conveyor demo <FILE> [flags]'], about: ['Does a thing.'], arguments: [['FILE', 'the file']], flags: [['Flags', '  --x <value>  X.']], extraFlags: [['--ref <ref>', 'a ref']] });
    expect(help).toBe([
      'Usage:', '  conveyor demo <FILE> [flags]', '', 'Does a thing.', '', 'Arguments:', `  ${'FILE'.padEnd(32)}the file`, '', 'Flags:', '  --x <value>  X.', '',
      'Other flags:', `  ${'--ref <ref>'.padEnd(32)}a ref`, `  ${'--json'.padEnd(32)}print the outputs as one JSON object on stdout`, `  ${'--help, -h'.padEnd(32)}this text`, '',
    ].join('\n'));
  });
});
