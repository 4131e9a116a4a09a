import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  require_crypto
} from "./cli.chunk-LC5523U3.js";
import "./cli.chunk-ZH76KQBC.js";
export default require_crypto();
