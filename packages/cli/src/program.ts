/** The `conveyor` command: dispatches to the registered subcommands. */
import { describeError, InputError, type CliCommand, type CliIo } from '@conveyor/kit';
import pkg from '../../../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;

/**
 * A registered subcommand as `conveyor --help` needs it: name and summary, with the command module loaded
 * by `load` only when the subcommand runs or shows its help.
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<CliCommand>;
}

/** Either a lazy registry entry or a command already loaded (tests pass those directly). */
export type Registered = CommandEntry | CliCommand;

async function loadCommand(entry: Registered): Promise<CliCommand> {
  if (!('load' in entry)) return entry;
  const command = await entry.load();
  if (command.name !== entry.name) {
    throw new Error(`The registry entry '${entry.name}' loaded the command '${command.name}'; fix packages/cli/src/commands.ts.`);
  }
  return command;
}

export function usage(commands: readonly Registered[]): string {
  const width = Math.max(8, ...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    `conveyor ${VERSION} — release, build, scan, gate, decrypt and promote, from a commit to production`,
    '',
    'Usage: conveyor <command> [flags]',
    '       conveyor <command> --help',
    '',
    'Commands:',
    ...(lines.length > 0 ? lines : ['  (none registered)']),
    '',
    'Flags of every command are the inputs of its action (`--dry-run`, `--tag-format v${version}`);',
    '`--json` prints the outputs as one JSON object.',
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
    const topic = first === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
    io.stdout(topic ? (await loadCommand(topic)).help : usage(commands));
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const entry = commands.find((c) => c.name === first);
  if (!entry) {
    io.stderr(`conveyor: unknown command '${first}'. Known commands: ${commands.map((c) => c.name).join(', ') || '(none)'}. See conveyor --help.\n`);
    return 2;
  }
  try {
    const command = await loadCommand(entry);
    return await command.run(rest, io);
  } catch (error) {
    io.stderr(`conveyor ${entry.name}: ${describeError(error)}\n`);
    return error instanceof InputError ? 2 : 1;
  }
}
