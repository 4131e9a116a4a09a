import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./index.chunk-UXQJPX6C.js";

// conveyor-builtin:http
var require_http = __commonJS({
  "conveyor-builtin:http"(exports, module) {
    var real;
    var load = () => real ??= __require("node:http");
    for (const key of ["_connectionListener", "METHODS", "STATUS_CODES", "Agent", "ClientRequest", "IncomingMessage", "OutgoingMessage", "Server", "ServerResponse", "createServer", "validateHeaderName", "validateHeaderValue", "get", "request", "setMaxIdleHTTPParsers", "setGlobalProxyFromEnv", "maxHeaderSize", "globalAgent", "WebSocket", "CloseEvent", "MessageEvent"]) Object.defineProperty(module.exports, key, { enumerable: true, get: () => load()[key], set: (value) => {
      load()[key] = value;
    } });
  }
});

export {
  require_http
};
