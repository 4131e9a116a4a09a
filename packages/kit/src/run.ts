import * as fs from 'node:fs';
import * as os from 'node:os';
import * as core from '@actions/core';
import { describeError } from './errors.ts';

const POST_STATE = 'conveyor-post';

/**
 * Marks the main step as run, for the post step. The value is the constant `true`, so a fixed heredoc
 * delimiter is as safe as @actions/core's random one, and making it needs no node:crypto (about 5 ms of
 * every start of an action with a post step).
 */
function markPost(): void {
  const file = process.env.GITHUB_STATE;
  if (!file) return core.saveState(POST_STATE, 'true');
  const delimiter = `ghadelimiter_${POST_STATE}`;
  fs.appendFileSync(file, `${POST_STATE}<<${delimiter}${os.EOL}true${os.EOL}${delimiter}${os.EOL}`, 'utf8');
}

/**
 * The one place that turns an error into a failed step. `main` runs in the main step; `post`, when given,
 * runs in the post step (the action.yml points `post:` at the same bundle). A failure in `post` (cleanup)
 * is a warning, not a failed job. Never throws; sets `process.exitCode` through `core.setFailed`.
 */
export async function run(main: () => Promise<void>, post?: () => Promise<void>): Promise<void> {
  const isPost = core.getState(POST_STATE) === 'true';
  if (!isPost && post) markPost();
  try {
    if (isPost) {
      if (post) await post();
    } else {
      await main();
    }
  } catch (error) {
    if (error instanceof Error && error.stack) core.debug(error.stack);
    if (isPost) core.warning(`Cleanup failed: ${describeError(error)}`);
    else core.setFailed(describeError(error));
  }
}
