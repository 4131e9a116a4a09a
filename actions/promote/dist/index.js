import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  promoteInputs,
  readInputs
} from "./index.chunk-HKRICRDG.js";
import {
  debug,
  describeError,
  getState,
  saveState,
  setFailed,
  warning
} from "./index.chunk-LTZUJX7L.js";

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

// packages/promote/src/actions/promote.ts
await run(async () => {
  const inputs = readInputs(promoteInputs);
  await (await import("./index.action-LBQQGSSS.js")).main(inputs);
});
