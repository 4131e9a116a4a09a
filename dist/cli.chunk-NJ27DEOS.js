import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./cli.chunk-ZH76KQBC.js";

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

export {
  require_child_process
};
