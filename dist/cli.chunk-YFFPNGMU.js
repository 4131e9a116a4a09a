import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  require_os
} from "./cli.chunk-MYNQKUQR.js";
import {
  require_fs,
  require_path
} from "./cli.chunk-RY5DKLWW.js";
import {
  require_crypto
} from "./cli.chunk-LC5523U3.js";
import {
  __toESM
} from "./cli.chunk-ZH76KQBC.js";

// packages/kit/src/errors.ts
var ConveyorError = class extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = new.target.name;
  }
};
var InputError = class extends ConveyorError {
  problems;
  constructor(problems) {
    super(problems.length === 1 ? problems[0] : `${problems.length} inputs are invalid:
- ${problems.join("\n- ")}`);
    this.problems = problems;
  }
};
var ExecError = class extends ConveyorError {
  command;
  exitCode;
  stderr;
  constructor(command, exitCode, stderr, hint) {
    const tail = lastLines(stderr, 20);
    super(`\`${command}\` failed with exit code ${exitCode}${tail ? `:
${tail}` : ""}${hint ? `
${hint}` : ""}`);
    this.command = command;
    this.exitCode = exitCode;
    this.stderr = stderr;
  }
};
var ToolNotFoundError = class extends ConveyorError {
  tool;
  constructor(tool, hint) {
    super(`\`${tool}\` was not found on PATH. ${hint ?? `Install it in an earlier step, or use the root conveyor action to set it up.`}`);
    this.tool = tool;
  }
};
function describeError(error) {
  const parts = [];
  const seen = /* @__PURE__ */ new Set();
  let current = error;
  while (current !== void 0 && current !== null && !seen.has(current) && parts.length < 10) {
    seen.add(current);
    const message = current instanceof Error ? current.message : String(current);
    if (!parts.some((p) => p.includes(message))) parts.push(message);
    current = current instanceof Error ? current.cause : void 0;
  }
  return parts.map((p, i) => i === 0 ? p : `  caused by: ${p}`).join("\n");
}
function lastLines(text, count) {
  const lines = text.trimEnd().split(/\r?\n/);
  return lines.slice(-count).join("\n");
}

// node_modules/@actions/core/lib/command.js
var os = __toESM(require_os());

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
function issue(name, message = "") {
  issueCommand(name, {}, message);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
var crypto = __toESM(require_crypto());
var fs = __toESM(require_fs());
var os2 = __toESM(require_os());
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}

// node_modules/@actions/core/lib/core.js
var os3 = __toESM(require_os());
var path = __toESM(require_path());
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function addPath(inputPath) {
  const filePath = process.env["GITHUB_PATH"] || "";
  if (filePath) {
    issueFileCommand("PATH", inputPath);
  } else {
    issueCommand("add-path", {}, inputPath);
  }
  process.env["PATH"] = `${inputPath}${path.delimiter}${process.env["PATH"]}`;
}
function isDebug() {
  return process.env["RUNNER_DEBUG"] === "1";
}
function debug(message) {
  issueCommand("debug", {}, message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os3.EOL);
}
function startGroup(name) {
  issue("group", name);
}
function endGroup() {
  issue("endgroup");
}
function group(name, fn) {
  return __awaiter(this, void 0, void 0, function* () {
    startGroup(name);
    let result;
    try {
      result = yield fn();
    } finally {
      endGroup();
    }
    return result;
  });
}

export {
  ConveyorError,
  InputError,
  ExecError,
  ToolNotFoundError,
  describeError,
  setSecret,
  addPath,
  isDebug,
  debug,
  warning,
  info,
  group
};
