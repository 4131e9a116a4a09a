import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./cli.chunk-ZH76KQBC.js";

// conveyor-builtin:http2
var require_http2 = __commonJS({
  "conveyor-builtin:http2"(exports, module) {
    module.exports = __require("node:http2");
  }
});

export {
  require_http2
};
