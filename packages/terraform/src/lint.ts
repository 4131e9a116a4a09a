/**
 * The tflint gate: `tflint --init` (with the token, so plugin downloads are not rate limited), then
 * `tflint --format json` per stack or recursively; annotations, one SARIF run, and a verdict by
 * minimum severity.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConveyorError, exec as kitExec, group, InputError, table, type Annotation, type Inputs, type OutputValue } from '@conveyor/kit';
import type { tflintInputs } from './inputs.ts';
import type { Exec } from './runner.ts';
import { parseTflintReport, rebaseAbsolutePaths, severityOf, stripAnsi, tflintAnnotations, tflintFails, tflintSarif, type TflintReport } from './tflint.ts';

export type TflintInputs = Inputs<typeof tflintInputs>;

export interface LintResult {
  outputs: Record<string, OutputValue>;
  summary: string;
  annotations: Annotation[];
  failures: string[];
  sarif: object;
}

/** `tflint --init` failed: say whether the config could not be read or a plugin could not be downloaded. */
export function initFailure(output: string, dir: string, config: string | undefined, workspace: string): ConveyorError {
  const file = config ? path.relative(workspace, config) || config : path.posix.join(dir, '.tflint.hcl');
  const said = output.trim().split('\n')[0] ?? '';
  if (/Failed to load TFLint config/.test(output)) {
    return new ConveyorError(`tflint could not read its config ${file} (in ${dir}): ${said.replace(/^Failed to load TFLint config; /, '')} Fix the file; nothing was linted.`);
  }
  if (/Failed to install a plugin/.test(output)) {
    return new ConveyorError(`tflint --init could not install a plugin named in ${file} (in ${dir}): ${said.replace(/^Failed to install a plugin; /, '')} tflint --init downloads the plugins named in .tflint.hcl from GitHub releases (with the github-token input against rate limits); on a runner without network access, keep to the bundled terraform ruleset (a plugin "terraform" block without source) or put the plugins in TFLINT_PLUGIN_DIR beforehand and set init: false.`);
  }
  return new ConveyorError(`tflint --init failed in ${dir}: ${output.trim() || 'it printed nothing'}`);
}

export async function runTflint(
  inputs: TflintInputs,
  deps: { workspace: string; env: NodeJS.ProcessEnv; exec?: Exec; install?: (name: 'tflint', version: string) => Promise<string> },
): Promise<LintResult> {
  const run = deps.exec ?? kitExec;
  const dirs = inputs['working-directory'].map((d) => ({ dir: path.relative(deps.workspace, path.resolve(deps.workspace, d)).split(path.sep).join('/') || '.', abs: path.resolve(deps.workspace, d) }));
  const missing = dirs.filter((d) => !fs.existsSync(d.abs));
  if (missing.length > 0) throw new InputError(missing.map((m) => `Input 'working-directory' lists ${JSON.stringify(m.dir)}, but ${m.abs} does not exist.`));
  const env = { ...deps.env };
  if (inputs['github-token']) env.GITHUB_TOKEN = inputs['github-token'];
  let tflint = 'tflint';
  if (inputs.version) {
    if (!deps.install) throw new InputError([`Input 'version' asks for tflint ${inputs.version}, but installing is not available here; put tflint on PATH and leave version empty.`]);
    tflint = await deps.install('tflint', inputs.version);
  }
  const exec: Exec = (_command, args, options) => run(tflint, args, options);
  const common = inputs.config ? [`--config=${inputs.config}`] : [];
  const reports: { report: TflintReport; baseDir: string }[] = [];
  for (const d of dirs) {
    await group(`tflint ${d.dir}`, async () => {
      if (inputs.init) {
        const initArgs = ['--init', '--no-color', ...common, ...(inputs.recursive ? ['--recursive'] : [])];
        const init = await exec('tflint', initArgs, { cwd: d.abs, env, okCodes: [0, 1] });
        if (init.exitCode !== 0) throw initFailure(stripAnsi(init.stderr || init.stdout), d.dir, inputs.config, deps.workspace);
      }
      const args = ['--format=json', '--no-color', ...common, `--minimum-failure-severity=${inputs['minimum-failure-severity']}`];
      if (inputs.recursive) args.push('--recursive');
      const result = await exec('tflint', args, { cwd: d.abs, env, okCodes: [0, 1, 2, 3] });
      const report = parseTflintReport(result.stdout, `tflint output in ${d.dir}`);
      reports.push({ report: rebaseAbsolutePaths(report, d.abs, deps.workspace), baseDir: d.dir });
    });
  }
  const annotations = reports.flatMap((r) => tflintAnnotations(r.report, r.baseDir));
  const sarif = tflintSarif(reports);
  const failures: string[] = [];
  let issues = 0;
  let errors = 0;
  let counted = 0;
  for (const r of reports) {
    const verdict = tflintFails(r.report, inputs['minimum-failure-severity']);
    issues += r.report.issues.length;
    errors += r.report.errors.length;
    counted += verdict.counted;
    if (verdict.failed) failures.push(`tflint found ${verdict.counted} issue(s) at ${inputs['minimum-failure-severity']} or above and ${r.report.errors.length} error(s) in ${r.baseDir}; see the annotations and the job summary.`);
  }
  const rows = reports.flatMap((r) => [
    ...r.report.issues.map((i) => [severityOf(i.rule.severity), `${path.posix.join(r.baseDir, i.range.filename)}:${i.range.start?.line ?? 1}`, i.rule.name, i.message]),
    ...r.report.errors.map((e) => ['error', e.range ? `${path.posix.join(r.baseDir, e.range.filename)}:${e.range.start?.line ?? 1}` : r.baseDir, 'tflint-error', e.summary ?? e.message.split('\n')[0]!]),
  ]);
  const summary = rows.length === 0 ? `### tflint\n\nNo issues in ${dirs.map((d) => d.dir).join(', ')}.\n` : `### tflint\n\n${table(['severity', 'where', 'rule', 'message'], rows)}`;
  return { outputs: { issues, errors, 'failing-issues': counted }, summary, annotations, failures, sarif };
}
