/**
 * `conveyor scan`: the scan-image action from a terminal.
 *   conveyor scan report REPORT.json [policy flags] [--json]   applies the policy to an existing grype report
 *   conveyor scan --image REF | --sbom FILE | --path DIR [flags] [--json]   runs grype, then the same
 * Exit codes: 0 pass (or fail with --no-fail-build), 1 policy failure or grype error, 2 bad flags.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { flagHelp, InputError, parseFlags, readInputs, type CliCommand, type CliIo } from '@conveyor/kit';
import { defaultOutputDir, loadPolicy, policyInputs, scanInputs } from './inputs.ts';
import { parseReport, ReportFormatError } from './report.ts';
import { decide, type Outcome } from './outcome.ts';
import { policyFailure, writeResults } from './results.ts';
import { renderSummary } from './summary.ts';
import { runScan } from './action.ts';
import { describeError } from '@conveyor/kit';

const HELP = `conveyor scan — grype with conveyor's policy (severity cutoff, only-fixed, ignore rules with reasons and expiry, VEX)

Usage:
  conveyor scan report REPORT.json [policy flags] [--json]
  conveyor scan (--image REF | --sbom FILE | --path DIR) [flags] [--json]

Writes results.sarif and verdict.json into --output-dir; --json prints the outputs as one JSON object.
Exit: 0 pass, 1 fail (policy) or grype error, 2 bad flags.

Flags:
${flagHelp(scanInputs)}
`;

function finish(outcome: Outcome, outputs: Record<string, unknown>, text: string, json: boolean, failBuild: boolean, io: CliIo): number {
  io.stdout(json ? `${JSON.stringify(outputs, null, 2)}\n` : text);
  if (outcome.verdict.decision === 'fail' && failBuild) {
    io.stderr(`conveyor scan: ${policyFailure(outcome.evaluation, outcome.verdict.policy.severityCutoff, String(outputs['verdict-file'])).message}\n`);
    return 1;
  }
  return 0;
}

function readReport(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError([`Cannot read the report ${file} (${(error as NodeJS.ErrnoException).code ?? describeError(error)}); pass the file grype wrote with -o json --file.`]);
  }
}

async function report(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags(argv, policyInputs);
  if (flags.help) {
    io.stdout(HELP);
    return 0;
  }
  if (flags.positionals.length !== 1) throw new InputError([`conveyor scan report takes one grype JSON report (got ${flags.positionals.length}); e.g. conveyor scan report grype.json --severity-cutoff high.`]);
  const inputs = readInputs(policyInputs, flags.source, { baseDir: io.cwd });
  const policy = loadPolicy(inputs, io.cwd);
  const file = path.resolve(io.cwd, flags.positionals[0]!);
  let parsed;
  try {
    // The report's text is not kept: only the parsed model lives on (a big report is tens of MiB).
    parsed = parseReport(readReport(file), file);
  } catch (error) {
    if (error instanceof ReportFormatError) throw new InputError([error.message]);
    throw error;
  }
  const outcome = decide(parsed, policy, { now: new Date() });
  const { outputs } = writeResults(outcome, inputs['output-dir'] ?? defaultOutputDir(io.env), file);
  const summary = renderSummary({ report: parsed, evaluation: outcome.evaluation, policy, subject: parsed.source.target || file, failBuild: inputs['fail-build'] });
  return finish(outcome, outputs, summary, flags.json, inputs['fail-build'], io);
}

async function scan(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags(argv, scanInputs);
  if (flags.help) {
    io.stdout(HELP);
    return 0;
  }
  if (flags.positionals.length > 0) throw new InputError([`Unexpected argument ${JSON.stringify(flags.positionals[0])}; use --image, --sbom or --path, or the report subcommand.`]);
  const inputs = readInputs(scanInputs, flags.source, { baseDir: io.cwd });
  const run = await runScan(inputs, io.env, io.cwd);
  const summary = renderSummary({ report: run.report, evaluation: run.outcome.evaluation, policy: run.policy, subject: run.subject, failBuild: inputs['fail-build'] });
  return finish(run.outcome, run.outputs, summary, flags.json, inputs['fail-build'], io);
}

export const scanCommand: CliCommand = {
  name: 'scan',
  summary: 'scan an image, SBOM or folder with grype, or apply the policy to an existing report',
  help: HELP,
  run(argv, io) {
    return argv[0] === 'report' ? report(argv.slice(1), io) : scan(argv, io);
  },
};
