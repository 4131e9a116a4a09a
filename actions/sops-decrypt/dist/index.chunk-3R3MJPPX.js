import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./index.chunk-UXQJPX6C.js";

// conveyor-builtin:stream
var require_stream = __commonJS({
  "conveyor-builtin:stream"(exports, module) {
    module.exports = __require("node:stream");
  }
});

export {
  require_stream
};
