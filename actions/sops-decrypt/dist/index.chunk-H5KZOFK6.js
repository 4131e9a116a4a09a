import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./index.chunk-UXQJPX6C.js";

// conveyor-builtin:http
var require_http = __commonJS({
  "conveyor-builtin:http"(exports, module) {
    module.exports = __require("node:http");
  }
});

export {
  require_http
};
