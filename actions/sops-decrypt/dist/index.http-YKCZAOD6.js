import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  require_http
} from "./index.chunk-H5KZOFK6.js";
import "./index.chunk-UXQJPX6C.js";
export default require_http();
