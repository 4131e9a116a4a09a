import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  __commonJS,
  __require,
  addPath,
  debug,
  group,
  info,
  setOutput
} from "./index.chunk-RY277ZHN.js";

// conveyor-builtin:child_process
var require_child_process = __commonJS({
  "conveyor-builtin:child_process"(exports, module) {
    var real;
    var load = () => real ??= __require("node:child_process");
    for (const key of ["_forkChild", "ChildProcess", "exec", "execFile", "execFileSync", "execSync", "fork", "spawn", "spawnSync"]) Object.defineProperty(module.exports, key, { enumerable: true, get: () => load()[key], set: (value) => {
      load()[key] = value;
    } });
  }
});

// packages/kit/src/outputs.ts
function setOutputs(outputs) {
  for (const [name, value] of Object.entries(outputs)) setOutput(name, formatOutput(value));
}
function formatOutput(value) {
  if (value === void 0) return "";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}
function addPath2(folder) {
  addPath(folder);
}

// packages/kit/src/log.ts
async function group2(name, fn) {
  return group(name, fn);
}
var info2 = (message) => info(message);
var debug2 = (message) => debug(message);

export {
  require_child_process,
  setOutputs,
  formatOutput,
  addPath2 as addPath,
  group2 as group,
  info2 as info,
  debug2 as debug
};
