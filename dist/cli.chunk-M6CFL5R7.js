import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./cli.chunk-ZH76KQBC.js";

// conveyor-builtin:net
var require_net = __commonJS({
  "conveyor-builtin:net"(exports, module) {
    module.exports = __require("node:net");
  }
});

// conveyor-builtin:url
var require_url = __commonJS({
  "conveyor-builtin:url"(exports, module) {
    module.exports = __require("node:url");
  }
});

export {
  require_net,
  require_url
};
