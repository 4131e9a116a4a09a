import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  readInputs,
  terraformInputs
} from "./index.chunk-OKUM73HF.js";
import {
  debug,
  describeError,
  getState,
  saveState,
  setFailed,
  warning
} from "./index.chunk-RY277ZHN.js";

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

// packages/terraform/src/actions/terraform.ts
await run(async () => {
  const inputs = readInputs(terraformInputs);
  await (await import("./index.action-JPMMJHLC.js")).main(inputs);
});
