import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./cli.chunk-ZH76KQBC.js";

// conveyor-builtin:events
var require_events = __commonJS({
  "conveyor-builtin:events"(exports, module) {
    module.exports = __require("node:events");
  }
});

// conveyor-builtin:querystring
var require_querystring = __commonJS({
  "conveyor-builtin:querystring"(exports, module) {
    module.exports = __require("node:querystring");
  }
});

export {
  require_events,
  require_querystring
};
