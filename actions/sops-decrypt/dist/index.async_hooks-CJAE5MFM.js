import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./index.chunk-UXQJPX6C.js";

// conveyor-builtin:async_hooks
var require_async_hooks = __commonJS({
  "conveyor-builtin:async_hooks"(exports, module) {
    module.exports = __require("node:async_hooks");
  }
});
export default require_async_hooks();
