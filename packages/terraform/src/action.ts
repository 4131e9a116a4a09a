/** The terraform action: reads its inputs once, runs the gate, writes outputs, summary and annotations. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { annotateWithinLimit, formatOutput, readContext, readInputs, runFolder, type Inputs, setOutputs, writeSummary } from '@conveyor/kit';
import { failWith, runGate } from './gate.ts';
import { terraformInputs, tflintInputs } from './inputs.ts';
import { runTflint } from './lint.ts';
import { toolInstall, type ToolName } from './tools.ts';

// The installer and Octokit (each with its HTTP stack) are loaded when used: a pinned version to download,
// a token to comment with.
const install = async (name: ToolName, version: string) => (await (await import('@conveyor/kit/installer')).installTool(toolInstall(name, version))).path;

export async function main(checked?: Inputs<typeof terraformInputs>): Promise<void> {
  const inputs = checked ?? readInputs(terraformInputs);
  const context = readContext();
  // The gate uses the client only to comment, which it does only with a token.
  const octokit = inputs['github-token'] ? await import('@conveyor/kit/octokit') : undefined;
  const result = await runGate(inputs, {
    context,
    env: process.env,
    client: octokit && (() => octokit.createOctokit({ token: inputs['github-token'], baseUrl: context.apiUrl })),
    install,
  });
  setOutputs(result.outputs);
  writeSummary(result.summary);
  // Where the plan files went (a fresh folder of this run unless plan-dir says otherwise).
  const files = (['plan-path', 'plan-json-path', 'plan-text-path'] as const).filter((k) => result.outputs[k] !== undefined && formatOutput(result.outputs[k]) !== '');
  if (files.length > 0) writeSummary(`\nFiles: ${files.map((k) => `${k} \`${formatOutput(result.outputs[k])}\``).join(', ')}\n`);
  const { omitted } = annotateWithinLimit(result.annotations);
  if (omitted.error + omitted.warning + omitted.notice > 0) writeSummary(`> ${omitted.error} error and ${omitted.warning} warning annotation(s) were not shown (GitHub shows 10 of each per step); the table above lists them all.\n`);
  failWith(result.failures);
}

export async function tflintMain(checked?: Inputs<typeof tflintInputs>): Promise<void> {
  const inputs = checked ?? readInputs(tflintInputs);
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const result = await runTflint(inputs, { workspace, env: process.env, install });
  const sarifPath = inputs['sarif-path'] ?? path.join(runFolder('tflint'), 'tflint.sarif');
  fs.mkdirSync(path.dirname(sarifPath), { recursive: true });
  fs.writeFileSync(sarifPath, `${JSON.stringify(result.sarif, null, 2)}\n`);
  setOutputs({ ...result.outputs, 'sarif-path': sarifPath });
  writeSummary(`${result.summary}\nSARIF: \`${sarifPath}\`\n`);
  const { omitted } = annotateWithinLimit(result.annotations);
  if (omitted.error + omitted.warning + omitted.notice > 0) writeSummary(`> ${omitted.error} error and ${omitted.warning} warning annotation(s) were not shown (GitHub shows 10 of each per step); the table above and the SARIF file list them all.\n`);
  failWith(result.failures);
}
