/** The `conveyor` command: dispatches to the registered subcommands. */
import { describeError, InputError, runCommand, type CliCommand, type CliIo } from '@conveyor/kit';
import pkg from '../../../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;

/**
 * A registered subcommand as `conveyor --help` needs it: name and summary, with the command module loaded
 * by `load` only when the subcommand runs or shows its help.
 */
export interface CommandEntry {
  name: string;
  /** Other words it answers to: the action's name (`build-image` for `image`). */
  aliases?: readonly string[];
  summary: string;
  load(): Promise<CliCommand>;
}

/** Either a lazy registry entry or a command already loaded (tests pass those directly). */
export type Registered = CommandEntry | CliCommand;

function answersTo(entry: Registered, word: string | undefined): boolean {
  return entry.name === word || ('aliases' in entry && (entry.aliases ?? []).includes(word ?? ''));
}

function aliasesOf(entry: Registered): readonly string[] {
  return 'aliases' in entry ? entry.aliases ?? [] : [];
}

async function loadCommand(entry: Registered): Promise<CliCommand> {
  if (!('load' in entry)) return entry;
  const command = await entry.load();
  if (command.name !== entry.name) {
    throw new Error(`The registry entry '${entry.name}' loaded the command '${command.name}'; fix packages/cli/src/commands.ts.`);
  }
  return command;
}

export function usage(commands: readonly Registered[]): string {
  const names = commands.map((c) => [c.name, ...aliasesOf(c)].join(', '));
  const width = Math.max(8, ...names.map((n) => n.length));
  const lines = commands.map((c, i) => `  ${names[i]!.padEnd(width)}  ${c.summary}`);
  return [
    `conveyor ${VERSION} — release, build, scan, gate, decrypt and promote, from a commit to production`,
    '',
    'Usage: conveyor <command> [flags]',
    '       conveyor <command> --help',
    '',
    'Commands:',
    ...(lines.length > 0 ? lines : ['  (none registered)']),
    '',
    'A command answers to its action\'s name too (build-image, scan-image, sops-decrypt). Its flags are the',
    'inputs of that action (`--dry-run`, `--tag-format v${version}`); `--json` prints the outputs as one JSON object.',
    '',
    'Global flags:',
    '  --help, -h     this text',
    '  --version      the conveyor version',
    '',
  ].join('\n');
}

/** Runs the CLI with `argv` (without node and the script) and resolves with the exit code. */
export async function main(argv: readonly string[], io: CliIo, commands: readonly Registered[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? commands.find((c) => answersTo(c, rest[0])) : undefined;
    io.stdout(topic ? (await loadCommand(topic)).help : usage(commands));
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const entry = commands.find((c) => answersTo(c, first));
  if (!entry) {
    io.stderr(`conveyor: unknown command '${first}'. Known commands: ${commands.map((c) => c.name).join(', ') || '(none)'}. See conveyor --help.\n`);
    return 2;
  }
  let command: CliCommand;
  try {
    command = await loadCommand(entry);
  } catch (error) {
    io.stderr(`conveyor ${entry.name}: ${describeError(error)}\n`);
    return error instanceof InputError ? 2 : 1;
  }
  // Every subcommand's failure reads the same: `conveyor <name>: <what failed and what to do>`, in flags.
  return runCommand(command, rest, io, entry.name);
}
