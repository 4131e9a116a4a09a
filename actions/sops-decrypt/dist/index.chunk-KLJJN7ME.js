import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./index.chunk-UXQJPX6C.js";

// conveyor-builtin:os
var require_os = __commonJS({
  "conveyor-builtin:os"(exports, module) {
    module.exports = __require("node:os");
  }
});

export {
  require_os
};
