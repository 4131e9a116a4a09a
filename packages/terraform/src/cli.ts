/**
 * `conveyor terraform` and `conveyor tflint`: the actions' inputs as flags.
 *   conveyor terraform summarize PLAN.json [--json]   counts and the readable plan of a `show -json` document
 *   conveyor terraform <fmt|validate|plan|apply|stacks> [flags]
 *   conveyor tflint [flags]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commandHelp, ConveyorError, flagHelp, formatOutput, InputError, parseFlags, readContext, readInputs, runFolder, type CliCommand, type CliIo, type OutputValue } from '@conveyor/kit';
import { createOctokit } from '@conveyor/kit/octokit';
import { analyzePlanText } from './analyze.ts';
import { action as terraformAction } from './generated/terraform.ts';
import { action as tflintAction } from './generated/tflint.ts';
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
  flags: Object.keys(terraformInputs),
  help: commandHelp({
    usage: ['conveyor terraform summarize <PLAN.json> [--json]', 'conveyor terraform <fmt|validate|plan|apply|stacks> [flags]'],
    about: ['summarize reads a plan document written by `terraform show -json PLANFILE` and prints the readable plan\n'
      + '(sensitive values masked), or with --json the counts and the fingerprint; it exits 1 when the plan errored.\n'
      + 'The other subcommands are the terraform action\'s commands; plan writes its files into --plan-dir, else a\n'
      + 'fresh temporary folder.'],
    arguments: [['PLAN.json', 'summarize: the output of terraform show -json PLANFILE']],
    flags: [['Flags (the inputs of the terraform action; the subcommand is its command input)', flagHelp(Object.fromEntries(Object.entries(terraformInputs).filter(([name]) => name !== 'command')), {}, terraformAction)]],
  }),
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === undefined || sub === '--help' || sub === '-h') {
      io.stdout(this.help);
      return sub === undefined ? 2 : 0;
    }
    if (sub === 'summarize') {
      const flags = parseFlags(rest, {}, { positionals: ['PLAN.json'] });
      if (flags.positionals.length !== 1) throw new InputError(['conveyor terraform summarize takes one plan document: conveyor terraform summarize PLAN.json [--json].']);
      const { outputs, text, failure } = summarizeFile(path.resolve(io.cwd, flags.positionals[0]!));
      if (flags.json) printOutputs(io, outputs);
      else io.stdout(text);
      if (failure) throw new ConveyorError(failure);
      return 0;
    }
    const commands = ['fmt', 'validate', 'plan', 'apply', 'stacks'];
    if (!commands.includes(sub)) throw new InputError([`Unknown subcommand ${JSON.stringify(sub)}; accepted: summarize, ${commands.join(', ')} (see conveyor terraform --help).`]);
    const flags = parseFlags(rest, terraformInputs);
    if (flags.help) {
      io.stdout(this.help);
      return 0;
    }
    const source = (name: string) => (name === 'command' ? sub : flags.source(name) ?? (name === 'github-token' ? io.env.GITHUB_TOKEN : undefined));
    const inputs = readInputs(terraformInputs, source, { baseDir: io.cwd });
    const context = { ...readContext(io.env), workspace: io.cwd };
    const result = await runGate(inputs, { context, env: io.env, client: () => createOctokit({ token: inputs['github-token'], baseUrl: context.apiUrl }) });
    if (flags.json) printOutputs(io, result.outputs);
    else {
      const files = (['plan-path', 'plan-json-path', 'plan-text-path'] as const).filter((k) => result.outputs[k] !== undefined && formatOutput(result.outputs[k]) !== '');
      io.stdout(`${result.summary}${files.length > 0 ? `\nFiles: ${files.map((k) => `${k} ${formatOutput(result.outputs[k])}`).join(', ')}\n` : ''}`);
    }
    for (const a of result.annotations) io.stderr(`${a.level}: ${a.file ?? ''}${a.startLine ? `:${a.startLine}` : ''} ${a.message}\n`);
    if (result.failures.length > 0) throw new ConveyorError(result.failures.join('\n'));
    return 0;
  },
};

export const tflintCommand: CliCommand = {
  name: 'tflint',
  summary: 'Run tflint over stacks: annotations, one single-run SARIF file, and a verdict by severity.',
  flags: Object.keys(tflintInputs),
  help: commandHelp({
    usage: ['conveyor tflint [flags]'],
    about: ['Runs tflint over the stacks and writes one SARIF file: --sarif-path, else tflint.sarif in a fresh\n'
      + 'temporary folder (the last line says where).'],
    flags: [['Flags (the inputs of the tflint action)', flagHelp(tflintInputs, {}, tflintAction)]],
  }),
  async run(argv, io) {
    const flags = parseFlags(argv, tflintInputs);
    if (flags.help) {
      io.stdout(this.help);
      return 0;
    }
    const inputs = readInputs(tflintInputs, (name) => flags.source(name) ?? (name === 'github-token' ? io.env.GITHUB_TOKEN : undefined), { baseDir: io.cwd });
    const result = await runTflint(inputs, { workspace: io.cwd, env: io.env });
    const sarifPath = inputs['sarif-path'] ?? path.join(runFolder('tflint', io.env), 'tflint.sarif');
    fs.mkdirSync(path.dirname(sarifPath), { recursive: true });
    fs.writeFileSync(sarifPath, `${JSON.stringify(result.sarif, null, 2)}\n`);
    if (flags.json) printOutputs(io, { ...result.outputs, 'sarif-path': sarifPath });
    else io.stdout(`${result.summary}\nSARIF: ${sarifPath}\n`);
    for (const a of result.annotations) io.stderr(`${a.level}: ${a.file ?? ''}${a.startLine ? `:${a.startLine}` : ''} ${a.message}\n`);
    if (result.failures.length > 0) throw new ConveyorError(result.failures.join('\n'));
    return 0;
  },
};
