import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./cli.chunk-ZH76KQBC.js";

// conveyor-builtin:zlib
var require_zlib = __commonJS({
  "conveyor-builtin:zlib"(exports, module) {
    module.exports = __require("node:zlib");
  }
});

export {
  require_zlib
};
