import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  require_http
} from "./cli.chunk-Q4JPE233.js";
import "./cli.chunk-ZH76KQBC.js";
export default require_http();
