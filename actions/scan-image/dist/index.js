import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  readInputs,
  scanInputs
} from "./index.chunk-J4DB4TYQ.js";
import {
  debug,
  describeError,
  getState,
  saveState,
  setFailed,
  warning
} from "./index.chunk-A5JFXMLQ.js";

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

// packages/scan/src/actions/scan-image.ts
await run(async () => {
  const inputs = readInputs(scanInputs, void 0, { baseDir: process.env.GITHUB_WORKSPACE || process.cwd() });
  await (await import("./index.action-ON46HXI4.js")).main(process.env, inputs);
});
