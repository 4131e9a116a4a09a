/**
 * The scan-image inputs, shared by the action and `conveyor scan`. `policyInputs` are the ones
 * `conveyor scan report` accepts too.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError, runFolder } from '@conveyor/kit';
import type { Policy, SeverityCutoff } from './policy.ts';
import type { PolicyInputs, ScanInputs } from './input-specs.ts';
import { parseGrypeConfig, parseIgnoreInput, RuleError } from './rules.ts';
import { parseVex, VexError, type VexStatement } from './vex.ts';
import type { ScanSource } from './grype.ts';

export { policyInputs, scanInputs, type PolicyInputs, type ScanInputs } from './input-specs.ts';

/** The one source to scan; exactly one of image, sbom and path must be given. */
export function scanSource(inputs: Pick<ScanInputs, 'image' | 'sbom' | 'path'>): ScanSource {
  const given = [inputs.image ? 'image' : '', inputs.sbom ? 'sbom' : '', inputs.path ? 'path' : ''].filter(Boolean);
  if (given.length !== 1) {
    throw new InputError([given.length === 0
      ? 'Nothing to scan: set exactly one of the inputs image (preferably name@sha256:…), sbom (an SBOM file) or path (a folder or file).'
      : `Inputs ${given.join(' and ')} are ${given.length === 2 ? 'both' : 'all'} set; set exactly one of image, sbom or path.`]);
  }
  if (inputs.image) {
    if (/\s/.test(inputs.image)) throw new InputError([`Input 'image' is ${JSON.stringify(inputs.image)}; accepted: one image reference such as ghcr.io/acme/app@sha256:… (no spaces).`]);
    const at = inputs.image.lastIndexOf('@');
    if (at !== -1 && !/^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/.test(inputs.image.slice(at + 1))) {
      // name@sha-1234 would be scanned as something else, and its verdict would name another digest.
      throw new InputError([`Input 'image' is ${JSON.stringify(inputs.image)}; what follows @ must be a digest such as sha256:<64 hex digits>. Reference a tag with a colon: name:tag.`]);
    }
    return { kind: 'image', image: inputs.image };
  }
  if (inputs.sbom) return { kind: 'sbom', file: inputs.sbom };
  return { kind: 'path', path: inputs.path! };
}

/**
 * Reads the policy from the inputs: the inline rules, the grype config (the `config` input, else a
 * `.grype.yaml` in `workspace` when there is one) and the VEX documents. Everything is checked here, before
 * grype runs. The cutoff is the input's, else the config's `fail-on-severity`, else `medium`.
 */
export function loadPolicy(inputs: PolicyInputs, workspace: string): Policy & { configFile?: string } {
  const problems: string[] = [];
  let rules: Policy['rules'] = [];
  try {
    rules = parseIgnoreInput(inputs.ignore);
  } catch (error) {
    if (!(error instanceof RuleError)) throw error;
    problems.push(error.message);
  }
  let configFile = inputs.config;
  if (!configFile) {
    const implicit = path.join(workspace, '.grype.yaml');
    if (fs.existsSync(implicit)) configFile = implicit;
  }
  let config: ReturnType<typeof parseGrypeConfig> = { rules: [] };
  if (configFile) {
    try {
      config = parseGrypeConfig(fs.readFileSync(configFile, 'utf8'), configFile);
    } catch (error) {
      if (!(error instanceof RuleError)) throw error;
      problems.push(`${error.message}\n  (fix the file, or point the config input at another one)`);
    }
  }
  const vex: VexStatement[] = [];
  const vexFiles: string[] = [];
  for (const file of inputs.vex) {
    const resolved = path.resolve(workspace, file);
    if (!fs.existsSync(resolved) || !fs.statSync(resolved).isFile()) {
      problems.push(`Input 'vex' names ${JSON.stringify(file)}, but ${resolved} is not a file; list OpenVEX or CSAF VEX documents, one path per line.`);
      continue;
    }
    try {
      vex.push(...parseVex(fs.readFileSync(resolved, 'utf8'), file));
      vexFiles.push(file);
    } catch (error) {
      if (!(error instanceof VexError)) throw error;
      problems.push(`Input 'vex': ${error.message}`);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  const cutoff: SeverityCutoff = inputs['severity-cutoff'] ?? config.failOnSeverity as SeverityCutoff | undefined ?? 'medium';
  return {
    severityCutoff: cutoff,
    onlyFixed: inputs['only-fixed'] || config.onlyFixed === true,
    rules: [...rules, ...config.rules],
    vex,
    vexFiles,
    configFile,
  };
}

/** Where results are written when `output-dir` is not given: a fresh folder of this run's own. */
export function defaultOutputDir(env: NodeJS.ProcessEnv): string {
  return runFolder('scan', env);
}

/** Where grype keeps its vulnerability DB between runs: the input, else the runner's tool cache. */
export function dbCacheDir(input: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (input) return input;
  return env.RUNNER_TOOL_CACHE ? path.join(env.RUNNER_TOOL_CACHE, 'grype-db') : undefined;
}
