import { describe, expect, it } from '@jest/globals';
import { boolean, InputError, parseFlags, readInputs, type CliCommand } from '@conveyor/kit';
import { commands } from './commands.ts';
import { main, VERSION, type CommandEntry } from './program.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), env: {}, cwd: '/' }, out, err };
}

const echo: CliCommand = {
  name: 'echo',
  summary: 'Prints its flag back.',
  help: 'conveyor echo [--loud]\n',
  async run(argv, io) {
    const spec = { loud: boolean({ default: false }) };
    const flags = parseFlags(argv, spec);
    const inputs = readInputs(spec, flags.source);
    io.stdout(flags.json ? `${JSON.stringify({ loud: inputs.loud })}\n` : `loud=${inputs.loud}\n`);
    return 0;
  },
};

/** A registry entry that records each time its command module is loaded. */
function lazy(command: CliCommand, loads: string[]): CommandEntry {
  return { name: command.name, summary: command.summary, load: async () => { loads.push(command.name); return command; } };
}

const other: CliCommand = { ...echo, name: 'other', summary: 'Another command.', help: 'conveyor other\n' };

describe('the conveyor command', () => {
  it('--help lists every registered subcommand with its summary', async () => {
    const { io, out } = capture();
    expect(await main(['--help'], io, commands)).toBe(0);
    for (const command of commands) expect(out.join('')).toContain(`  ${command.name}`);
    expect(out.join('')).toContain('Usage: conveyor <command> [flags]');
  });

  it('--version prints the version', async () => {
    const { io, out } = capture();
    expect(await main(['--version'], io, commands)).toBe(0);
    expect(out.join('')).toBe(`${VERSION}\n`);
  });

  it('runs a subcommand with its flags, and --json prints its outputs as one object', async () => {
    const { io, out } = capture();
    expect(await main(['echo', '--loud', '--json'], io, [echo])).toBe(0);
    expect(JSON.parse(out.join(''))).toEqual({ loud: true });
  });

  it('an unknown command or flag exits 2 with a sentence saying what is known', async () => {
    const first = capture();
    expect(await main(['nope'], first.io, [echo])).toBe(2);
    expect(first.err.join('')).toBe("conveyor: unknown command 'nope'. Known commands: echo. See conveyor --help.\n");
    const second = capture();
    expect(await main(['echo', '--lowd'], second.io, [echo])).toBe(2);
    expect(second.err.join('')).toBe('conveyor echo: Unknown flag --lowd; known flags: --loud, --json, --help.\n');
  });

  it('every registry entry loads the command of the same name and summary', async () => {
    expect(new Set(commands.map((c) => c.name)).size).toBe(commands.length);
    for (const entry of commands) {
      const command = await entry.load();
      expect({ name: command.name, summary: command.summary }).toEqual({ name: entry.name, summary: entry.summary });
    }
  });

  it('--help and --version load no command module; running or asking for the help of one loads only that one', async () => {
    const loads: string[] = [];
    const registry = [lazy(echo, loads), lazy(other, loads)];
    const help = capture();
    expect(await main(['--help'], help.io, registry)).toBe(0);
    expect(help.out.join('')).toContain('  echo      Prints its flag back.\n  other     Another command.\n');
    expect(await main(['--version'], capture().io, registry)).toBe(0);
    expect(loads).toEqual([]);
    const topic = capture();
    expect(await main(['help', 'other'], topic.io, registry)).toBe(0);
    expect(topic.out.join('')).toBe('conveyor other\n');
    expect(loads).toEqual(['other']);
    const ran = capture();
    expect(await main(['echo', '--json'], ran.io, registry)).toBe(0);
    expect(JSON.parse(ran.out.join(''))).toEqual({ loud: false });
    expect(loads).toEqual(['other', 'echo']);
  });

  it('answers to an alias (the action name) and lists it beside the name', async () => {
    const loads: string[] = [];
    const registry: CommandEntry[] = [{ ...lazy(echo, loads), aliases: ['echo-action'] }];
    const ran = capture();
    expect(await main(['echo-action', '--loud', '--json'], ran.io, registry)).toBe(0);
    expect(JSON.parse(ran.out.join(''))).toEqual({ loud: true });
    const listed = capture();
    await main(['--help'], listed.io, registry);
    expect(listed.out.join('')).toMatch(/^ {2}echo, echo-action {2}Prints its flag back\.$/m);
    const err = capture();
    expect(await main(['echo-action', '--lowd'], err.io, registry)).toBe(2);
    expect(err.err.join('')).toBe('conveyor echo: Unknown flag --lowd; known flags: --loud, --json, --help.\n');
    expect(commands.find((c) => c.name === 'image')?.aliases).toEqual(['build-image']);
    expect(commands.find((c) => c.name === 'scan')?.aliases).toEqual(['scan-image']);
    expect(commands.find((c) => c.name === 'sops')?.aliases).toEqual(['sops-decrypt']);
  });

  it("puts a failure in the command's flags", async () => {
    const failing: CliCommand = { ...echo, flags: ['allow-destroy'], run: async () => { throw new InputError(["Input 'allow-destroy' is off; set allow-destroy: true."]); } };
    const { io, err } = capture();
    expect(await main(['echo'], io, [failing])).toBe(2);
    expect(err.join('')).toBe('conveyor echo: Flag --allow-destroy is off; pass --allow-destroy.\n');
  });

  it('a registry entry that loads a command of another name fails with the file to fix', async () => {
    const { io, err } = capture();
    const wrong: CommandEntry = { name: 'echo', summary: 'Prints its flag back.', load: async () => other };
    expect(await main(['echo'], io, [wrong])).toBe(1);
    expect(err.join('')).toBe("conveyor echo: The registry entry 'echo' loaded the command 'other'; fix packages/cli/src/commands.ts.\n");
  });

});
