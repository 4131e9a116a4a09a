import { setRunnerMasking } from '@conveyor/kit';
import { commands } from './commands.ts';
import { main } from './program.ts';
import { humanizeWorkflowCommands } from './terminal.ts';

const write = process.stdout.write.bind(process.stdout);
// With --json, stdout carries the JSON object alone: log lines (which the action runtime writes to stdout)
// go to stderr instead.
const argv = process.argv.slice(2);
const own = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
if (own.includes('--json')) {
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
}

// Outside GitHub Actions nothing reads workflow commands: `::add-mask::` would show the secret on the terminal,
// and the others read better as plain lines.
if (process.env.GITHUB_ACTIONS !== 'true') {
  setRunnerMasking(false);
  humanizeWorkflowCommands(process.stdout, process.env.CONVEYOR_DEBUG === '1');
  humanizeWorkflowCommands(process.stderr, process.env.CONVEYOR_DEBUG === '1');
}

process.exitCode = await main(argv, {
  stdout: (text) => write(text),
  stdoutBytes: (data) => write(data),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
}, commands);
