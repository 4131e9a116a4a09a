import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  require_async_hooks
} from "./cli.chunk-3VAH22HZ.js";
import "./cli.chunk-ZH76KQBC.js";
export default require_async_hooks();
