/**
 * Runs a tiny action, bundled exactly as the real ones are, through the runner's contract:
 * INPUT_* variables in, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_ENV / GITHUB_STATE files out.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundle } from '../../../scripts/build.ts';
import { parseFileCommand } from '../../../test/support/runner.ts';

let dir: string;
let script: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kit-runner-'));
  script = path.join(dir, 'index.js');
  await bundle({ name: 'tiny', entry: 'packages/kit/src/__fixtures__/tiny-action.ts', outfile: path.relative(path.resolve(import.meta.dirname, '../../..'), script) });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Run {
  status: number | null;
  stdout: string;
  files: Record<'output' | 'summary' | 'env' | 'state', string>;
}

function runAction(inputs: Record<string, string>, extraEnv: Record<string, string> = {}): Run {
  const files = { output: 'output', summary: 'summary', env: 'env', state: 'state' } as const;
  const paths = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, path.join(dir, `${v}-${Math.random().toString(36).slice(2)}`)])) as Record<keyof typeof files, string>;
  for (const p of Object.values(paths)) fs.writeFileSync(p, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_OUTPUT: paths.output,
    GITHUB_STEP_SUMMARY: paths.summary,
    GITHUB_ENV: paths.env,
    GITHUB_STATE: paths.state,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...extraEnv,
  };
  const result = spawnSync(process.execPath, [script], { env, encoding: 'utf8' });
  const read = (p: string) => fs.readFileSync(p, 'utf8');
  return { status: result.status, stdout: result.stdout, files: { output: read(paths.output), summary: read(paths.summary), env: read(paths.env), state: read(paths.state) } };
}

describe('the runner contract', () => {
  it('reads inputs and writes outputs, summary and environment files as the runner expects', () => {
    const run = runAction({ greeting: 'hi', count: '2', 'export-env': 'true' });
    expect(run.status).toBe(0);
    expect(parseFileCommand(run.files.output)).toEqual({ message: 'hi hi', count: '2', details: '{"greeting":"hi","count":2}' });
    expect(run.files.summary).toBe('| greeting | count |\n| --- | --- |\n| hi | 2 |\n');
    expect(parseFileCommand(run.files.env)).toEqual({ GREETING: 'hi' });
  });

  it('a bad input fails the step with a message naming it, before any side effect', () => {
    const marker = path.join(dir, 'marker');
    const run = runAction({ greeting: 'hi', count: '7', 'export-env': 'yes', marker });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`::error::2 inputs are invalid:%0A- Input 'count' is 7; accepted: a whole number from 1 to 3.%0A- Input 'export-env' is "yes"; accepted: true | True | TRUE | false | False | FALSE.`);
    expect(fs.existsSync(marker)).toBe(false);
    expect(run.files.output).toBe('');
    expect(run.files.summary).toBe('');
    expect(run.files.env).toBe('');
  });

  it('a missing required input names it', () => {
    const run = runAction({});
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('::error::Input required and not supplied: greeting (accepted: any text).');
  });

  it('masks every line of a multi-line secret before the secret can be printed', () => {
    const run = runAction({ greeting: 'hi', token: 'first-line-secret\nsecond-line-secret' });
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    const printed = lines.findIndex((l) => l.includes('using token'));
    const masks = lines.map((l, i) => [l, i] as const).filter(([l]) => l.startsWith('::add-mask::'));
    expect(masks.map(([l]) => l)).toEqual([
      '::add-mask::first-line-secret%0Asecond-line-secret',
      '::add-mask::first-line-secret',
      '::add-mask::second-line-secret',
    ]);
    expect(masks.every(([, i]) => i < printed)).toBe(true);
  });

  it('saves state for the post step, which runs the cleanup and only warns when it fails', () => {
    const main = runAction({ greeting: 'hi' });
    expect(parseFileCommand(main.files.state)).toEqual({ 'conveyor-post': 'true' });
    const post = runAction({ greeting: 'hi' }, { 'STATE_conveyor-post': 'true' });
    expect(post.status).toBe(0);
    expect(post.stdout).toContain('post step ran');
    expect(post.stdout).toContain('::warning::Cleanup failed: cleanup could not remove a file');
    expect(post.files.output).toBe('');
  });
});
