/**
 * What a CLI subcommand is, and how it reads the same input spec as its action from flags:
 * `--name value`, `--name=value`, `--flag` / `--no-flag` for booleans, repeated flags for lists.
 */
import { InputError } from './errors.ts';
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

/**
 * Parses flags named after the spec's inputs. Unknown flags are an error that lists the known ones.
 * `extra` names flags the subcommand accepts beyond its inputs (booleans unless listed in `extraValued`).
 */
export function parseFlags(
  argv: readonly string[],
  specs: Record<string, InputSpec<unknown>>,
  options: { extraBooleans?: readonly string[]; extraValued?: readonly string[] } = {},
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
  while (i < argv.length) {
    const arg = argv[i]!;
    i += 1;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg === '-h') help = true;
      else positionals.push(arg);
      continue;
    }
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
    if (extraBooleans.has(name)) { extras[name] = value ?? 'true'; continue; }
    const spec = specs[name];
    if (!spec && !extraValued.has(name)) {
      const known = [...Object.keys(specs), ...extraBooleans, ...extraValued].map((k) => `--${k}`).join(', ');
      throw new InputError([`Unknown flag --${name}; known flags: ${known || '(none)'}, --json, --help.`]);
    }
    if (value === undefined) {
      if (spec?.kind === 'boolean') value = negated ? 'false' : 'true';
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

/** Help text listing a spec's flags with what each accepts. */
export function flagHelp(specs: Record<string, InputSpec<unknown>>, descriptions: Record<string, string> = {}): string {
  const rows = Object.entries(specs).map(([name, spec]) => {
    const flag = spec.kind === 'boolean' ? `--${name}` : `--${name} <value>`;
    const text = descriptions[name] ? `${descriptions[name]} ` : '';
    return `  ${flag.padEnd(32)} ${text}(${spec.accepted}${spec.required ? ', required' : ''})`;
  });
  return rows.join('\n');
}
