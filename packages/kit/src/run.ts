import * as core from '@actions/core';
import { describeError } from './errors.ts';

const POST_STATE = 'conveyor-post';

/**
 * The one place that turns an error into a failed step. `main` runs in the main step; `post`, when given,
 * runs in the post step (the action.yml points `post:` at the same bundle). A failure in `post` (cleanup)
 * is a warning, not a failed job. Never throws; sets `process.exitCode` through `core.setFailed`.
 */
export async function run(main: () => Promise<void>, post?: () => Promise<void>): Promise<void> {
  const isPost = core.getState(POST_STATE) === 'true';
  if (!isPost && post) core.saveState(POST_STATE, 'true');
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
