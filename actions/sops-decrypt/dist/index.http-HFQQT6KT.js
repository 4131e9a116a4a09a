import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  require_http
} from "./index.chunk-4MG2TCKC.js";
import "./index.chunk-UXQJPX6C.js";
export default require_http();
