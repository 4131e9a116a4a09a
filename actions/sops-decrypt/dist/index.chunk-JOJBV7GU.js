import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./index.chunk-UXQJPX6C.js";

// conveyor-builtin:buffer
var require_buffer = __commonJS({
  "conveyor-builtin:buffer"(exports, module) {
    module.exports = __require("node:buffer");
  }
});

export {
  require_buffer
};
