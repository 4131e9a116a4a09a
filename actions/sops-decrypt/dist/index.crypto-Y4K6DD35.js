import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  require_crypto
} from "./index.chunk-ZFYE7CKV.js";
import "./index.chunk-UXQJPX6C.js";
export default require_crypto();
