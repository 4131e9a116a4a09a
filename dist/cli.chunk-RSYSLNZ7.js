import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./cli.chunk-ZH76KQBC.js";

// conveyor-builtin:https
var require_https = __commonJS({
  "conveyor-builtin:https"(exports, module) {
    var real;
    var load = () => real ??= __require("node:https");
    for (const key of ["Agent", "globalAgent", "Server", "createServer", "get", "request"]) Object.defineProperty(module.exports, key, { enumerable: true, get: () => load()[key], set: (value) => {
      load()[key] = value;
    } });
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
