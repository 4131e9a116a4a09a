import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./cli.chunk-ZH76KQBC.js";

// conveyor-builtin:tls
var require_tls = __commonJS({
  "conveyor-builtin:tls"(exports, module) {
    var real;
    var load = () => real ??= __require("node:tls");
    for (const key of ["CLIENT_RENEG_LIMIT", "CLIENT_RENEG_WINDOW", "DEFAULT_CIPHERS", "DEFAULT_ECDH_CURVE", "DEFAULT_MIN_VERSION", "DEFAULT_MAX_VERSION", "getCiphers", "getCertificateCompressionAlgorithms", "rootCertificates", "getCACertificates", "setDefaultCACertificates", "convertALPNProtocols", "checkServerIdentity", "createSecureContext", "SecureContext", "TLSSocket", "Server", "createServer", "connect"]) Object.defineProperty(module.exports, key, { enumerable: true, get: () => load()[key], set: (value) => {
      load()[key] = value;
    } });
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
