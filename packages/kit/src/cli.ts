/**
 * What a CLI subcommand is, and how it reads the same input spec as its action from flags:
 * `--name value`, `--name=value`, `--flag` / `--no-flag` for booleans, repeated flags for lists.
 */
import { cliWords } from './cli-words.ts';
import { describeError, InputError } from './errors.ts';
import type { InputSource, InputSpec } from './inputs.ts';

export interface CliIo {
  stdout(text: string): void;
  /** Bytes written to stdout as they are (a decrypted binary file); without it they go through `stdout` as UTF-8. */
  stdoutBytes?(data: Uint8Array): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface CliCommand {
  /** The subcommand word: `conveyor <name> …`. */
  name: string;
  /**
   * The flags it reads (every subcommand's, merged): the CLI puts errors in their words (`Input 'x'` reads
   * `--x`, `x: true` reads `--x`).
   */
  flags?: readonly string[];
  /** One line for `conveyor --help`. */
  summary: string;
  /** Full help text for `conveyor <name> --help`. */
  help: string;
  /** Runs with the arguments after the subcommand; resolves with the exit code. */
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

export interface ParsedFlags {
  source: InputSource;
  positionals: string[];
  /** `--json`: print the outputs as one JSON object. */
  json: boolean;
  help: boolean;
  /** Arguments after a bare `--`. */
  rest: string[];
}

export interface ParseOptions {
  /** Flags the subcommand accepts beyond its inputs that take no value. */
  extraBooleans?: readonly string[];
  /** Flags the subcommand accepts beyond its inputs that take a value. */
  extraValued?: readonly string[];
  /**
   * The positional arguments accepted, by name (`['REPORT.json']`); more are refused. Default: none. A name
   * ending in `…` takes any number.
   */
  positionals?: readonly string[];
}

/**
 * Parses flags named after the spec's inputs. Unknown flags, and positional arguments beyond
 * `options.positionals`, are an `InputError` (exit 2) that says what is accepted.
 */
export function parseFlags(
  argv: readonly string[],
  specs: Record<string, InputSpec<unknown>>,
  options: ParseOptions = {},
): ParsedFlags & { extras: Record<string, string> } {
  const values = new Map<string, string[]>();
  const extras: Record<string, string> = {};
  const positionals: string[] = [];
  let json = false;
  let help = false;
  const extraBooleans = new Set(options.extraBooleans ?? []);
  const extraValued = new Set(options.extraValued ?? []);
  let i = 0;
  const rest: string[] = [];
  let lastBoolean: string | undefined;
  while (i < argv.length) {
    const arg = argv[i]!;
    i += 1;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg === '-h') help = true;
      else refuseExtraPositional(arg, positionals, options.positionals ?? [], lastBoolean);
      lastBoolean = undefined;
      continue;
    }
    lastBoolean = undefined;
    const eq = arg.indexOf('=');
    let name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    let value: string | undefined = eq === -1 ? undefined : arg.slice(eq + 1);
    if (name === 'json' && value === undefined) { json = true; continue; }
    if (name === 'help' && value === undefined) { help = true; continue; }
    let negated = false;
    if (!(name in specs) && name.startsWith('no-') && specs[name.slice(3)]?.kind === 'boolean') {
      name = name.slice(3);
      negated = true;
    }
    if (extraBooleans.has(name)) {
      extras[name] = value ?? 'true';
      lastBoolean = value === undefined ? name : undefined;
      continue;
    }
    const spec = specs[name];
    if (!spec && !extraValued.has(name)) {
      const known = [...Object.keys(specs), ...extraBooleans, ...extraValued].map((k) => `--${k}`).join(', ');
      throw new InputError([`Unknown flag --${name}; known flags: ${known || '(none)'}, --json, --help.`]);
    }
    if (value === undefined) {
      if (spec?.kind === 'boolean') {
        value = negated ? 'false' : 'true';
        lastBoolean = negated ? undefined : name;
      }
      else {
        if (i >= argv.length) throw new InputError([`Flag --${name} needs a value (${spec?.accepted ?? 'a value'}).`]);
        value = argv[i]!;
        i += 1;
      }
    }
    if (!spec) { extras[name] = value; continue; }
    const list = values.get(name) ?? [];
    list.push(value);
    values.set(name, list);
  }
  return {
    source: (name) => values.get(name)?.join('\n'),
    positionals,
    json,
    help,
    rest,
    extras,
  };
}

function refuseExtraPositional(arg: string, positionals: string[], accepted: readonly string[], lastBoolean: string | undefined): void {
  const any = accepted.at(-1)?.endsWith('…') ?? false;
  if (any || positionals.length < accepted.length) {
    positionals.push(arg);
    return;
  }
  if (lastBoolean && /^(true|false)$/i.test(arg)) {
    throw new InputError([`Unexpected argument ${JSON.stringify(arg)} after --${lastBoolean}: a true/false flag takes its value after '=' (--${lastBoolean}=${arg.toLowerCase()}), or write --${arg.toLowerCase() === 'false' ? 'no-' : ''}${lastBoolean}.`]);
  }
  const takes = accepted.length === 0 ? 'takes no arguments besides flags' : `takes ${accepted.join(' ')} and no further argument`;
  throw new InputError([`Unexpected argument ${JSON.stringify(arg)}: this command ${takes}; see its --help.`]);
}

/** What `--help` shows of an action's metadata (from the generated copy of its action.yml). */
export interface ActionMetadata {
  /** The action's folder name (`build-image`). */
  name: string;
  inputs: Readonly<Record<string, { readonly description: string; readonly default?: string; readonly required?: boolean }>>;
}

function acceptedWords(spec: InputSpec<unknown>): string {
  return spec.kind === 'boolean' ? 'true|false' : spec.accepted;
}

function helpDefault(value: string | undefined): string {
  // `${{ … }}` defaults are the runner's; on a terminal the command says where it looks instead.
  if (value === undefined || value === '' || value.includes('${{')) return '';
  return `; default ${/[\s"]/.test(value) ? JSON.stringify(value) : value}`;
}

const COLUMN = 34;

const WIDTH = 110;

/** Words of `text` in lines that fit WIDTH after the COLUMN indent (a longer word keeps its own line). */
function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/)) {
    if (line !== '' && COLUMN + line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** A help row: the flag, then its text in a column of its own, wrapped under itself. */
function row(flag: string, text: string): string {
  const [first = '', ...more] = wrap(text);
  const head = flag.length + 2 >= COLUMN ? `  ${flag}\n${' '.repeat(COLUMN)}${first}` : `  ${flag.padEnd(COLUMN - 2)}${first}`;
  return [head, ...more.map((l) => `${' '.repeat(COLUMN)}${l}`)].join('\n');
}

/**
 * Help rows for a spec's flags: each flag's description (from the action's metadata, or `descriptions`),
 * what it accepts (booleans as `true|false`: `--flag`, `--flag=false` or `--no-flag`), whether it is required,
 * and its default. A flag with no description anywhere is an error: every flag says what it does.
 */
export function flagHelp(
  specs: Record<string, InputSpec<unknown>>,
  descriptions: Readonly<Record<string, string>> = {},
  action?: ActionMetadata,
): string {
  const rows = Object.entries(specs).map(([name, spec]) => {
    const meta = action?.inputs[name];
    const description = descriptions[name] ?? meta?.description;
    if (!description) throw new TypeError(`The flag --${name} has no description: add it to the action.yml (and run npm run docs) or pass one.`);
    const flag = spec.kind === 'boolean' ? `--${name}[=true|false]` : `--${name} <value>`;
    const required = spec.required ? ', required' : '';
    return row(flag, `${description.trim().replace(/\s*\n\s*/g, ' ')} (${acceptedWords(spec)}${required}${helpDefault(meta?.default)})`);
  });
  return rows.join('\n');
}

export interface HelpText {
  /** Usage lines, each starting with `conveyor <name>`. */
  usage: readonly string[];
  /** Paragraphs after the usage. */
  about?: readonly string[];
  /** Positional arguments: name and what it is. */
  arguments?: readonly (readonly [string, string])[];
  /** The flag rows (from `flagHelp`), under a heading each: `[heading, rows]`. */
  flags: readonly (readonly [string, string])[];
  /** Flags outside the spec: `[flag, description]`. */
  extraFlags?: readonly (readonly [string, string])[];
}

/** One layout for every subcommand's `--help`: usage, what it does, arguments, flags, then --json and --help. */
export function commandHelp(help: HelpText): string {
  const out = ['Usage:', ...help.usage.map((u) => `  ${u}`)];
  for (const paragraph of help.about ?? []) out.push('', paragraph);
  if (help.arguments && help.arguments.length > 0) {
    out.push('', 'Arguments:', ...help.arguments.map(([name, text]) => row(name, text)));
  }
  for (const [heading, rows] of help.flags) if (rows) out.push('', `${heading}:`, rows);
  out.push('', 'Other flags:', ...[...(help.extraFlags ?? []), ['--json', 'print the outputs as one JSON object on stdout'], ['--help, -h', 'this text']].map(([flag, text]) => row(flag!, text!)));
  return `${out.join('\n')}\n`;
}

/**
 * Runs a subcommand as `conveyor` does: a failure is printed as `conveyor <name>: <what failed and what to
 * do>`, in the command's words (flags, not inputs), and gives exit 2 for bad input, 1 for anything else.
 */
export async function runCommand(command: CliCommand, argv: readonly string[], io: CliIo, name = command.name): Promise<number> {
  try {
    return await command.run(argv, io);
  } catch (error) {
    io.stderr(`conveyor ${name}: ${cliWords(describeError(error), command.flags ?? [])}\n`);
    return error instanceof InputError ? 2 : 1;
  }
}
