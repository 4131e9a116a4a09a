/**
 * `conveyor terraform` and `conveyor tflint`: the actions' inputs as flags.
 *   conveyor terraform summarize PLAN.json [--json]   counts and the readable plan of a `show -json` document
 *   conveyor terraform <fmt|validate|plan|apply|stacks> [flags]
 *   conveyor tflint [flags]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeError, flagHelp, formatOutput, InputError, parseFlags, readContext, readInputs, type CliCommand, type CliIo, type OutputValue } from '@conveyor/kit';
import { createOctokit } from '@conveyor/kit/octokit';
import { analyzePlanText } from './analyze.ts';
import { runGate } from './gate.ts';
import { terraformInputs, tflintInputs } from './inputs.ts';
import { runTflint } from './lint.ts';
import { renderPlanText, scrubSensitive } from './render.ts';

function printOutputs(io: CliIo, outputs: Record<string, OutputValue>): void {
  io.stdout(`${JSON.stringify(Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, formatOutput(v)])))}\n`);
}

/** The outputs of `summarize`: the same counts the action outputs for the plan. */
export function summarizeFile(file: string): { outputs: Record<string, OutputValue>; text: string; failure?: string } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError([`Cannot read the plan document ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}); give the path of a \`terraform show -json PLANFILE\` output.`]);
  }
  const { summary, fingerprint, sensitiveValues } = analyzePlanText(text, file);
  const c = summary.counts;
  return {
    outputs: {
      changes: summary.changes, 'to-add': c.add, 'to-change': c.change, 'to-destroy': c.destroy, 'to-replace': c.replace,
      'to-import': c.import, 'to-move': c.move, 'to-forget': c.forget, fingerprint, errored: summary.errored,
    },
    text: scrubSensitive(renderPlanText(summary), sensitiveValues),
    failure: summary.errored ? `The plan in ${file} errored ("errored": true): terraform stopped at an error, so it is incomplete and cannot be applied.` : undefined,
  };
}

export const terraformCommand: CliCommand = {
  name: 'terraform',
  summary: 'Summarize a terraform plan; run fmt, validate, plan or apply of the reviewed plan over stacks.',
  help: `conveyor terraform summarize PLAN.json [--json]
conveyor terraform <fmt|validate|plan|apply|stacks> [flags]

summarize reads a plan document written by \`terraform show -json PLANFILE\` and prints the readable plan
(sensitive values masked), or with --json the counts and the fingerprint. It exits 1 when the plan errored.

${flagHelp(terraformInputs)}
  --json                           print the outputs as one JSON object`,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === undefined || sub === '--help' || sub === '-h') {
      io.stdout(`${this.help}\n`);
      return sub === undefined ? 2 : 0;
    }
    try {
      if (sub === 'summarize') {
        const flags = parseFlags(rest, {});
        if (flags.positionals.length !== 1) throw new InputError(['conveyor terraform summarize takes one plan document: conveyor terraform summarize PLAN.json [--json].']);
        const { outputs, text, failure } = summarizeFile(path.resolve(io.cwd, flags.positionals[0]!));
        if (flags.json) printOutputs(io, outputs);
        else io.stdout(text);
        if (failure) io.stderr(`${failure}\n`);
        return failure ? 1 : 0;
      }
      const flags = parseFlags(rest, terraformInputs);
      const source = (name: string) => (name === 'command' ? sub : flags.source(name) ?? (name === 'github-token' ? io.env.GITHUB_TOKEN : undefined));
      const inputs = readInputs(terraformInputs, source, { baseDir: io.cwd });
      const context = { ...readContext(io.env), workspace: io.cwd };
      const result = await runGate(inputs, { context, env: io.env, client: () => createOctokit({ token: inputs['github-token'], baseUrl: context.apiUrl }) });
      if (flags.json) printOutputs(io, result.outputs);
      else io.stdout(result.summary);
      for (const a of result.annotations) io.stderr(`${a.level}: ${a.file ?? ''}${a.startLine ? `:${a.startLine}` : ''} ${a.message}\n`);
      for (const f of result.failures) io.stderr(`${f}\n`);
      return result.failures.length > 0 ? 1 : 0;
    } catch (error) {
      io.stderr(`${describeError(error)}\n`);
      return error instanceof InputError ? 2 : 1;
    }
  },
};

export const tflintCommand: CliCommand = {
  name: 'tflint',
  summary: 'Run tflint over stacks: annotations, one single-run SARIF file, and a verdict by severity.',
  help: `conveyor tflint [flags]\n\n${flagHelp(tflintInputs)}\n  --json                           print the outputs as one JSON object`,
  async run(argv, io) {
    try {
      const flags = parseFlags(argv, tflintInputs);
      if (flags.help) {
        io.stdout(`${this.help}\n`);
        return 0;
      }
      const inputs = readInputs(tflintInputs, (name) => flags.source(name) ?? (name === 'github-token' ? io.env.GITHUB_TOKEN : undefined), { baseDir: io.cwd });
      const result = await runTflint(inputs, { workspace: io.cwd, env: io.env });
      const sarifPath = inputs['sarif-path'] ?? path.join(io.cwd, 'tflint.sarif');
      fs.writeFileSync(sarifPath, `${JSON.stringify(result.sarif, null, 2)}\n`);
      if (flags.json) printOutputs(io, { ...result.outputs, 'sarif-path': sarifPath });
      else io.stdout(result.summary);
      for (const a of result.annotations) io.stderr(`${a.level}: ${a.file ?? ''}${a.startLine ? `:${a.startLine}` : ''} ${a.message}\n`);
      return result.failures.length > 0 ? 1 : 0;
    } catch (error) {
      io.stderr(`${describeError(error)}\n`);
      return error instanceof InputError ? 2 : 1;
    }
  },
};
