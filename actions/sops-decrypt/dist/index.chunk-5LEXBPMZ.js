import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./index.chunk-UXQJPX6C.js";

// conveyor-builtin:fs
var require_fs = __commonJS({
  "conveyor-builtin:fs"(exports, module) {
    module.exports = __require("node:fs");
  }
});

// conveyor-builtin:path
var require_path = __commonJS({
  "conveyor-builtin:path"(exports, module) {
    module.exports = __require("node:path");
  }
});

export {
  require_fs,
  require_path
};
