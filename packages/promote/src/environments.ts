/**
 * The environments file: the environments a digest is promoted through, in order, and the GitOps files
 * that say what each one runs. Checked against environments.schema.json; errors name the bad field.
 */
import { ConveyorError } from '@conveyor/kit';
import type { ErrorObject } from 'ajv';
import { parseDocument } from 'yaml';
// environments.schema.json compiled ahead of time (scripts/compile-schema.ts), so no run compiles it.
import { validate } from './environments.validate.js';

export { DEFAULT_ENVIRONMENTS_FILE } from './inputs.ts';

export interface KustomizeTarget {
  kind: 'kustomize';
  file: string;
  image: string;
  /** The `images[].name` to match; default the image. */
  name?: string;
}

export interface HelmTarget {
  kind: 'helm';
  file: string;
  image: string;
  repository?: string;
  tag?: string;
  digest: string;
  'digest-prefix'?: boolean;
}

export interface SetterTarget {
  kind: 'setter';
  file: string;
  image: string;
  policy: string;
}

export type Target = KustomizeTarget | HelmTarget | SetterTarget;

export interface Environment {
  name: string;
  repository?: string;
  url?: string;
  branch: string;
  tokenInput: 'github-token' | 'gitops-token';
  write: 'commit' | 'pull-request';
  githubEnvironment: { name: string; url?: string };
  requireVerdict: boolean;
  targets: Target[];
}

export class EnvironmentsError extends ConveyorError {}

interface RawEnvironment {
  name: string;
  repository?: string;
  url?: string;
  branch?: string;
  'token-input'?: 'github-token' | 'gitops-token';
  write?: 'commit' | 'pull-request';
  'github-environment'?: { name?: string; url?: string };
  'require-verdict'?: boolean;
  targets: Target[];
}

function describe(error: ErrorObject): string {
  const where = error.instancePath || '/';
  if (error.keyword === 'additionalProperties') {
    return `${where}: must NOT have additional property '${String(error.params.additionalProperty)}'`;
  }
  if (error.keyword === 'enum') {
    return `${where}: ${error.message ?? 'is not allowed'} (${(error.params.allowedValues as unknown[]).map(String).join(', ')})`;
  }
  return `${where}: ${error.message ?? 'is invalid'}`;
}

/**
 * Reads and checks an environments file's text. `file` is used in messages. Throws `EnvironmentsError`
 * listing every bad field by its path (e.g. `/environments/1/targets/0: must NOT have additional property 'fiel'`).
 */
export function parseEnvironments(text: string, file: string): Environment[] {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    throw new EnvironmentsError(`${file} is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}. Fix the file and run again.`);
  }
  const data = doc.toJS() as { environments: RawEnvironment[] };
  if (!validate(data)) {
    const problems = [...new Set((validate.errors ?? []).filter((e) => e.keyword !== 'if').map(describe))];
    throw new EnvironmentsError(`${file} does not match the environments schema:\n- ${problems.join('\n- ')}\nFix these fields and run again.`);
  }
  const seen = new Set<string>();
  return data.environments.map((raw) => {
    if (seen.has(raw.name)) throw new EnvironmentsError(`${file}: the environment '${raw.name}' is listed twice; names must be unique.`);
    seen.add(raw.name);
    return {
      name: raw.name,
      ...(raw.repository ? { repository: raw.repository } : {}),
      ...(raw.url ? { url: raw.url } : {}),
      branch: raw.branch ?? 'main',
      tokenInput: raw['token-input'] ?? 'github-token',
      write: raw.write ?? 'commit',
      githubEnvironment: {
        name: raw['github-environment']?.name ?? raw.name,
        ...(raw['github-environment']?.url ? { url: raw['github-environment'].url } : {}),
      },
      requireVerdict: raw['require-verdict'] ?? false,
      targets: raw.targets,
    };
  });
}

/** The environment called `name` and the one before it, or an error listing the known names. */
export function findEnvironment(environments: readonly Environment[], name: string, file: string): { environment: Environment; previous?: Environment } {
  const index = environments.findIndex((e) => e.name === name);
  if (index === -1) {
    throw new EnvironmentsError(`The environment '${name}' is not in ${file}; known environments in order: ${environments.map((e) => e.name).join(' → ')}.`);
  }
  return { environment: environments[index]!, ...(index > 0 ? { previous: environments[index - 1]! } : {}) };
}

/** The targets of `environment` that belong to `image`, or an error naming the images it does have. */
export function targetsFor(environment: Environment, image: string, file: string): Target[] {
  const targets = environment.targets.filter((t) => t.image === image);
  if (targets.length === 0) {
    const images = [...new Set(environment.targets.map((t) => t.image))].join(', ');
    throw new EnvironmentsError(`The environment '${environment.name}' in ${file} has no target for the image ${image}; its images are: ${images}. Check the image input or add targets.`);
  }
  return targets;
}
