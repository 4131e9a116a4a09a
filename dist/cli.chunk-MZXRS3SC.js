import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./cli.chunk-ZH76KQBC.js";

// conveyor-builtin:tls
var require_tls = __commonJS({
  "conveyor-builtin:tls"(exports, module) {
    module.exports = __require("node:tls");
  }
});

// conveyor-builtin:assert
var require_assert = __commonJS({
  "conveyor-builtin:assert"(exports, module) {
    module.exports = __require("node:assert");
  }
});

export {
  require_tls,
  require_assert
};
