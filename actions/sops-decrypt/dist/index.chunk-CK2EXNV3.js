import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./index.chunk-UXQJPX6C.js";

// conveyor-builtin:child_process
var require_child_process = __commonJS({
  "conveyor-builtin:child_process"(exports, module) {
    module.exports = __require("node:child_process");
  }
});

export {
  require_child_process
};
