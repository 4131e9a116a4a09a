import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  ConveyorError
} from "./cli.chunk-YFFPNGMU.js";
import {
  require_fs
} from "./cli.chunk-RY5DKLWW.js";
import {
  __toESM
} from "./cli.chunk-ZH76KQBC.js";

// packages/kit/src/context.ts
var fs = __toESM(require_fs());
function readContext(env = process.env) {
  const [owner = "", repo = ""] = (env.GITHUB_REPOSITORY ?? "").split("/");
  let payload = {};
  const eventPath = env.GITHUB_EVENT_PATH;
  if (eventPath && fs.existsSync(eventPath)) {
    try {
      payload = JSON.parse(fs.readFileSync(eventPath, "utf8"));
    } catch (error) {
      throw new ConveyorError(`The event payload ${eventPath} (GITHUB_EVENT_PATH) is not valid JSON.`, { cause: error });
    }
  }
  return {
    eventName: env.GITHUB_EVENT_NAME ?? "",
    ref: env.GITHUB_REF ?? "",
    refName: env.GITHUB_REF_NAME ?? "",
    refType: env.GITHUB_REF_TYPE ?? "",
    sha: env.GITHUB_SHA ?? "",
    baseRef: env.GITHUB_BASE_REF ?? "",
    headRef: env.GITHUB_HEAD_REF ?? "",
    owner,
    repo,
    serverUrl: (env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/$/, ""),
    apiUrl: (env.GITHUB_API_URL ?? "https://api.github.com").replace(/\/$/, ""),
    runId: env.GITHUB_RUN_ID ?? "",
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? "",
    actor: env.GITHUB_ACTOR ?? "",
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    payload
  };
}

export {
  readContext
};
