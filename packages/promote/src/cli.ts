/** `conveyor promote`: the promote action's inputs as flags. */
import { commandHelp, flagHelp, formatOutput, parseFlags, readInputs, type CliCommand } from '@conveyor/kit';
import { action } from './generated/promote.ts';
import { promoteInputs } from './inputs.ts';
import { promoteOutputs, runPromotion } from './action.ts';

export const promoteCommand: CliCommand = {
  name: 'promote',
  summary: 'Promote an image digest to the next environment by GitOps, in order.',
  flags: Object.keys(promoteInputs),
  help: commandHelp({
    usage: [
      'conveyor promote --environment <name> --image <name> --digest <sha256:…|tag> [--version <v>] [flags]',
      'conveyor promote --environment <name> --image <name> --version <v> --dry-run',
    ],
    about: ['Reads .github/conveyor/environments.yml (or --environments-file) in the current folder. --dry-run runs\n'
      + 'every check and prints the unified diff of each file it would commit, and changes nothing.'],
    flags: [['Flags (the inputs of the promote action)', flagHelp(promoteInputs, {}, action)]],
  }),
  async run(argv, io) {
    const flags = parseFlags(argv, promoteInputs);
    if (flags.help) {
      io.stdout(this.help);
      return 0;
    }
    const inputs = readInputs(promoteInputs, flags.source, { baseDir: io.cwd });
    const result = await runPromotion(inputs, { ...io.env, GITHUB_WORKSPACE: io.env.GITHUB_WORKSPACE ?? io.cwd });
    const outputs = promoteOutputs(result);
    if (flags.json) io.stdout(`${JSON.stringify(Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, v ?? null])))}\n`);
    else io.stdout(`${result.message}\n${result.diff ? `\n${result.diff}\n` : ''}${Object.entries(outputs).map(([k, v]) => `${k}: ${formatOutput(v)}`).join('\n')}\n`);
    return 0;
  },
};
