import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  debug,
  describeError,
  getState,
  imageInputs,
  readInputs,
  saveState,
  setFailed,
  warning
} from "./index.chunk-HDI7WMZV.js";

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

// packages/image/src/actions/build-image.ts
await run(async () => {
  const inputs = readInputs(imageInputs);
  await (await import("./index.action-7ZXAZYD3.js")).main(inputs);
});
