import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  GitError,
  commitIdentity,
  git,
  isRaceRejection,
  listTree,
  readLog,
  readObjects,
  writeCommit
} from "./cli.chunk-E25UBCMF.js";
import {
  parseVerdict
} from "./cli.chunk-OABPFKMG.js";
import {
  require_dist
} from "./cli.chunk-JDPYV75M.js";
import "./cli.chunk-RLAIYNRX.js";
import "./cli.chunk-GY2BGDKV.js";
import {
  InvalidReferenceError,
  RegistryClient,
  formatReference,
  isDigest,
  parseReference,
  shortDigest,
  splitReference,
  withPrefix
} from "./cli.chunk-NVUDTKDS.js";
import {
  readContext
} from "./cli.chunk-ZKYFB5SO.js";
import "./cli.chunk-ID3Q7B6X.js";
import {
  boolean,
  filePath,
  readInputs,
  requireThat,
  secret,
  string
} from "./cli.chunk-64BINYD5.js";
import {
  formatOutput,
  info,
  warning
} from "./cli.chunk-ZY3ABXIW.js";
import "./cli.chunk-NJ27DEOS.js";
import {
  commandHelp,
  flagHelp,
  parseFlags
} from "./cli.chunk-TIGOOADU.js";
import {
  maskSecret
} from "./cli.chunk-UAKJSIV5.js";
import {
  ConveyorError,
  describeError
} from "./cli.chunk-YFFPNGMU.js";
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

// packages/promote/src/generated/promote.ts
var action = {
  name: "promote",
  inputs: {
    "environment": { description: "The environment to promote to, as named in the environments file.", required: true },
    "image": { description: "The image name without tag or digest (e.g. ghcr.io/acme/web); selects the environment's targets for it.", required: true },
    "digest": { description: "The image digest (sha256:…) to promote, or a tag that is resolved to its digest through the registry. Default — the version, resolved as a tag." },
    "version": { description: "The version (tag) written where a target has a tag field, and shown in the commit message." },
    "verdict-file": { description: "The verdict file written by scan-image for this digest; required by environments with require-verdict." },
    "dry-run": { description: "Run every check and report the files that would change (the log shows the unified diff of each), without writing anything.", default: "false" },
    "rollback": { description: "Put back the digest the environment ran before, from its git history (instead of digest).", default: "false" },
    "environments-file": { description: "The environments file (JSON schema in packages/promote/src/environments.schema.json).", default: ".github/conveyor/environments.yml" },
    "github-token": { description: "Token for this repository's deployments, and for GitOps repositories whose token-input is github-token.", default: "${{ github.token }}" },
    "gitops-token": { description: "Token for GitOps repositories whose token-input is gitops-token (needs contents and pull-requests write there). Default — github-token." },
    "registry-username": { description: "Username for the registry, when reading the manifest needs credentials." },
    "registry-password": { description: "Password or token for the registry." }
  }
};

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

// packages/promote/src/action.ts
var fs3 = __toESM(require_fs(), 1);
var os = __toESM(require_os(), 1);
var path4 = __toESM(require_path(), 1);

// packages/promote/src/yaml-block.ts
var import_yaml = __toESM(require_dist(), 1);
var KEY = /^([A-Za-z0-9_$][A-Za-z0-9_$./-]*):(?= |$)/;
var PLAIN_START = /^[A-Za-z0-9_$./~=+()^]/;
var MAX_KEY = 1024;
function resolvePlain(source) {
  if (/^(?:~|[Nn]ull|NULL)?$/.test(source)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(source)) return source[0] === "t" || source[0] === "T";
  if (/^0o[0-7]+$/.test(source)) return Number.parseInt(source.slice(2), 8);
  if (/^[-+]?[0-9]+$/.test(source)) return Number.parseInt(source, 10);
  if (/^0x[0-9a-fA-F]+$/.test(source)) return Number.parseInt(source.slice(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(source)) {
    return source.slice(-3).toLowerCase() === "nan" ? Number.NaN : source[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(source) || /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(source)) {
    return Number.parseFloat(source);
  }
  return source;
}
function scalar(value, type, tokenType, offset, source, indent) {
  const node = new import_yaml.Scalar(value);
  node.type = type;
  node.range = [offset, offset + source.length, offset + source.length];
  node.srcToken = { type: tokenType, offset, indent, source };
  return node;
}
function readScalar(line, at, offset, indent) {
  const first = line[at];
  if (first === '"' || first === "'") {
    const close = line.indexOf(first, at + 1);
    if (close === -1) return void 0;
    const body = line.slice(at + 1, close);
    if (first === '"' && body.includes("\\")) return void 0;
    if (!/^(?: *$| +#)/.test(line.slice(close + 1))) return void 0;
    const source2 = line.slice(at, close + 1);
    return first === '"' ? scalar(body, "QUOTE_DOUBLE", "double-quoted-scalar", offset + at, source2, indent) : scalar(body, "QUOTE_SINGLE", "single-quoted-scalar", offset + at, source2, indent);
  }
  if (!PLAIN_START.test(line.slice(at, at + 1))) return void 0;
  const comment = line.indexOf(" #", at);
  const source = (comment === -1 ? line.slice(at) : line.slice(at, comment)).replace(/ +$/, "");
  if (source.includes(": ") || source.endsWith(":")) return void 0;
  return scalar(resolvePlain(source), "PLAIN", "scalar", offset + at, source, indent);
}
var isPending = (level) => level?.kind === "map" ? level.pending !== void 0 : level?.pending === true;
function fill(level, node) {
  if (level.kind === "map") {
    level.pending.value = node;
    delete level.pending;
  } else {
    level.node.items[level.node.items.length - 1] = node;
    level.pending = false;
  }
}
function addPair(level, key, value) {
  const name = key.value;
  if (typeof name !== "string" || name.length > MAX_KEY || level.keys.has(name)) return false;
  level.keys.add(name);
  const pair = new import_yaml.Pair(key, value ?? null);
  level.node.items.push(pair);
  if (!value) level.pending = pair;
  return true;
}
function readBlockYaml(text) {
  if (text.includes("	") || text.includes("\r") || text.charCodeAt(0) === 65279) return void 0;
  const levels = [];
  let root;
  let offset = 0;
  while (offset < text.length) {
    let end = text.indexOf("\n", offset);
    if (end === -1) end = text.length;
    const line = text.slice(offset, end);
    const start = offset;
    offset = end + 1;
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    if (indent === line.length || line[indent] === "#") continue;
    if (line.startsWith("---") || line.startsWith("...") || line[0] === "%") return void 0;
    while (levels.length > 0 && levels[levels.length - 1].indent > indent) {
      if (isPending(levels.pop())) return void 0;
    }
    const item = line[indent] === "-" && (indent + 1 === line.length || line[indent + 1] === " ");
    let top = levels[levels.length - 1];
    if (!item && top?.kind === "seq" && top.indent === indent) {
      if (isPending(levels.pop())) return void 0;
      top = levels[levels.length - 1];
    }
    let level;
    if (top && top.indent === indent && top.kind === "seq" === item) {
      if (isPending(top)) return void 0;
      level = top;
    } else if (top ? isPending(top) && (top.indent < indent || item && top.kind === "map") : indent === 0 && root === void 0) {
      const node = item ? new import_yaml.YAMLSeq() : new import_yaml.YAMLMap();
      level = item ? { kind: "seq", indent, node } : { kind: "map", indent, node, keys: /* @__PURE__ */ new Set() };
      if (top) fill(top, node);
      else root = node;
      levels.push(level);
    } else {
      return void 0;
    }
    if (level.kind === "map") {
      if (!readEntry(level, line, indent, start)) return void 0;
      continue;
    }
    let at = indent + 1;
    while (line.charCodeAt(at) === 32) at++;
    if (at === line.length || line[at] === "#") {
      level.node.items.push(null);
      level.pending = true;
      continue;
    }
    if (KEY.test(line.slice(at))) {
      const map = { kind: "map", indent: at, node: new import_yaml.YAMLMap(), keys: /* @__PURE__ */ new Set() };
      level.node.items.push(map.node);
      levels.push(map);
      if (!readEntry(map, line, at, start)) return void 0;
      continue;
    }
    const value = readScalar(line, at, start, at);
    if (!value) return void 0;
    level.node.items.push(value);
  }
  while (levels.length > 0) if (isPending(levels.pop())) return void 0;
  if (root === void 0) return void 0;
  const doc = new import_yaml.Document();
  doc.contents = root;
  return doc;
}
function readEntry(level, line, at, start) {
  const match = KEY.exec(line.slice(at));
  if (!match) return false;
  const name = match[1];
  const key = scalar(resolvePlain(name), "PLAIN", "scalar", start + at, name, level.indent);
  let v = at + match[0].length;
  while (line.charCodeAt(v) === 32) v++;
  if (v === line.length || line[v] === "#") return addPair(level, key, void 0);
  const value = readScalar(line, v, start, level.indent);
  return value !== void 0 && addPair(level, key, value);
}

// packages/promote/src/yaml-edit.ts
var import_yaml2 = __toESM(require_dist(), 1);
var YamlEditError = class extends ConveyorError {
};
function lineOf(text, offset) {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}
function parseYamlFile(file, text) {
  const block = readBlockYaml(text);
  if (block) return { file, text, docs: [block] };
  const docs = Array.from(new import_yaml2.Composer({ keepSourceTokens: true }).compose(new import_yaml2.Parser().parse(text)));
  if (docs.every((doc) => doc.errors.length === 0)) return { file, text, docs };
  return parseChecked(file, text);
}
function parseChecked(file, text) {
  const docs = (0, import_yaml2.parseAllDocuments)(text);
  if (!Array.isArray(docs)) throw new YamlEditError(`${file} is not YAML that can be read; fix the file and run again.`);
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) {
      throw new YamlEditError(`${file} line ${lineOf(text, error.pos[0])}: ${error.message.split("\n")[0]}; fix the YAML and run again.`);
    }
  }
  return { file, text, docs };
}
function showPath(path5) {
  return path5.map((p, i) => typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`).join("") || "(root)";
}
function parsePath(dotted) {
  const out = [];
  for (const part of dotted.split(".")) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) throw new YamlEditError(`The value path '${dotted}' is not valid; write keys separated by dots, with [n] for list items (image.tag, images[0].digest).`);
    if (m[1]) out.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}
function nodeAt(doc, path5) {
  let node = doc.contents;
  for (const step of path5) {
    if ((0, import_yaml2.isMap)(node)) node = node.items.find((p) => ((0, import_yaml2.isScalar)(p.key) ? p.key.value : p.key) === step)?.value;
    else if ((0, import_yaml2.isSeq)(node) && typeof step === "number") node = node.items[step];
    else return void 0;
    if (node === void 0 || node === null) return void 0;
  }
  return node;
}
function stringAt(doc, path5) {
  let node = nodeAt(doc, path5);
  if ((0, import_yaml2.isAlias)(node)) node = node.resolve(doc);
  if (!(0, import_yaml2.isScalar)(node) || node.value === null || node.value === void 0) return void 0;
  return String(node.value);
}
var plainAnswers = /* @__PURE__ */ new Map();
function plainReadsBack(value) {
  let answer = plainAnswers.get(value);
  if (answer === void 0) {
    answer = plainReadsBackUncached(value);
    if (plainAnswers.size >= 256) plainAnswers.clear();
    plainAnswers.set(value, answer);
  }
  return answer;
}
function plainReadsBackUncached(value) {
  if (value === "" || /^\s|\s$|[\n\r]/.test(value)) return false;
  try {
    const doc = (0, import_yaml2.parseDocument)(`k: ${value}
`);
    if (doc.errors.length > 0) return false;
    return doc.get("k") === value && !value.includes(" #");
  } catch {
    return false;
  }
}
function renderScalar(value, style) {
  if (style === "QUOTE_SINGLE") return `'${value.replace(/'/g, "''")}'`;
  if (style === "QUOTE_DOUBLE" || !plainReadsBack(value)) return JSON.stringify(value);
  return value;
}
var isMarker = (lexeme) => lexeme === "" || lexeme === "" || lexeme === "";
function scalarReadsAs(source, value) {
  const quote = source[0];
  if (quote !== '"' && quote !== "'") return source === value && plainReadsBack(value);
  let failed = false;
  const type = quote === '"' ? "double-quoted-scalar" : "single-quoted-scalar";
  const read = import_yaml2.CST.resolveAsScalar({ type, offset: 0, indent: 0, source }, true, () => {
    failed = true;
  });
  return !failed && read.value === value;
}
var SAFE_PLAIN = /^[A-Za-z0-9](?:[A-Za-z0-9._/@+-]|:(?=[A-Za-z0-9._/@+-]))*$/;
var SAFE_DOUBLE = /^"[^"\\\n\r]*"$/;
var SAFE_SINGLE = /^'[^'\n\r]*'$/;
var STR_TAG = "tag:yaml.org,2002:str";
function replacedInPlace(s) {
  const token = s.token;
  if (!token || s.value === void 0 || s.tag !== void 0) return false;
  if (token.type === "scalar") return SAFE_PLAIN.test(token.source) && SAFE_PLAIN.test(s.text) && s.text === s.value && plainReadsBack(s.value);
  const kind = token.type === "double-quoted-scalar" ? SAFE_DOUBLE : token.type === "single-quoted-scalar" ? SAFE_SINGLE : void 0;
  return kind !== void 0 && kind.test(token.source) && kind.test(s.text) && scalarReadsAs(s.text, s.value);
}
function sameTokensExcept(yaml, splices, out) {
  if (splices.some((s) => s.value === void 0 || s.tag !== void 0 && s.tag !== STR_TAG)) return false;
  const before = Array.from(new import_yaml2.Lexer().lex(yaml.text));
  const byStart = new Map(splices.map((s) => [s.start, s]));
  let index = 0;
  let offset = 0;
  let replaced = 0;
  for (const lexeme of new import_yaml2.Lexer().lex(out)) {
    const original = before[index];
    if (original === void 0) return false;
    index += 1;
    const marker = isMarker(original);
    const splice = marker ? void 0 : byStart.get(offset);
    if (splice && original.length === splice.end - splice.start) {
      const quote = original[0] === '"' || original[0] === "'" ? original[0] : "";
      if (lexeme !== splice.text || quote !== "" && lexeme[0] !== quote || quote === "" && before[index - 2] !== "") return false;
      if (!scalarReadsAs(lexeme, splice.value)) return false;
      replaced += 1;
    } else if (lexeme !== original) {
      return false;
    }
    if (!marker) offset += original.length;
  }
  return index === before.length && replaced === splices.length;
}
function lastEnd(node) {
  if ((0, import_yaml2.isMap)(node)) {
    const pair = node.items[node.items.length - 1];
    return pair ? lastEnd(pair.value ?? pair.key) : node.range?.[1];
  }
  if ((0, import_yaml2.isSeq)(node)) return node.items.length > 0 ? lastEnd(node.items[node.items.length - 1]) : node.range?.[1];
  return node?.range?.[1];
}
function insertion(yaml, map, key, value, where) {
  if (map.flow) throw new YamlEditError(`${where}: the field '${key}' is missing in a flow mapping ({...}); add '${key}' by hand once, then run again.`);
  const first = map.items[0];
  const last = map.items[map.items.length - 1];
  const keyNode = first?.key;
  if (!first || !last || !keyNode?.range) throw new YamlEditError(`${where}: the mapping is empty; add '${key}' by hand once, then run again.`);
  const text = yaml.text;
  const lineStart = text.lastIndexOf("\n", keyNode.range[0] - 1) + 1;
  const column = keyNode.range[0] - lineStart;
  let end = lastEnd(last.value ?? last.key) ?? keyNode.range[1];
  while (end > 0 && /\s/.test(text[end - 1])) end -= 1;
  const newline = text.indexOf("\n", end);
  const at = newline === -1 ? text.length : newline;
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const start = at > 0 && text[at - 1] === "\r" ? at - 1 : at;
  return { start, end: start, text: `${eol}${" ".repeat(column)}${key}: ${renderScalar(value, "PLAIN")}` };
}
var pathKey = (doc, path5) => JSON.stringify([doc, ...path5]);
function sameExcept(before, after, doc, path5, changed) {
  const wanted = changed.get(pathKey(doc, path5));
  if (wanted !== void 0) return (0, import_yaml2.isScalar)(after) && after.value !== null && String(after.value) === wanted;
  if (before === null || before === void 0 || after === null || after === void 0) return before === after;
  const a = before;
  const b = after;
  if (a.tag !== b.tag || a.anchor !== b.anchor) return false;
  if ((0, import_yaml2.isScalar)(a)) return (0, import_yaml2.isScalar)(b) && a.value === b.value;
  if ((0, import_yaml2.isAlias)(a)) return (0, import_yaml2.isAlias)(b) && a.source === b.source;
  if ((0, import_yaml2.isSeq)(a)) {
    return (0, import_yaml2.isSeq)(b) && a.items.length === b.items.length && a.items.every((item, i) => sameExcept(item, b.items[i], doc, [...path5, i], changed));
  }
  if ((0, import_yaml2.isMap)(a)) {
    if (!(0, import_yaml2.isMap)(b)) return false;
    const keyOf = (k) => (0, import_yaml2.isScalar)(k) ? k.value : k;
    let j = 0;
    for (const pair of a.items) {
      let other = b.items[j];
      const key = keyOf(pair.key);
      if (!other || keyOf(other.key) !== key) return false;
      if (typeof key !== "string" && typeof key !== "number" && !sameExcept(pair.key, other.key, doc, path5, /* @__PURE__ */ new Map())) return false;
      if (!sameExcept(pair.value, other.value, doc, [...path5, typeof key === "number" ? String(key) : key], changed)) return false;
      j += 1;
      other = b.items[j];
      if (other && j === b.items.length - 1 && a.items.length === j && typeof keyOf(other.key) === "string") {
        if (!sameExcept(void 0, other.value, doc, [...path5, keyOf(other.key)], changed)) return false;
        j += 1;
      }
    }
    return j === b.items.length;
  }
  return false;
}
function applyChanges(yaml, changes, check = {}) {
  const splices = [];
  const changed = /* @__PURE__ */ new Map();
  for (const change of changes) {
    const doc = yaml.docs[change.doc];
    const where = `${yaml.file} ${showPath(change.path)}`;
    if (!doc) throw new YamlEditError(`${where}: the file has no document ${change.doc + 1}.`);
    const node = nodeAt(doc, change.path);
    if ((0, import_yaml2.isAlias)(node)) throw new YamlEditError(`${where} is an alias (*${node.source}); point the target at the anchored field instead.`);
    if (node === void 0) {
      const parent = nodeAt(doc, change.path.slice(0, -1));
      const key = change.path[change.path.length - 1];
      if (!(0, import_yaml2.isMap)(parent) || typeof key !== "string") throw new YamlEditError(`${where} does not exist and cannot be added there; check the value path.`);
      splices.push(insertion(yaml, parent, key, change.value, where));
    } else if ((0, import_yaml2.isScalar)(node) && node.range) {
      if (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED") {
        throw new YamlEditError(`${where} is a block scalar (| or >); write it as a single-line value, then run again.`);
      }
      if (node.value !== null && String(node.value) === change.value) continue;
      const empty = node.range[0] === node.range[1];
      const style = node.value === null || empty ? "PLAIN" : node.type;
      const space = empty && yaml.text[node.range[0] - 1] === ":" ? " " : "";
      const gap = empty && yaml.text[node.range[0]] === "#" ? " " : "";
      const text = space + renderScalar(change.value, style) + gap;
      const splice = { start: node.range[0], end: node.range[1], text };
      if (!empty) {
        splice.value = change.value;
        const token = node.srcToken;
        if (token && "source" in token && token.offset === node.range[0] && token.offset + token.source.length === node.range[1]) splice.token = token;
        if (node.tag !== void 0) splice.tag = node.tag;
      }
      splices.push(splice);
    } else {
      throw new YamlEditError(`${where} is not a single value (it is a mapping or list); check the value path.`);
    }
    changed.set(pathKey(change.doc, change.path), change.value);
  }
  if (splices.length === 0) return yaml.text;
  splices.sort((a, b) => b.start - a.start);
  let out = yaml.text;
  let previous = Infinity;
  for (const s of splices) {
    if (s.end > previous) throw new YamlEditError(`${yaml.file}: two targets edit the same value; check the environments file for duplicate targets.`);
    out = out.slice(0, s.start) + s.text + out.slice(s.end);
    previous = s.start;
  }
  const directives = /(^|\n)%/.test(yaml.text);
  if (!directives && !check.thorough && splices.every(replacedInPlace)) {
    check.by = "local";
    return out;
  }
  if (!directives && sameTokensExcept(yaml, splices, out)) {
    check.by = "tokens";
    return out;
  }
  check.by = "parse";
  let reread;
  try {
    reread = parseYamlFile(yaml.file, out).docs;
  } catch {
    reread = [];
  }
  const same = reread.length === yaml.docs.length && yaml.docs.every((d, i) => sameExcept(d.contents, reread[i].contents, i, [], changed));
  if (!same) {
    throw new YamlEditError(`${yaml.file}: the edit did not read back as intended, so the file was left unchanged; please report this with the file.`);
  }
  return out;
}

// packages/promote/src/targets/helm.ts
function checkParent(yaml, path5, field) {
  if (path5.length > 1 && nodeAt(yaml.docs[0], path5.slice(0, -1)) === void 0) {
    throw new YamlEditError(`${yaml.file} has no ${path5.slice(0, -1).join(".")} for the helm target's ${field} path; fix the path in the environments file.`);
  }
}
var helm = {
  read(yaml, target) {
    const path5 = parsePath(target.digest);
    checkParent(yaml, path5, "digest");
    const value = stringAt(yaml.docs[0], path5);
    const tag = target.tag ? stringAt(yaml.docs[0], parsePath(target.tag)) : void 0;
    return [{ where: `${yaml.file} ${target.digest}`, ...value ? { digest: withPrefix(value) } : {}, ...tag ? { tag } : {} }];
  },
  plan(yaml, target, wanted) {
    const doc = yaml.docs[0];
    const changes = [];
    const set = (dotted, value, field) => {
      if (!dotted || value === void 0) return;
      const path5 = parsePath(dotted);
      checkParent(yaml, path5, field);
      if (stringAt(doc, path5) !== value) changes.push({ doc: 0, path: path5, value });
    };
    const prefixed = target["digest-prefix"] ?? true;
    set(target.digest, prefixed ? wanted.digest : wanted.digest.replace(/^sha256:/, ""), "digest");
    set(target.tag, wanted.version, "tag");
    set(target.repository, wanted.image, "repository");
    return changes;
  }
};

// packages/promote/src/targets/kustomize.ts
var import_yaml3 = __toESM(require_dist(), 1);
function findEntry(yaml, target) {
  const name = target.name ?? target.image;
  const names = [];
  for (const [doc, document] of yaml.docs.entries()) {
    const images = (0, import_yaml3.isMap)(document.contents) ? document.contents.get("images", true) : void 0;
    if (!(0, import_yaml3.isSeq)(images)) continue;
    for (const [index, item] of images.items.entries()) {
      if (!(0, import_yaml3.isMap)(item)) continue;
      const entryName = item.get("name", true);
      if (!(0, import_yaml3.isScalar)(entryName)) continue;
      names.push(String(entryName.value));
      if (String(entryName.value) === name) return { doc, index };
    }
  }
  const known = names.length > 0 ? `its entries are named ${names.join(", ")}` : "it has no images: list";
  throw new YamlEditError(`${yaml.file} has no kustomize images: entry named ${name} (${known}); add the entry or fix the target's name.`);
}
var kustomize = {
  read(yaml, target) {
    const { doc, index } = findEntry(yaml, target);
    const digest = stringAt(yaml.docs[doc], ["images", index, "digest"]);
    const tag = stringAt(yaml.docs[doc], ["images", index, "newTag"]);
    return [{ where: `${yaml.file} images[${index}]`, ...digest ? { digest } : {}, ...tag ? { tag } : {} }];
  },
  plan(yaml, target, wanted) {
    const { doc, index } = findEntry(yaml, target);
    const document = yaml.docs[doc];
    const changes = [];
    if (stringAt(document, ["images", index, "digest"]) !== wanted.digest) {
      changes.push({ doc, path: ["images", index, "digest"], value: wanted.digest });
    }
    const tag = stringAt(document, ["images", index, "newTag"]);
    if (wanted.version && tag !== void 0 && tag !== wanted.version) {
      changes.push({ doc, path: ["images", index, "newTag"], value: wanted.version });
    }
    return changes;
  }
};

// packages/promote/src/targets/setter.ts
var import_yaml4 = __toESM(require_dist(), 1);
var MARKER = /#\s*(\{\s*"\$imagepolicy"\s*:\s*"[^"]*"\s*\})/;
function markerAfter(text, end) {
  const eol = text.indexOf("\n", end);
  const rest = text.slice(end, eol === -1 ? text.length : eol);
  const m = MARKER.exec(rest);
  if (!m) return void 0;
  try {
    return JSON.parse(m[1]).$imagepolicy;
  } catch {
    return void 0;
  }
}
function walk(yaml, node, path5, doc, policy, out) {
  if ((0, import_yaml4.isMap)(node)) {
    for (const pair of node.items) {
      const key = (0, import_yaml4.isScalar)(pair.key) ? pair.key.value : pair.key;
      if (typeof key === "string" || typeof key === "number") walk(yaml, pair.value, [...path5, String(key)], doc, policy, out);
    }
  } else if ((0, import_yaml4.isSeq)(node)) {
    node.items.forEach((item, i) => walk(yaml, item, [...path5, i], doc, policy, out));
  } else if ((0, import_yaml4.isScalar)(node) && node.range) {
    const marker = markerAfter(yaml.text, node.range[1]);
    if (!marker) return;
    const [ns, name, suffix] = marker.split(":");
    if (`${ns}:${name}` !== policy) return;
    const part = suffix === "tag" || suffix === "name" || suffix === "digest" ? suffix : "full";
    out.push({ doc, path: path5, value: String(node.value ?? ""), part });
  }
}
function findMarked(yaml, target) {
  const out = [];
  yaml.docs.forEach((d, i) => walk(yaml, d.contents, [], i, target.policy, out));
  if (out.length === 0) {
    throw new YamlEditError(`${yaml.file} has no field marked # {"$imagepolicy": "${target.policy}"}; add the marker or fix the target's policy.`);
  }
  return out;
}
function digestOf(m) {
  if (m.part === "digest") return m.value || void 0;
  if (m.part === "full") return splitReference(m.value).digest;
  return void 0;
}
var setter = {
  read(yaml, target) {
    const all = findMarked(yaml, target);
    const tagField = all.find((m) => m.part === "tag")?.value;
    const marked = all.filter((m) => m.part === "full" || m.part === "digest");
    if (marked.length === 0) return [{ where: `${yaml.file} (no marker records a digest)` }];
    return marked.map((m) => {
      const digest = digestOf(m);
      const tag = m.part === "full" ? splitReference(m.value).tag : tagField;
      return { where: `${yaml.file} ${showPath(m.path)}`, ...digest ? { digest } : {}, ...tag ? { tag } : {} };
    });
  },
  plan(yaml, target, wanted) {
    const changes = [];
    for (const m of findMarked(yaml, target)) {
      let value;
      if (m.part === "digest") value = wanted.digest;
      else if (m.part === "name") value = wanted.image;
      else if (m.part === "tag") value = wanted.version;
      else value = formatReference(wanted.image, wanted.version ?? splitReference(m.value).tag, wanted.digest);
      if (value !== void 0 && value !== m.value) changes.push({ doc: m.doc, path: m.path, value });
    }
    return changes;
  }
};

// packages/promote/src/targets/index.ts
var updaters = { kustomize, helm, setter };
function updaterFor(target) {
  return updaters[target.kind];
}

// packages/promote/src/manifests.ts
function textOf(files, file) {
  const text = files.get(file);
  if (text === void 0) throw new Error(`internal: ${file} was not read`);
  return text;
}
function parsedOf(files, file, parsed) {
  const text = textOf(files, file);
  let yaml = parsed.get(file);
  if (!yaml || yaml.text !== text) {
    yaml = parseYamlFile(file, text);
    parsed.set(file, yaml);
  }
  return yaml;
}
function observe(files, bound, parsed = /* @__PURE__ */ new Map()) {
  const out = [];
  for (const { target, file } of bound) out.push(...updaterFor(target).read(parsedOf(files, file, parsed), target));
  return out;
}
function runningDigest(observed) {
  const digests = new Set(observed.map((o) => o.digest ?? ""));
  if (digests.size === 1) {
    const [only] = digests;
    return { ...only ? { digest: only } : {}, mixed: false };
  }
  return { mixed: true };
}
function describeRunning(observed) {
  const running = runningDigest(observed);
  if (!running.mixed) return running.digest ?? "no digest";
  return `different digests (${observed.map((o) => `${o.where}: ${o.digest ?? "none"}`).join("; ")})`;
}
function planEdits(files, bound, wanted, parsed = /* @__PURE__ */ new Map()) {
  const byFile = /* @__PURE__ */ new Map();
  for (const { target, file } of bound) byFile.set(file, [...byFile.get(file) ?? [], target]);
  const edits = /* @__PURE__ */ new Map();
  for (const [file, targets] of byFile) {
    const yaml = parsedOf(files, file, parsed);
    const text = yaml.text;
    const changes = targets.flatMap((t) => updaterFor(t).plan(yaml, t, wanted));
    const next = applyChanges(yaml, changes);
    if (next !== text) edits.set(file, next);
  }
  return edits;
}
function observeAndPlan(files, bound, wanted) {
  const byFile = /* @__PURE__ */ new Map();
  const last = /* @__PURE__ */ new Map();
  bound.forEach(({ target, file }, i) => {
    byFile.set(file, [...byFile.get(file) ?? [], target]);
    last.set(file, i);
  });
  const parsed = /* @__PURE__ */ new Map();
  const planned = { observed: [], edits: /* @__PURE__ */ new Map() };
  bound.forEach(({ target, file }, i) => {
    const yaml = parsedOf(files, file, parsed);
    planned.observed.push(...updaterFor(target).read(yaml, target));
    if (last.get(file) !== i) return;
    if (planned.error === void 0) {
      try {
        const next = applyChanges(yaml, byFile.get(file).flatMap((t) => updaterFor(t).plan(yaml, t, wanted)));
        if (next !== yaml.text) planned.edits.set(file, next);
      } catch (error) {
        planned.error = error;
      }
    }
    parsed.delete(file);
  });
  return planned;
}

// packages/promote/src/checks.ts
var PromotionRefused = class extends ConveyorError {
};
function checkOrder(environment, previous, observed, digest) {
  if (!previous) return;
  const running = runningDigest(observed);
  if (!running.mixed && running.digest === digest) return;
  throw new PromotionRefused(
    `Refusing to promote ${digest} to '${environment.name}': the environment before it, '${previous.name}', runs ${describeRunning(observed)}, not the digest asked for (${digest}). Promote ${digest} to '${previous.name}' first.`
  );
}
function checkVerdict(environment, verdict, digest, verdictFile) {
  if (!environment.requireVerdict) return;
  if (!verdict) {
    throw new PromotionRefused(`Refusing to promote ${digest} to '${environment.name}': it requires a passing scan verdict, and no verdict-file was given. Pass the verdict-file output of scan-image for this digest.`);
  }
  const from = verdictFile ?? "the verdict";
  if (verdict.digest !== digest) {
    throw new PromotionRefused(`Refusing to promote ${digest} to '${environment.name}': ${from} is for ${verdict.digest ?? "an image without a digest"}, not the digest asked for (${digest}). Scan this digest and pass its verdict.`);
  }
  if (verdict.decision !== "pass") {
    const counts = Object.entries(verdict.counts).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}`).join(", ");
    throw new PromotionRefused(`Refusing to promote ${digest} to '${environment.name}': its scan verdict (${from}) is '${verdict.decision}'${counts ? ` (${counts})` : ""}; it requires a pass.`);
  }
}
function checkPresent(environment, image, digest, found) {
  if (found === digest) return;
  throw new PromotionRefused(
    `Refusing to promote ${image}@${digest} to '${environment}': the registry ${found ? `answers with ${found}` : "does not have this digest"}. Push the image first, or check the image and digest inputs.`
  );
}
function commitMessage(d) {
  const version = d.version ? ` ${d.version}` : "";
  return `promote ${d.image}${version} (${shortDigest(d.digest)}) to ${d.environment}

Conveyor-Digest: ${d.digest}
Conveyor-From: ${d.from}
`;
}

// packages/promote/src/deployments.ts
async function createDeployment(client, target, payload, description) {
  const res = await client.rest.repos.createDeployment({
    owner: target.owner,
    repo: target.repo,
    ref: target.ref,
    environment: target.environment,
    payload: { ...payload },
    description: description.slice(0, 140),
    auto_merge: false,
    required_contexts: [],
    production_environment: /^prod/i.test(target.environment)
  });
  if (!("id" in res.data)) throw new Error(`GitHub did not create the deployment: ${res.data.message ?? "no id"}`);
  return res.data.id;
}
async function setDeploymentState(client, target, id, state, description) {
  await client.rest.repos.createDeploymentStatus({
    owner: target.owner,
    repo: target.repo,
    deployment_id: id,
    state,
    description: description.slice(0, 140),
    ...target.environmentUrl ? { environment_url: target.environmentUrl } : {},
    ...target.logUrl ? { log_url: target.logUrl } : {}
  });
}
function payloadDigest(payload) {
  let data = payload;
  if (typeof data === "string") {
    try {
      data = JSON.parse(data);
    } catch {
      return void 0;
    }
  }
  const digest = data?.digest;
  return typeof digest === "string" ? digest : void 0;
}
async function findDeployment(client, target, digest) {
  const { data } = await client.rest.repos.listDeployments({ owner: target.owner, repo: target.repo, environment: target.environment, per_page: 30 });
  const found = data.find((d) => payloadDigest(d.payload) === digest);
  if (!found) return void 0;
  const statuses = await client.rest.repos.listDeploymentStatuses({ owner: target.owner, repo: target.repo, deployment_id: found.id, per_page: 1 });
  return { id: found.id, ...statuses.data[0] ? { state: statuses.data[0].state } : {} };
}

// packages/promote/src/environments.ts
var import_yaml5 = __toESM(require_dist(), 1);

// packages/promote/src/environments.validate.js
var validate = validate10;
var schema12 = { "type": "object", "additionalProperties": false, "required": ["name", "targets"], "properties": { "name": { "description": "The environment's name, as given to the environment input.", "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*$" }, "repository": { "description": "owner/name of the GitOps repository on GitHub (pull requests are opened there). Default: the repository the workflow runs in.", "type": "string", "pattern": "^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$" }, "url": { "description": "Clone URL of the GitOps repository. Default: <server>/<repository>.git.", "type": "string", "pattern": "\\S" }, "branch": { "description": "The branch the environment is deployed from.", "type": "string", "default": "main", "pattern": "\\S" }, "token-input": { "description": "Which action input holds the token for this repository.", "enum": ["github-token", "gitops-token"], "default": "github-token" }, "write": { "description": "commit: push one commit to the branch; pull-request: push a branch per environment and image and open (or update) a pull request.", "enum": ["commit", "pull-request"], "default": "commit" }, "github-environment": { "description": "The GitHub environment the deployment is recorded under.", "type": "object", "additionalProperties": false, "properties": { "name": { "type": "string", "pattern": "\\S", "description": "Default: the environment's name." }, "url": { "type": "string", "pattern": "\\S", "description": "Shown as the deployment's environment_url." } } }, "require-verdict": { "description": "Refuse a digest without a passing scan verdict for exactly that digest.", "type": "boolean", "default": false }, "targets": { "type": "array", "minItems": 1, "items": { "$ref": "#/definitions/target" } } } };
var func2 = Object.prototype.hasOwnProperty;
var pattern0 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]*$", "u");
var pattern1 = new RegExp("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", "u");
var pattern2 = new RegExp("\\S", "u");
var schema13 = { "type": "object", "required": ["kind", "file", "image"], "properties": { "kind": { "enum": ["kustomize", "helm", "setter"] } }, "allOf": [{ "if": { "properties": { "kind": { "const": "kustomize" } } }, "then": { "$ref": "#/definitions/kustomize" } }, { "if": { "properties": { "kind": { "const": "helm" } } }, "then": { "$ref": "#/definitions/helm" } }, { "if": { "properties": { "kind": { "const": "setter" } } }, "then": { "$ref": "#/definitions/setter" } }] };
function validate13(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!(key0 === "kind" || key0 === "file" || key0 === "image" || key0 === "name")) {
        const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      if ("kustomize" !== data.kind) {
        const err1 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/const", keyword: "const", params: { allowedValue: "kustomize" }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.file !== void 0) {
      let data1 = data.file;
      if (typeof data1 === "string") {
        if (!pattern2.test(data1)) {
          const err2 = { instancePath: instancePath + "/file", schemaPath: "#/definitions/file/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      } else {
        const err3 = { instancePath: instancePath + "/file", schemaPath: "#/definitions/file/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.image !== void 0) {
      let data2 = data.image;
      if (typeof data2 === "string") {
        if (!pattern2.test(data2)) {
          const err4 = { instancePath: instancePath + "/image", schemaPath: "#/definitions/image/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/image", schemaPath: "#/definitions/image/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data3 = data.name;
      if (typeof data3 === "string") {
        if (!pattern2.test(data3)) {
          const err6 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      } else {
        const err7 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
  } else {
    const err8 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err8];
    } else {
      vErrors.push(err8);
    }
    errors++;
  }
  validate13.errors = vErrors;
  return errors === 0;
}
function validate15(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.digest === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "digest" }, message: "must have required property 'digest'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "kind" || key0 === "file" || key0 === "image" || key0 === "repository" || key0 === "tag" || key0 === "digest" || key0 === "digest-prefix")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      if ("helm" !== data.kind) {
        const err2 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/const", keyword: "const", params: { allowedValue: "helm" }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.file !== void 0) {
      let data1 = data.file;
      if (typeof data1 === "string") {
        if (!pattern2.test(data1)) {
          const err3 = { instancePath: instancePath + "/file", schemaPath: "#/definitions/file/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/file", schemaPath: "#/definitions/file/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.image !== void 0) {
      let data2 = data.image;
      if (typeof data2 === "string") {
        if (!pattern2.test(data2)) {
          const err5 = { instancePath: instancePath + "/image", schemaPath: "#/definitions/image/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = { instancePath: instancePath + "/image", schemaPath: "#/definitions/image/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.repository !== void 0) {
      let data3 = data.repository;
      if (typeof data3 === "string") {
        if (!pattern2.test(data3)) {
          const err7 = { instancePath: instancePath + "/repository", schemaPath: "#/properties/repository/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      } else {
        const err8 = { instancePath: instancePath + "/repository", schemaPath: "#/properties/repository/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.tag !== void 0) {
      let data4 = data.tag;
      if (typeof data4 === "string") {
        if (!pattern2.test(data4)) {
          const err9 = { instancePath: instancePath + "/tag", schemaPath: "#/properties/tag/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      } else {
        const err10 = { instancePath: instancePath + "/tag", schemaPath: "#/properties/tag/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.digest !== void 0) {
      let data5 = data.digest;
      if (typeof data5 === "string") {
        if (!pattern2.test(data5)) {
          const err11 = { instancePath: instancePath + "/digest", schemaPath: "#/properties/digest/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
      } else {
        const err12 = { instancePath: instancePath + "/digest", schemaPath: "#/properties/digest/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data["digest-prefix"] !== void 0) {
      if (typeof data["digest-prefix"] !== "boolean") {
        const err13 = { instancePath: instancePath + "/digest-prefix", schemaPath: "#/properties/digest-prefix/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
  } else {
    const err14 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err14];
    } else {
      vErrors.push(err14);
    }
    errors++;
  }
  validate15.errors = vErrors;
  return errors === 0;
}
var pattern16 = new RegExp("^[^:\\s]+:[^:\\s]+$", "u");
function validate17(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.policy === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "policy" }, message: "must have required property 'policy'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "kind" || key0 === "file" || key0 === "image" || key0 === "policy")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      if ("setter" !== data.kind) {
        const err2 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/const", keyword: "const", params: { allowedValue: "setter" }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.file !== void 0) {
      let data1 = data.file;
      if (typeof data1 === "string") {
        if (!pattern2.test(data1)) {
          const err3 = { instancePath: instancePath + "/file", schemaPath: "#/definitions/file/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/file", schemaPath: "#/definitions/file/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.image !== void 0) {
      let data2 = data.image;
      if (typeof data2 === "string") {
        if (!pattern2.test(data2)) {
          const err5 = { instancePath: instancePath + "/image", schemaPath: "#/definitions/image/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = { instancePath: instancePath + "/image", schemaPath: "#/definitions/image/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.policy !== void 0) {
      let data3 = data.policy;
      if (typeof data3 === "string") {
        if (!pattern16.test(data3)) {
          const err7 = { instancePath: instancePath + "/policy", schemaPath: "#/properties/policy/pattern", keyword: "pattern", params: { pattern: "^[^:\\s]+:[^:\\s]+$" }, message: 'must match pattern "^[^:\\s]+:[^:\\s]+$"' };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      } else {
        const err8 = { instancePath: instancePath + "/policy", schemaPath: "#/properties/policy/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
  } else {
    const err9 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err9];
    } else {
      vErrors.push(err9);
    }
    errors++;
  }
  validate17.errors = vErrors;
  return errors === 0;
}
function validate12(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  const _errs2 = errors;
  let valid1 = true;
  const _errs3 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.kind !== void 0) {
      if ("kustomize" !== data.kind) {
        const err0 = {};
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
  }
  var _valid0 = _errs3 === errors;
  errors = _errs2;
  if (vErrors !== null) {
    if (_errs2) {
      vErrors.length = _errs2;
    } else {
      vErrors = null;
    }
  }
  if (_valid0) {
    const _errs5 = errors;
    if (!validate13(data, { instancePath, parentData, parentDataProperty, rootData })) {
      vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
      errors = vErrors.length;
    }
    var _valid0 = _errs5 === errors;
    valid1 = _valid0;
  }
  if (!valid1) {
    const err1 = { instancePath, schemaPath: "#/allOf/0/if", keyword: "if", params: { failingKeyword: "then" }, message: 'must match "then" schema' };
    if (vErrors === null) {
      vErrors = [err1];
    } else {
      vErrors.push(err1);
    }
    errors++;
  }
  const _errs7 = errors;
  let valid3 = true;
  const _errs8 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.kind !== void 0) {
      if ("helm" !== data.kind) {
        const err2 = {};
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
  }
  var _valid1 = _errs8 === errors;
  errors = _errs7;
  if (vErrors !== null) {
    if (_errs7) {
      vErrors.length = _errs7;
    } else {
      vErrors = null;
    }
  }
  if (_valid1) {
    const _errs10 = errors;
    if (!validate15(data, { instancePath, parentData, parentDataProperty, rootData })) {
      vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);
      errors = vErrors.length;
    }
    var _valid1 = _errs10 === errors;
    valid3 = _valid1;
  }
  if (!valid3) {
    const err3 = { instancePath, schemaPath: "#/allOf/1/if", keyword: "if", params: { failingKeyword: "then" }, message: 'must match "then" schema' };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  }
  const _errs12 = errors;
  let valid5 = true;
  const _errs13 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.kind !== void 0) {
      if ("setter" !== data.kind) {
        const err4 = {};
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
  }
  var _valid2 = _errs13 === errors;
  errors = _errs12;
  if (vErrors !== null) {
    if (_errs12) {
      vErrors.length = _errs12;
    } else {
      vErrors = null;
    }
  }
  if (_valid2) {
    const _errs15 = errors;
    if (!validate17(data, { instancePath, parentData, parentDataProperty, rootData })) {
      vErrors = vErrors === null ? validate17.errors : vErrors.concat(validate17.errors);
      errors = vErrors.length;
    }
    var _valid2 = _errs15 === errors;
    valid5 = _valid2;
  }
  if (!valid5) {
    const err5 = { instancePath, schemaPath: "#/allOf/2/if", keyword: "if", params: { failingKeyword: "then" }, message: 'must match "then" schema' };
    if (vErrors === null) {
      vErrors = [err5];
    } else {
      vErrors.push(err5);
    }
    errors++;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.kind === void 0) {
      const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'" };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    if (data.file === void 0) {
      const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "file" }, message: "must have required property 'file'" };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    if (data.image === void 0) {
      const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "image" }, message: "must have required property 'image'" };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    if (data.kind !== void 0) {
      let data3 = data.kind;
      if (!(data3 === "kustomize" || data3 === "helm" || data3 === "setter")) {
        const err9 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/enum", keyword: "enum", params: { allowedValues: schema13.properties.kind.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
  } else {
    const err10 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err10];
    } else {
      vErrors.push(err10);
    }
    errors++;
  }
  validate12.errors = vErrors;
  return errors === 0;
}
function validate11(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.name === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.targets === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "targets" }, message: "must have required property 'targets'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func2.call(schema12.properties, key0)) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data0 = data.name;
      if (typeof data0 === "string") {
        if (!pattern0.test(data0)) {
          const err3 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]*$"' };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.repository !== void 0) {
      let data1 = data.repository;
      if (typeof data1 === "string") {
        if (!pattern1.test(data1)) {
          const err5 = { instancePath: instancePath + "/repository", schemaPath: "#/properties/repository/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$" }, message: 'must match pattern "^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$"' };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = { instancePath: instancePath + "/repository", schemaPath: "#/properties/repository/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.url !== void 0) {
      let data2 = data.url;
      if (typeof data2 === "string") {
        if (!pattern2.test(data2)) {
          const err7 = { instancePath: instancePath + "/url", schemaPath: "#/properties/url/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      } else {
        const err8 = { instancePath: instancePath + "/url", schemaPath: "#/properties/url/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.branch !== void 0) {
      let data3 = data.branch;
      if (typeof data3 === "string") {
        if (!pattern2.test(data3)) {
          const err9 = { instancePath: instancePath + "/branch", schemaPath: "#/properties/branch/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      } else {
        const err10 = { instancePath: instancePath + "/branch", schemaPath: "#/properties/branch/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data["token-input"] !== void 0) {
      let data4 = data["token-input"];
      if (!(data4 === "github-token" || data4 === "gitops-token")) {
        const err11 = { instancePath: instancePath + "/token-input", schemaPath: "#/properties/token-input/enum", keyword: "enum", params: { allowedValues: schema12.properties["token-input"].enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.write !== void 0) {
      let data5 = data.write;
      if (!(data5 === "commit" || data5 === "pull-request")) {
        const err12 = { instancePath: instancePath + "/write", schemaPath: "#/properties/write/enum", keyword: "enum", params: { allowedValues: schema12.properties.write.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data["github-environment"] !== void 0) {
      let data6 = data["github-environment"];
      if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
        for (const key1 in data6) {
          if (!(key1 === "name" || key1 === "url")) {
            const err13 = { instancePath: instancePath + "/github-environment", schemaPath: "#/properties/github-environment/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
        if (data6.name !== void 0) {
          let data7 = data6.name;
          if (typeof data7 === "string") {
            if (!pattern2.test(data7)) {
              const err14 = { instancePath: instancePath + "/github-environment/name", schemaPath: "#/properties/github-environment/properties/name/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
              if (vErrors === null) {
                vErrors = [err14];
              } else {
                vErrors.push(err14);
              }
              errors++;
            }
          } else {
            const err15 = { instancePath: instancePath + "/github-environment/name", schemaPath: "#/properties/github-environment/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          }
        }
        if (data6.url !== void 0) {
          let data8 = data6.url;
          if (typeof data8 === "string") {
            if (!pattern2.test(data8)) {
              const err16 = { instancePath: instancePath + "/github-environment/url", schemaPath: "#/properties/github-environment/properties/url/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
              if (vErrors === null) {
                vErrors = [err16];
              } else {
                vErrors.push(err16);
              }
              errors++;
            }
          } else {
            const err17 = { instancePath: instancePath + "/github-environment/url", schemaPath: "#/properties/github-environment/properties/url/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err17];
            } else {
              vErrors.push(err17);
            }
            errors++;
          }
        }
      } else {
        const err18 = { instancePath: instancePath + "/github-environment", schemaPath: "#/properties/github-environment/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
    if (data["require-verdict"] !== void 0) {
      if (typeof data["require-verdict"] !== "boolean") {
        const err19 = { instancePath: instancePath + "/require-verdict", schemaPath: "#/properties/require-verdict/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.targets !== void 0) {
      let data10 = data.targets;
      if (Array.isArray(data10)) {
        if (data10.length < 1) {
          const err20 = { instancePath: instancePath + "/targets", schemaPath: "#/properties/targets/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
        const len0 = data10.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (!validate12(data10[i0], { instancePath: instancePath + "/targets/" + i0, parentData: data10, parentDataProperty: i0, rootData })) {
            vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err21 = { instancePath: instancePath + "/targets", schemaPath: "#/properties/targets/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
  } else {
    const err22 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err22];
    } else {
      vErrors.push(err22);
    }
    errors++;
  }
  validate11.errors = vErrors;
  return errors === 0;
}
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.environments === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "environments" }, message: "must have required property 'environments'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "environments")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.environments !== void 0) {
      let data0 = data.environments;
      if (Array.isArray(data0)) {
        if (data0.length < 1) {
          const err2 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (!validate11(data0[i0], { instancePath: instancePath + "/environments/" + i0, parentData: data0, parentDataProperty: i0, rootData })) {
            vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err3 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}

// packages/promote/src/environments.ts
var EnvironmentsError = class extends ConveyorError {
};
function describe(error) {
  const where = error.instancePath || "/";
  if (error.keyword === "additionalProperties") {
    return `${where}: must NOT have additional property '${String(error.params.additionalProperty)}'`;
  }
  if (error.keyword === "enum") {
    return `${where}: ${error.message ?? "is not allowed"} (${error.params.allowedValues.map(String).join(", ")})`;
  }
  return `${where}: ${error.message ?? "is invalid"}`;
}
function parseEnvironments(text, file) {
  const doc = (0, import_yaml5.parseDocument)(text);
  if (doc.errors.length > 0) {
    throw new EnvironmentsError(`${file} is not valid YAML: ${doc.errors[0].message.split("\n")[0]}. Fix the file and run again.`);
  }
  const data = doc.toJS();
  if (!validate(data)) {
    const problems = [...new Set((validate.errors ?? []).filter((e) => e.keyword !== "if").map(describe))];
    throw new EnvironmentsError(`${file} does not match the environments schema:
- ${problems.join("\n- ")}
Fix these fields and run again.`);
  }
  const seen = /* @__PURE__ */ new Set();
  return data.environments.map((raw) => {
    if (seen.has(raw.name)) throw new EnvironmentsError(`${file}: the environment '${raw.name}' is listed twice; names must be unique.`);
    seen.add(raw.name);
    return {
      name: raw.name,
      ...raw.repository ? { repository: raw.repository } : {},
      ...raw.url ? { url: raw.url } : {},
      branch: raw.branch ?? "main",
      tokenInput: raw["token-input"] ?? "github-token",
      write: raw.write ?? "commit",
      githubEnvironment: {
        name: raw["github-environment"]?.name ?? raw.name,
        ...raw["github-environment"]?.url ? { url: raw["github-environment"].url } : {}
      },
      requireVerdict: raw["require-verdict"] ?? false,
      targets: raw.targets
    };
  });
}
function findEnvironment(environments, name, file) {
  const index = environments.findIndex((e) => e.name === name);
  if (index === -1) {
    throw new EnvironmentsError(`The environment '${name}' is not in ${file}; known environments in order: ${environments.map((e) => e.name).join(" → ")}.`);
  }
  return { environment: environments[index], ...index > 0 ? { previous: environments[index - 1] } : {} };
}
function targetsFor(environment, image, file) {
  const targets = environment.targets.filter((t) => t.image === image);
  if (targets.length === 0) {
    const images = [...new Set(environment.targets.map((t) => t.image))].join(", ");
    throw new EnvironmentsError(`The environment '${environment.name}' in ${file} has no target for the image ${image}; its images are: ${images}. Check the image input or add targets.`);
  }
  return targets;
}

// packages/promote/src/gitops.ts
var fs = __toESM(require_fs(), 1);
var path2 = __toESM(require_path(), 1);

// packages/promote/src/glob.ts
var path = __toESM(require_path(), 1);
var MAGIC = /[*?[\]{}()!+@]/;
function isPattern(file) {
  return /[*?[{]/.test(file);
}
function normalizePattern(pattern) {
  if (!/(^|\/)\.{1,2}(\/|$)|\/\//.test(pattern)) return pattern;
  return path.posix.normalize(pattern).replace(/^\.\//, "");
}
function matchPaths(pattern, paths) {
  const normal = normalizePattern(pattern);
  const segments = normal.split("/");
  const firstMagic = segments.findIndex((s) => MAGIC.test(s));
  const prefix = firstMagic > 0 ? `${segments.slice(0, firstMagic).join("/")}/` : "";
  const depth = normal.includes("**") || normal.includes("{") ? void 0 : segments.length - 1;
  const segmentMatchers = depth === void 0 ? void 0 : segments.map(starSegment);
  const matches = segmentMatchers?.every((m) => m !== void 0) ? (file) => file.split("/").every((name, i) => segmentMatchers[i](name)) : (file) => path.posix.matchesGlob(file, normal);
  const found = [];
  for (const file of paths) {
    if (prefix && !file.startsWith(prefix)) continue;
    if (depth !== void 0 && slashes(file) !== depth) continue;
    if (matches(file)) found.push(file);
  }
  return found.sort();
}
function starSegment(segment) {
  if (/[?[\]{}()!+@\\]/.test(segment)) return void 0;
  if (!segment.includes("*")) return (name) => name === segment;
  const pattern = new RegExp(`^${segment.split("*").map((part) => part.replace(/[.^$|\\/]/g, "\\$&")).join("[^/]*")}$`);
  return segment.startsWith("*") ? (name) => !name.startsWith(".") && pattern.test(name) : (name) => pattern.test(name);
}
function slashes(file) {
  let n = 0;
  for (let i = file.indexOf("/"); i !== -1; i = file.indexOf("/", i + 1)) n += 1;
  return n;
}

// packages/promote/src/gitops.ts
function locate(environment, context) {
  if (environment.url) {
    const repository2 = environment.repository ?? repositoryOnServer(environment.url, context.serverUrl);
    return { url: environment.url, ...repository2 ? { repository: repository2 } : {} };
  }
  const repository = environment.repository ?? context.repository;
  if (!repository) {
    throw new ConveyorError(`The environment '${environment.name}' names no GitOps repository or url, and the workflow's repository is unknown; set repository: owner/name in the environments file.`);
  }
  return { url: `${context.serverUrl}/${repository}.git`, repository };
}
function repositoryOnServer(url, serverUrl) {
  const base = serverUrl.replace(/\/+$/, "");
  if (!url.startsWith(`${base}/`)) return void 0;
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(url.slice(base.length + 1));
  return match ? `${match[1]}/${match[2]}` : void 0;
}
function checkout(environment, context, clones) {
  const { url, repository } = locate(environment, context);
  const key = `${url}#${environment.branch}#${environment.tokenInput}`;
  let pending = clones.get(key);
  if (!pending) {
    pending = clone(url, environment, context, repository);
    clones.set(key, pending);
  }
  return pending;
}
function sendsToken(url) {
  return /^(https:\/\/|http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/|$))/.test(url);
}
async function clone(url, environment, context, repository) {
  const dir = fs.mkdtempSync(path2.join(context.workDir, `${environment.name}-`));
  const token = context.tokens[environment.tokenInput];
  const config = {};
  if (token && sendsToken(url)) {
    const basic = Buffer.from(`x-access-token:${token}`).toString("base64");
    maskSecret(basic, { warnShort: false });
    config["http.extraheader"] = `AUTHORIZATION: basic ${basic}`;
  }
  try {
    await git(context.workDir, ["clone", "--quiet", "--bare", "--no-tags", "--single-branch", "--branch", environment.branch, "--", url, dir], { config });
  } catch (error) {
    const reason = error instanceof GitError ? error.stderr.trim().split("\n").pop() ?? "" : String(error);
    throw new ConveyorError(
      `Cannot clone the GitOps repository of environment '${environment.name}' (${url}, branch ${environment.branch}): ${reason}. Check that the repository and branch exist and that ${environment.tokenInput} can read it.`,
      { cause: error }
    );
  }
  if (config["http.extraheader"]) {
    fs.appendFileSync(path2.join(dir, "config"), `[http]
	extraheader = ${config["http.extraheader"]}
`);
  }
  let head;
  try {
    head = await readSnapshot(dir, `refs/heads/${environment.branch}`);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { dir, url, branch: environment.branch, ...repository ? { repository } : {}, credentials: Object.keys(config).length > 0, head };
}
async function readSnapshot(dir, ref) {
  const [commit, entries] = await Promise.all([
    git(dir, ["rev-parse", "--verify", "--end-of-options", `${ref}^{commit}`]),
    listTree(dir, ref)
  ]);
  const files = /* @__PURE__ */ new Map();
  for (const entry of entries) if (entry.type === "blob") files.set(entry.path, entry);
  return { commit: commit.stdout.trim(), files };
}
async function forgetCredentials(clones) {
  for (const pending of clones.values()) {
    const co = await pending.catch(() => void 0);
    if (co?.credentials) await git(co.dir, ["config", "--local", "--unset-all", "http.extraheader"], { okCodes: [0, 5] });
  }
}
function bindTargets(environment, image, snapshot, file) {
  const bound = [];
  for (const target of targetsFor(environment, image, file)) {
    const exact = normalizePattern(target.file);
    const files = isPattern(target.file) ? matchPaths(target.file, snapshot.files.keys()) : snapshot.files.has(exact) ? [exact] : [];
    if (files.length === 0) {
      throw new ConveyorError(`The ${target.kind} target ${target.file} of environment '${environment.name}' matches no file in the GitOps repository (branch ${environment.branch}); fix the path in ${file}.`);
    }
    for (const f of files) {
      if (snapshot.files.get(f).notUtf8) {
        throw new ConveyorError(`The ${target.kind} target ${target.file} of environment '${environment.name}' names ${f}, whose name in the GitOps repository (branch ${environment.branch}) is not UTF-8, so an edit could not be written under it; rename it to UTF-8 or narrow the target in ${file}.`);
      }
      if (snapshot.files.get(f).mode === "120000") {
        throw new ConveyorError(`The ${target.kind} target ${target.file} of environment '${environment.name}' names ${f}, a symbolic link in the GitOps repository (branch ${environment.branch}); point the target at the file it links to in ${file}.`);
      }
      bound.push({ target, file: f });
    }
  }
  return bound;
}
var utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function decode(bytes) {
  try {
    return utf8.decode(bytes);
  } catch {
    return void 0;
  }
}
async function readFiles(co, snapshot, bound) {
  const files = [...new Set(bound.map((b) => b.file))];
  const objects = await readObjects(co.dir, files.map((f) => snapshot.files.get(f).oid));
  const texts = /* @__PURE__ */ new Map();
  for (const file of files) {
    const object = objects.get(snapshot.files.get(file).oid);
    if (!object) throw new ConveyorError(`internal: ${file} is listed at ${snapshot.commit} but could not be read from ${co.dir}.`);
    const text = decode(object.content);
    if (text === void 0) {
      throw new ConveyorError(`${file} in the GitOps repository (${co.url}, branch ${co.branch}) is not UTF-8 text, so it cannot be edited without changing other bytes; save it as UTF-8 and run again.`);
    }
    texts.set(file, text);
  }
  return texts;
}
async function previousDigest(co, bound, current) {
  const files = [...new Set(bound.map((b) => b.file))];
  for await (const commit of readLog(co.dir, { range: co.head.commit, paths: files })) {
    const objects = await readObjects(co.dir, files.map((file) => `${commit.sha}:${file}`));
    const texts = /* @__PURE__ */ new Map();
    for (const file of files) {
      const object = objects.get(`${commit.sha}:${file}`);
      const text = object?.type === "blob" ? decode(object.content) : void 0;
      if (text !== void 0) texts.set(file, text);
    }
    if (texts.size !== files.length) continue;
    let observed;
    try {
      observed = observe(texts, bound);
    } catch {
      continue;
    }
    const running = runningDigest(observed);
    if (running.digest && running.digest !== current) {
      const tags = new Set(observed.map((o) => o.tag));
      const [tag] = tags;
      return { digest: running.digest, commit: commit.sha, ...tags.size === 1 && tag ? { tag } : {} };
    }
  }
  return void 0;
}
function fileWrites(snapshot, edits) {
  return [...edits].map(([file, content]) => ({ path: file, mode: snapshot.files.get(file).mode, content }));
}
async function commitAndPush(co, edits, message, identity, replan, retries = 5) {
  let snapshot = co.head;
  let attempts = 0;
  for (; ; ) {
    attempts++;
    const sha = await writeCommit(co.dir, { parent: snapshot.commit, message, identity, files: fileWrites(snapshot, edits), ref: "refs/conveyor/promotion" });
    try {
      await git(co.dir, ["push", "--quiet", "--", "origin", `${sha}:refs/heads/${co.branch}`]);
      return { sha, attempts, edits };
    } catch (error) {
      if (!(error instanceof GitError) || !isRaceRejection(error.stderr)) throw error;
      if (attempts > retries) {
        throw new GitError(
          error.command,
          error.exitCode,
          error.stderr,
          `The remote branch '${co.branch}' kept moving: ${attempts} pushes were rejected. Re-run the job, or serialise the workflow with a \`concurrency\` group.`,
          { cause: error }
        );
      }
    }
    await git(co.dir, ["fetch", "--quiet", "--no-tags", "--", "origin", `+refs/heads/${co.branch}:refs/heads/${co.branch}`]);
    snapshot = await readSnapshot(co.dir, `refs/heads/${co.branch}`);
    info(`The remote branch '${co.branch}' moved; making the edits again on its new tip ${snapshot.commit.slice(0, 12)} and pushing again (attempt ${attempts + 1}).`);
    edits = await replan(snapshot);
  }
}
async function pushPullRequestBranch(co, branch, edits, message, identity) {
  const [sha, remote] = await Promise.all([
    writeCommit(co.dir, { parent: co.head.commit, message, identity, files: fileWrites(co.head, edits), ref: "refs/conveyor/pull-request" }),
    git(co.dir, ["ls-remote", "--heads", "--", "origin", `refs/heads/${branch}`])
  ]);
  const remoteSha = remote.stdout.split(/\s/)[0];
  if (remoteSha) {
    const theirs = "refs/conveyor/remote-pull-request";
    await git(co.dir, ["fetch", "--quiet", "--no-tags", "--", "origin", `+refs/heads/${branch}:${theirs}`]);
    const trees = await git(co.dir, ["rev-parse", `${sha}^{tree}`, `${theirs}^{tree}`, `${theirs}~1`], { okCodes: [0, 128] });
    const [mine, their, theirParent] = trees.stdout.split("\n");
    if (trees.exitCode === 0 && mine === their && theirParent === co.head.commit) return { sha: remoteSha, pushed: false };
  }
  await git(co.dir, ["push", "--quiet", "--force", "--", "origin", `${sha}:refs/heads/${branch}`]);
  return { sha, pushed: true };
}

// packages/promote/src/pulls.ts
var import_node_crypto = __toESM(require_crypto(), 1);
function refPart(text) {
  return text.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/\.{2,}/g, ".").replace(/^[.-]+/, "").replace(/\.lock$/i, "-lock").replace(/\.$/, "") || "x";
}
function promotionBranch(environment, image) {
  const id = (0, import_node_crypto.createHash)("sha256").update(`${environment}
${image}`).digest("hex").slice(0, 10);
  return `conveyor/promote/${refPart(environment)}/${refPart(image)}-${id}`;
}
async function upsertPullRequest(client, spec) {
  const { data: open } = await client.rest.pulls.list({ owner: spec.owner, repo: spec.repo, head: `${spec.owner}:${spec.head}`, base: spec.base, state: "open" });
  const existing = open[0];
  if (existing) {
    await client.rest.pulls.update({ owner: spec.owner, repo: spec.repo, pull_number: existing.number, title: spec.title, body: spec.body });
    return { url: existing.html_url, number: existing.number, created: false };
  }
  const { data } = await client.rest.pulls.create({ owner: spec.owner, repo: spec.repo, head: spec.head, base: spec.base, title: spec.title, body: spec.body });
  return { url: data.html_url, number: data.number, created: true };
}

// packages/promote/src/diff.ts
var fs2 = __toESM(require_fs(), 1);
var path3 = __toESM(require_path(), 1);
async function unifiedDiff(before, edits, tempRoot) {
  if (edits.size === 0) return "";
  const dir = fs2.mkdtempSync(path3.join(tempRoot, "conveyor-diff-"));
  try {
    for (const [file, text] of edits) {
      for (const [side, content] of [["old", before.get(file) ?? ""], ["new", text]]) {
        const target = path3.join(dir, side, file);
        fs2.mkdirSync(path3.dirname(target), { recursive: true });
        fs2.writeFileSync(target, content);
      }
    }
    const result = await git(dir, ["-c", "diff.noprefix=false", "-c", "diff.mnemonicPrefix=false", "diff", "--no-index", "--no-color", "--no-ext-diff", "--no-renames", "-U3", "--", "old", "new"], { okCodes: [0, 1] });
    return result.stdout.split("\n").filter((line) => !/^(diff --git |index [0-9a-f]+\.\.[0-9a-f]+)/.test(line)).map((line) => line.replace(/^--- a\/old\//, "--- a/").replace(/^\+\+\+ b\/new\//, "+++ b/")).join("\n").trimEnd();
  } finally {
    fs2.rmSync(dir, { recursive: true, force: true });
  }
}

// packages/promote/src/promote.ts
async function resolveDigest(request, context, signal) {
  const reference = request.reference || request.version;
  const found = await context.registry.manifestDigest(request.image, reference, signal ? { signal } : {});
  if (isDigest(reference)) {
    checkPresent(request.environment, request.image, reference, found);
    return reference;
  }
  if (!found) {
    throw new PromotionRefused(`Refusing to promote ${request.image}:${reference} to '${request.environment}': the registry has no tag '${reference}' for it. Push the image first, or pass its digest.`);
  }
  info(`${request.image}:${reference} resolves to ${found}.`);
  return found;
}
function deploymentTarget(environment, context) {
  if (!context.owner || !context.repo || !context.sha) return void 0;
  return {
    owner: context.owner,
    repo: context.repo,
    ref: context.sha,
    environment: environment.githubEnvironment.name,
    ...environment.githubEnvironment.url ? { environmentUrl: environment.githubEnvironment.url } : {},
    ...context.runUrl ? { logUrl: context.runUrl } : {}
  };
}
async function promote(request, context) {
  const clones = /* @__PURE__ */ new Map();
  try {
    return await promoteWith(clones, request, context);
  } finally {
    await forgetCredentials(clones);
  }
}
async function decide(request, context, clones, found) {
  const { environment, previous, co, bound, runningNow } = found;
  if (request.rollback) {
    const before = await previousDigest(co, bound, runningNow);
    if (!before) throw new PromotionRefused(`Cannot roll back '${environment.name}': its history in ${co.url} (branch ${co.branch}) records no digest other than ${runningNow ?? "none"} for ${request.image}.`);
    checkPresent(environment.name, request.image, before.digest, await context.registry.manifestDigest(request.image, before.digest));
    const note = `Rolled back '${environment.name}' from ${runningNow ?? "no digest"} to ${before.digest}, which it ran at commit ${before.commit.slice(0, 12)}. `;
    info(note);
    return { digest: before.digest, version: request.version || before.tag || "", from: "rollback", note };
  }
  const digest = await (found.lookup ?? resolveDigest(request, context));
  if (previous) {
    const prev = await checkout(previous, context, clones);
    const prevBound = bindTargets(previous, request.image, prev.head, request.environmentsFile);
    checkOrder(environment, previous, observe(await readFiles(prev, prev.head, prevBound), prevBound), digest);
  }
  checkVerdict(environment, request.verdict, digest, request.verdictFile);
  const from = previous?.name ?? (context.owner && context.sha ? `${context.owner}/${context.repo}@${context.sha.slice(0, 12)}` : "registry");
  return { digest, version: request.version, from, note: "" };
}
async function promoteWith(clones, request, context) {
  const early = new AbortController();
  try {
    return await promoteChecked(clones, request, context, early.signal);
  } finally {
    early.abort();
  }
}
async function promoteChecked(clones, request, context, signal) {
  const environments = parseEnvironments(request.environmentsText, request.environmentsFile);
  const { environment, previous } = findEnvironment(environments, request.environment, request.environmentsFile);
  const cloned = checkout(environment, context, clones);
  let lookup;
  let known;
  if (!request.rollback) {
    lookup = resolveDigest(request, context, signal);
    lookup.then((digest2) => {
      known = digest2;
    }, () => void 0);
    if (previous) checkout(previous, context, clones).catch(() => void 0);
  }
  const co = await cloned;
  const identity = request.dryRun ? void 0 : commitIdentity(co.dir);
  identity?.catch(() => void 0);
  const bound = bindTargets(environment, request.image, co.head, request.environmentsFile);
  const texts = await readFiles(co, co.head, bound);
  const parsed = /* @__PURE__ */ new Map();
  const early = known ? observeAndPlan(texts, bound, { image: request.image, digest: known, ...request.version ? { version: request.version } : {} }) : void 0;
  const observed = early?.observed ?? observe(texts, bound, parsed);
  const runningNow = runningDigest(observed).digest;
  const { digest, version, from, note } = await decide(request, context, clones, {
    environment,
    ...previous ? { previous } : {},
    co,
    bound,
    ...runningNow ? { runningNow } : {},
    ...lookup ? { lookup } : {}
  });
  const result = {
    environment: environment.name,
    image: request.image,
    version,
    digest,
    ...runningNow ? { previousDigest: runningNow } : {},
    changed: false,
    files: [],
    message: "",
    links: {},
    dryRun: request.dryRun
  };
  const target = deploymentTarget(environment, context);
  const client = target ? await context.github(context.tokens["github-token"]) : void 0;
  if (target) result.links.deploymentsUrl = `${context.serverUrl}/${target.owner}/${target.repo}/deployments/${encodeURIComponent(target.environment)}`;
  if (early?.error !== void 0) throw early.error;
  const wanted = { image: request.image, digest, ...version ? { version } : {} };
  const edits = early && digest === known && version === request.version ? early.edits : planEdits(texts, bound, wanted, parsed);
  if (edits.size === 0) {
    result.message = `'${environment.name}' already runs ${digest}; nothing to change.`;
    if (!request.dryRun && client && target) await finishLeftDeployment(client, target, result);
    return result;
  }
  result.files = [...edits.keys()].sort();
  const fromText = runningNow ? describeRunning(observed) : "no digest";
  if (request.dryRun) {
    result.message = `Dry run: would change ${result.files.length} file(s) to move '${environment.name}' from ${fromText} to ${digest}.`;
    result.diff = await unifiedDiff(texts, edits, context.workDir);
    return result;
  }
  const [owner = "", repo = ""] = (co.repository ?? "").split("/");
  const gitopsClient = environment.write === "pull-request" ? await context.github(context.tokens[environment.tokenInput]) : void 0;
  if (environment.write === "pull-request" && (!owner || !repo || !gitopsClient)) {
    throw new PromotionRefused(`The environment '${environment.name}' writes by pull request, which needs its GitOps repository (owner/name) and a token in ${environment.tokenInput}; set repository: in the environments file and pass the token.`);
  }
  if (!client) info(target ? "No github-token: the deployment is not recorded on GitHub." : "The workflow repository or commit is unknown (GITHUB_REPOSITORY, GITHUB_SHA): the deployment is not recorded on GitHub.");
  let deploymentId;
  if (client && target) {
    deploymentId = await createDeployment(client, target, { image: request.image, digest, version, source: from }, `promote ${request.image} ${version} to ${environment.name}`);
    result.deploymentId = deploymentId;
    await setDeploymentState(client, target, deploymentId, "in_progress", `writing ${shortDigest(digest)} to git`);
  }
  const message = commitMessage({ image: request.image, version, digest, environment: environment.name, from });
  try {
    if (environment.write === "commit") {
      const replan = (snapshot) => editsAt(co, snapshot, request, environment, observed, wanted);
      const pushed = await commitAndPush(co, edits, message, await (identity ?? commitIdentity(co.dir)), replan);
      result.files = [...pushed.edits.keys()].sort();
      result.commitSha = pushed.sha;
      if (co.repository) result.links.commitUrl = `${context.serverUrl}/${co.repository}/commit/${pushed.sha}`;
      const retries = pushed.attempts - 1;
      const retried = retries > 0 ? ` (pushed after ${retries} ${retries === 1 ? "retry" : "retries"} on a branch that moved)` : "";
      result.message = `Promoted ${request.image} ${version} to '${environment.name}': ${fromText} → ${digest} in ${result.files.length} file(s), commit ${pushed.sha.slice(0, 12)}${retried}.`;
    } else {
      const branch = promotionBranch(environment.name, request.image);
      result.commitSha = (await pushPullRequestBranch(co, branch, edits, message, await (identity ?? commitIdentity(co.dir)))).sha;
      const pr = await upsertPullRequest(gitopsClient, {
        owner,
        repo,
        head: branch,
        base: co.branch,
        title: message.split("\n")[0],
        body: `Moves **${environment.name}** from \`${runningNow ?? "no digest"}\` to \`${digest}\` (${request.image} ${version}).

Files:
${result.files.map((f) => `- \`${f}\``).join("\n")}

${message.split("\n\n")[1] ?? ""}`
      });
      result.prUrl = pr.url;
      result.message = `${pr.created ? "Opened" : "Updated"} pull request ${pr.url} to move '${environment.name}' from ${fromText} to ${digest} (${result.files.length} file(s)).`;
    }
    result.changed = true;
  } catch (error) {
    if (client && target && deploymentId !== void 0) {
      await setDeploymentState(client, target, deploymentId, "failure", "the promotion could not be written to git").catch((e) => warning(`Could not mark deployment ${deploymentId} as failed: ${describeError(e)}`));
    }
    throw error;
  }
  result.message = note + result.message;
  if (client && target && deploymentId !== void 0 && environment.write === "commit") {
    await setDeploymentState(client, target, deploymentId, "success", `${request.image} ${shortDigest(digest)} is in git`);
  }
  return result;
}
async function editsAt(co, snapshot, request, environment, checked, wanted) {
  const stopped = (why, cause) => new PromotionRefused(
    `Stopped promoting ${request.image} to '${environment.name}': ${co.url} (branch ${co.branch}) moved while it ran, and at ${snapshot.commit.slice(0, 12)} ${why}. Nothing was pushed; run the promotion again.`,
    cause === void 0 ? void 0 : { cause }
  );
  let again;
  try {
    const bound = bindTargets(environment, request.image, snapshot, request.environmentsFile);
    again = observeAndPlan(await readFiles(co, snapshot, bound), bound, wanted);
  } catch (error) {
    throw stopped(`its files no longer read as the checks read them (${describeError(error)})`, error);
  }
  const same = again.observed.length === checked.length && again.observed.every((o, i) => o.where === checked[i].where && o.digest === checked[i].digest && o.tag === checked[i].tag);
  if (!same) {
    const [now, then] = [describeRunning(again.observed), describeRunning(checked)];
    throw stopped(now !== then ? `its targets record ${now} where the checks read ${then}` : `its targets record ${now} as the checks read, but in other places or with other tags`);
  }
  if (again.error !== void 0) throw again.error;
  return again.edits;
}
async function finishLeftDeployment(client, target, result) {
  const found = await findDeployment(client, target, result.digest);
  if (!found) return;
  result.deploymentId = found.id;
  if (found.state === "success") return;
  await setDeploymentState(client, target, found.id, "success", `${result.image} ${shortDigest(result.digest)} is in git`);
  result.message += ` Finished its deployment ${found.id}, which was left ${found.state ?? "without a status"}.`;
}

// packages/promote/src/action.ts
function readText(file, what) {
  try {
    return fs3.readFileSync(file, "utf8");
  } catch (error) {
    throw new EnvironmentsError(`The ${what} ${file} cannot be read (${error.code ?? "error"}); create it or point the input at it.`, { cause: error });
  }
}
async function runPromotion(inputs, env) {
  checkPromoteInputs(inputs);
  const context = readContext(env);
  const environmentsFile = environmentsFilePath(inputs, context.workspace);
  const environmentsText = readText(environmentsFile, "environments file");
  let verdict;
  if (inputs["verdict-file"]) verdict = parseVerdict(readText(inputs["verdict-file"], "verdict file"), inputs["verdict-file"]);
  const workDir = fs3.mkdtempSync(path4.join(env.RUNNER_TEMP || os.tmpdir(), "conveyor-promote-"));
  const clients = /* @__PURE__ */ new Map();
  try {
    return await promote({
      environmentsFile: path4.relative(context.workspace, environmentsFile) || environmentsFile,
      environmentsText,
      environment: inputs.environment,
      image: inputs.image,
      reference: inputs.digest,
      version: inputs.version,
      ...verdict ? { verdict } : {},
      ...inputs["verdict-file"] ? { verdictFile: inputs["verdict-file"] } : {},
      dryRun: inputs["dry-run"],
      rollback: inputs.rollback
    }, {
      workDir,
      serverUrl: context.serverUrl,
      ...context.owner ? { repository: `${context.owner}/${context.repo}`, owner: context.owner, repo: context.repo } : {},
      ...context.sha ? { sha: context.sha } : {},
      ...context.runId ? { runUrl: `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${context.runId}` } : {},
      tokens: { "github-token": inputs["github-token"], "gitops-token": inputs["gitops-token"] || inputs["github-token"] },
      registry: new RegistryClient({
        ...inputs["registry-username"] || inputs["registry-password"] ? { credentials: { username: inputs["registry-username"], password: inputs["registry-password"] } } : {},
        credentialsHint: "give 'registry-username' and 'registry-password'"
      }),
      // Octokit is loaded when a client is first asked for: a promotion that records no deployment and opens
      // no pull request never evaluates it.
      github: async (token) => {
        if (!token) return void 0;
        let client = clients.get(token);
        if (!client) {
          const { createOctokit } = await import("./cli.octokit-OMPRJZMT.js");
          client = clients.get(token) ?? createOctokit({ token, baseUrl: context.apiUrl });
          clients.set(token, client);
        }
        return client;
      }
    });
  } finally {
    if (!env.RUNNER_TEMP) fs3.rmSync(workDir, { recursive: true, force: true });
  }
}
function promoteOutputs(result) {
  return {
    changed: result.changed,
    "commit-sha": result.commitSha,
    "pr-url": result.prUrl,
    "deployment-id": result.deploymentId,
    "previous-digest": result.previousDigest,
    digest: result.digest,
    files: result.files
  };
}

// packages/promote/src/cli.ts
var promoteCommand = {
  name: "promote",
  summary: "Promote an image digest to the next environment by GitOps, in order.",
  flags: Object.keys(promoteInputs),
  help: commandHelp({
    usage: [
      "conveyor promote --environment <name> --image <name> --digest <sha256:…|tag> [--version <v>] [flags]",
      "conveyor promote --environment <name> --image <name> --version <v> --dry-run"
    ],
    about: ["Reads .github/conveyor/environments.yml (or --environments-file) in the current folder. --dry-run runs\nevery check and prints the unified diff of each file it would commit, and changes nothing."],
    flags: [["Flags (the inputs of the promote action)", flagHelp(promoteInputs, {}, action)]]
  }),
  async run(argv, io) {
    const flags = parseFlags(argv, promoteInputs);
    if (flags.help) {
      io.stdout(this.help);
      return 0;
    }
    const inputs = readInputs(promoteInputs, flags.source, { baseDir: io.cwd });
    const result = await runPromotion(inputs, { ...io.env, GITHUB_WORKSPACE: io.env.GITHUB_WORKSPACE ?? io.cwd });
    const outputs = promoteOutputs(result);
    if (flags.json) io.stdout(`${JSON.stringify(Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, v ?? null])))}
`);
    else io.stdout(`${result.message}
${result.diff ? `
${result.diff}
` : ""}${Object.entries(outputs).map(([k, v]) => `${k}: ${formatOutput(v)}`).join("\n")}
`);
    return 0;
  }
};
export {
  promoteCommand
};
