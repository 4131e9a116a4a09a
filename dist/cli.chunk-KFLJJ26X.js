import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./cli.chunk-ZH76KQBC.js";

// conveyor-builtin:worker_threads
var require_worker_threads = __commonJS({
  "conveyor-builtin:worker_threads"(exports, module) {
    module.exports = __require("node:worker_threads");
  }
});

export {
  require_worker_threads
};
