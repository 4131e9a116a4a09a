import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  InputError,
  __toESM,
  maskSecret,
  require_fs,
  require_path
} from "./index.chunk-O3EFGC7Y.js";

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
function integer(options = {}) {
  const { min, max } = options;
  const range = min !== void 0 && max !== void 0 ? ` from ${min} to ${max}` : min !== void 0 ? ` of at least ${min}` : max !== void 0 ? ` of at most ${max}` : "";
  const accepted = `a whole number${range}`;
  return spec("integer", accepted, options, (raw, name) => {
    const value = raw.trim();
    if (!/^[+-]?\d+$/.test(value)) return fail(`Input '${name}' is ${show(value)}; accepted: ${accepted}.`);
    const n = Number(value);
    if (!Number.isSafeInteger(n) || min !== void 0 && n < min || max !== void 0 && n > max) {
      return fail(`Input '${name}' is ${value}; accepted: ${accepted}.`);
    }
    return n;
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
    } catch (error) {
      if (error instanceof Problem) problems.push(error.message);
      else throw error;
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return values;
}

// packages/release/src/inputs.ts
var releaseInputs = {
  "github-token": secret(),
  "app-id": string(),
  "app-private-key": secret(),
  "app-installation-id": integer({ min: 1 }),
  "tag-format": string({ default: "v${version}" }),
  "release-branches": list({ default: ["main", "master"] }),
  "prerelease-branches": list({ default: ["next", "beta", "alpha"] }),
  prerelease: string({ pattern: /^[0-9A-Za-z-]*$/, patternHint: "a prerelease identifier such as rc or beta (letters, digits, dashes)" }),
  branch: string(),
  "zero-major": boolean({ default: false }),
  "release-rules": list({ commas: false }),
  path: list(),
  "changelog-file": filePath(),
  "floating-tags": boolean({ default: false }),
  "dry-run": boolean({ default: false }),
  "fetch-history": boolean({ default: true }),
  "working-directory": filePath({ mustExist: "directory" }),
  repository: string({ pattern: /^[\w.-]+\/[\w.-]+$/, patternHint: "owner/name" })
};

export {
  secret,
  readInputs,
  releaseInputs
};
