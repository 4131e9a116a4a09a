import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  require_os
} from "./index.chunk-KLJJN7ME.js";
import {
  require_fs,
  require_path
} from "./index.chunk-5LEXBPMZ.js";
import {
  require_crypto
} from "./index.chunk-ZFYE7CKV.js";
import {
  __toESM
} from "./index.chunk-UXQJPX6C.js";

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
function describeError(error2) {
  const parts = [];
  const seen = /* @__PURE__ */ new Set();
  let current = error2;
  while (current !== void 0 && current !== null && !seen.has(current) && parts.length < 10) {
    seen.add(current);
    const message = current instanceof Error ? current.message : String(current);
    if (!parts.some((p) => p.includes(message))) parts.push(message);
    current = current instanceof Error ? current.cause : void 0;
  }
  return parts.map((p, i) => i === 0 ? p : `  caused by: ${p}`).join("\n");
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
  const filePath2 = process.env[`GITHUB_${command}`];
  if (!filePath2) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath2)) {
    throw new Error(`Missing file at path: ${filePath2}`);
  }
  fs.appendFileSync(filePath2, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter2 = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter2)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter2}"`);
  }
  if (convertedValue.includes(delimiter2)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter2}"`);
  }
  return `${key}<<${delimiter2}${os2.EOL}${convertedValue}${os2.EOL}${delimiter2}`;
}

// node_modules/@actions/core/lib/core.js
var os3 = __toESM(require_os());
var path = __toESM(require_path());
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function exportVariable(name, val) {
  const convertedVal = toCommandValue(val);
  process.env[name] = convertedVal;
  const filePath2 = process.env["GITHUB_ENV"] || "";
  if (filePath2) {
    return issueFileCommand("ENV", prepareKeyValueMessage(name, val));
  }
  issueCommand("set-env", { name }, convertedVal);
}
function setSecret(secret2) {
  issueCommand("add-mask", {}, secret2);
}
function setOutput(name, value) {
  const filePath2 = process.env["GITHUB_OUTPUT"] || "";
  if (filePath2) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os3.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function debug(message) {
  issueCommand("debug", {}, message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os3.EOL);
}
function saveState(name, value) {
  const filePath2 = process.env["GITHUB_STATE"] || "";
  if (filePath2) {
    return issueFileCommand("STATE", prepareKeyValueMessage(name, value));
  }
  issueCommand("save-state", { name }, toCommandValue(value));
}
function getState(name) {
  return process.env[`STATE_${name}`] || "";
}

// packages/kit/src/mask.ts
var registerWithRunner = true;
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

// packages/kit/src/inputs.ts
var fs2 = __toESM(require_fs());
var path2 = __toESM(require_path());
function envSource(env = process.env) {
  return (name) => env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`];
}
var Problem = class {
  message;
  constructor(message) {
    this.message = message;
  }
};
var fail = (message) => {
  throw new Problem(message);
};
function isSet(raw) {
  return raw !== void 0 && raw.trim() !== "";
}
function show(raw) {
  const value = raw.length > 80 ? `${raw.slice(0, 77)}...` : raw;
  return JSON.stringify(value);
}
function spec(kind, accepted, options, convert, empty) {
  const required = options.required ?? false;
  return {
    kind,
    required,
    accepted,
    parse(raw, name, context) {
      if (!isSet(raw)) {
        if (options.default !== void 0) return options.default;
        if (required) fail(`Input required and not supplied: ${name} (accepted: ${accepted}).`);
        return empty;
      }
      return convert(raw, name, context);
    }
  };
}
function string(options = {}) {
  const accepted = options.patternHint ?? (options.pattern ? `a value matching ${options.pattern}` : "any text");
  return spec("string", accepted, options, (raw, name) => {
    const value = raw.trim();
    if (options.pattern && !options.pattern.test(value)) {
      fail(`Input '${name}' is ${show(value)}; accepted: ${accepted}.`);
    }
    return value;
  }, "");
}
var TRUE = ["true", "True", "TRUE"];
var FALSE = ["false", "False", "FALSE"];
function boolean(options = {}) {
  const accepted = "true | True | TRUE | false | False | FALSE";
  return spec("boolean", accepted, options, (raw, name) => {
    const value = raw.trim();
    if (TRUE.includes(value)) return true;
    if (FALSE.includes(value)) return false;
    return fail(`Input '${name}' is ${show(value)}; accepted: ${accepted}.`);
  }, false);
}
function list(options = {}) {
  const commas = options.commas ?? true;
  const accepted = commas ? "items separated by newlines or commas" : "one item per line";
  return spec("list", accepted, options, (raw) => splitList(raw, commas), []);
}
function splitList(raw, commas = true) {
  const items = [];
  for (const line of raw.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    for (const part of commas ? trimmed.split(",") : [trimmed]) {
      const item = part.trim();
      if (item !== "") items.push(item);
    }
  }
  return items;
}
function filePath(options = {}) {
  const what = options.mustExist === "file" ? "an existing file" : options.mustExist === "directory" ? "an existing folder" : options.mustExist === "any" ? "an existing file or folder" : "a path";
  const accepted = `${what} (relative paths are taken from the workspace)`;
  const { default: fallback, ...rest } = options;
  const inner = spec("path", accepted, rest, (raw, name, context) => {
    const resolved = path2.resolve(context.baseDir, raw.trim());
    if (options.mustExist) {
      let stat;
      try {
        stat = fs2.statSync(resolved);
      } catch {
        return fail(`Input '${name}' is ${show(raw.trim())}, but ${resolved} does not exist; accepted: ${accepted}.`);
      }
      if (options.mustExist === "file" && !stat.isFile()) fail(`Input '${name}' is ${show(raw.trim())}, which is not a file; accepted: ${accepted}.`);
      if (options.mustExist === "directory" && !stat.isDirectory()) fail(`Input '${name}' is ${show(raw.trim())}, which is not a folder; accepted: ${accepted}.`);
    }
    return resolved;
  }, void 0);
  return { ...inner, parse: (raw, name, context) => inner.parse(isSet(raw) ? raw : fallback ?? raw, name, context) };
}
function secret(options = {}) {
  const required = options.required ?? false;
  return {
    kind: "secret",
    required,
    accepted: "a secret value",
    parse(raw, name) {
      if (raw === void 0 || raw.trim() === "") {
        if (required) fail(`Input required and not supplied: ${name} (a secret; pass it with \${{ secrets.NAME }}).`);
        return "";
      }
      maskSecret(raw, { name });
      return raw.trim() === raw ? raw : raw.replace(/\r?\n$/, "");
    }
  };
}
function readInputs(specs, source = envSource(), context = { baseDir: process.env.GITHUB_WORKSPACE || process.cwd() }) {
  const values = {};
  const problems = [];
  for (const [name, inputSpec] of Object.entries(specs)) {
    try {
      values[name] = inputSpec.parse(source(name), name, context);
    } catch (error2) {
      if (error2 instanceof Problem) problems.push(error2.message);
      else throw error2;
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return values;
}

// packages/sops/src/inputs.ts
var EXPORT_KINDS = ["env", "outputs", "files"];
var sopsInputs = {
  files: list({ required: true }),
  "age-key": secret(),
  "age-key-file": filePath({ mustExist: "file" }),
  "pgp-key": secret(),
  "pgp-passphrase": secret(),
  export: list({ default: ["env"] }),
  "env-prefix": string({ default: "", pattern: /^[A-Za-z_][A-Za-z0-9_]*$|^$/, patternHint: "letters, digits and _ (not starting with a digit)" }),
  "output-dir": filePath(),
  "keep-files": boolean({ default: false }),
  "ignore-mac": boolean({ default: false })
};

export {
  ConveyorError,
  InputError,
  describeError,
  exportVariable,
  setOutput,
  setFailed,
  debug,
  warning,
  info,
  saveState,
  getState,
  maskSecret,
  readInputs,
  EXPORT_KINDS,
  sopsInputs
};
