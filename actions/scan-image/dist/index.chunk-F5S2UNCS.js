import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  InputError,
  __toESM,
  require_fs,
  require_path
} from "./index.chunk-A5JFXMLQ.js";

// packages/kit/src/inputs.ts
var fs = __toESM(require_fs());
var path = __toESM(require_path());
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
function oneOf(values, options = {}) {
  const accepted = values.join(" | ");
  return spec("enum", accepted, options, (raw, name) => {
    const value = raw.trim();
    if (values.includes(value)) return value;
    return fail(`Input '${name}' is ${show(value)}; accepted: ${accepted}.`);
  }, void 0);
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
function text(options = {}) {
  return spec("text", "any text, several lines allowed", options, (raw) => raw.replace(/\r?\n$/, ""), "");
}
function filePath(options = {}) {
  const what = options.mustExist === "file" ? "an existing file" : options.mustExist === "directory" ? "an existing folder" : options.mustExist === "any" ? "an existing file or folder" : "a path";
  const accepted = `${what} (relative paths are taken from the workspace)`;
  const { default: fallback, ...rest } = options;
  const inner = spec("path", accepted, rest, (raw, name, context) => {
    const resolved = path.resolve(context.baseDir, raw.trim());
    if (options.mustExist) {
      let stat;
      try {
        stat = fs.statSync(resolved);
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
function readInputs(specs, source = envSource(), context = { baseDir: process.env.GITHUB_WORKSPACE || process.cwd() }) {
  const values = {};
  const problems = [];
  for (const [name, inputSpec] of Object.entries(specs)) {
    try {
      values[name] = inputSpec.parse(source(name), name, context);
    } catch (error) {
      if (error instanceof Problem) problems.push(error.message);
      else throw error;
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return values;
}

// packages/scan/src/severity.ts
var SEVERITY_CUTOFFS = ["negligible", "low", "medium", "high", "critical", "none"];

// packages/scan/src/input-specs.ts
var policyInputs = {
  "severity-cutoff": oneOf(SEVERITY_CUTOFFS),
  "only-fixed": boolean({ default: false }),
  ignore: text(),
  config: filePath({ mustExist: "file" }),
  vex: list({ commas: false }),
  "fail-build": boolean({ default: true }),
  "output-dir": filePath()
};
var scanInputs = {
  image: string(),
  sbom: filePath({ mustExist: "file" }),
  path: filePath({ mustExist: "any" }),
  ...policyInputs,
  "grype-version": string({ pattern: /^v?\d+\.\d+\.\d+$/, patternHint: "an exact grype version such as 0.96.0 (empty: grype on PATH, else 0.96.0)" }),
  "download-base-url": string({ pattern: /^https?:\/\/[^\s/]+(\/\S*)?$/, patternHint: "an http(s) URL of a mirror laid out as <url>/grype/<version>/<file>" }),
  "db-cache-dir": filePath()
};

export {
  readInputs,
  scanInputs
};
