import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./cli.chunk-ZH76KQBC.js";

// conveyor-builtin:net
var require_net = __commonJS({
  "conveyor-builtin:net"(exports, module) {
    var real;
    var load = () => real ??= __require("node:net");
    for (const key of ["_createServerHandle", "_normalizeArgs", "BlockList", "SocketAddress", "BoundSocket", "connect", "createConnection", "createServer", "isIP", "isIPv4", "isIPv6", "Server", "Socket", "Stream", "getDefaultAutoSelectFamily", "setDefaultAutoSelectFamily", "getDefaultAutoSelectFamilyAttemptTimeout", "setDefaultAutoSelectFamilyAttemptTimeout"]) Object.defineProperty(module.exports, key, { enumerable: true, get: () => load()[key], set: (value) => {
      load()[key] = value;
    } });
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
