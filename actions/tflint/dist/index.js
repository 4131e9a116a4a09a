import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  readInputs,
  tflintInputs
} from "./index.chunk-57MHE4XO.js";
import {
  __toESM,
  debug,
  describeError,
  getState,
  require_fs,
  require_os,
  saveState,
  setFailed,
  warning
} from "./index.chunk-RY277ZHN.js";

// packages/kit/src/run.ts
var fs = __toESM(require_fs());
var os = __toESM(require_os());
var POST_STATE = "conveyor-post";
function markPost() {
  const file = process.env.GITHUB_STATE;
  if (!file) return saveState(POST_STATE, "true");
  const delimiter = `ghadelimiter_${POST_STATE}`;
  fs.appendFileSync(file, `${POST_STATE}<<${delimiter}${os.EOL}true${os.EOL}${delimiter}${os.EOL}`, "utf8");
}
async function run(main, post) {
  const isPost = getState(POST_STATE) === "true";
  if (!isPost && post) markPost();
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

// packages/terraform/src/actions/tflint.ts
await run(async () => {
  const inputs = readInputs(tflintInputs);
  await (await import("./index.action-UXUMGYQ7.js")).tflintMain(inputs);
});
