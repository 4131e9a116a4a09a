import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  readInputs,
  releaseInputs
} from "./index.chunk-AWQMKVH2.js";
import {
  debug,
  describeError,
  getState,
  saveState,
  setFailed,
  warning
} from "./index.chunk-NNVCRBFK.js";

// packages/kit/src/run.ts
var POST_STATE = "conveyor-post";
async function run(main, post) {
  const isPost = getState(POST_STATE) === "true";
  if (!isPost && post) saveState(POST_STATE, "true");
  try {
    if (isPost) {
      if (post) await post();
    } else {
      await main();
    }
  } catch (error) {
    if (error instanceof Error && error.stack) debug(error.stack);
    if (isPost) warning(`Cleanup failed: ${describeError(error)}`);
    else setFailed(describeError(error));
  }
}

// packages/release/src/actions/release.ts
await run(async () => {
  const inputs = readInputs(releaseInputs);
  await (await import("./index.action-MPJBKHK5.js")).main(inputs);
});
