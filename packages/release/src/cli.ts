/** `conveyor release`: the release action's inputs as flags. `--dry-run --json` works on any local repository with no token. */
import { commandHelp, flagHelp, formatOutput, parseFlags, readInputs, type CliCommand } from '@conveyor/kit';
import { releaseOutputs, runRelease } from './action.ts';
import { action } from './generated/release.ts';
import { releaseInputs } from './inputs.ts';

export const releaseCommand: CliCommand = {
  name: 'release',
  summary: 'Compute the next version from Conventional Commits; tag and publish the GitHub release.',
  flags: Object.keys(releaseInputs),
  help: commandHelp({
    usage: ['conveyor release --dry-run [flags]', 'conveyor release --github-token <token> [flags]'],
    about: [
      'Reads the repository in the current folder (or --working-directory). The repository the links and the\n'
      + 'release point at is --repository, else GITHUB_REPOSITORY, else the GitHub URL of the `origin` remote.\n'
      + 'Without --dry-run it needs --github-token (or GITHUB_TOKEN).',
    ],
    flags: [['Flags (the inputs of the release action)', flagHelp(releaseInputs, {}, action)]],
  }),
  async run(argv, io) {
    const flags = parseFlags(argv, releaseInputs);
    if (flags.help) {
      io.stdout(this.help);
      return 0;
    }
    // GITHUB_TOKEN from the environment stands in for --github-token, unless a GitHub App is given instead.
    const app = flags.source('app-id') !== undefined || flags.source('app-private-key') !== undefined;
    const source = (name: string) => flags.source(name) ?? (name === 'github-token' && !app ? io.env.GITHUB_TOKEN : undefined);
    const inputs = readInputs(releaseInputs, source, { baseDir: io.cwd });
    const result = await runRelease(inputs, { ...io.env, GITHUB_WORKSPACE: io.cwd }, { info: (m) => io.stderr(`${m}\n`), warning: (m) => io.stderr(`warning: ${m}\n`) });
    const outputs = releaseOutputs(result);
    if (flags.json) io.stdout(`${JSON.stringify(Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, formatOutput(v)])))}\n`);
    else io.stdout(`${result.message}\n\n${result.plan.notes}`);
    return 0;
  },
};
