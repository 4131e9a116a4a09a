/** The scan-image action: read inputs, check the policy, run grype, apply the policy, report. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  annotateWithinLimit, exec, group, info, readInputs, setOutputs, warning, writeSummary,
} from '@conveyor/kit';
import { dbCacheDir, defaultOutputDir, loadPolicy, scanInputs, scanSource, type ScanInputs } from './inputs.ts';
import { dbSettings, grypeEnv, locateGrype, runGrype, type Installer } from './grype.ts';
import { prepareDatabase } from './grype-db.ts';
import { parseReport, type GrypeReport } from './report.ts';
import { decide, type Outcome } from './outcome.ts';
import { filesLine, policyFailure, writeResults, type WrittenFiles } from './results.ts';
import { annotationsFor, renderSummary } from './summary.ts';
import type { Policy } from './policy.ts';

export interface ScanRun {
  subject: string;
  report: GrypeReport;
  policy: Policy;
  outcome: Outcome;
  files: WrittenFiles;
  outputs: Record<string, unknown>;
}

/** The kit's installer, loaded (with its HTTP stack) only when grype has to be downloaded. */
const installTool: Installer = async (spec) => (await import('@conveyor/kit/installer')).installTool(spec);

/**
 * Everything but the reporting: the policy is read and checked, grype found (or installed) and run,
 * the policy applied and the files written. Throws InputError before grype runs, GrypeError when grype fails.
 */
export async function runScan(inputs: ScanInputs, env: NodeJS.ProcessEnv, workspace: string, install: Installer = installTool): Promise<ScanRun> {
  const source = scanSource(inputs);
  const policy = loadPolicy(inputs, workspace);
  const subject = source.kind === 'image' ? source.image : source.kind === 'sbom' ? source.file : source.path;
  const grype = await group('Find grype', async () => {
    const found = await locateGrype({ version: inputs['grype-version'].replace(/^v/, ''), mirror: inputs['download-base-url'], env, install });
    info(`grype: ${found.how}`);
    return found.path;
  });
  // The folder is made once grype is there: a run that cannot get grype leaves nothing behind.
  const outputDir = inputs['output-dir'] ?? defaultOutputDir(env);
  fs.mkdirSync(outputDir, { recursive: true });
  const reportFile = path.join(outputDir, 'grype.json');
  const cacheDir = dbCacheDir(inputs['db-cache-dir'], env);
  const db = await group('Vulnerability database', () => prepareDatabase(grype, grypeEnv(env, cacheDir), dbSettings(env, cacheDir), exec));
  if (db.warning) warning(db.warning);
  const report = parseReport(await group(`Scan ${subject}`, () => runGrype({
    grype, source, reportFile, workDir: outputDir, env: db.env, dbCacheDir: cacheDir,
  })), reportFile);
  const outcome = decide(report, policy, { image: source.kind === 'image' ? source.image : undefined, now: new Date() });
  const { files, outputs } = writeResults(outcome, outputDir, reportFile);
  return { subject, report, policy, outcome, files, outputs };
}

export async function main(env: NodeJS.ProcessEnv = process.env, checked?: ScanInputs): Promise<void> {
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const inputs = checked ?? readInputs(scanInputs, undefined, { baseDir: workspace });
  const { subject, report, policy, outcome, files, outputs } = await runScan(inputs, env, workspace);
  setOutputs(outputs as Record<string, string>);
  let summary = renderSummary({ report, evaluation: outcome.evaluation, policy, subject, failBuild: inputs['fail-build'] });
  const annotations = annotationsFor(report, outcome.evaluation, workspace);
  if (annotations.length > 0) {
    const { omitted } = annotateWithinLimit(annotations);
    const left = omitted.error + omitted.warning + omitted.notice;
    if (left > 0) summary += `\n${left} annotation${left === 1 ? '' : 's'} not shown (GitHub shows 10 per level per step); every finding is in the SARIF file.\n`;
  }
  writeSummary(`${summary}\n${filesLine(files)}`, env);
  info(`Verdict: ${outcome.verdict.decision} ${JSON.stringify(outcome.verdict.counts)}; files in ${path.dirname(files.verdict)}`);
  if (outcome.verdict.decision === 'fail' && inputs['fail-build']) throw policyFailure(outcome.evaluation, policy.severityCutoff, files.verdict);
}
