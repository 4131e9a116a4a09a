/**
 * build-image: tags and labels from the workflow's context (metadata-action's rules), a build with
 * buildah or docker buildx, a push, and a check that every tag resolves to the pushed digest.
 * Everything is checked before the first command runs.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  ConveyorError, exec as kitExec, exportVariable, formatOutput, group, info, InputError, maskSecret, quoteArg, readContext, readInputs,
  setOutputs, warning, writeSummary, type GitHubContext, type Inputs, type OutputValue,
} from '@conveyor/kit';
import { canonicalRegistry, describeImage, isInsecureRegistry, parseReference, RegistryClient, splitReference, type PlatformImage } from '@conveyor/oci';
import { pickBuilder, type BuildPlan, type Exec } from './builders/index.ts';
import { bakeDefinition, bakeFileName } from './bake.ts';
import { buildDate, commitDateFromPayload, contextSha, metadataContext } from './context.ts';
import { gitRefContext } from './git-context.ts';
import { imageInputs } from './inputs.ts';
import { computeMetadata, type Metadata } from './meta.ts';
import { parseLogins, parseSecretFiles, parseSecrets, type Login } from './settings.ts';
import { renderSummary } from './summary.ts';
import { verifyTags } from './verify.ts';

export type ImageInputs = Inputs<typeof imageInputs>;

export interface BuildResult {
  outputs: Record<string, OutputValue>;
  summary: string;
  /** Environment variables for the next steps (DOCKER_METADATA_OUTPUT_*, unless DOCKER_METADATA_SET_OUTPUT_ENV=false). */
  exportEnv: Record<string, string>;
}

export interface BuildEnvironment {
  env: NodeJS.ProcessEnv;
  exec: Exec;
  now: () => Date;
  /** Where the build's private files go (RUNNER_TEMP on a runner). */
  tempRoot: string;
  workspace: string;
  log: Log;
}

/** Where progress goes: the runner's log (groups, warnings) for the action, stderr for the CLI. */
export interface Log {
  info(message: string): void;
  warning(message: string): void;
  /** Registers a secret with the log's masking before it could be printed. */
  mask(value: string, name: string): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

export const runnerLog: Log = { info, warning, group, mask: (value, name) => { maskSecret(value, { name, warnShort: false }); } };

/**
 * The commit's date from the checkout, for `{{commit_date}}` when the event payload does not carry it
 * (metadata-action asks the API; the checkout has it without a token). Undefined when the workspace is not
 * a git checkout holding that commit: then the build date stands in, as in metadata-action.
 */
async function commitDateFromCheckout(exec: Exec, workspace: string, sha: string): Promise<Date | undefined> {
  if (!/^[0-9a-f]{7,64}$/i.test(sha)) return undefined;
  let result;
  try {
    result = await exec('git', ['-C', workspace, 'show', '-s', '--format=%cI', sha, '--'], { quiet: true, okCodes: [0, 128, 129] });
  } catch {
    // no git on PATH: the build date stands in
    return undefined;
  }
  const date = result.exitCode === 0 ? new Date(result.stdout.trim()) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

async function metadataFor(inputs: ImageInputs, github: GitHubContext, be: BuildEnvironment, now: Date): Promise<Metadata> {
  const { env } = be;
  const settings = {
    now,
    sourceDateEpoch: env.SOURCE_DATE_EPOCH,
    shortShaLength: env.DOCKER_METADATA_SHORT_SHA_LENGTH,
    annotationLevels: env.DOCKER_METADATA_ANNOTATIONS_LEVELS,
    prHeadSha: env.DOCKER_METADATA_PR_HEAD_SHA,
  };
  try {
    if (inputs['metadata-context'] === 'git') {
      const local = await gitRefContext(be.exec, be.workspace);
      const context = { ...github, ref: local.ref, sha: local.sha };
      return computeMetadata(inputs, metadataContext(context, { ...settings, fromCheckout: true, ...(local.commitDate ? { commitDate: local.commitDate } : {}) }));
    }
    const sha = contextSha(github, settings.prHeadSha);
    const commitDate = commitDateFromPayload(github.payload, sha) ?? await commitDateFromCheckout(be.exec, be.workspace, sha);
    return computeMetadata(inputs, metadataContext(github, { ...settings, ...(commitDate ? { commitDate } : {}) }));
  } catch (error) {
    if (error instanceof ConveyorError) throw error;
    // a rule, a placeholder or a DOCKER_METADATA_* value the user wrote: bad input, reported before any side effect
    throw new InputError([(error as Error).message]);
  }
}

/** `DOCKER_METADATA_SET_OUTPUT_ENV` (default true): also export each metadata output as DOCKER_METADATA_OUTPUT_<NAME>. */
export function outputEnvEnabled(value: string | undefined): boolean {
  const v = value?.trim() ?? '';
  if (v === '' || /^(true|1)$/i.test(v)) return true;
  if (/^(false|0)$/i.test(v)) return false;
  throw new ConveyorError(`DOCKER_METADATA_SET_OUTPUT_ENV is ${JSON.stringify(value)}; set it to true or false.`);
}

const METADATA_OUTPUTS = ['version', 'tags', 'tag-names', 'labels', 'annotations', 'json', 'bake-file-tags', 'bake-file-labels', 'bake-file-annotations', 'bake-file'] as const;

/** Writes the four bake definitions into a folder of their own (kept after the step, like metadata-action's) and returns their paths by output name. */
function writeBakeFiles(meta: Metadata, target: string, tempRoot: string): Record<string, string> {
  const dir = fs.mkdtempSync(path.join(tempRoot, 'conveyor-metadata-'));
  const out: Record<string, string> = {};
  for (const [output, kind] of [['bake-file-tags', 'tags'], ['bake-file-labels', 'labels'], ['bake-file-annotations', 'annotations'], ['bake-file', 'all']] as const) {
    const file = path.join(dir, bakeFileName(kind));
    fs.writeFileSync(file, `${JSON.stringify(bakeDefinition(meta, kind, target), null, 2)}\n`);
    out[output] = file;
  }
  return out;
}

export async function buildImage(inputs: ImageInputs, github: GitHubContext, be: BuildEnvironment): Promise<BuildResult> {
  const started = be.now();
  const meta = await metadataFor(inputs, github, be, started);
  const exportOutputs = outputEnvEnabled(be.env.DOCKER_METADATA_SET_OUTPUT_ENV);
  for (const w of meta.warnings) be.log.warning(w);

  // checks before any side effect
  const logins = parseLogins({ registry: inputs.registry, username: inputs.username, password: inputs.password }, inputs['registry-auth']);
  for (const l of logins) be.log.mask(l.password, `password for ${l.registry}`);
  const inline = parseSecrets(inputs.secrets);
  for (const s of inline) be.log.mask(s.value, `secret ${s.id}`);
  const secretFiles = parseSecretFiles(inputs['secret-files'], (p) => path.resolve(be.workspace, p), (p) => fs.existsSync(p));
  const problems: string[] = [];
  if (inputs.push && meta.tags.length === 0) problems.push("Input 'push' is true but no tags were computed: set 'images' and 'tags' (see the warnings above for rules that gave nothing).");
  if (inputs.push && meta.tags.some((t) => !t.includes(':') || splitReference(t).tag === undefined)) problems.push("Input 'push' is true but 'images' is empty: a tag needs an image name to be pushed.");
  for (const tag of meta.tags.filter((t) => t.includes(':'))) {
    try {
      parseReference(tag);
    } catch (error) {
      problems.push(`Input 'images': ${(error as Error).message}`);
    }
  }
  const ids = [...inline.map((s) => s.id), ...secretFiles.map((s) => s.id)];
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) problems.push(`The secret id ${dup} is given twice (in 'secrets' and 'secret-files'); keep one.`);
  if (problems.length > 0) throw new InputError(problems);

  const builder = await pickBuilder(inputs.builder, be.exec);
  const workDir = fs.mkdtempSync(path.join(be.tempRoot, 'conveyor-image-'));
  try {
    const secretDir = path.join(workDir, 'secrets');
    const plan: BuildPlan = {
      context: inputs.context ?? be.workspace,
      ...(inputs.file ? { file: inputs.file } : {}),
      platforms: inputs.platforms,
      tags: meta.tags,
      labels: meta.labels,
      annotations: meta.annotations,
      buildArgs: inputs['build-args'],
      secrets: [...inline.map((s) => ({ id: s.id, src: path.join(secretDir, s.id) })), ...secretFiles],
      ...(inputs.target ? { target: inputs.target } : {}),
      push: inputs.push,
      noCache: inputs['no-cache'],
      cacheFrom: inputs['cache-from'],
      cacheTo: inputs['cache-to'],
      provenance: inputs.provenance,
      sbom: inputs.sbom,
      insecure: (registry) => isInsecureRegistry(registry, inputs['insecure-registries']),
      workDir,
      buildahOptions: inputs['buildah-options'].split(/\s+/).filter(Boolean),
      ...(be.env.SOURCE_DATE_EPOCH?.trim() ? { timestamp: Math.floor(buildDate({ now: started, sourceDateEpoch: be.env.SOURCE_DATE_EPOCH }).getTime() / 1000) } : {}),
    };
    const steps = builder.steps(plan);
    const commandText = steps.map((s) => [s.command, ...s.args].map(quoteArg).join(' ')).join('\n');
    // the job summary is not masked by the runner: build-arg values are left out of it
    const summaryCommands = steps.map((s) => [s.command, ...s.args.map((a, i) => (s.args[i - 1] === '--build-arg' ? a.replace(/=.*$/s, '=…') : a))].map(quoteArg).join(' ')).join('\n');
    if (builder.name === 'buildx' && plan.cacheTo.concat(plan.cacheFrom).some((c) => c.includes('type=gha')) && !be.env.ACTIONS_RUNTIME_TOKEN) {
      be.log.warning('A type=gha cache needs ACTIONS_RUNTIME_TOKEN and ACTIONS_CACHE_URL, which the runner gives to actions; outside a runner the cache is skipped by buildx.');
    }

    const base: Record<string, OutputValue> = {
      tags: meta.tags.join(inputs['sep-tags']),
      'tag-names': meta.tagNames.join(inputs['sep-tags']),
      labels: meta.labels.join(inputs['sep-labels']),
      annotations: meta.annotations.join(inputs['sep-annotations']),
      version: meta.version.main ?? '',
      json: meta.json,
      ...writeBakeFiles(meta, inputs['bake-target'], be.tempRoot),
    };
    const exportEnv: Record<string, string> = {};
    if (exportOutputs) {
      for (const name of METADATA_OUTPUTS) exportEnv[`DOCKER_METADATA_OUTPUT_${name.replace(/\W/g, '_').toUpperCase()}`] = formatOutput(base[name]!);
    }

    if (inputs['dry-run']) {
      be.log.info(`dry-run: ${builder.name} would run:\n${commandText}`);
      const metadata = { builder: builder.name, dryRun: true, commands: steps.map((s) => [s.command, ...s.args]), tags: meta.tags, platforms: plan.platforms };
      return {
        exportEnv,
        outputs: { ...base, digest: '', image: '', imageid: '', metadata },
        summary: renderSummary({ image: '', digest: '', tags: meta.tags, platforms: plan.platforms.map((p) => ({ platform: p, digest: '', size: -1 })), seconds: 0, builder: builder.name, labels: meta.labels, commands: summaryCommands, dryRun: true }),
      };
    }

    if (inline.length > 0) {
      fs.mkdirSync(secretDir, { mode: 0o700 });
      for (const s of inline) fs.writeFileSync(path.join(secretDir, s.id), s.value, { mode: 0o600 });
    }
    await be.log.group('Log in to registries', async () => {
      for (const l of logins) await builder.login(l.registry, l.username, l.password, plan, be.exec);
      if (logins.length === 0) be.log.info('no credentials given');
    });
    const outcome = await be.log.group(`Build with ${builder.name}`, () => builder.run(plan, be.exec));
    const seconds = (be.now().getTime() - started.getTime()) / 1000;

    let platforms: PlatformImage[] = plan.platforms.map((p) => ({ platform: p, digest: '', size: -1 }));
    const first = meta.tags[0] ? parseReference(meta.tags[0]) : undefined;
    if (inputs.push && first) {
      const client = new RegistryClient({
        plainHttp: plan.insecure,
        credentials: (registry) => logins.find((l: Login) => canonicalRegistry(l.registry) === registry),
        credentialsHint: "set 'username' and 'password', or a 'registry-auth' line, for it",
      });
      if (inputs.verify) {
        await be.log.group('Check every tag in the registry', async () => {
          const checks = await verifyTags(meta.tags, outcome.digest, client);
          for (const c of checks) be.log.info(`${c.tag} → ${c.digest}`);
        });
      }
      platforms = await describeImage(client, first, outcome.digest);
    }
    const image = first ? `${meta.tags[0]!.slice(0, meta.tags[0]!.lastIndexOf(':'))}@${outcome.digest}` : '';
    const metadata = { builder: builder.name, digest: outcome.digest, imageId: outcome.imageId, image, tags: meta.tags, pushed: outcome.pushed, platforms, buildSeconds: seconds };
    return {
      exportEnv,
      outputs: { ...base, digest: outcome.digest, image: inputs.push ? image : '', imageid: outcome.imageId, metadata },
      summary: renderSummary({ image: inputs.push ? image : '', digest: outcome.digest, tags: meta.tags, platforms, seconds, builder: builder.name, labels: meta.labels, commands: summaryCommands, dryRun: false }),
    };
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

export async function main(checked?: Inputs<typeof imageInputs>): Promise<void> {
  const inputs = checked ?? readInputs(imageInputs);
  const github = readContext();
  const result = await buildImage(inputs, github, {
    env: process.env,
    exec: kitExec,
    now: () => new Date(),
    tempRoot: process.env.RUNNER_TEMP || os.tmpdir(),
    workspace: github.workspace,
    log: runnerLog,
  });
  setOutputs(result.outputs);
  for (const [name, value] of Object.entries(result.exportEnv)) exportVariable(name, value);
  writeSummary(result.summary);
}
