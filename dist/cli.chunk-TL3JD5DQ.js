import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  require_os
} from "./cli.chunk-MYNQKUQR.js";
import {
  require_fs,
  require_path
} from "./cli.chunk-RY5DKLWW.js";
import {
  __toESM
} from "./cli.chunk-ZH76KQBC.js";

// packages/kit/src/folders.ts
var fs = __toESM(require_fs());
var os = __toESM(require_os());
var path = __toESM(require_path());
function runFolder(purpose, env = process.env) {
  const root = env.RUNNER_TEMP || env.TMPDIR || os.tmpdir();
  fs.mkdirSync(root, { recursive: true });
  return fs.mkdtempSync(path.join(root, `conveyor-${purpose}-`));
}

export {
  runFolder
};
