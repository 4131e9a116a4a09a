import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./cli.chunk-ZH76KQBC.js";

// conveyor-builtin:worker_threads
var require_worker_threads = __commonJS({
  "conveyor-builtin:worker_threads"(exports, module) {
    var real;
    var load = () => real ??= __require("node:worker_threads");
    for (const key of ["isInternalThread", "isMainThread", "MessagePort", "MessageChannel", "markAsUncloneable", "markAsUntransferable", "isMarkedAsUntransferable", "moveMessagePortToContext", "receiveMessageOnPort", "resourceLimits", "postMessageToThread", "threadId", "threadName", "SHARE_ENV", "Worker", "parentPort", "workerData", "BroadcastChannel", "setEnvironmentData", "getEnvironmentData", "locks"]) Object.defineProperty(module.exports, key, { enumerable: true, get: () => load()[key], set: (value) => {
      load()[key] = value;
    } });
  }
});

export {
  require_worker_threads
};
