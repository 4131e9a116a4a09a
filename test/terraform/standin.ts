/**
 * Stand-in `terraform`, `tofu` and `tflint` executables for tests: node scripts written into a temp
 * folder put first on PATH. They replay outputs named by a scenario file (corpus documents), check the
 * arguments they receive (exit 64 on anything unexpected), log each call, and exit with the real codes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Scenario {
  /** The `show -json` document to print (a corpus file or a fixture). */
  planJson?: string;
  /** `plan -detailed-exitcode`: 0 no changes, 2 changes, 1 error. */
  planExit?: 0 | 1 | 2;
  planStderr?: string;
  /** What plan prints on stdout (to check that sensitive values are masked before it is shown). */
  planStdout?: string;
  /** Per stack folder (its last path part): fields that replace the ones above for that stack. */
  stacks?: Record<string, Omit<Scenario, 'stacks'>>;
  fmtExit?: 0 | 2 | 3;
  fmtStdout?: string;
  validateJson?: string;
  /** tflint: the report to print and the exit code (0 clean, 2 issues, 1 errors). */
  tflintReport?: string;
  tflintExit?: number;
}

const script = String.raw`
const fs = require('node:fs');
const path = require('node:path');
const tool = path.basename(process.argv[1]);
const args = process.argv.slice(2);
const whole = JSON.parse(fs.readFileSync(process.env.STANDIN_SCENARIO, 'utf8'));
const scenario = { ...whole, ...(whole.stacks?.[path.basename(process.cwd())] ?? {}) };
const cloudTokens = Object.keys(process.env).filter((k) => k.startsWith('TF_TOKEN_')).sort();
fs.appendFileSync(process.env.STANDIN_LOG, JSON.stringify({ tool, cwd: process.cwd(), args, token: process.env.GITHUB_TOKEN ? 'set' : 'unset', automation: process.env.TF_IN_AUTOMATION, cloudTokens }) + '\n');
const bad = (why) => { process.stderr.write(tool + ' stand-in: unexpected arguments ' + JSON.stringify(args) + ': ' + why + '\n'); process.exit(64); };
const has = (a) => args.includes(a);
// Output to a pipe is asynchronous: exit only once it is written, or a large document is cut short.
const emit = (text, code) => process.stdout.write(text, () => process.exit(code));
if (tool === 'tflint') {
  if (has('--init')) process.exit(0);
  if (!has('--format=json')) bad('--format=json missing');
  if (!args.some((a) => a.startsWith('--minimum-failure-severity='))) bad('--minimum-failure-severity missing');
  emit(fs.readFileSync(scenario.tflintReport, 'utf8'), scenario.tflintExit ?? 0);
  return;
}
switch (args[0]) {
  case 'init':
    if (!has('-input=false')) bad('init without -input=false');
    process.stdout.write('Terraform has been successfully initialized!\n');
    process.exit(0);
  case 'workspace':
    if (args[1] === 'select') process.exit(scenario.workspaces?.includes(args.at(-1)) ? 0 : 1);
    if (args[1] === 'new') process.exit(0);
    bad('workspace ' + args[1]);
  case 'plan': {
    for (const flag of ['-input=false', '-detailed-exitcode']) if (!has(flag)) bad(flag + ' missing');
    const out = args.find((a) => a.startsWith('-out='));
    if (!out) bad('-out missing');
    if (!args.some((a) => a.startsWith('-lock-timeout='))) bad('-lock-timeout missing');
    if (scenario.planExit === 1) { process.stderr.write(scenario.planStderr ?? 'Error: plan failed\n'); process.exit(1); }
    fs.writeFileSync(out.slice(5), 'stand-in plan of ' + scenario.planJson + '\n');
    process.stdout.write(scenario.planStdout ?? 'Plan: see the JSON\n');
    process.exit(scenario.planExit ?? 2);
  }
  case 'show': {
    if (args[1] !== '-json') bad('show without -json');
    const file = args.at(-1);
    if (!fs.existsSync(file) || !fs.readFileSync(file, 'utf8').startsWith('stand-in plan of ')) bad('show of a file that plan did not write: ' + file);
    // A saved plan shows what it was planned as, wherever it is shown (as a real plan file does).
    emit(fs.readFileSync(fs.readFileSync(file, 'utf8').slice('stand-in plan of '.length).trim(), 'utf8'), 0);
    break;
  }
  case 'apply': {
    const file = args.at(-1);
    if (!fs.existsSync(file)) bad('apply of a missing plan file');
    if (!fs.readFileSync(file, 'utf8').startsWith('stand-in plan of ')) bad('apply of a file that plan did not write: ' + file);
    if (!has('-input=false')) bad('apply without -input=false');
    process.stdout.write('Apply complete!\n');
    process.exit(0);
  }
  case 'fmt':
    for (const flag of ['-check', '-diff', '-recursive']) if (!has(flag)) bad(flag + ' missing');
    if (scenario.fmtExit === 2) { process.stderr.write('Error: Invalid character\n  on main.tf line 1\n'); process.exit(2); }
    emit(scenario.fmtStdout ?? '', scenario.fmtExit ?? 0);
    break;
  case 'validate':
    if (!has('-json')) bad('validate without -json');
    emit(fs.readFileSync(scenario.validateJson, 'utf8'), JSON.parse(fs.readFileSync(scenario.validateJson, 'utf8')).valid ? 0 : 1);
    break;
  default:
    bad('unknown command');
}
`;

/** Writes the stand-ins into `binDir` and returns the env that points them at their scenario and log. */
export function installStandIns(binDir: string): { scenarioFile: string; logFile: string } {
  fs.mkdirSync(binDir, { recursive: true });
  for (const tool of ['terraform', 'tofu', 'tflint']) {
    const file = path.join(binDir, tool);
    fs.writeFileSync(file, `#!${process.execPath}\n${script}`);
    fs.chmodSync(file, 0o755);
  }
  return { scenarioFile: path.join(binDir, 'scenario.json'), logFile: path.join(binDir, 'calls.log') };
}

export function writeScenario(file: string, scenario: Scenario & { workspaces?: string[] }): void {
  fs.writeFileSync(file, JSON.stringify(scenario));
}

export function readCalls(logFile: string): { tool: string; cwd: string; args: string[]; token: string; automation?: string; cloudTokens?: string[] }[] {
  if (!fs.existsSync(logFile)) return [];
  return fs.readFileSync(logFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
}
