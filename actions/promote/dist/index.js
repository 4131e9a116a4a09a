import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  promoteInputs,
  readInputs
} from "./index.chunk-HKRICRDG.js";
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
} from "./index.chunk-LTZUJX7L.js";

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

// packages/promote/src/actions/promote.ts
await run(async () => {
  const inputs = readInputs(promoteInputs);
  await (await import("./index.action-IDHYXGMX.js")).main(inputs);
});
