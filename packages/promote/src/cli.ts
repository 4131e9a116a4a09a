/** `conveyor promote`: the promote action's inputs as flags. */
import { InputError, flagHelp, parseFlags, readInputs, describeError, formatOutput, type CliCommand } from '@conveyor/kit';
import { promoteInputs } from './inputs.ts';
import { promoteOutputs, runPromotion } from './action.ts';

const descriptions: Record<string, string> = {
  environment: 'environment to promote to;',
  image: 'image name;',
  digest: 'digest to promote, or a tag to resolve;',
  version: 'version written to tag fields;',
  'verdict-file': 'scan-image verdict for the digest;',
  'dry-run': 'check and report only;',
  rollback: 'put back the digest run before;',
  'environments-file': 'default .github/conveyor/environments.yml;',
  'github-token': 'records the GitHub deployment;',
  'gitops-token': 'for environments with token-input: gitops-token;',
};

export const promoteCommand: CliCommand = {
  name: 'promote',
  summary: 'Promote an image digest to the next environment by GitOps, in order.',
  help: `conveyor promote --environment <name> --image <name> --digest <sha256:…|tag> [--version <v>] [flags]\n\n${flagHelp(promoteInputs, descriptions)}\n  --json                           print the outputs as one JSON object`,
  async run(argv, io) {
    const flags = parseFlags(argv, promoteInputs);
    if (flags.help) {
      io.stdout(`${this.help}\n`);
      return 0;
    }
    try {
      const inputs = readInputs(promoteInputs, flags.source, { baseDir: io.cwd });
      const result = await runPromotion(inputs, { ...io.env, GITHUB_WORKSPACE: io.env.GITHUB_WORKSPACE ?? io.cwd });
      const outputs = promoteOutputs(result);
      if (flags.json) io.stdout(`${JSON.stringify(Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, v ?? null])))}\n`);
      else io.stdout(`${result.message}\n${Object.entries(outputs).map(([k, v]) => `${k}: ${formatOutput(v)}`).join('\n')}\n`);
      return 0;
    } catch (error) {
      io.stderr(`${describeError(error)}\n`);
      return error instanceof InputError ? 2 : 1;
    }
  },
};
