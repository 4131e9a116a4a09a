/**
 * Runs a bundled action as the runner does: INPUT_<NAME> variables (upper-case, dashes kept), and
 * GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_ENV files that are read back afterwards.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** Variables the step exported for later steps (GITHUB_ENV). */
  exported: Record<string, string>;
}

/** Parses the runner's `name<<DELIMITER` file-command format (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STATE). */
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

/** Runs `script` with Node (the project's Node 24) in `dir`-backed runner files; `env` is the whole environment. */
export async function runBundle(script: string, dir: string, inputs: Record<string, string>, env: NodeJS.ProcessEnv): Promise<ActionRun> {
  fs.mkdirSync(dir, { recursive: true });
  const id = Math.random().toString(36).slice(2);
  const files = { output: path.join(dir, `output-${id}`), summary: path.join(dir, `summary-${id}`), env: path.join(dir, `env-${id}`) };
  for (const f of Object.values(files)) fs.writeFileSync(f, '');
  const child = spawn(process.execPath, [script], {
    env: {
      ...env,
      GITHUB_OUTPUT: files.output, GITHUB_STEP_SUMMARY: files.summary, GITHUB_ENV: files.env,
      ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const read = (file: string) => fs.readFileSync(file, 'utf8');
  return { status, stdout, stderr, outputs: parseFileCommand(read(files.output)), summary: read(files.summary), exported: parseFileCommand(read(files.env)) };
}
