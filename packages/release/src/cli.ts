/** `conveyor release`: the release action's inputs as flags. `--dry-run --json` works on any local repository with no token. */
import { flagHelp, formatOutput, parseFlags, readInputs, type CliCommand } from '@conveyor/kit';
import { releaseOutputs, runRelease } from './action.ts';
import { releaseInputDescriptions, releaseInputs } from './inputs.ts';

export const releaseCommand: CliCommand = {
  name: 'release',
  summary: 'Compute the next version from Conventional Commits; tag and publish the GitHub release.',
  help: `conveyor release [--dry-run] [flags]\n\nReads the repository in the current folder (or --working-directory). Without --dry-run it needs\n--github-token (or GITHUB_TOKEN) and --repository (or GITHUB_REPOSITORY).\n\n${flagHelp(releaseInputs, releaseInputDescriptions)}\n  --json                           print the outputs as one JSON object`,
  async run(argv, io) {
    const flags = parseFlags(argv, releaseInputs);
    if (flags.help) {
      io.stdout(`${this.help}\n`);
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
