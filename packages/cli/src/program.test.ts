import { describe, expect, it } from '@jest/globals';
import { boolean, parseFlags, readInputs, type CliCommand } from '@conveyor/kit';
import { commands } from './commands.ts';
import { main, VERSION } from './program.ts';

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

});
