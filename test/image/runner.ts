/** Runs the build-image bundle as the runner does: INPUT_* in, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY out. */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../support/corpus.ts';

export const BUNDLE = path.join(repoRoot, 'actions', 'build-image', 'dist', 'index.js');

export interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Parses the runner's `name<<DELIMITER` file-command format. */
export function parseFileCommand(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!match) continue;
    const body: string[] = [];
    for (i += 1; i < lines.length && lines[i] !== match[2]; i++) body.push(lines[i]!);
    values[match[1]!] = body.join('\n');
  }
  return values;
}

export async function runAction(dir: string, inputs: Record<string, string>, env: Record<string, string>): Promise<ActionRun> {
  const id = Math.random().toString(36).slice(2);
  const output = path.join(dir, `output-${id}`);
  const summary = path.join(dir, `summary-${id}`);
  fs.writeFileSync(output, '');
  fs.writeFileSync(summary, '');
  const full: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    RUNNER_TEMP: dir,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...env,
  };
  const child = spawn(process.execPath, [BUNDLE], { env: full, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { status, stdout, stderr, outputs: parseFileCommand(fs.readFileSync(output, 'utf8')), summary: fs.readFileSync(summary, 'utf8') };
}
