import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// conveyor-builtin:fs
var require_fs = __commonJS({
  "conveyor-builtin:fs"(exports, module) {
    module.exports = __require("node:fs");
  }
});

// conveyor-builtin:path
var require_path = __commonJS({
  "conveyor-builtin:path"(exports, module) {
    module.exports = __require("node:path");
  }
});

// conveyor-builtin:os
var require_os = __commonJS({
  "conveyor-builtin:os"(exports, module) {
    module.exports = __require("node:os");
  }
});

// conveyor-builtin:crypto
var require_crypto = __commonJS({
  "conveyor-builtin:crypto"(exports, module) {
    var real;
    var load = () => real ??= __require("node:crypto");
    for (const key of ["argon2", "argon2Sync", "checkPrime", "checkPrimeSync", "createCipheriv", "createDecipheriv", "createDiffieHellman", "createDiffieHellmanGroup", "createECDH", "createHash", "createHmac", "createPrivateKey", "createPublicKey", "createSecretKey", "createSign", "createVerify", "diffieHellman", "generatePrime", "generatePrimeSync", "getCiphers", "getCipherInfo", "getCurves", "getDiffieHellman", "getHashes", "hkdf", "hkdfSync", "pbkdf2", "pbkdf2Sync", "generateKeyPair", "generateKeyPairSync", "generateKey", "generateKeySync", "privateDecrypt", "privateEncrypt", "publicDecrypt", "publicEncrypt", "randomBytes", "randomFill", "randomFillSync", "randomInt", "randomUUID", "randomUUIDv7", "scrypt", "scryptSync", "sign", "setEngine", "timingSafeEqual", "getFips", "setFips", "verify", "hash", "encapsulate", "decapsulate", "Certificate", "Cipheriv", "Decipheriv", "DiffieHellman", "DiffieHellmanGroup", "ECDH", "Hash", "Hmac", "KeyObject", "Sign", "Verify", "X509Certificate", "secureHeapUsed", "constants", "webcrypto", "subtle", "getRandomValues"]) Object.defineProperty(module.exports, key, { enumerable: true, get: () => load()[key], set: (value) => {
      load()[key] = value;
    } });
  }
});

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
function describeError(error2) {
  const parts2 = [];
  const seen = /* @__PURE__ */ new Set();
  let current = error2;
  while (current !== void 0 && current !== null && !seen.has(current) && parts2.length < 10) {
    seen.add(current);
    const message = current instanceof Error ? current.message : String(current);
    if (!parts2.some((p) => p.includes(message))) parts2.push(message);
    current = current instanceof Error ? current.cause : void 0;
  }
  return parts2.map((p, i) => i === 0 ? p : `  caused by: ${p}`).join("\n");
}
function lastLines(text2, count) {
  const lines2 = text2.trimEnd().split(/\r?\n/);
  return lines2.slice(-count).join("\n");
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
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve2) {
      resolve2(value);
    });
  }
  return new (P || (P = Promise))(function(resolve2, reject) {
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
      result.done ? resolve2(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
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
  const lines2 = value.split(/\r?\n/);
  if (lines2.length > 1) {
    for (const line of lines2) {
      if (line.trim() !== "") setSecret(line);
      if (line.trim() !== line && line.trim() !== "") setSecret(line.trim());
    }
  }
  const shortest = Math.min(...lines2.map((l) => l.trim().length).filter((n) => n > 0));
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

// packages/oci/src/digest.ts
var import_node_crypto = __toESM(require_crypto());
var ALGORITHM = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*$/;
var HEX_LENGTH = { sha256: 64, sha512: 128 };
function describeDigestProblem(digest) {
  const colon = digest.indexOf(":");
  const algorithm = colon === -1 ? "" : digest.slice(0, colon);
  const encoded = digest.slice(colon + 1);
  if (!ALGORITHM.test(algorithm)) return "a digest is an algorithm and its hex value, e.g. sha256:<64 hex digits>";
  const length = HEX_LENGTH[algorithm];
  if (length !== void 0) {
    return new RegExp(`^[a-f0-9]{${length}}$`).test(encoded) ? void 0 : `a ${algorithm} digest has ${length} lower-case hex digits after '${algorithm}:'`;
  }
  return /^[a-fA-F0-9]{32,}$/.test(encoded) ? void 0 : `a digest has at least 32 hex digits after '${algorithm}:'`;
}
function sha256Digest(bytes) {
  return `sha256:${(0, import_node_crypto.createHash)("sha256").update(bytes).digest("hex")}`;
}

// packages/oci/src/reference.ts
var DOCKER_HUB = "docker.io";
var DOCKER_HUB_ENDPOINT = "registry-1.docker.io";
var InvalidReferenceError = class extends ConveyorError {
};
var HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[a-fA-F0-9:.]+\])(?::[0-9]{1,5})?$/;
var PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
var REPOSITORY = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
var TAG_PATTERN = /^\w[\w.-]{0,127}$/;
var NAME_MAX = 255;
function canonicalRegistry(host) {
  return host === "index.docker.io" || host === DOCKER_HUB_ENDPOINT ? DOCKER_HUB : host;
}
function registryEndpoint(registry) {
  return canonicalRegistry(registry) === DOCKER_HUB ? DOCKER_HUB_ENDPOINT : registry;
}
function parts(reference) {
  let rest = reference.trim();
  let digest;
  const at = rest.indexOf("@");
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const slash = rest.indexOf("/");
  const first = slash === -1 ? "" : rest.slice(0, slash);
  const host = first.includes(".") || first.includes(":") || first === "localhost" ? first : "";
  return { host, path: host ? rest.slice(slash + 1) : rest, tag, digest };
}
function toReference(p) {
  const registry = p.host ? canonicalRegistry(p.host) : DOCKER_HUB;
  const repository = registry === DOCKER_HUB && p.path !== "" && !p.path.includes("/") ? `library/${p.path}` : p.path;
  return { registry, repository, ...p.tag ? { tag: p.tag } : {}, ...p.digest ? { digest: p.digest } : {} };
}
function splitReference(reference) {
  return toReference(parts(reference));
}
function parseReference(reference) {
  const bad = (what) => new InvalidReferenceError(`The image reference ${JSON.stringify(reference)} ${what}.`);
  if (reference.trim() === "") throw new InvalidReferenceError("An image reference is empty; give one such as ghcr.io/owner/app:1.0.0.");
  const p = parts(reference);
  if (p.digest !== void 0) {
    const problem = describeDigestProblem(p.digest);
    if (problem) throw bad(`has an invalid digest ${JSON.stringify(p.digest)}: ${problem}`);
  }
  if (p.tag !== void 0 && !TAG_PATTERN.test(p.tag)) {
    throw bad(`has an invalid tag ${JSON.stringify(p.tag)}: a tag is up to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'`);
  }
  if (p.host && !HOST.test(p.host)) {
    throw bad(`has an invalid registry host ${JSON.stringify(p.host)}: write a host name or IP address with an optional :port, e.g. ghcr.io or 127.0.0.1:5000`);
  }
  const ref = toReference(p);
  if (ref.repository === "") throw bad(`has no repository name after the registry ${JSON.stringify(p.host)}`);
  if (!REPOSITORY.test(ref.repository)) {
    throw bad(`has an invalid repository name ${JSON.stringify(ref.repository)}: use lower-case letters, digits and separators (. _ - /), each path segment starting and ending with a letter or digit`);
  }
  if (referenceName(ref).length > NAME_MAX) throw bad(`is too long: the name before the tag may have at most ${NAME_MAX} characters`);
  return ref;
}
function referenceName(ref) {
  return `${ref.registry}/${ref.repository}`;
}
function isLoopbackRegistry(registry) {
  return /^(?:localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(?::\d+)?$/.test(registry);
}
function isInsecureRegistry(registry, insecure = []) {
  return isLoopbackRegistry(registry) || insecure.includes(registry) || insecure.includes(registry.replace(/:\d+$/, ""));
}

// packages/image/src/builders/buildah.ts
var fs3 = __toESM(require_fs(), 1);
var path3 = __toESM(require_path(), 1);

// packages/image/src/builders/types.ts
function annotationLevel(annotation) {
  const m = /^(manifest|index|manifest-descriptor|index-descriptor)(?:\[[^\]]*])?:(.*)$/s.exec(annotation);
  return m ? { level: m[1], value: m[2] } : { level: "manifest", value: annotation };
}

// packages/image/src/builders/buildah.ts
function localName(plan, suffix) {
  const id = path3.basename(plan.workDir).replace(/[^a-z0-9]/gi, "").toLowerCase() || "build";
  return `localhost/conveyor-${id}${suffix ? `-${suffix}` : ""}`;
}
var tls = (plan, registry) => plan.insecure(registry) ? ["--tls-verify=false"] : [];
function buildArgs(plan, platform, index, name) {
  const args = ["build", "--format", "oci"];
  if (platform) args.push("--platform", platform);
  if (plan.file) args.push("--file", plan.file);
  if (plan.target) args.push("--target", plan.target);
  if (plan.noCache) args.push("--no-cache");
  for (const a of plan.buildArgs) args.push("--build-arg", a);
  for (const s of plan.secrets) args.push("--secret", `id=${s.id},src=${s.src}`);
  for (const l of plan.labels) args.push("--label", l);
  for (const a of plan.annotations) {
    const { level, value } = annotationLevel(a);
    if (level === "manifest") args.push("--annotation", value);
  }
  args.push("--iidfile", path3.join(plan.workDir, `iid-${index}`), "--tag", name, plan.context);
  return args;
}
var buildah = {
  name: "buildah",
  async available(exec) {
    try {
      await exec("buildah", ["--version"], { quiet: true });
      return true;
    } catch {
      return false;
    }
  },
  steps(plan) {
    for (const a of plan.annotations) {
      const { level } = annotationLevel(a);
      if (level === "index" || level === "index-descriptor") {
        throw new Error(`The annotation ${JSON.stringify(a)} is for the ${level} level, which buildah cannot write; use builder: buildx, or the manifest level (DOCKER_METADATA_ANNOTATIONS_LEVELS=manifest).`);
      }
    }
    if (plan.cacheFrom.length > 0 || plan.cacheTo.length > 0) {
      throw new Error("Inputs 'cache-from' and 'cache-to' need builder: buildx; buildah keeps its layer cache in its own storage.");
    }
    const g = [...plan.buildahOptions];
    const steps = [];
    const platforms = plan.platforms.length > 0 ? plan.platforms : [void 0];
    const multi = plan.platforms.length > 1;
    const images = platforms.map((p, i) => localName(plan, multi ? String(i) : ""));
    platforms.forEach((p, i) => steps.push({ command: "buildah", args: [...g, ...buildArgs(plan, p, i, images[i])] }));
    if (multi) {
      const list2 = localName(plan, "list");
      steps.push({ command: "buildah", args: [...g, "manifest", "create", list2] });
      for (const image of images) steps.push({ command: "buildah", args: [...g, "manifest", "add", list2, image] });
      const descriptor = plan.annotations.map(annotationLevel).filter((a) => a.level === "manifest-descriptor").flatMap((a) => ["--annotation", a.value]);
      if (descriptor.length > 0) {
        for (const image of images) steps.push({ command: "buildah", args: [...g, "manifest", "annotate", ...descriptor, list2, image] });
      }
      if (plan.push) {
        plan.tags.forEach((tag, i) => steps.push({ command: "buildah", args: [...g, "manifest", "push", "--all", ...tls(plan, parseReference(tag).registry), "--digestfile", path3.join(plan.workDir, `digest-${i}`), list2, `docker://${tag}`] }));
      }
    } else if (plan.push) {
      plan.tags.forEach((tag, i) => steps.push({ command: "buildah", args: [...g, "push", ...tls(plan, parseReference(tag).registry), "--digestfile", path3.join(plan.workDir, `digest-${i}`), images[0], `docker://${tag}`] }));
    }
    return steps;
  },
  async run(plan, exec) {
    try {
      for (const step of this.steps(plan)) await exec(step.command, step.args, { stream: true });
    } finally {
      const multi = plan.platforms.length > 1;
      if (multi) await exec("buildah", [...plan.buildahOptions, "manifest", "rm", localName(plan, "list")], { okCodes: [0, 1, 125], quiet: true }).catch(() => void 0);
      const names = multi ? plan.platforms.map((_, i) => localName(plan, String(i))) : [localName(plan, "")];
      await exec("buildah", [...plan.buildahOptions, "rmi", ...names], { okCodes: [0, 1, 125], quiet: true }).catch(() => void 0);
    }
    const read = (name) => fs3.readFileSync(path3.join(plan.workDir, name), "utf8").trim();
    const imageId = read("iid-0");
    if (!plan.push) return { digest: imageId.startsWith("sha256:") ? imageId : `sha256:${imageId}`, imageId, pushed: [] };
    const digests = plan.tags.map((_, i) => read(`digest-${i}`));
    const distinct = [...new Set(digests)];
    if (distinct.length !== 1) {
      throw new Error(`buildah pushed different digests for the tags: ${plan.tags.map((t, i) => `${t} → ${digests[i]}`).join(", ")}. Re-run the build; if it persists, report it with the build log.`);
    }
    return { digest: distinct[0], imageId, pushed: [...plan.tags] };
  },
  async login(registry, username, password, plan, exec) {
    await exec("buildah", [...plan.buildahOptions, "login", ...tls(plan, registry), "--username", username, "--password-stdin", registry], { input: password });
  }
};

// packages/image/src/builders/buildx.ts
var fs4 = __toESM(require_fs(), 1);
var path4 = __toESM(require_path(), 1);
var buildx = {
  name: "buildx",
  async available(exec) {
    try {
      await exec("docker", ["buildx", "version"], { quiet: true });
      return true;
    } catch {
      return false;
    }
  },
  steps(plan) {
    const args = ["buildx", "build"];
    if (plan.platforms.length > 0) args.push("--platform", plan.platforms.join(","));
    if (plan.file) args.push("--file", plan.file);
    if (plan.target) args.push("--target", plan.target);
    if (plan.noCache) args.push("--no-cache");
    for (const a of plan.buildArgs) args.push("--build-arg", a);
    for (const s of plan.secrets) args.push("--secret", `id=${s.id},src=${s.src}`);
    for (const c of plan.cacheFrom) args.push("--cache-from", c);
    for (const c of plan.cacheTo) args.push("--cache-to", c);
    for (const l of plan.labels) args.push("--label", l);
    for (const a of plan.annotations) args.push("--annotation", a);
    for (const t of plan.tags) args.push("--tag", t);
    if (plan.provenance) args.push("--provenance", plan.provenance);
    if (plan.sbom) args.push("--sbom", plan.sbom);
    args.push("--iidfile", path4.join(plan.workDir, "iid"), "--metadata-file", path4.join(plan.workDir, "metadata.json"));
    if (plan.push) args.push("--push");
    args.push(plan.context);
    return [{ command: "docker", args }];
  },
  async run(plan, exec) {
    for (const step of this.steps(plan)) await exec(step.command, step.args, { stream: true });
    const file = path4.join(plan.workDir, "metadata.json");
    let metadata;
    try {
      metadata = JSON.parse(fs4.readFileSync(file, "utf8"));
    } catch (error2) {
      throw new Error(`docker buildx build finished but its --metadata-file ${file} is missing or not JSON; the digest is unknown.`, { cause: error2 });
    }
    const digest = metadata["containerimage.digest"];
    const imageId = fs4.existsSync(path4.join(plan.workDir, "iid")) ? fs4.readFileSync(path4.join(plan.workDir, "iid"), "utf8").trim() : "";
    if (typeof digest !== "string" || !digest.startsWith("sha256:")) {
      if (!plan.push && imageId) return { digest: imageId, imageId, pushed: [] };
      throw new Error(`docker buildx build's metadata file ${file} has no containerimage.digest; the digest is unknown.`);
    }
    return { digest, imageId, pushed: plan.push ? [...plan.tags] : [] };
  },
  async login(registry, username, password, _plan, exec) {
    await exec("docker", ["login", "--username", username, "--password-stdin", registry], { input: password });
  }
};

// packages/image/src/builders/index.ts
var BUILDERS = { buildah, buildx };
var BUILDER_CHOICES = ["auto", "buildah", "buildx"];
async function pickBuilder(choice, exec) {
  if (choice !== "auto") return BUILDERS[choice];
  if (await buildx.available(exec)) return buildx;
  if (await buildah.available(exec)) return buildah;
  throw new Error("builder: auto found neither `docker buildx` nor `buildah` on PATH; install one in an earlier step (hosted runners have docker buildx; set builder: buildah on rootless runners).");
}

// packages/image/src/inputs.ts
var lines = () => list({ commas: false });
var imageInputs = {
  // metadata-action's inputs, same syntax
  images: lines(),
  tags: lines(),
  flavor: lines(),
  labels: lines(),
  annotations: lines(),
  "sep-tags": text({ default: "\n" }),
  "sep-labels": text({ default: "\n" }),
  "sep-annotations": text({ default: "\n" }),
  // the build
  context: filePath({ mustExist: "directory" }),
  file: filePath({ mustExist: "file" }),
  platforms: list(),
  push: boolean({ default: false }),
  "build-args": lines(),
  secrets: secret(),
  "secret-files": lines(),
  target: string(),
  "no-cache": boolean({ default: false }),
  "cache-from": lines(),
  "cache-to": lines(),
  provenance: string(),
  sbom: string(),
  builder: oneOf(BUILDER_CHOICES, { default: "auto" }),
  "buildah-options": string(),
  // registries
  registry: string(),
  username: string(),
  password: secret(),
  "registry-auth": secret(),
  "insecure-registries": list(),
  verify: boolean({ default: true }),
  "dry-run": boolean({ default: false })
};

export {
  __require,
  __commonJS,
  __toESM,
  ConveyorError,
  InputError,
  ExecError,
  ToolNotFoundError,
  describeError,
  require_fs,
  require_path,
  require_os,
  setOutput,
  setFailed,
  debug,
  warning,
  info,
  group,
  saveState,
  getState,
  maskSecret,
  readInputs,
  describeDigestProblem,
  sha256Digest,
  TAG_PATTERN,
  canonicalRegistry,
  registryEndpoint,
  splitReference,
  parseReference,
  referenceName,
  isLoopbackRegistry,
  isInsecureRegistry,
  pickBuilder,
  imageInputs
};
