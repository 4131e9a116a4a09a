import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  addPath,
  debug,
  group,
  info,
  warning
} from "./cli.chunk-YFFPNGMU.js";

// packages/kit/src/outputs.ts
function formatOutput(value) {
  if (value === void 0) return "";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}
function addPath2(folder) {
  addPath(folder);
}

// packages/kit/src/log.ts
async function group2(name, fn) {
  return group(name, fn);
}
var info2 = (message) => info(message);
var debug2 = (message) => debug(message);
var warning2 = (message) => warning(message);

export {
  formatOutput,
  addPath2 as addPath,
  group2 as group,
  info2 as info,
  debug2 as debug,
  warning2 as warning
};
