import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  __toESM,
  debug,
  describeError,
  getState,
  imageInputs,
  readInputs,
  require_fs,
  require_os,
  saveState,
  setFailed,
  warning
} from "./index.chunk-IIFRESIE.js";

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

// packages/image/src/actions/build-image.ts
await run(async () => {
  const inputs = readInputs(imageInputs);
  await (await import("./index.action-S42SUEC3.js")).main(inputs);
});
