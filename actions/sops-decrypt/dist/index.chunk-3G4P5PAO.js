import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./index.chunk-UXQJPX6C.js";

// conveyor-builtin:https
var require_https = __commonJS({
  "conveyor-builtin:https"(exports, module) {
    module.exports = __require("node:https");
  }
});

// conveyor-builtin:util
var require_util = __commonJS({
  "conveyor-builtin:util"(exports, module) {
    module.exports = __require("node:util");
  }
});

export {
  require_https,
  require_util
};
