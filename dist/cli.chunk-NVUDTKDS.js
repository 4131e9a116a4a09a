import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  ConveyorError
} from "./cli.chunk-YFFPNGMU.js";
import {
  require_crypto
} from "./cli.chunk-LC5523U3.js";
import {
  __toESM
} from "./cli.chunk-ZH76KQBC.js";

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
function isInsecureRegistry(registry, insecure = []) {
  return isLoopbackRegistry(registry) || insecure.includes(registry) || insecure.includes(registry.replace(/:\d+$/, ""));
}

// packages/oci/src/http.ts
function clientFor(protocol) {
  if (protocol === "http:") return process.getBuiltinModule("node:http");
  if (protocol === "https:") return process.getBuiltinModule("node:https");
  return void 0;
}
var TIMEOUT_MS = 6e4;
var MAX_REDIRECTS = 5;
function once(url, method, headers, signal) {
  const client = clientFor(url.protocol);
  if (!client) return Promise.reject(new TypeError(`Only http and https addresses can be read, not ${url.protocol} (${url.origin}).`));
  if (signal?.aborted) return Promise.reject(new Error(`The request to ${url.origin} was cancelled.`));
  return new Promise((resolve, reject) => {
    const req = client.request(url, { method, headers, timeout: TIMEOUT_MS }, (res) => {
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("error", fail);
      res.on("end", () => {
        signal?.removeEventListener("abort", cancel);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
      });
    });
    function fail(error) {
      signal?.removeEventListener("abort", cancel);
      reject(error);
    }
    function cancel() {
      req.destroy(new Error(`The request to ${url.origin} was cancelled.`));
    }
    signal?.addEventListener("abort", cancel, { once: true });
    req.on("timeout", () => req.destroy(new Error(`${url.origin} did not answer within ${TIMEOUT_MS / 1e3} s.`)));
    req.on("error", fail);
    req.end();
  });
}
var httpFetch = async (address, init = {}) => {
  let url = new URL(address);
  let method = (init.method ?? "GET").toUpperCase();
  let headers = { ...init.headers };
  for (let hop = 0; ; hop++) {
    const answer = await once(url, method, headers, init.signal);
    const location = answer.headers.location;
    if (answer.status >= 300 && answer.status < 400 && answer.status !== 304 && location && hop < MAX_REDIRECTS) {
      const next = new URL(location, url);
      if (next.origin !== url.origin) headers = Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== "authorization"));
      if (answer.status === 303 && method !== "HEAD") method = "GET";
      url = next;
      continue;
    }
    const { status, body } = answer;
    return {
      ok: status >= 200 && status < 300,
      status,
      headers: {
        get(name) {
          const value = answer.headers[name.toLowerCase()];
          return value === void 0 ? null : Array.isArray(value) ? value.join(", ") : value;
        }
      },
      json: async () => JSON.parse(body.toString("utf8")),
      text: async () => body.toString("utf8"),
      arrayBuffer: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength)
    };
  }
};

// packages/oci/src/auth.ts
var RegistryError = class extends ConveyorError {
  /** The HTTP status that caused it; 0 when there was no answer. */
  status;
  constructor(message, status = 0, options) {
    super(message, options);
    this.status = status;
  }
};
function parseChallenge(header) {
  const text = header.trim();
  const space = text.indexOf(" ");
  const scheme = (space === -1 ? text : text.slice(0, space)).toLowerCase();
  const params = {};
  const re = /([a-zA-Z_]+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
  for (const m of (space === -1 ? "" : text.slice(space + 1)).matchAll(re)) {
    params[m[1].toLowerCase()] = m[2] !== void 0 ? m[2].replace(/\\(.)/g, "$1") : m[3] ?? "";
  }
  return { scheme, params };
}
function basicAuthorization(credentials) {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`;
}
var TokenCache = class {
  tokens = /* @__PURE__ */ new Map();
  fetch;
  constructor(fetch) {
    this.fetch = fetch;
  }
  /**
   * The `Authorization` header that answers a 401, or undefined when there is none to try: no challenge,
   * an unknown scheme, Basic without credentials, or the same header the registry has just refused.
   * A cached token that was refused is dropped and a fresh one asked for once.
   */
  async answer(c) {
    if (!c.challenge) return void 0;
    const { scheme, params } = parseChallenge(c.challenge);
    if (scheme === "basic") {
      const basic = c.credentials ? basicAuthorization(c.credentials) : void 0;
      return basic === c.sent ? void 0 : basic;
    }
    if (scheme !== "bearer") return void 0;
    if (!params.realm) throw new RegistryError(`The registry ${c.registry} asked for a token for ${c.what} but named no realm to get it from.`, 401);
    let url;
    try {
      url = new URL(params.realm);
    } catch (error) {
      throw new RegistryError(`The registry ${c.registry} named a token realm that is not an address (${JSON.stringify(params.realm)}) for ${c.what}.`, 401, { cause: error });
    }
    if (params.service) url.searchParams.set("service", params.service);
    if (params.scope) url.searchParams.set("scope", params.scope);
    const cached = this.tokens.get(url.href);
    if (cached !== void 0 && `Bearer ${cached}` !== c.sent) return `Bearer ${cached}`;
    const bearer = `Bearer ${await this.fetchToken(url, c)}`;
    return bearer === c.sent ? void 0 : bearer;
  }
  async fetchToken(url, c) {
    if (c.credentials && url.protocol !== "https:" && !isLoopbackRegistry(url.host)) {
      throw new RegistryError(`The registry ${c.registry} sends ${c.what} to the token service ${url.origin}${url.pathname} without TLS; the credentials are not sent there in clear text. Use the registry's https address, or leave the credentials out for anonymous access.`, 401);
    }
    const headers = { accept: "application/json" };
    if (c.credentials) headers.authorization = basicAuthorization(c.credentials);
    const service = `${url.origin}${url.pathname}`;
    let res;
    try {
      res = await this.fetch(url, { headers, ...c.signal ? { signal: c.signal } : {} });
    } catch (error) {
      throw new RegistryError(`Could not reach the token service ${service} of ${c.registry} for ${c.what}: ${error.message}`, 0, { cause: error });
    }
    if (!res.ok) {
      const advice = c.credentials ? `check the credentials for ${c.registry}` : `${c.registry} may need credentials for it`;
      throw new RegistryError(`The token service of ${c.registry} (${service}) refused ${c.what} (HTTP ${res.status}); ${advice}.`, res.status);
    }
    let body;
    try {
      body = await res.json();
    } catch (error) {
      throw new RegistryError(`The token service of ${c.registry} (${service}) answered ${c.what} with something that is not JSON.`, res.status, { cause: error });
    }
    const token = typeof body?.token === "string" && body.token ? body.token : typeof body?.access_token === "string" ? body.access_token : "";
    if (!token) throw new RegistryError(`The token service of ${c.registry} (${service}) answered without a token for ${c.what}.`, res.status);
    this.tokens.set(url.href, token);
    return token;
  }
};

// packages/oci/src/registry.ts
var MANIFEST_TYPES = [
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json",
  "application/vnd.docker.distribution.manifest.v2+json"
];
var RegistryClient = class {
  options;
  fetch;
  tokens;
  /** The `Authorization` that last worked, per registry and repository. */
  authorizations = /* @__PURE__ */ new Map();
  constructor(options = {}) {
    this.options = options;
    this.fetch = options.fetch ?? httpFetch;
    this.tokens = new TokenCache(this.fetch);
  }
  credentialsFor(registry) {
    const c = this.options.credentials;
    return typeof c === "function" ? c(registry) : c;
  }
  base(registry) {
    const plain = this.options.plainHttp;
    const http = typeof plain === "function" ? plain(registry) : plain ?? isLoopbackRegistry(registry);
    return `${http ? "http" : "https"}://${registryEndpoint(registry)}`;
  }
  /** Sends a request, answering up to two 401 challenges; the last answer is returned as it is. */
  async request(call) {
    const { ref, what, signal } = call;
    const key = referenceName(ref);
    const url = `${this.base(ref.registry)}${call.path}`;
    let authorization = this.authorizations.get(key);
    for (let attempt = 0; ; attempt++) {
      const headers = {};
      if (call.accept) headers.accept = call.accept;
      if (authorization) headers.authorization = authorization;
      let res;
      try {
        res = await this.fetch(url, { method: call.method, headers, ...signal ? { signal } : {} });
      } catch (error) {
        throw new RegistryError(`Could not reach the registry ${ref.registry} (${new URL(url).origin}) for ${what}: ${error.message}. Check the image name and the network.`, 0, { cause: error });
      }
      if (res.status !== 401 || attempt === 2) return res;
      const credentials = this.credentialsFor(ref.registry);
      const next = await this.tokens.answer({
        registry: ref.registry,
        what,
        challenge: res.headers.get("www-authenticate"),
        sent: authorization,
        credentials,
        ...signal ? { signal } : {}
      });
      if (!next) return res;
      authorization = next;
      this.authorizations.set(key, next);
    }
  }
  /** A RegistryError for an answer that is not ok, saying what to do. */
  async refusal(res, ref, what) {
    const hint = this.options.credentialsHint ? ` (${this.options.credentialsHint})` : "";
    let advice = "";
    if (res.status === 401) {
      advice = this.credentialsFor(ref.registry) ? ` The credentials were refused; check the credentials for ${ref.registry}${hint}.` : ` It needs credentials for ${ref.registry}${hint}.`;
    } else if (res.status === 403) {
      advice = ` The credentials for ${ref.registry} do not allow it; check their permissions${hint}.`;
    } else if (res.status === 404) {
      advice = " It is not in the registry; check the image name.";
    }
    const detail = registryErrors(await res.text().catch(() => ""));
    return new RegistryError(`The registry ${ref.registry} answered HTTP ${res.status} for ${what}.${advice}${detail ? ` It said: ${detail}` : ""}`, res.status);
  }
  /**
   * The digest of the manifest at `reference` (a tag or a digest), from `Docker-Content-Digest`, or the
   * sha256 of the manifest when a registry leaves that header out; undefined when the registry does not
   * have it (404). Other failures throw a `RegistryError` naming the image. `signal` cancels the requests.
   */
  async manifestDigest(image, reference, options = {}) {
    const ref = imageOf(image);
    const what = shown(ref, reference);
    const res = await this.request({ ref, method: "HEAD", path: manifestPath(ref, reference), what, accept: MANIFEST_TYPES.join(", "), ...options.signal ? { signal: options.signal } : {} });
    if (res.status === 404) return void 0;
    if (!res.ok) throw await this.refusal(res, ref, what);
    return res.headers.get("docker-content-digest") ?? (await this.manifest(ref, reference, options)).digest;
  }
  /** The manifest at `reference` (a tag or a digest), with its digest and media type. */
  async manifest(image, reference, options = {}) {
    const ref = imageOf(image);
    const what = `the manifest ${shown(ref, reference)}`;
    const res = await this.request({ ref, method: "GET", path: manifestPath(ref, reference), what, accept: MANIFEST_TYPES.join(", "), ...options.signal ? { signal: options.signal } : {} });
    if (!res.ok) throw await this.refusal(res, ref, what);
    const raw = new Uint8Array(await res.arrayBuffer());
    const digest = checkContent(raw, reference, ref, what) ?? res.headers.get("docker-content-digest") ?? sha256Digest(raw);
    let manifest;
    try {
      manifest = JSON.parse(Buffer.from(raw).toString("utf8"));
    } catch (error) {
      throw new RegistryError(`The registry ${ref.registry} answered ${what} with something that is not JSON.`, res.status, { cause: error });
    }
    const mediaType = manifest.mediaType ?? res.headers.get("content-type")?.split(";")[0]?.trim() ?? "";
    return { digest, mediaType, manifest };
  }
  /** A blob read as JSON, e.g. an image config. */
  async blobJson(image, digest) {
    const ref = imageOf(image);
    const problem = describeDigestProblem(digest);
    if (problem) throw new RegistryError(`The blob digest ${JSON.stringify(digest)} of ${referenceName(ref)} is not valid: ${problem}.`);
    const what = `the blob ${referenceName(ref)}@${digest}`;
    const res = await this.request({ ref, method: "GET", path: `/v2/${ref.repository}/blobs/${digest}`, what });
    if (!res.ok) throw await this.refusal(res, ref, what);
    const raw = new Uint8Array(await res.arrayBuffer());
    checkContent(raw, digest, ref, what);
    try {
      return JSON.parse(Buffer.from(raw).toString("utf8"));
    } catch (error) {
      throw new RegistryError(`${what} is not JSON.`, res.status, { cause: error });
    }
  }
  /** Every tag of the repository, following `Link` paging; `pageSize` asks for pages of that many. */
  async tags(image, options = {}) {
    const ref = imageOf(image);
    const what = `the tags of ${referenceName(ref)}`;
    const tags = [];
    const seen = /* @__PURE__ */ new Set();
    let path = `/v2/${ref.repository}/tags/list${options.pageSize ? `?n=${options.pageSize}` : ""}`;
    while (path && !seen.has(path)) {
      seen.add(path);
      const res = await this.request({ ref, method: "GET", path, what });
      if (!res.ok) throw await this.refusal(res, ref, what);
      let body;
      try {
        body = await res.json();
      } catch (error) {
        throw new RegistryError(`The registry ${ref.registry} answered ${what} with something that is not JSON.`, res.status, { cause: error });
      }
      if (body?.tags != null && !(Array.isArray(body.tags) && body.tags.every((t) => typeof t === "string"))) {
        throw new RegistryError(`The registry ${ref.registry} answered ${what} with a tag list that is not a list of names.`, res.status);
      }
      tags.push(...body?.tags ?? []);
      const next = /<([^>]+)>;\s*rel="?next"?/.exec(res.headers.get("link") ?? "");
      path = next ? next[1].replace(/^https?:\/\/[^/]+/, "") : void 0;
    }
    return tags;
  }
};
function checkContent(raw, reference, ref, what) {
  if (!reference.startsWith("sha256:")) return void 0;
  const actual = sha256Digest(raw);
  if (actual !== reference) {
    throw new RegistryError(`The registry ${ref.registry} answered ${what} with content whose digest is ${actual}, not the digest asked for, so it was not used; check the registry and any proxy in front of it.`);
  }
  return reference;
}
function imageOf(image) {
  return typeof image === "string" ? parseReference(image) : image;
}
function manifestPath(ref, reference) {
  if (!TAG_PATTERN.test(reference) && describeDigestProblem(reference)) {
    throw new RegistryError(`${JSON.stringify(reference)} is neither a tag nor a digest of ${referenceName(ref)}; give a tag such as 1.0.0 or a digest sha256:<64 hex digits>.`);
  }
  return `/v2/${ref.repository}/manifests/${reference}`;
}
function shown(ref, reference) {
  return `${referenceName(ref)}${reference.includes(":") ? "@" : ":"}${reference}`;
}
function registryErrors(text) {
  try {
    const body = JSON.parse(text);
    if (Array.isArray(body.errors) && body.errors.length > 0) return body.errors.map((e) => [e.code, e.message].filter(Boolean).join(": ")).join("; ");
  } catch {
  }
  return text.trim().replace(/\s+/g, " ").slice(0, 300);
}

export {
  isDigest,
  shortDigest,
  withPrefix,
  InvalidReferenceError,
  canonicalRegistry,
  splitReference,
  parseReference,
  formatReference,
  isInsecureRegistry,
  RegistryClient
};
