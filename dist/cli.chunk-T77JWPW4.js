import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./cli.chunk-ZH76KQBC.js";

// conveyor-builtin:http2
var require_http2 = __commonJS({
  "conveyor-builtin:http2"(exports, module) {
    var real;
    var load = () => real ??= __require("node:http2");
    for (const key of ["connect", "constants", "createServer", "createSecureServer", "getDefaultSettings", "getPackedSettings", "getUnpackedSettings", "performServerHandshake", "sensitiveHeaders", "Http2ServerRequest", "Http2ServerResponse"]) Object.defineProperty(module.exports, key, { enumerable: true, get: () => load()[key], set: (value) => {
      load()[key] = value;
    } });
  }
});

export {
  require_http2
};
