import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./cli.chunk-ZH76KQBC.js";

// conveyor-builtin:http
var require_http = __commonJS({
  "conveyor-builtin:http"(exports, module) {
    module.exports = __require("node:http");
  }
});

export {
  require_http
};
