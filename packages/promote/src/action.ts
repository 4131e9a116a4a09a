/** The promote action: read inputs once, promote, write outputs and the job summary. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { group, info, readContext, readInputs, setOutputs, writeSummary, type GitHubClient, type Inputs, type OutputValue } from '@conveyor/kit';
import { parseVerdict, type ScanVerdict } from '@conveyor/scan/verdict';
import { checkPromoteInputs, environmentsFilePath, promoteInputs, type PromoteInputs } from './inputs.ts';
import { promote, type PromoteResult } from './promote.ts';
import { RegistryClient } from './registry.ts';
import { renderSummary } from './summary.ts';
import { EnvironmentsError } from './environments.ts';

function readText(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new EnvironmentsError(`The ${what} ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); create it or point the input at it.`, { cause: error });
  }
}

/** Runs a promotion from parsed inputs; shared by the action and the CLI. */
export async function runPromotion(inputs: PromoteInputs, env: NodeJS.ProcessEnv): Promise<PromoteResult> {
  checkPromoteInputs(inputs);
  const context = readContext(env);
  const environmentsFile = environmentsFilePath(inputs, context.workspace);
  const environmentsText = readText(environmentsFile, 'environments file');
  let verdict: ScanVerdict | undefined;
  if (inputs['verdict-file']) verdict = parseVerdict(readText(inputs['verdict-file'], 'verdict file'), inputs['verdict-file']);
  const workDir = fs.mkdtempSync(path.join(env.RUNNER_TEMP || os.tmpdir(), 'conveyor-promote-'));
  const clients = new Map<string, GitHubClient>();
  try {
    return await promote({
      environmentsFile: path.relative(context.workspace, environmentsFile) || environmentsFile,
      environmentsText,
      environment: inputs.environment,
      image: inputs.image,
      reference: inputs.digest,
      version: inputs.version,
      ...(verdict ? { verdict } : {}),
      ...(inputs['verdict-file'] ? { verdictFile: inputs['verdict-file'] } : {}),
      dryRun: inputs['dry-run'],
      rollback: inputs.rollback,
    }, {
      workDir,
      serverUrl: context.serverUrl,
      ...(context.owner ? { repository: `${context.owner}/${context.repo}`, owner: context.owner, repo: context.repo } : {}),
      ...(context.sha ? { sha: context.sha } : {}),
      ...(context.runId ? { runUrl: `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${context.runId}` } : {}),
      tokens: { 'github-token': inputs['github-token'], 'gitops-token': inputs['gitops-token'] || inputs['github-token'] },
      registry: new RegistryClient({
        ...(inputs['registry-username'] || inputs['registry-password'] ? { credentials: { username: inputs['registry-username'], password: inputs['registry-password'] } } : {}),
        credentialsHint: "give 'registry-username' and 'registry-password'",
      }),
      // Octokit is loaded when a client is first asked for: a promotion that records no deployment and opens
      // no pull request never evaluates it.
      github: async (token) => {
        if (!token) return undefined;
        let client = clients.get(token);
        if (!client) {
          const { createOctokit } = await import('@conveyor/kit/octokit');
          client = clients.get(token) ?? createOctokit({ token, baseUrl: context.apiUrl });
          clients.set(token, client);
        }
        return client;
      },
    });
  } finally {
    // On a runner, RUNNER_TEMP is emptied after the job (the clones hold no token by now); deleting
    // hundreds of files here would only slow the step. Elsewhere (the CLI) the clones are removed.
    if (!env.RUNNER_TEMP) fs.rmSync(workDir, { recursive: true, force: true });
  }
}

export function promoteOutputs(result: PromoteResult): Record<string, OutputValue> {
  return {
    changed: result.changed,
    'commit-sha': result.commitSha,
    'pr-url': result.prUrl,
    'deployment-id': result.deploymentId,
    'previous-digest': result.previousDigest,
    digest: result.digest,
    files: result.files,
  };
}

export async function main(checked?: Inputs<typeof promoteInputs>): Promise<void> {
  const inputs = checked ?? readInputs(promoteInputs);
  const result = await group(`Promote ${inputs.image} to ${inputs.environment}`, () => runPromotion(inputs, process.env));
  info(result.message);
  if (result.diff) info(result.diff);
  setOutputs(promoteOutputs(result));
  writeSummary(renderSummary(result));
}
