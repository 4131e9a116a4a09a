import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./index.chunk-UXQJPX6C.js";

// conveyor-builtin:process
var require_process = __commonJS({
  "conveyor-builtin:process"(exports, module) {
    module.exports = __require("node:process");
  }
});

export {
  require_process
};
