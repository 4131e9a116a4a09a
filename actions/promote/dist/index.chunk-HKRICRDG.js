import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  ConveyorError,
  InputError,
  __toESM,
  require_crypto,
  require_fs,
  require_path,
  setSecret,
  warning
} from "./index.chunk-LTZUJX7L.js";

// packages/kit/src/inputs.ts
var fs = __toESM(require_fs());
var path = __toESM(require_path());

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
function requireThat(condition, message) {
  if (!condition) throw new InputError([message]);
}

// packages/oci/src/digest.ts
var import_node_crypto = __toESM(require_crypto());
var DIGEST_PATTERN = /^sha256:[a-f0-9]{64}$/;
var ALGORITHM = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*$/;
var HEX_LENGTH = { sha256: 64, sha512: 128 };
function isDigest(value) {
  return DIGEST_PATTERN.test(value);
}
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
function shortDigest(digest) {
  return digest.replace(/^(sha256:)?([a-f0-9]{12}).*$/, "$2");
}
function withPrefix(value) {
  return /^[a-f0-9]{64}$/.test(value) ? `sha256:${value}` : value;
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
function formatReference(name, tag, digest) {
  return `${name}${tag ? `:${tag}` : ""}${digest ? `@${digest}` : ""}`;
}
function isLoopbackRegistry(registry) {
  return /^(?:localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(?::\d+)?$/.test(registry);
}

// packages/promote/src/inputs.ts
var DEFAULT_ENVIRONMENTS_FILE = ".github/conveyor/environments.yml";
var promoteInputs = {
  environment: string({ required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9._-]*$/, patternHint: "an environment name from the environments file" }),
  image: string({ required: true, pattern: /^[a-z0-9][a-z0-9._:/-]*$/, patternHint: "an image name without tag or digest, e.g. ghcr.io/acme/web" }),
  digest: string({ pattern: /^(sha256:[a-f0-9]{64}|[A-Za-z0-9_][A-Za-z0-9._-]{0,127})$/, patternHint: "sha256:<64 hex digits>, or a tag to resolve through the registry" }),
  version: string({ pattern: /^[A-Za-z0-9_][A-Za-z0-9._+-]{0,127}$/, patternHint: "a version or tag, e.g. 1.4.0" }),
  "verdict-file": filePath({ mustExist: "file" }),
  "dry-run": boolean({ default: false }),
  rollback: boolean({ default: false }),
  "environments-file": filePath(),
  "github-token": secret(),
  "gitops-token": secret(),
  "registry-username": string(),
  "registry-password": secret()
};
function checkPromoteInputs(inputs) {
  requireThat(!(inputs.rollback && inputs.digest), "Inputs 'rollback' and 'digest' exclude each other: a rollback puts back the digest the environment ran before. Remove one.");
  requireThat(inputs.rollback || inputs.digest !== "" || inputs.version !== "", "Input 'digest' is required (a sha256 digest, or a tag to resolve); or give 'version' to resolve it as a tag, or set 'rollback: true'.");
  requireThat(!inputs["digest"].includes("@") && !inputs.image.includes("@"), "Input 'image' is the name only; pass the digest in 'digest'.");
  let tag;
  try {
    tag = parseReference(inputs.image).tag;
  } catch (error) {
    if (!(error instanceof InvalidReferenceError)) throw error;
    requireThat(false, `Input 'image': ${error.message} Give the image name without tag or digest, e.g. ghcr.io/acme/web.`);
  }
  requireThat(tag === void 0, `Input 'image' is the name only (${inputs.image} ends in the tag '${tag}'); pass the tag in 'version' or 'digest'.`);
}
function environmentsFilePath(inputs, workspace) {
  return inputs["environments-file"] ?? `${workspace.replace(/\/$/, "")}/${DEFAULT_ENVIRONMENTS_FILE}`;
}

export {
  maskSecret,
  readInputs,
  isDigest,
  describeDigestProblem,
  shortDigest,
  withPrefix,
  sha256Digest,
  TAG_PATTERN,
  registryEndpoint,
  splitReference,
  parseReference,
  referenceName,
  formatReference,
  isLoopbackRegistry,
  promoteInputs,
  checkPromoteInputs,
  environmentsFilePath
};
