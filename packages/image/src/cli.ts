/**
 * `conveyor image`: the build-image action's inputs as flags. The workflow context comes from the
 * GITHUB_* variables when set, else from --event-name, --ref, --sha, --event-path and --repository;
 * `--dry-run --json` prints the tags, labels and build commands without building.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InputError, describeError, exec, flagHelp, formatOutput, parseFlags, readContext, readInputs, type CliCommand, type CliIo } from '@conveyor/kit';
import type { Exec } from './builders/index.ts';
import { buildImage, type Log } from './action.ts';
import { imageInputs } from './inputs.ts';

const CONTEXT_FLAGS = ['event-name', 'ref', 'sha', 'event-path', 'repository'] as const;

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
  help: `conveyor image [flags]\n\nContext: GITHUB_EVENT_NAME, GITHUB_REF, GITHUB_SHA, GITHUB_EVENT_PATH, GITHUB_REPOSITORY, or the flags\n--event-name, --ref, --sha, --event-path, --repository (flags win).\n\n${flagHelp(imageInputs)}\n  --json                           print the outputs as one JSON object`,
  async run(argv, io) {
    try {
      const flags = parseFlags(argv, imageInputs, { extraValued: CONTEXT_FLAGS });
      if (flags.help) {
        io.stdout(`${this.help}\n`);
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
      if (env.GITHUB_EVENT_PATH && !fs.existsSync(env.GITHUB_EVENT_PATH)) throw new Error(`The event payload ${env.GITHUB_EVENT_PATH} (--event-path) does not exist.`);
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
    } catch (error) {
      io.stderr(`${describeError(error)}\n`);
      return error instanceof InputError ? 2 : 1;
    }
  },
};
