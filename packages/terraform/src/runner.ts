/**
 * The terraform (or tofu) seam: each command the gate runs, with the exit codes it accepts. Everything
 * goes through the kit's exec; variables are passed as `-var` but never logged.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { exec as kitExec, ExecError, info, quoteArg, ToolNotFoundError, type ExecOptions, type ExecResult } from '@conveyor/kit';

export type Exec = (command: string, args: readonly string[], options?: ExecOptions) => Promise<ExecResult>;

export interface Terraform {
  /** `terraform` or `tofu`, or a path to either. */
  binary: string;
  env: NodeJS.ProcessEnv;
  exec?: Exec;
}

function run(tf: Terraform, dir: string, args: string[], options: ExecOptions = {}): Promise<ExecResult> {
  const env = { ...tf.env, TF_IN_AUTOMATION: '1', TF_INPUT: '0' };
  return (tf.exec ?? kitExec)(tf.binary, args, { cwd: dir, env, hint: `It ran in ${dir}.`, ...options });
}

/** `-backend-config` and `-var` settings as logged: `key=***` for key=value forms (they may hold credentials). */
export function redactSetting(flag: string, setting: string): string {
  const eq = setting.indexOf('=');
  return eq === -1 ? `${flag}=${setting}` : `${flag}=${setting.slice(0, eq)}=***`;
}

export async function init(tf: Terraform, dir: string, options: { backend: boolean; backendConfig: readonly string[] }): Promise<void> {
  const args = ['init', '-input=false', '-no-color'];
  const shown = [...args];
  if (!options.backend) {
    args.push('-backend=false');
    shown.push('-backend=false');
  } else {
    for (const config of options.backendConfig) {
      args.push(`-backend-config=${config}`);
      shown.push(redactSetting('-backend-config', config));
    }
  }
  info(`[command]${[tf.binary, ...shown].map(quoteArg).join(' ')}`);
  await run(tf, dir, args, { stream: true, quiet: true });
}

/** Selects the workspace, creating it when it does not exist yet. */
export async function selectWorkspace(tf: Terraform, dir: string, workspace: string): Promise<'selected' | 'created' | 'default'> {
  if (workspace === 'default') return 'default';
  const selected = await run(tf, dir, ['workspace', 'select', '-no-color', workspace], { okCodes: [0, 1] });
  if (selected.exitCode === 0) return 'selected';
  await run(tf, dir, ['workspace', 'new', '-no-color', workspace]);
  return 'created';
}

export interface PlanOptions {
  planFile: string;
  lockTimeout: string;
  varFiles: readonly string[];
  variables: readonly string[];
}

export interface PlanRun {
  /** 0 no changes, 2 changes, 1 terraform's error. */
  exitCode: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

/**
 * `plan -detailed-exitcode`, with its output captured, not streamed: the caller shows it only once every
 * sensitive value of the plan is registered as a secret (terraform itself prints some of them). An error
 * (exit 1) resolves too, so the caller can report it per stack; other exit codes throw.
 */
export async function plan(tf: Terraform, dir: string, options: PlanOptions): Promise<PlanRun> {
  const args = ['plan', '-input=false', '-no-color', '-detailed-exitcode', `-out=${options.planFile}`, `-lock-timeout=${options.lockTimeout}`];
  for (const file of options.varFiles) args.push(`-var-file=${file}`);
  const shown = [...args, ...options.variables.map((v) => redactSetting('-var', v))];
  for (const variable of options.variables) args.push(`-var=${variable}`);
  info(`[command]${[tf.binary, ...shown].map(quoteArg).join(' ')}`);
  const result = await run(tf, dir, args, { okCodes: [0, 1, 2], quiet: true });
  return { exitCode: result.exitCode as 0 | 1 | 2, stdout: result.stdout, stderr: result.stderr };
}

/**
 * `show -json PLANFILE`, its output streamed straight into `jsonFile` (a large plan's document is not
 * buffered in pieces on its way); resolves with the document's text read back once.
 */
export async function showJson(tf: Terraform, dir: string, planFile: string, jsonFile: string): Promise<string> {
  const args = ['show', '-json', '-no-color', planFile];
  if (tf.exec) {
    const result = await run(tf, dir, args);
    fs.writeFileSync(jsonFile, result.stdout);
    return result.stdout;
  }
  const display = [tf.binary, ...args].map(quoteArg).join(' ');
  info(`[command]${display}`);
  const out = fs.openSync(jsonFile, 'w');
  try {
    const child = spawn(tf.binary, args, { cwd: dir, env: { ...tf.env, TF_IN_AUTOMATION: '1', TF_INPUT: '0' }, stdio: ['ignore', out, 'pipe'] });
    const stderr: Buffer[] = [];
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    const code = await new Promise<number>((resolve, reject) => {
      child.on('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ENOENT' ? new ToolNotFoundError(tf.binary) : new ExecError(display, -1, error.message)));
      child.on('close', (c) => resolve(c ?? 128));
    });
    if (code !== 0) throw new ExecError(display, code, Buffer.concat(stderr).toString('utf8'), `It ran in ${dir}.`);
  } finally {
    fs.closeSync(out);
  }
  return fs.readFileSync(jsonFile, 'utf8');
}

export async function apply(tf: Terraform, dir: string, planFile: string, lockTimeout: string): Promise<void> {
  await run(tf, dir, ['apply', '-input=false', '-no-color', `-lock-timeout=${lockTimeout}`, planFile], { stream: true });
}

/** `validate -json`: its JSON text (exit 1 means invalid, which the JSON says too). */
export async function validate(tf: Terraform, dir: string): Promise<string> {
  return (await run(tf, dir, ['validate', '-json', '-no-color'], { okCodes: [0, 1] })).stdout;
}

/** `fmt -check -diff -recursive`: exit 0 clean, 3 unformatted (listed with diffs); exit 2 is a syntax error. */
export async function fmtCheck(tf: Terraform, dir: string): Promise<{ clean: boolean; output: string }> {
  try {
    const result = await run(tf, dir, ['fmt', '-check', '-diff', '-recursive', '-no-color'], { okCodes: [0, 3] });
    return { clean: result.exitCode === 0, output: result.stdout };
  } catch (error) {
    if (error instanceof ExecError && error.exitCode === 2) {
      throw new ExecError(error.command, 2, error.stderr, `terraform fmt could not parse a file in ${dir}: fix the syntax error above, then run terraform fmt.`);
    }
    throw error;
  }
}
