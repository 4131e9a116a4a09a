/**
 * `conveyor scan`: the scan-image action from a terminal.
 *   conveyor scan report REPORT.json [policy flags] [--json]   applies the policy to an existing grype report
 *   conveyor scan --image REF | --sbom FILE | --path DIR [flags] [--json]   runs grype, then the same
 * Exit codes: 0 pass (or fail with --no-fail-build), 1 policy failure or grype error, 2 bad flags.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commandHelp, describeError, flagHelp, InputError, parseFlags, readInputs, type CliCommand, type CliIo } from '@conveyor/kit';
import { action } from './generated/scan-image.ts';
import { defaultOutputDir, loadPolicy, policyInputs, scanInputs } from './inputs.ts';
import { parseReport, ReportFormatError } from './report.ts';
import { decide, type Outcome } from './outcome.ts';
import { filesLine, policyFailure, writeResults, type WrittenFiles } from './results.ts';
import { renderSummary } from './summary.ts';
import { runScan } from './action.ts';

const scanOnly = Object.fromEntries(Object.entries(scanInputs).filter(([name]) => !(name in policyInputs)));

const HELP = commandHelp({
  usage: [
    'conveyor scan (or scan-image) --image <ref> | --sbom <file> | --path <dir> [flags]',
    'conveyor scan report <REPORT.json> [policy flags]',
  ],
  about: [
    'Runs grype (from PATH, else installed at --grype-version or the pinned version, from github.com or\n'
    + '--download-base-url) and applies conveyor\'s policy: severity cutoff, only-fixed, ignore rules with reasons\n'
    + 'and expiry, VEX. `report` applies the policy to a grype JSON report already written.',
    'Writes grype.json, results.sarif and verdict.json into --output-dir, else a fresh folder under RUNNER_TEMP or\n'
    + 'the system temp folder; the last line says where. Exit: 0 pass, 1 fail (policy) or grype error, 2 bad flags.',
  ],
  arguments: [['REPORT.json', 'report: a grype report written with -o json'] as const],
  flags: [
    ['What to scan, and grype', flagHelp(scanOnly, {}, action)],
    ['Policy flags (scan and report)', flagHelp(policyInputs, {}, action)],
  ],
});

function finish(outcome: Outcome, outputs: Record<string, unknown>, files: WrittenFiles, text: string, json: boolean, failBuild: boolean, io: CliIo): number {
  io.stdout(json ? `${JSON.stringify(outputs, null, 2)}\n` : `${text}\n${filesLine(files)}`);
  if (outcome.verdict.decision === 'fail' && failBuild) throw policyFailure(outcome.evaluation, outcome.verdict.policy.severityCutoff, files.verdict);
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
  const flags = parseFlags(argv, policyInputs, { positionals: ['REPORT.json'] });
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
  const { files, outputs } = writeResults(outcome, inputs['output-dir'] ?? defaultOutputDir(io.env), file);
  const summary = renderSummary({ report: parsed, evaluation: outcome.evaluation, policy, subject: parsed.source.target || file, failBuild: inputs['fail-build'] });
  return finish(outcome, outputs, files, summary, flags.json, inputs['fail-build'], io);
}

async function scan(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags(argv, scanInputs);
  if (flags.help) {
    io.stdout(HELP);
    return 0;
  }
  const inputs = readInputs(scanInputs, flags.source, { baseDir: io.cwd });
  const run = await runScan(inputs, io.env, io.cwd);
  const summary = renderSummary({ report: run.report, evaluation: run.outcome.evaluation, policy: run.policy, subject: run.subject, failBuild: inputs['fail-build'] });
  return finish(run.outcome, run.outputs, run.files, summary, flags.json, inputs['fail-build'], io);
}

export const scanCommand: CliCommand = {
  name: 'scan',
  summary: 'Scan an image, SBOM or folder with grype, or apply the policy to an existing report.',
  flags: Object.keys(scanInputs),
  help: HELP,
  run(argv, io) {
    return argv[0] === 'report' ? report(argv.slice(1), io) : scan(argv, io);
  },
};
