/** Runs the build-image bundle as the runner does: INPUT_* in, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY out. */
import * as path from 'node:path';
import { repoRoot } from '../support/corpus.ts';
import { runBundle, type ActionRun } from '../support/runner.ts';

export { parseFileCommand, type ActionRun } from '../support/runner.ts';

export const BUNDLE = path.join(repoRoot, 'actions', 'build-image', 'dist', 'index.js');

export function runAction(dir: string, inputs: Record<string, string>, env: Record<string, string>): Promise<ActionRun> {
  return runBundle(BUNDLE, dir, inputs, { PATH: process.env.PATH, HOME: process.env.HOME, RUNNER_TEMP: dir, ...env });
}
