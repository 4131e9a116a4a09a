import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  setSecret,
  warning
} from "./cli.chunk-YFFPNGMU.js";

// packages/kit/src/mask.ts
var registerWithRunner = true;
function setRunnerMasking(enabled) {
  registerWithRunner = enabled;
}
var SHORT_SECRET = 4;
function maskSecret(value, options = {}) {
  if (value === "" || !registerWithRunner) return false;
  setSecret(value);
  const lines = value.split(/\r?\n/);
  if (lines.length > 1) {
    for (const line of lines) {
      if (line.trim() !== "") setSecret(line);
      if (line.trim() !== line && line.trim() !== "") setSecret(line.trim());
    }
  }
  const shortest = Math.min(...lines.map((l) => l.trim().length).filter((n) => n > 0));
  if ((options.warnShort ?? true) && shortest < SHORT_SECRET) {
    const what = options.name ? `The secret '${options.name}'` : "A secret value";
    warning(`${what} has a part of only ${shortest} character(s); it is masked, but masking text that short also hides matching text elsewhere in the log.`);
    return true;
  }
  return false;
}

export {
  setRunnerMasking,
  maskSecret
};
