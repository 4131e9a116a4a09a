/**
 * `conveyor image`: the build-image action's inputs as flags. The workflow context comes from the
 * GITHUB_* variables when set, else from --event-name, --ref, --sha, --event-path and --repository;
 * `--dry-run --json` prints the tags, labels and build commands without building.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { commandHelp, InputError, exec, flagHelp, formatOutput, parseFlags, readContext, readInputs, type CliCommand, type CliIo } from '@conveyor/kit';
import type { Exec } from './builders/index.ts';
import { buildImage, type Log } from './action.ts';
import { action } from './generated/build-image.ts';
import { imageInputs } from './inputs.ts';

const CONTEXT_FLAGS = ['event-name', 'ref', 'sha', 'event-path', 'repository'] as const;
const CONTEXT_HELP: readonly (readonly [string, string])[] = [
  ['--event-name <name>', 'the event the tags are computed for (push, pull_request, schedule…); default GITHUB_EVENT_NAME'],
  ['--ref <ref>', 'the git ref, e.g. refs/tags/v1.2.3 or refs/heads/main; default GITHUB_REF'],
  ['--sha <sha>', 'the commit; default GITHUB_SHA'],
  ['--event-path <file>', 'the event payload (JSON); default GITHUB_EVENT_PATH'],
  ['--repository <owner/name>', 'the repository; default GITHUB_REPOSITORY'],
];

function stderrLog(io: CliIo): Log {
  return {
    info: (m) => io.stderr(`${m}\n`),
    warning: (m) => io.stderr(`warning: ${m}\n`),
    // a terminal has no log masking; secrets are never printed in the first place
    mask: () => undefined,
    group: async (name, fn) => {
      io.stderr(`== ${name}\n`);
      return fn();
    },
  };
}

export const imageCommand: CliCommand = {
  name: 'image',
  summary: 'Compute image tags and labels from git (metadata-action rules); build and push with buildah or docker buildx.',
  flags: [...Object.keys(imageInputs), ...CONTEXT_FLAGS],
  help: commandHelp({
    usage: ['conveyor image (or build-image) --images <name> --tags <rules> [flags]', 'conveyor image --dry-run --json [flags]'],
    about: ['Computes the tags and labels for the git context (the GITHUB_* variables, or the context flags; flags win),\n'
      + 'then builds (and with --push pushes) the image. --dry-run prints the tags, labels and build commands only.'],
    flags: [['Flags (the inputs of the build-image action)', flagHelp(imageInputs, {}, action)]],
    extraFlags: CONTEXT_HELP,
  }),
  async run(argv, io) {
    const flags = parseFlags(argv, imageInputs, { extraValued: CONTEXT_FLAGS });
    if (flags.help) {
      io.stdout(this.help);
      return 0;
    }
    const inputs = readInputs(imageInputs, flags.source, { baseDir: io.cwd });
    const x = flags.extras;
    const env: NodeJS.ProcessEnv = {
      ...io.env,
      GITHUB_WORKSPACE: io.cwd,
      ...(x['event-name'] ? { GITHUB_EVENT_NAME: x['event-name'] } : {}),
      ...(x.ref ? { GITHUB_REF: x.ref } : {}),
      ...(x.sha ? { GITHUB_SHA: x.sha } : {}),
      ...(x['event-path'] ? { GITHUB_EVENT_PATH: path.resolve(io.cwd, x['event-path']) } : {}),
      ...(x.repository ? { GITHUB_REPOSITORY: x.repository } : {}),
    };
    if (env.GITHUB_EVENT_PATH && !fs.existsSync(env.GITHUB_EVENT_PATH)) throw new InputError([`The event payload ${env.GITHUB_EVENT_PATH} (--event-path) does not exist; pass the path of a JSON event payload.`]);
    const log = stderrLog(io);
    const quietExec: Exec = (command, args, options = {}) => {
      if (!options.quiet) log.info(`$ ${[command, ...args].join(' ')}`);
      return exec(command, args, { ...options, quiet: true, stream: false });
    };
    const result = await buildImage(inputs, readContext(env), {
      env, exec: quietExec, now: () => new Date(), tempRoot: os.tmpdir(), workspace: io.cwd, log,
    });
    if (flags.json) io.stdout(`${JSON.stringify(Object.fromEntries(Object.entries(result.outputs).map(([k, v]) => [k, formatOutput(v)])))}\n`);
    else io.stdout(`${formatOutput(result.outputs.tags)}\n${result.outputs.digest ? `digest: ${formatOutput(result.outputs.digest)}\n` : ''}`);
    return 0;
  },
};
