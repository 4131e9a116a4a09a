import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./cli.chunk-ZH76KQBC.js";

// conveyor-builtin:process
var require_process = __commonJS({
  "conveyor-builtin:process"(exports, module) {
    module.exports = __require("node:process");
  }
});

export {
  require_process
};
