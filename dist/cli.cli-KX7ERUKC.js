import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  runFolder
} from "./cli.chunk-TL3JD5DQ.js";
import {
  exec,
  quoteArg
} from "./cli.chunk-KUCLN7QB.js";
import {
  createOctokit
} from "./cli.chunk-IPM4MPGY.js";
import {
  readContext
} from "./cli.chunk-ZKYFB5SO.js";
import {
  codeBlock,
  details,
  escapeHtml,
  table
} from "./cli.chunk-ID3Q7B6X.js";
import {
  boolean,
  filePath,
  integer,
  list,
  oneOf,
  readInputs,
  secret,
  string
} from "./cli.chunk-64BINYD5.js";
import {
  formatOutput,
  group,
  info
} from "./cli.chunk-ZY3ABXIW.js";
import {
  require_child_process
} from "./cli.chunk-NJ27DEOS.js";
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
  ExecError,
  InputError,
  ToolNotFoundError
} from "./cli.chunk-YFFPNGMU.js";
import "./cli.chunk-MYNQKUQR.js";
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

// packages/terraform/src/cli.ts
var fs5 = __toESM(require_fs(), 1);
var path6 = __toESM(require_path(), 1);

// packages/terraform/src/fingerprint.ts
var import_node_crypto = __toESM(require_crypto(), 1);

// packages/terraform/src/values.ts
var SENSITIVE = "(sensitive value)";
var UNKNOWN = "(known after apply)";
function maskChild(mask, step) {
  if (mask === true) return true;
  if (mask === null || mask === void 0 || typeof mask !== "object") return false;
  if (Array.isArray(mask)) return typeof step === "number" ? mask[step] : void 0;
  return mask[String(step)];
}
function maskIsSet(mask) {
  return mask === true;
}
function maskHasAny(mask) {
  if (mask === true) return true;
  if (mask === null || mask === void 0 || typeof mask !== "object") return false;
  const children = Array.isArray(mask) ? mask : Object.values(mask);
  return children.some((child) => maskHasAny(child));
}
function isContainer(value) {
  return value !== null && typeof value === "object";
}
function childOf(value, step) {
  if (!isContainer(value)) return void 0;
  if (Array.isArray(value)) return typeof step === "number" ? value[step] : void 0;
  return value[String(step)];
}
function childSteps(a, b, c) {
  const nodes = [a, b, c].filter(isContainer);
  if (nodes.length === 0) return [];
  if (Array.isArray(nodes[0])) {
    let length = 0;
    for (const node2 of nodes) if (Array.isArray(node2) && node2.length > length) length = node2.length;
    return Array.from({ length }, (_, i) => i);
  }
  const keys = [];
  for (let n = 0; n < nodes.length; n += 1) {
    const node2 = nodes[n];
    if (Array.isArray(node2)) continue;
    for (const key of Object.keys(node2)) {
      let seen = false;
      for (let m = 0; m < n && !seen; m += 1) seen = !Array.isArray(nodes[m]) && Object.hasOwn(nodes[m], key);
      if (!seen) keys.push(key);
    }
  }
  return keys;
}
function appendStep(path7, step) {
  if (typeof step === "number") return `${path7}[${step}]`;
  if (/^[A-Za-z_][\w-]*$/.test(step)) return path7 === "" ? step : `${path7}.${step}`;
  return `${path7}[${JSON.stringify(step)}]`;
}
function formatPath(path7) {
  let text = "";
  for (const step of path7) text = appendStep(text, step);
  return text;
}
function parsePath(text) {
  const steps = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ".") {
      i += 1;
    } else if (c === "[" && text[i + 1] === '"') {
      let j = i + 2;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      steps.push(JSON.parse(text.slice(i + 1, j + 1)));
      i = j + 2;
    } else if (c === "[") {
      const j = text.indexOf("]", i);
      steps.push(Number(text.slice(i + 1, j)));
      i = j + 1;
    } else {
      const m = /^[A-Za-z_][\w-]*/.exec(text.slice(i));
      if (!m) throw new Error(`${JSON.stringify(text)} is not a path formatPath writes`);
      steps.push(m[0]);
      i += m[0].length;
    }
  }
  return steps;
}
var MAX_VALUE_CHARS = 200;
function showValue(value) {
  if (value === void 0) return "null";
  const text = JSON.stringify(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}
function sideText(side) {
  if (maskIsSet(side.sensitive)) return SENSITIVE;
  if (side.value === void 0 || side.value === null) return void 0;
  return showValue(side.value);
}
function sameValue(a, b) {
  if (a === b) return true;
  if (a === void 0 || b === void 0) return (a ?? null) === (b ?? null);
  if (typeof a !== "object" || typeof b !== "object") return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
function walk(state, here, depth, before, after, unknown, from = {}) {
  if (state.out.length >= state.limit) return;
  const absent = (v) => v === void 0 || v === null;
  const where = {
    newFrom: from.newFrom ?? (absent(before.value) ? depth : void 0),
    goneFrom: from.goneFrom ?? (absent(after.value) && !maskIsSet(unknown) && !isContainer(unknown) ? depth : void 0)
  };
  const push = (change) => state.out.push({
    path: change.path,
    before: change.before,
    after: change.after,
    forcesReplacement: change.forcesReplacement,
    newFrom: where.newFrom,
    goneFrom: where.goneFrom
  });
  const forces = state.replacePaths.length > 0 && state.replacePaths.includes(here);
  if (maskIsSet(unknown)) {
    push({ path: here, before: sideText(before), after: UNKNOWN, forcesReplacement: forces });
    return;
  }
  const sensitive = maskIsSet(before.sensitive) || maskIsSet(after.sensitive);
  const descend = !sensitive && (isContainer(before.value) || isContainer(after.value) || isContainer(unknown)) && !(isEmptyContainer(before.value) && isEmptyContainer(after.value) && !isContainer(unknown));
  if (descend && depth < 32) {
    for (const step of childSteps(before.value, after.value, unknown)) {
      walk(
        state,
        appendStep(here, step),
        depth + 1,
        { value: childOf(before.value, step), sensitive: maskChild(before.sensitive, step) },
        { value: childOf(after.value, step), sensitive: maskChild(after.sensitive, step) },
        maskChild(unknown, step),
        where
      );
    }
    return;
  }
  if (sensitive) {
    if (sameValue(before.value, after.value) && maskIsSet(before.sensitive) === maskIsSet(after.sensitive)) return;
    push({
      path: here,
      before: before.value === void 0 || before.value === null ? void 0 : SENSITIVE,
      after: after.value === void 0 || after.value === null ? void 0 : SENSITIVE,
      forcesReplacement: forces
    });
    return;
  }
  if (sameValue(before.value, after.value)) return;
  push({ path: here, before: sideText(before), after: sideText(after), forcesReplacement: forces });
}
function isEmptyContainer(value) {
  if (!isContainer(value)) return value === void 0 || value === null;
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}
function changedAttributes(change, limit = 500) {
  const replacePaths = Array.isArray(change.replace_paths) ? change.replace_paths.filter(Array.isArray).map((p) => formatPath(p.filter((s) => typeof s === "string" || typeof s === "number"))) : [];
  const state = {
    before: { value: change.before ?? null, sensitive: change.before_sensitive },
    after: { value: change.after ?? null, sensitive: change.after_sensitive },
    unknown: change.after_unknown,
    replacePaths,
    out: [],
    limit: limit + 1
  };
  walk(state, "", 0, state.before, state.after, state.unknown);
  const truncated = state.out.length > limit;
  return { attributes: state.out.slice(0, limit), truncated };
}
function redact(value, mask, replace, path7 = []) {
  if (value === void 0) return void 0;
  if (maskIsSet(mask)) return replace(value, path7);
  if (!maskHasAny(mask) || !isContainer(value)) return value;
  if (Array.isArray(value)) {
    const out2 = value.slice();
    const indexes = Array.isArray(mask) ? mask.map((_, i) => i) : Object.keys(mask).map(Number).filter(Number.isInteger);
    for (const i of indexes) {
      const child = maskChild(mask, i);
      if (i < out2.length && maskHasAny(child)) out2[i] = redact(out2[i], child, replace, [...path7, i]) ?? null;
    }
    return out2;
  }
  const out = { ...value };
  if (Array.isArray(mask)) return out;
  for (const [key, child] of Object.entries(mask)) {
    if (Object.hasOwn(out, key) && maskHasAny(child)) out[key] = redact(out[key], child, replace, [...path7, key]) ?? null;
  }
  return out;
}
function collectLeaves(value, out, depth) {
  if (value === void 0 || value === null || typeof value === "boolean") return;
  if (typeof value === "string") {
    if (value !== "") out.add(value);
    return;
  }
  if (typeof value === "number") {
    out.add(String(value));
    return;
  }
  if (depth > 32) return;
  out.add(JSON.stringify(value));
  for (const child of Array.isArray(value) ? value : Object.values(value)) collectLeaves(child, out, depth + 1);
}
function collectSensitive(value, mask, out, depth = 0) {
  if (value === void 0 || value === null) return;
  if (maskIsSet(mask)) {
    collectLeaves(value, out, depth);
    return;
  }
  if (!maskHasAny(mask) || !isContainer(value) || depth > 32) return;
  const steps = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  for (const step of steps) collectSensitive(childOf(value, step), maskChild(mask, step), out, depth + 1);
}

// packages/terraform/src/fingerprint.ts
function keysSortedDeep(value) {
  if (value === null || typeof value !== "object") return true;
  if (Array.isArray(value)) {
    for (const item of value) if (!keysSortedDeep(item)) return false;
    return true;
  }
  let previous;
  for (const key in value) {
    if (previous !== void 0 && previous > key) return false;
    previous = key;
    if (!keysSortedDeep(value[key])) return false;
  }
  return true;
}
function canonicalJson(value) {
  return keysSortedDeep(value) ? JSON.stringify(value ?? null) : canonicalSlow(value);
}
function canonicalSlow(value) {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) {
    let text2 = "[";
    for (let i = 0; i < value.length; i += 1) text2 += (i === 0 ? "" : ",") + canonicalSlow(value[i]);
    return `${text2}]`;
  }
  const record = value;
  const keys = Object.keys(record);
  for (let i = 1; i < keys.length; i += 1) {
    if (keys[i - 1] > keys[i]) {
      keys.sort();
      break;
    }
  }
  let text = "{";
  let first = true;
  for (const key of keys) {
    const item = record[key];
    if (item === void 0) continue;
    text += `${first ? "" : ","}${JSON.stringify(key)}:${canonicalSlow(item)}`;
    first = false;
  }
  return `${text}}`;
}
var sha256 = (text) => (0, import_node_crypto.createHash)("sha256").update(text).digest("hex");
function redactSide(value, mask, where, sink) {
  return redact(value, mask, (part, path7) => {
    sink.push([`${where}:${JSON.stringify(path7)}`, sha256(canonicalJson(part))]);
    return { "(sensitive)": true };
  });
}
function meaningfulChange(change, sink) {
  return {
    actions: change.actions,
    after: redactSide(change.after, change.after_sensitive, "after", sink),
    after_sensitive: change.after_sensitive ?? null,
    after_unknown: change.after_unknown ?? null,
    before: redactSide(change.before, change.before_sensitive, "before", sink),
    before_sensitive: change.before_sensitive ?? null,
    importing: change.importing ?? null,
    replace_paths: change.replace_paths ?? null
  };
}
function digestsOf(content) {
  const sink = [];
  const publicHash = sha256(canonicalJson(content(sink)));
  const full = sink.length === 0 ? publicHash : sha256(`${publicHash}
${JSON.stringify(sink.sort(byFirst))}`);
  return { publicDigest: publicHash.slice(0, DIGEST_CHARS), full };
}
function matters(raw) {
  const change = raw.change ?? {};
  const noop = Array.isArray(change.actions) && change.actions.length === 1 && change.actions[0] === "no-op";
  const moved = typeof raw.previous_address === "string" && raw.previous_address !== raw.address;
  return !noop || moved || change.importing !== void 0 && change.importing !== null;
}
var DIGEST_CHARS = 16;
var byFirst = (a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
var FingerprintBuilder = class {
  resources = [];
  outputs = [];
  digests = {};
  resource(raw) {
    if (!matters(raw)) return;
    const address = String(raw.address);
    const { publicDigest, full } = digestsOf((sink) => ({
      action_reason: raw.action_reason ?? null,
      address: raw.address,
      change: meaningfulChange(raw.change ?? {}, sink),
      previous_address: raw.previous_address ?? null
    }));
    this.resources.push([address, full]);
    this.digests[address] = { digest: publicDigest, actions: (raw.change?.actions).join(",") };
  }
  outputChanges(changes) {
    for (const [name, change] of Object.entries(changes)) {
      if (Array.isArray(change.actions) && change.actions.join(",") === "no-op") continue;
      const { publicDigest, full } = digestsOf((sink) => meaningfulChange(change, sink));
      this.outputs.push([name, full]);
      this.digests[`output.${name}`] = { digest: publicDigest, actions: change.actions.join(",") };
    }
  }
  finish() {
    const hash = (0, import_node_crypto.createHash)("sha256");
    hash.update("conveyor-plan-fingerprint v1\n");
    for (const [address, full] of [...this.resources].sort(byFirst)) hash.update(`resource ${JSON.stringify(address)} ${full}
`);
    for (const [name, full] of [...this.outputs].sort(byFirst)) hash.update(`output ${JSON.stringify(name)} ${full}
`);
    const digests = {};
    for (const key of Object.keys(this.digests).sort()) digests[key] = this.digests[key];
    return { fingerprint: hash.digest("hex"), digests };
  }
};
function compareDigests(reviewed, current) {
  const out = [];
  const addresses = [.../* @__PURE__ */ new Set([...Object.keys(reviewed), ...Object.keys(current)])].sort();
  for (const address of addresses) {
    const was = reviewed[address];
    const now = current[address];
    if (was && !now) out.push({ address, how: "removed", reviewed: was.actions });
    else if (!was && now) out.push({ address, how: "added", now: now.actions });
    else if (was && now && was.digest !== now.digest) out.push({ address, how: "changed", reviewed: was.actions, now: now.actions });
  }
  return out;
}
function encodeDigests(digests) {
  const compact = Object.entries(digests).map(([address, d]) => [address, d.digest, d.actions]);
  return Buffer.from(JSON.stringify(compact)).toString("base64url");
}
function decodeDigests(text) {
  try {
    const compact = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (!Array.isArray(compact)) return void 0;
    const out = {};
    for (const entry of compact) {
      if (!Array.isArray(entry) || entry.length !== 3 || !entry.every((e) => typeof e === "string")) return void 0;
      out[entry[0]] = { digest: entry[1], actions: entry[2] };
    }
    return out;
  } catch {
    return void 0;
  }
}

// packages/terraform/src/jsonscan.ts
var JsonScanError = class extends ConveyorError {
};
var QUOTE = 34;
var BACKSLASH = 92;
var OPEN_BRACE = 123;
var CLOSE_BRACE = 125;
var OPEN_BRACKET = 91;
var CLOSE_BRACKET = 93;
var COMMA = 44;
var COLON = 58;
function isSpace(c) {
  return c === 32 || c === 10 || c === 13 || c === 9;
}
function position(text, at) {
  const before = text.slice(0, at);
  const line = (before.match(/\n/g)?.length ?? 0) + 1;
  return `position ${at} (line ${line} column ${at - before.lastIndexOf("\n")})`;
}
var JsonScanner = class {
  text;
  source;
  constructor(text, source) {
    this.text = text;
    this.source = source;
  }
  fail(at, what) {
    throw new JsonScanError(`${what} at ${position(this.text, Math.min(at, this.text.length))} of ${this.source}`);
  }
  skipSpace(i) {
    const t = this.text;
    while (i < t.length && isSpace(t.charCodeAt(i))) i += 1;
    return i;
  }
  /** The index after the string that starts at `i` (a `"`). */
  skipString(i) {
    const t = this.text;
    let j = i + 1;
    for (; ; ) {
      const q = t.indexOf('"', j);
      if (q === -1) this.fail(i, "a string is not closed");
      let backslashes = 0;
      for (let k = q - 1; k > i && t.charCodeAt(k) === BACKSLASH; k -= 1) backslashes += 1;
      if (backslashes % 2 === 0) return q + 1;
      j = q + 1;
    }
  }
  /** The index after the value that starts at `i`. */
  skipValue(i) {
    const t = this.text;
    const c = t.charCodeAt(i);
    if (c === QUOTE) return this.skipString(i);
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      const stack = [];
      let j2 = i;
      while (j2 < t.length) {
        const d = t.charCodeAt(j2);
        if (d === QUOTE) {
          j2 = this.skipString(j2);
          continue;
        }
        if (d === OPEN_BRACE || d === OPEN_BRACKET) stack.push(d);
        else if (d === CLOSE_BRACE || d === CLOSE_BRACKET) {
          const open = stack.pop();
          if (d === CLOSE_BRACE && open !== OPEN_BRACE || d === CLOSE_BRACKET && open !== OPEN_BRACKET) this.fail(j2, `an unexpected '${String.fromCharCode(d)}'`);
          if (stack.length === 0) return j2 + 1;
        }
        j2 += 1;
      }
      this.fail(i, "an object or list is not closed");
    }
    let j = i;
    while (j < t.length) {
      const d = t.charCodeAt(j);
      if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || isSpace(d)) break;
      j += 1;
    }
    if (j === i) this.fail(i, "a value is missing");
    return j;
  }
  /**
   * Visits the members of the object at `i`. `visit` gets each name and where its value starts; it returns
   * where the value ends when it read the value itself, or undefined to have it skipped. Returns the end
   * of the object.
   */
  forEachMember(i, visit) {
    const t = this.text;
    i = this.skipSpace(i);
    if (t.charCodeAt(i) !== OPEN_BRACE) this.fail(i, "an object was expected");
    i = this.skipSpace(i + 1);
    if (t.charCodeAt(i) === CLOSE_BRACE) return i + 1;
    for (; ; ) {
      if (t.charCodeAt(i) !== QUOTE) this.fail(i, "a member name was expected");
      const keyEnd = this.skipString(i);
      const key = JSON.parse(t.slice(i, keyEnd));
      i = this.skipSpace(keyEnd);
      if (t.charCodeAt(i) !== COLON) this.fail(i, "a ':' was expected");
      const start = this.skipSpace(i + 1);
      const end = visit(key, start) ?? this.skipValue(start);
      i = this.skipSpace(end);
      const c = t.charCodeAt(i);
      if (c === CLOSE_BRACE) return i + 1;
      if (c !== COMMA) this.fail(i, "a ',' or '}' was expected");
      i = this.skipSpace(i + 1);
    }
  }
  /** Visits each element of the list at `i` with where it starts and ends; returns the end of the list. */
  forEachElement(i, visit) {
    const t = this.text;
    if (t.charCodeAt(i) !== OPEN_BRACKET) this.fail(i, "a list was expected");
    i = this.skipSpace(i + 1);
    if (t.charCodeAt(i) === CLOSE_BRACKET) return i + 1;
    for (let index = 0; ; index += 1) {
      const end = this.skipValue(i);
      visit(i, end, index);
      i = this.skipSpace(end);
      const c = t.charCodeAt(i);
      if (c === CLOSE_BRACKET) return i + 1;
      if (c !== COMMA) this.fail(i, "a ',' or ']' was expected");
      i = this.skipSpace(i + 1);
    }
  }
  /** Parses the value between `start` and `end`. */
  parse(start, end) {
    try {
      return JSON.parse(this.text.slice(start, end));
    } catch (error) {
      return this.fail(start, error.message.replace(/ in JSON at position \d+.*$/, ""));
    }
  }
  /** The end of the top-level value at `end`: only whitespace may follow. */
  expectEnd(end) {
    const i = this.skipSpace(end);
    if (i < this.text.length) this.fail(i, "there is more text after the document");
  }
};

// packages/terraform/src/plan.ts
var PlanFormatError = class extends ConveyorError {
};
var SUPPORTED_MAJOR = 1;
function formatError(source, detail) {
  return new PlanFormatError(`${source} is not a terraform plan document: ${detail}. Produce it with \`terraform show -json PLANFILE\`.`);
}
function checkPlanMeta(plan2, source) {
  if (typeof plan2.format_version !== "string") throw formatError(source, 'it has no "format_version"');
  const major = Number(plan2.format_version.split(".")[0]);
  if (!Number.isInteger(major) || major > SUPPORTED_MAJOR) {
    throw new PlanFormatError(`${source} has format_version ${plan2.format_version}; conveyor reads plan format 0.x and 1.x. Use a terraform or tofu release that writes format 1.x.`);
  }
  if (plan2.output_changes !== void 0 && (plan2.output_changes === null || typeof plan2.output_changes !== "object" || Array.isArray(plan2.output_changes))) {
    throw formatError(source, '"output_changes" is not an object');
  }
}
function checkResourceChange(entry, key, i, source) {
  if (entry === null || typeof entry !== "object" || Array.isArray(entry)) throw formatError(source, `${key}[${i}] is not an object`);
  const r = entry;
  if (typeof r.address !== "string") throw formatError(source, `${key}[${i}] has no "address"`);
  if (!r.change || !Array.isArray(r.change.actions)) throw formatError(source, `${key}[${i}] (${r.address}) has no "change.actions" list`);
  return r;
}
function changeKind(actions, where) {
  const key = actions.join(",");
  switch (key) {
    case "no-op":
      return "no-op";
    case "create":
      return "create";
    case "read":
      return "read";
    case "update":
      return "update";
    case "delete":
      return "delete";
    case "forget":
      return "forget";
    case "delete,create":
      return "replace";
    case "create,delete":
      return "replace-create-first";
    case "create,forget":
      return "create-then-forget";
    case "forget,create":
      return "forget-then-create";
    default:
      throw new PlanFormatError(`${where} has actions [${actions.map((a) => JSON.stringify(a)).join(", ")}], which conveyor does not know. Please report it with the terraform version that wrote the plan.`);
  }
}
function isReplace(kind) {
  return kind === "replace" || kind === "replace-create-first";
}
function emptyCounts() {
  return { add: 0, change: 0, destroy: 0, replace: 0, import: 0, move: 0, forget: 0, read: 0, noop: 0 };
}
function count(counts, resource) {
  if (resource.mode === "data") {
    if (resource.kind === "read") counts.read += 1;
    return;
  }
  if (resource.importing) counts.import += 1;
  if (resource.moved) counts.move += 1;
  switch (resource.kind) {
    case "create":
      counts.add += 1;
      break;
    case "update":
      counts.change += 1;
      break;
    case "delete":
      counts.destroy += 1;
      break;
    case "replace":
    case "replace-create-first":
      counts.add += 1;
      counts.destroy += 1;
      counts.replace += 1;
      break;
    case "forget":
      counts.forget += 1;
      break;
    case "create-then-forget":
    case "forget-then-create":
      counts.add += 1;
      counts.forget += 1;
      break;
    case "read":
      counts.read += 1;
      break;
    case "no-op":
      counts.noop += 1;
      break;
  }
}
function readResource(raw, where, attributeLimit) {
  const change = raw.change ?? {};
  const actions = change.actions.map(String);
  const address = String(raw.address);
  const kind = changeKind(actions, `${where} ${address}`);
  const previous = typeof raw.previous_address === "string" && raw.previous_address !== address ? raw.previous_address : void 0;
  const importing = change.importing !== void 0 && change.importing !== null;
  const showAttributes = kind === "update" || isReplace(kind) || kind === "create" || kind === "create-then-forget" || kind === "forget-then-create" || importing && kind === "no-op";
  const { attributes, truncated } = showAttributes ? changedAttributes(change, attributeLimit) : { attributes: [], truncated: false };
  return {
    address,
    type: typeof raw.type === "string" ? raw.type : "",
    name: typeof raw.name === "string" ? raw.name : "",
    previousAddress: previous,
    mode: raw.mode === "data" ? "data" : "managed",
    kind,
    actions,
    importing,
    moved: previous !== void 0,
    reason: typeof raw.action_reason === "string" ? raw.action_reason : void 0,
    attributes,
    attributesTruncated: truncated
  };
}
function outputSide(value, sensitive, unknown, present) {
  if (maskIsSet(unknown)) return UNKNOWN;
  if (!present) return void 0;
  if (maskIsSet(sensitive)) return SENSITIVE;
  if (maskHasAny(sensitive)) return showValue(redact(value, sensitive, () => SENSITIVE));
  return showValue(value);
}
var SummaryBuilder = class {
  counts = emptyCounts();
  resources = [];
  drift = [];
  outputs = [];
  /**
   * Every value the plan marks sensitive (resource and output values, root variables declared sensitive),
   * kept apart from the summary so no rendering can reach it: only for registering secrets.
   */
  sensitive = /* @__PURE__ */ new Set();
  attributeLimit;
  constructor(options = {}) {
    this.attributeLimit = options.attributeLimit ?? 500;
  }
  collect(change) {
    if (!change) return;
    collectSensitive(change.before, change.before_sensitive, this.sensitive);
    collectSensitive(change.after, change.after_sensitive, this.sensitive);
  }
  /** Collects the values of root variables the configuration declares sensitive. */
  variables(values, configuration) {
    const declared = configuration?.root_module?.variables;
    if (!declared || typeof declared !== "object" || !values || typeof values !== "object") return;
    for (const [name, spec] of Object.entries(declared)) {
      if (spec?.sensitive !== true) continue;
      const entry = values[name];
      collectSensitive(entry?.value, true, this.sensitive);
    }
  }
  resource(raw) {
    this.collect(raw.change);
    const resource = readResource(raw, "resource_changes", this.attributeLimit);
    count(this.counts, resource);
    if (resource.kind !== "no-op" || resource.importing || resource.moved) this.resources.push(resource);
  }
  driftResource(raw) {
    this.collect(raw.change);
    this.drift.push(readResource(raw, "resource_drift", this.attributeLimit));
  }
  outputChanges(changes) {
    for (const [name, change] of Object.entries(changes)) {
      this.collect(change);
      const kind = changeKind(Array.isArray(change.actions) ? change.actions : [], `output_changes.${name}`);
      if (kind === "no-op") continue;
      this.outputs.push({
        name,
        kind,
        before: outputSide(change.before, change.before_sensitive, void 0, change.before !== void 0 && change.before !== null),
        after: kind === "delete" ? void 0 : outputSide(change.after, change.after_sensitive, change.after_unknown, change.after !== void 0 && change.after !== null),
        attributes: changedAttributes({ ...change, after: kind === "delete" ? null : change.after }, this.attributeLimit).attributes
      });
    }
  }
  finish(plan2) {
    this.variables(plan2.variables, plan2.configuration);
    const errors = [];
    if (plan2.errored === true) errors.push("The plan errored: terraform stopped planning at an error, so this plan is incomplete and cannot be applied. Fix the error shown in the plan step log and plan again.");
    else if (plan2.complete === false) errors.push("The plan is incomplete (some changes were deferred): applying it will leave more to do; plan again after applying.");
    const changes = this.resources.some((r) => r.mode === "managed" && r.kind !== "read") || this.outputs.length > 0;
    return {
      formatVersion: String(plan2.format_version),
      terraformVersion: typeof plan2.terraform_version === "string" ? plan2.terraform_version : void 0,
      counts: this.counts,
      changes,
      resources: this.resources,
      drift: this.drift,
      outputs: this.outputs,
      errors,
      errored: plan2.errored === true
    };
  }
};
function planLine(counts) {
  const parts = [];
  if (counts.import > 0) parts.push(`${counts.import} to import`);
  parts.push(`${counts.add} to add`, `${counts.change} to change`, `${counts.destroy} to destroy`);
  if (counts.forget > 0) parts.push(`${counts.forget} to forget`);
  return `Plan: ${parts.join(", ")}.`;
}

// packages/terraform/src/analyze.ts
var META = /* @__PURE__ */ new Set(["format_version", "terraform_version", "errored", "complete", "applyable", "variables"]);
function analyzePlanText(text, source, options = {}) {
  const scan = new JsonScanner(text, source);
  const summary = new SummaryBuilder(options);
  const fingerprint = new FingerprintBuilder();
  const meta = {};
  try {
    const start = scan.skipSpace(0);
    if (text.charCodeAt(start) !== 123) scan.fail(start, "the top level is not a JSON object");
    const end = scan.forEachMember(start, (key, at) => {
      if (key === "resource_changes" || key === "resource_drift") {
        if (text.charCodeAt(at) !== 91) throw new PlanFormatError(`${source} is not a terraform plan document: "${key}" is not a list. Produce it with \`terraform show -json PLANFILE\`.`);
        return scan.forEachElement(at, (s, e, i) => {
          const raw = checkResourceChange(scan.parse(s, e), key, i, source);
          if (key === "resource_drift") summary.driftResource(raw);
          else {
            summary.resource(raw);
            fingerprint.resource(raw);
          }
        });
      }
      if (key === "output_changes" || META.has(key)) {
        const e = scan.skipValue(at);
        meta[key] = scan.parse(at, e);
        return e;
      }
      if (key === "configuration") {
        const e = scan.skipValue(at);
        if (text.charCodeAt(at) === 123) {
          scan.forEachMember(at, (k, a) => {
            if (k !== "root_module" || text.charCodeAt(a) !== 123) return void 0;
            return scan.forEachMember(a, (k2, a2) => {
              if (k2 !== "variables") return void 0;
              const e2 = scan.skipValue(a2);
              meta.configuration = { root_module: { variables: scan.parse(a2, e2) } };
              return e2;
            });
          });
        }
        return e;
      }
      return void 0;
    });
    scan.expectEnd(end);
  } catch (error) {
    if (error instanceof JsonScanError) {
      throw new PlanFormatError(
        `${source} is not a JSON plan document (${error.message}). Produce it with \`terraform show -json PLANFILE > ${source}\`; the plan file itself and \`terraform plan -json\` log lines are different formats.`,
        { cause: error }
      );
    }
    throw error;
  }
  checkPlanMeta(meta, source);
  const outputs = meta.output_changes ?? {};
  summary.outputChanges(outputs);
  fingerprint.outputChanges(outputs);
  const { fingerprint: sha, digests } = fingerprint.finish();
  const finished = summary.finish(meta);
  return { summary: finished, fingerprint: sha, digests, sensitiveValues: [...summary.sensitive] };
}

// packages/terraform/src/generated/terraform.ts
var action = {
  name: "terraform",
  inputs: {
    "command": { description: "What to run: fmt (list unformatted files and fail), validate (diagnostics as annotations), plan (plan, summary, PR comment, destroy policy), apply (apply only the reviewed plan), or stacks (only output the matrix of stacks).", required: true },
    "working-directory": { description: "The stack folders (one per line), relative to the repository. With stacks auto, the folders to search for root modules.", default: "." },
    "stacks": { description: "listed: the working-directory folders are the stacks. auto: find the root modules under them (folders with .tf files that declare a backend or cloud block, or that no other folder calls as a local module).", default: "listed" },
    "stack-order": { description: "The order stacks run in and appear in the matrix, one folder path or name per line (* allowed), e.g. base before app. Unlisted stacks follow, by path." },
    "binary": { description: "terraform or tofu, found on PATH.", default: "terraform" },
    "version": { description: "An exact terraform or tofu version to install (sha256 checked against the publisher's checksums file, kept in the tool cache). Empty uses the binary on PATH." },
    "backend-config": { description: "Backend settings for init, one per line (key=value or a file), passed as -backend-config." },
    "var-files": { description: "Variable files for plan, one per line, relative to each stack folder, passed as -var-file." },
    "variables": { description: "Variables for plan, one name=value per line, passed as -var (their values are not logged)." },
    "workspace": { description: "The terraform workspace; selected, or created when it does not exist.", default: "default" },
    "lock-timeout": { description: "How long to wait for the state lock (-lock-timeout), e.g. 0s or 5m.", default: "0s" },
    "allow-destroy": { description: "Allow plans that delete or replace resources. When false, such a plan fails unless every destroyed address matches allowed-destroy.", default: "false" },
    "allowed-destroy": { description: "Resource address patterns that may be deleted or replaced, one per line; * matches any characters, ? one." },
    "github-token": { description: "Token to read and write the plan comment on the pull request (needs pull-requests write).", default: "${{ github.token }}" },
    "comment": { description: "Write (or update) one plan comment per stack and workspace on the pull request.", default: "true" },
    "pull-request": { description: "The pull request number for the comment; defaults to the pull request of the triggering event. Apply reads the reviewed fingerprint from its comment." },
    "merged-pull-request": { description: "With apply on a push, find the pull request that the pushed commit merged and require the plan reviewed in its comment (as well as expected-fingerprint, when given). Without one, expected-fingerprint alone decides.", default: "true" },
    "plan-path": { description: "With apply, a saved plan file to apply instead of planning again (its fingerprint must still match the reviewed one)." },
    "expected-fingerprint": { description: "With apply, the fingerprint of the reviewed plan (the plan step's fingerprint output), or for several stacks the JSON object of stack to fingerprint that output holds. Without it, apply reads it from the pull request comment." },
    "plan-dir": { description: "Where the plan file, its JSON and its full text are written; defaults to a fresh folder of this run under RUNNER_TEMP (the outputs name the files)." }
  }
};

// packages/terraform/src/generated/tflint.ts
var action2 = {
  name: "tflint",
  inputs: {
    "working-directory": { description: "The folders to lint, one per line, relative to the repository.", default: "." },
    "recursive": { description: "Lint every module folder below each working-directory (tflint --recursive).", default: "false" },
    "version": { description: "An exact tflint version to install (sha256 checked against the release's checksums.txt, kept in the tool cache). Empty uses tflint on PATH." },
    "minimum-failure-severity": { description: "The least severe issue that fails the step: error, warning or notice. tflint errors always fail.", default: "warning" },
    "init": { description: "Run tflint --init first to install the plugins named in .tflint.hcl.", default: "true" },
    "github-token": { description: "Token given to tflint --init as GITHUB_TOKEN, so plugin downloads from GitHub are not rate limited.", default: "${{ github.token }}" },
    "config": { description: "A tflint configuration file (--config); by default tflint reads .tflint.hcl in each folder." },
    "sarif-path": { description: "Where to write the SARIF file; defaults to tflint.sarif in a fresh folder of this run under RUNNER_TEMP (the sarif-path output names it)." }
  }
};

// packages/terraform/src/gate.ts
var fs3 = __toESM(require_fs(), 1);
var path3 = __toESM(require_path(), 1);

// packages/terraform/src/nested.ts
var node = (step) => ({ step, children: [], index: /* @__PURE__ */ new Map() });
function build(attributes, skip) {
  const root = node("");
  for (const a of attributes) {
    let at = root;
    for (const step of parsePath(a.path).slice(skip)) {
      let next = at.index.get(step);
      if (!next) {
        next = node(step);
        at.index.set(step, next);
        at.children.push(next);
      }
      at = next;
    }
    at.leaf = a;
  }
  return root;
}
function leafSymbol(a) {
  return a.before === void 0 ? "+" : a.after === void 0 ? "-" : "~";
}
function blockSymbol(n, depth) {
  const leaves = [];
  const visit = (m) => {
    if (m.leaf) leaves.push(m.leaf);
    m.children.forEach(visit);
  };
  visit(n);
  if (leaves.length > 0 && leaves.every((l) => l.newFrom !== void 0 && l.newFrom <= depth)) return "+";
  if (leaves.length > 0 && leaves.every((l) => l.goneFrom !== void 0 && l.goneFrom <= depth)) return "-";
  return "~";
}
function leafValue(a) {
  if (a.before === void 0) return a.after ?? "null";
  if (a.after === void 0) return a.before;
  return `${a.before} -> ${a.after}`;
}
function keyText(step) {
  return typeof step === "string" && /^[A-Za-z_][\w-]*$/.test(step) ? step : JSON.stringify(String(step));
}
var INDENT = "    ";
function renderChildren(parent, depth, out, stepDepth) {
  const listItems = parent.children.length > 0 && parent.children.every((c) => typeof c.step === "number");
  const width = listItems ? 0 : Math.min(40, Math.max(0, ...parent.children.filter((c) => c.leaf && c.children.length === 0).map((c) => keyText(c.step).length)));
  const pad = INDENT.repeat(depth);
  for (const child of parent.children) {
    const name = listItems ? "" : `${keyText(child.step).padEnd(child.children.length === 0 ? width : 0)} = `;
    const comma = listItems ? "," : "";
    if (child.children.length === 0 && child.leaf) {
      const forces = child.leaf.forcesReplacement ? " # forces replacement" : "";
      out.push(`${leafSymbol(child.leaf)} ${pad}${name}${leafValue(child.leaf)}${comma}${forces}`);
      continue;
    }
    const isList = child.children.every((c) => typeof c.step === "number");
    out.push(`${blockSymbol(child, stepDepth + 1)} ${pad}${name}${isList ? "[" : "{"}`);
    renderChildren(child, depth + 1, out, stepDepth + 1);
    out.push(`  ${pad}${isList ? "]" : "}"}${comma}`);
  }
}
function nestedLines(attributes, depth = 1, skip = 0) {
  const out = [];
  renderChildren(build(attributes, skip), depth, out, skip);
  return out;
}
function outputLines(name, kind, attributes) {
  const whole = attributes.length === 1 && attributes[0].path === "" ? attributes[0] : void 0;
  if (whole || attributes.length === 0) {
    const value = whole ? leafValue(whole) : "null";
    return [`${whole ? leafSymbol(whole) : kind} ${keyText(name)} = ${value}`];
  }
  const root = build(attributes, 0);
  const isList = root.children.every((c) => typeof c.step === "number");
  const out = [`${kind} ${keyText(name)} = ${isList ? "[" : "{"}`];
  renderChildren(root, 1, out, 0);
  out.push(`  ${isList ? "]" : "}"}`);
  return out;
}

// packages/terraform/src/render.ts
function scrubSensitive(text, values) {
  let out = text;
  const forms = /* @__PURE__ */ new Set();
  for (const value of values) {
    if (value.length < 3) continue;
    forms.add(value);
    forms.add(JSON.stringify(value).slice(1, -1));
  }
  for (const form of [...forms].sort((a, b) => b.length - a.length)) {
    if (out.includes(form)) out = out.split(form).join(SENSITIVE);
  }
  return out;
}
var COMMENT_LIMIT = 65536;
var SYMBOL = {
  create: "+",
  update: "~",
  delete: "-",
  read: "<=",
  "no-op": " ",
  forget: ".",
  replace: "-/+",
  "replace-create-first": "+/-",
  "create-then-forget": "+/.",
  "forget-then-create": "./+"
};
var VERB = {
  create: "will be created",
  update: "will be updated in place",
  delete: "will be destroyed",
  read: "will be read during apply",
  "no-op": "has no changes",
  forget: "will be removed from the state but not destroyed",
  replace: "must be replaced (destroyed, then created)",
  "replace-create-first": "must be replaced (created, then the old one destroyed)",
  "create-then-forget": "will be created, and the old object forgotten but not destroyed",
  "forget-then-create": "will be forgotten but not destroyed, then created again"
};
var SECTIONS = [
  { title: "Destroy", kinds: ["delete"] },
  { title: "Replace", kinds: ["replace", "replace-create-first"] },
  { title: "Forget", kinds: ["forget", "create-then-forget", "forget-then-create"] },
  { title: "Create", kinds: ["create"] },
  { title: "Update in place", kinds: ["update"] },
  { title: "Import or move only", kinds: ["no-op"] },
  { title: "Read", kinds: ["read"] }
];
function resourceLines(r, maxAttributes = Infinity, drift = false) {
  const notes = [];
  if (r.importing && r.kind !== "no-op") notes.push("imported");
  if (r.previousAddress) notes.push(`moved from ${r.previousAddress}`);
  if (r.reason) notes.push(`because: ${r.reason.replace(/^replace_(because_)?/, "").replace(/_/g, " ")}`);
  const head = drift ? r.kind === "delete" ? "has been deleted outside of terraform" : "has changed outside of terraform" : r.kind === "no-op" ? r.importing ? "will be imported" : "has moved" : VERB[r.kind];
  const lines = [`# ${r.address} ${head}${notes.length ? ` (${notes.join("; ")})` : ""}`];
  const symbol = r.kind === "no-op" ? r.importing ? "<-" : "~>" : SYMBOL[r.kind];
  const what = r.type && r.name ? `${r.mode === "data" ? "data" : "resource"} ${JSON.stringify(r.type)} ${JSON.stringify(r.name)}` : r.address;
  const shown = r.attributes.slice(0, maxAttributes);
  const hidden = r.attributes.length - shown.length;
  if (shown.length === 0 && !r.attributesTruncated) {
    lines.push(`${symbol} ${what}`);
    return lines;
  }
  lines.push(`${symbol} ${what} {`, ...nestedLines(shown));
  if (hidden > 0 || r.attributesTruncated) lines.push(`      # ${hidden > 0 ? `${hidden} more attribute(s)` : "more attributes"} not shown`);
  lines.push("  }");
  return lines;
}
function outputLine(o) {
  const symbol = o.kind === "create" ? "+" : o.kind === "delete" ? "-" : "~";
  return outputLines(o.name, symbol, o.attributes);
}
function countsTable(summary) {
  const c = summary.counts;
  return table(
    ["add", "change", "destroy", "replace", "import", "move", "forget", "read"],
    [[c.add, c.change, c.destroy, c.replace, c.import, c.move, c.forget, c.read].map(String)]
  );
}
function commentMarker(stack, workspace, fingerprint) {
  const base = `<!-- conveyor:terraform stack=${encodeURI(stack)} workspace=${encodeURI(workspace)}`;
  return fingerprint === void 0 ? base : `${base} fingerprint=${fingerprint} -->`;
}
function readMarker(body) {
  const m = /<!-- conveyor:terraform stack=(\S+) workspace=(\S+) (?:fingerprint=([0-9a-f]{64})|failed) -->/.exec(body);
  if (!m) return void 0;
  if (m[3] === void 0) return { stack: decodeURI(m[1]), workspace: decodeURI(m[2]), failed: true };
  const d = /<!-- conveyor:terraform-digests ([A-Za-z0-9_-]+) -->/.exec(body);
  return { stack: decodeURI(m[1]), workspace: decodeURI(m[2]), fingerprint: m[3], failed: false, digests: d?.[1] };
}
function destroyedAddresses(summary) {
  return summary.resources.filter((r) => r.mode === "managed" && (r.kind === "delete" || r.kind === "replace" || r.kind === "replace-create-first")).map((r) => r.address);
}
var listed = (addresses) => `${addresses.slice(0, 10).map((a) => `\`${escapeHtml(a)}\``).join(", ")}${addresses.length > 10 ? `, and ${addresses.length - 10} more` : ""}`;
function header(summary, ctx) {
  const parts = [];
  parts.push(`### Terraform plan for \`${escapeHtml(ctx.stack)}\` (workspace \`${escapeHtml(ctx.workspace)}\`)${summary.errored ? ": failed" : ""}
`);
  if (summary.errored) {
    parts.push("> [!CAUTION]\n> **The plan failed.** terraform stopped at an error, so what follows is incomplete and cannot be applied; this gate fails. Fix the error shown in the plan step's log and plan again.\n");
  }
  for (const error of summary.errors) if (!summary.errored) parts.push(`> [!WARNING]
> ${escapeHtml(error)}
`);
  if (!summary.changes) parts.push(summary.errored ? "**No changes planned before the error.**\n" : "**No changes.** The infrastructure matches the configuration.\n");
  else parts.push(`**${planLine(summary.counts)}**
`);
  if (summary.changes) parts.push(countsTable(summary));
  const destroyed = destroyedAddresses(summary);
  if (destroyed.length > 0) {
    const replaced = summary.counts.replace > 0 ? ` (${summary.counts.replace} of them replaced)` : "";
    let policy = "";
    if (ctx.verdict?.ok) policy = "\n> The destroy policy allows it.";
    else if (ctx.verdict) policy = `
> No rule allows ${ctx.verdict.refused.length === destroyed.length ? "them" : listed(ctx.verdict.refused)}: the gate fails until allow-destroy or allowed-destroy permits it.`;
    parts.push(`> [!WARNING]
> ⚠️ **This plan destroys ${destroyed.length} resource(s)**${replaced}: ${listed(destroyed)}.${policy}
`);
  }
  return parts;
}
function renderFailedPlanComment(ctx) {
  const marker = `${commentMarker(ctx.stack, ctx.workspace)} failed -->`;
  const log = ctx.log ? `
<details open><summary>terraform's error</summary>

${codeBlock(ctx.log.length > 2e4 ? `…${ctx.log.slice(-2e4)}` : ctx.log)}
</details>
` : "";
  return `${marker}
### Terraform plan for \`${escapeHtml(ctx.stack)}\` (workspace \`${escapeHtml(ctx.workspace)}\`): failed

> [!CAUTION]
> **The plan failed.** ${escapeHtml(ctx.message)}
${log}`;
}
function footer(summary, ctx, withDigests) {
  const version = summary.terraformVersion ? ` · terraform ${escapeHtml(summary.terraformVersion)}` : "";
  let text = `
<sub>Plan fingerprint \`${ctx.fingerprint.slice(0, 16)}\`${version} · plan format ${escapeHtml(summary.formatVersion)}</sub>
`;
  if (withDigests && ctx.digests) text += `<!-- conveyor:terraform-digests ${encodeDigests(ctx.digests)} -->
`;
  return text;
}
function* blocks(summary, maxAttributes) {
  for (const section of SECTIONS) {
    for (const r of summary.resources) {
      if (!section.kinds.includes(r.kind)) continue;
      if (section.title !== "Read" && r.mode === "data") continue;
      if (section.title === "Read" && r.mode !== "data" && r.kind !== "read") continue;
      yield { section: section.title, lines: () => resourceLines(r, maxAttributes), size: 1 };
    }
  }
  if (summary.outputs.length > 0) yield { section: "Output changes", lines: () => summary.outputs.flatMap(outputLine), size: summary.outputs.length };
  for (const r of summary.drift) yield { section: "Changed outside of terraform (drift)", lines: () => resourceLines(r, maxAttributes, true), size: 1 };
}
function sectionOf(r) {
  if (r.mode === "data" || r.kind === "read") return r.kind === "read" ? "Read" : void 0;
  return SECTIONS.find((s) => s.title !== "Read" && s.kinds.includes(r.kind))?.title;
}
function sectionCounts(summary) {
  const counts = /* @__PURE__ */ new Map();
  let total = 0;
  const add = (section, size) => {
    if (section === void 0) return;
    counts.set(section, (counts.get(section) ?? 0) + size);
    total += 1;
  };
  for (const r of summary.resources) add(sectionOf(r), 1);
  if (summary.outputs.length > 0) add("Output changes", summary.outputs.length);
  for (let i = 0; i < summary.drift.length; i += 1) add("Changed outside of terraform (drift)", 1);
  return { counts, total };
}
function renderPlanMarkdown(summary, ctx, options) {
  const marker = options.marker === false ? "" : summary.errored ? `${commentMarker(ctx.stack, ctx.workspace)} failed -->
` : `${commentMarker(ctx.stack, ctx.workspace, ctx.fingerprint)}
`;
  const head = marker + header(summary, ctx).join("\n");
  let foot = footer(summary, ctx, true);
  if (foot.length > options.limit / 4) foot = footer(summary, ctx, false);
  const { counts, total } = sectionCounts(summary);
  const reserve = 600;
  let budget = options.limit - head.length - foot.length - reserve;
  let body = "";
  let open;
  let fence = "```";
  let shown = 0;
  const closeSection = () => `${fence}

</details>
`;
  for (const block of blocks(summary, options.maxAttributes ?? 100)) {
    const text = `${block.lines().join("\n")}
`;
    const needsFence = text.match(/`{3,}/g);
    const sectionStart = block.section !== open ? `${open !== void 0 ? closeSection() : ""}
<details${block.section === "Destroy" || block.section === "Replace" ? " open" : ""}><summary>${escapeHtml(block.section)} (${counts.get(block.section)})</summary>

` : "";
    const nextFence = sectionStart ? "`".repeat(Math.max(3, ...(needsFence ?? []).map((f) => f.length + 1))) : fence;
    const piece = sectionStart ? `${sectionStart}${nextFence}diff
${text}` : text;
    if (piece.length > budget) break;
    if (!sectionStart && needsFence && Math.max(...needsFence.map((f) => f.length)) >= fence.length) break;
    body += piece;
    budget -= piece.length;
    fence = nextFence;
    open = block.section;
    shown += 1;
  }
  if (open !== void 0) body += closeSection();
  if (shown < total) {
    const where = ctx.fullPlanAt ? ` The full plan is in ${ctx.fullPlanAt}.` : " The full plan is in the job summary and the plan-text file output.";
    body += `
> [!NOTE]
> ${total - shown} more change block(s) are not shown here, to stay within GitHub's size limit.${escapeHtml(where)}
`;
  }
  return `${head}${body}${foot}`;
}
function renderPlanComment(summary, ctx, limit = COMMENT_LIMIT - 1e3) {
  return renderPlanMarkdown(summary, ctx, { limit, maxAttributes: 60 });
}
function writePlanText(summary, write) {
  if (summary.errored) write("Error: the plan failed; what follows is incomplete and cannot be applied.\n\n");
  for (const error of summary.errors) write(`${summary.errored ? "Error" : "Warning"}: ${error}

`);
  const destroyed = destroyedAddresses(summary);
  if (destroyed.length > 0) write(`Warning: this plan destroys ${destroyed.length} resource(s): ${destroyed.join(", ")}

`);
  let section;
  for (const block of blocks(summary, Infinity)) {
    if (block.section !== section) write(`== ${block.section} ==

`);
    section = block.section;
    write(`${block.lines().join("\n")}

`);
  }
  write(`${summary.changes ? planLine(summary.counts) : "No changes. Your infrastructure matches the configuration."}
`);
}
function renderPlanText(summary) {
  const parts = [];
  writePlanText(summary, (text) => parts.push(text));
  return parts.join("");
}

// packages/terraform/src/comment.ts
async function findPlanComments(client, target) {
  const pages = client.paginate.iterator(client.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100
  });
  const found = [];
  for await (const page of pages) {
    for (const comment of page.data) {
      const marker = comment.body ? readMarker(comment.body) : void 0;
      if (marker && marker.stack === target.stack && marker.workspace === target.workspace) found.push({ id: comment.id, body: comment.body });
    }
  }
  return found;
}
async function findPlanComment(client, target) {
  return (await findPlanComments(client, target)).at(-1);
}
async function upsertPlanComment(client, target, body) {
  const [existing, ...duplicates] = await findPlanComments(client, target);
  if (existing) {
    await client.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: existing.id, body });
    for (const extra of duplicates) await client.rest.issues.deleteComment({ owner: target.owner, repo: target.repo, comment_id: extra.id });
    return { id: existing.id, created: false, removed: duplicates.length };
  }
  const created = await client.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.issueNumber, body });
  return { id: created.data.id, created: true, removed: 0 };
}
async function mergedPullRequest(client, owner, repo, sha) {
  const { data } = await client.rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: sha, per_page: 100 });
  const merged = data.filter((p) => p.merged_at);
  return (merged.find((p) => p.merge_commit_sha === sha) ?? merged[0])?.number;
}

// packages/terraform/src/diagnostics.ts
var path = __toESM(require_path(), 1);
function parseValidate(text, source) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new ConveyorError(`${source} did not print validate JSON (${error.message}); is the terraform or tofu on PATH older than 0.12?`, { cause: error });
  }
  if (typeof doc?.valid !== "boolean" || !Array.isArray(doc.diagnostics)) {
    throw new ConveyorError(`${source} printed JSON without "valid" and "diagnostics"; is it \`terraform validate -json\` output?`);
  }
  const diagnostics = doc.diagnostics.map((d) => ({ ...d, severity: d.severity === "warning" ? "warning" : "error" }));
  return {
    valid: doc.valid,
    errorCount: typeof doc.error_count === "number" ? doc.error_count : diagnostics.filter((d) => d.severity === "error").length,
    warningCount: typeof doc.warning_count === "number" ? doc.warning_count : diagnostics.filter((d) => d.severity === "warning").length,
    diagnostics
  };
}
function inRepo(stackDir, file) {
  return path.posix.normalize(path.join(stackDir, file).split(path.sep).join("/"));
}
function validateAnnotations(report, stackDir) {
  return report.diagnostics.map((d) => ({
    level: d.severity,
    title: `terraform validate: ${d.summary}`,
    message: d.detail ? `${d.summary}: ${d.detail}` : d.summary,
    file: d.range ? inRepo(stackDir, d.range.filename) : void 0,
    startLine: d.range?.start.line,
    endLine: d.range?.end?.line,
    startColumn: d.range?.start.column,
    endColumn: d.range?.end?.column
  }));
}
function validateRows(report, stackDir) {
  return report.diagnostics.map((d) => [
    d.severity,
    d.range ? `${inRepo(stackDir, d.range.filename)}:${d.range.start.line}` : stackDir,
    d.detail ? `${d.summary}: ${d.detail}` : d.summary
  ]);
}
function parseFmtOutput(text) {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const files = [];
  let current;
  let oldLeft = 0;
  let newLeft = 0;
  for (const line of lines) {
    if (current && (oldLeft > 0 || newLeft > 0)) {
      current.diff += `${line}
`;
      if (line.startsWith("-")) oldLeft -= 1;
      else if (line.startsWith("+")) newLeft -= 1;
      else if (!line.startsWith("\\")) {
        oldLeft -= 1;
        newLeft -= 1;
      }
      continue;
    }
    const hunk = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (current && hunk) {
      current.diff += `${line}
`;
      oldLeft = hunk[2] === void 0 ? 1 : Number(hunk[2]);
      newLeft = hunk[4] === void 0 ? 1 : Number(hunk[4]);
      current.line ??= Math.max(1, Number(hunk[1]));
      continue;
    }
    if (current && (line.startsWith("--- ") || line.startsWith("+++ "))) {
      current.diff += `${line}
`;
      continue;
    }
    if (line.trim() === "") continue;
    current = { file: line.trim(), diff: "" };
    files.push(current);
  }
  return files;
}
function fmtAnnotations(files, stackDir) {
  return files.map((f) => ({
    level: "error",
    title: "terraform fmt",
    message: `${f.file} is not formatted. Run \`terraform fmt\` in ${stackDir} and commit the result.`,
    file: inRepo(stackDir, f.file),
    startLine: f.line ?? 1
  }));
}

// packages/terraform/src/policy.ts
function addressPattern(pattern) {
  if (pattern.trim() === "") throw new ConveyorError("An allowed-destroy pattern is empty; give resource addresses such as module.cache.* or aws_instance.tmp[*].");
  const body = Array.from(pattern.trim(), (ch) => ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[\\^$.|+()[\]{}]/g, "\\$&")).join("");
  return new RegExp(`^${body}$`, "s");
}
function evaluateDestroyPolicy(summary, policy) {
  const patterns = policy.allowedPatterns.map((p) => ({ text: p, re: addressPattern(p) }));
  const destroys = [];
  for (const r of summary.resources) {
    if (r.mode !== "managed") continue;
    if (r.kind !== "delete" && !isReplace(r.kind)) continue;
    const allowedBy = policy.allowDestroy ? "allow-destroy" : patterns.find((p) => p.re.test(r.address))?.text;
    destroys.push({ address: r.address, kind: r.kind === "delete" ? "delete" : "replace", allowedBy });
  }
  const refused = destroys.filter((d) => !d.allowedBy).map((d) => d.address);
  return { destroys, refused, ok: refused.length === 0 };
}
function describeRefusal(verdict, stack) {
  const listed2 = verdict.refused.slice(0, 20).map((a) => `  - ${a}`).join("\n");
  const more = verdict.refused.length > 20 ? `
  … and ${verdict.refused.length - 20} more` : "";
  return `The plan for ${stack} destroys or replaces ${verdict.refused.length} resource(s) that no rule allows:
${listed2}${more}
If that is intended, set allow-destroy: true, or list the addresses (patterns with *) in allowed-destroy.`;
}

// packages/terraform/src/runner.ts
var import_node_child_process = __toESM(require_child_process(), 1);
var fs = __toESM(require_fs(), 1);
function run(tf, dir, args, options = {}) {
  const env = { ...tf.env, TF_IN_AUTOMATION: "1", TF_INPUT: "0" };
  return (tf.exec ?? exec)(tf.binary, args, { cwd: dir, env, hint: `It ran in ${dir}.`, ...options });
}
function redactSetting(flag, setting) {
  const eq = setting.indexOf("=");
  return eq === -1 ? `${flag}=${setting}` : `${flag}=${setting.slice(0, eq)}=***`;
}
async function init(tf, dir, options) {
  const args = ["init", "-input=false", "-no-color"];
  const shown = [...args];
  if (!options.backend) {
    args.push("-backend=false");
    shown.push("-backend=false");
  } else {
    for (const config of options.backendConfig) {
      args.push(`-backend-config=${config}`);
      shown.push(redactSetting("-backend-config", config));
    }
  }
  info(`[command]${[tf.binary, ...shown].map(quoteArg).join(" ")}`);
  await run(tf, dir, args, { stream: true, quiet: true });
}
async function selectWorkspace(tf, dir, workspace) {
  if (workspace === "default") return "default";
  const selected = await run(tf, dir, ["workspace", "select", "-no-color", workspace], { okCodes: [0, 1] });
  if (selected.exitCode === 0) return "selected";
  await run(tf, dir, ["workspace", "new", "-no-color", workspace]);
  return "created";
}
async function plan(tf, dir, options) {
  const args = ["plan", "-input=false", "-no-color", "-detailed-exitcode", `-out=${options.planFile}`, `-lock-timeout=${options.lockTimeout}`];
  for (const file of options.varFiles) args.push(`-var-file=${file}`);
  const shown = [...args, ...options.variables.map((v) => redactSetting("-var", v))];
  for (const variable of options.variables) args.push(`-var=${variable}`);
  info(`[command]${[tf.binary, ...shown].map(quoteArg).join(" ")}`);
  const result = await run(tf, dir, args, { okCodes: [0, 1, 2], quiet: true });
  return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
}
async function showJson(tf, dir, planFile, jsonFile) {
  const args = ["show", "-json", "-no-color", planFile];
  if (tf.exec) {
    const result = await run(tf, dir, args);
    fs.writeFileSync(jsonFile, result.stdout);
    return result.stdout;
  }
  const display = [tf.binary, ...args].map(quoteArg).join(" ");
  info(`[command]${display}`);
  const out = fs.openSync(jsonFile, "w");
  try {
    const child = (0, import_node_child_process.spawn)(tf.binary, args, { cwd: dir, env: { ...tf.env, TF_IN_AUTOMATION: "1", TF_INPUT: "0" }, stdio: ["ignore", out, "pipe"] });
    const stderr = [];
    child.stderr?.on("data", (chunk) => stderr.push(chunk));
    const code = await new Promise((resolve5, reject) => {
      child.on("error", (error) => reject(error.code === "ENOENT" ? new ToolNotFoundError(tf.binary) : new ExecError(display, -1, error.message)));
      child.on("close", (c) => resolve5(c ?? 128));
    });
    if (code !== 0) throw new ExecError(display, code, Buffer.concat(stderr).toString("utf8"), `It ran in ${dir}.`);
  } finally {
    fs.closeSync(out);
  }
  return fs.readFileSync(jsonFile, "utf8");
}
async function apply(tf, dir, planFile, lockTimeout) {
  await run(tf, dir, ["apply", "-input=false", "-no-color", `-lock-timeout=${lockTimeout}`, planFile], { stream: true });
}
async function validate(tf, dir) {
  return (await run(tf, dir, ["validate", "-json", "-no-color"], { okCodes: [0, 1] })).stdout;
}
async function fmtCheck(tf, dir) {
  try {
    const result = await run(tf, dir, ["fmt", "-check", "-diff", "-recursive", "-no-color"], { okCodes: [0, 3] });
    return { clean: result.exitCode === 0, output: result.stdout };
  } catch (error) {
    if (error instanceof ExecError && error.exitCode === 2) {
      throw new ExecError(error.command, 2, error.stderr, `terraform fmt could not parse a file in ${dir}: fix the syntax error above, then run terraform fmt.`);
    }
    throw error;
  }
}

// packages/terraform/src/stacks.ts
var fs2 = __toESM(require_fs(), 1);
var path2 = __toESM(require_path(), 1);
var SKIP = /* @__PURE__ */ new Set([".terraform", ".git", "node_modules"]);
function readFolder(abs) {
  const tf = [];
  const subdirs = [];
  for (const entry of fs2.readdirSync(abs, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP.has(entry.name) && !entry.name.startsWith(".")) subdirs.push(entry.name);
    } else if (entry.isFile() && (entry.name.endsWith(".tf") || entry.name.endsWith(".tofu"))) tf.push(entry.name);
  }
  return { tf: tf.sort(), subdirs: subdirs.sort() };
}
function scanConfiguration(text) {
  const withoutComments = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"])(#|\/\/).*$/gm, "$1");
  const hasBackend = /^\s*(backend\s+"[^"]+"|cloud)\s*\{/m.test(withoutComments);
  const localSources = Array.from(withoutComments.matchAll(/^\s*source\s*=\s*"(\.\.?\/[^"]*)"/gm), (m) => m[1]);
  return { hasBackend, localSources };
}
function discoverStacks(root, base) {
  const folders = [];
  const called = /* @__PURE__ */ new Set();
  const visit = (abs, depth) => {
    if (depth > 20) return;
    const { tf, subdirs } = readFolder(abs);
    if (tf.length > 0) {
      let hasBackend = false;
      for (const file of tf) {
        const scan = scanConfiguration(fs2.readFileSync(path2.join(abs, file), "utf8"));
        hasBackend ||= scan.hasBackend;
        for (const source of scan.localSources) called.add(path2.resolve(abs, source));
      }
      folders.push({ abs, hasBackend });
    }
    for (const sub of subdirs) visit(path2.join(abs, sub), depth + 1);
  };
  visit(root, 0);
  return folders.filter((f) => f.hasBackend || !called.has(f.abs)).map((f) => path2.relative(base, f.abs).split(path2.sep).join("/") || ".");
}
function orderStacks(stacks, order) {
  const patterns = order.map((o) => addressPattern(o));
  const rank = (dir) => {
    const name = dir.split("/").pop() ?? dir;
    const i = patterns.findIndex((p) => p.test(dir) || p.test(name));
    return i === -1 ? patterns.length : i;
  };
  return [...stacks].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}
function stackMatrix(stacks) {
  return { include: stacks.map((stack, order) => ({ stack, name: stack.split("/").pop() || stack, order })) };
}

// packages/terraform/src/gate.ts
function resolveStacks(inputs, workspace) {
  const roots = inputs["working-directory"].map((d) => ({ dir: d, abs: path3.resolve(workspace, d) }));
  const missing = roots.filter((r) => !fs3.existsSync(r.abs) || !fs3.statSync(r.abs).isDirectory());
  if (missing.length > 0) {
    throw new InputError(missing.map((m) => `Input 'working-directory' lists ${JSON.stringify(m.dir)}, but ${m.abs} is not a folder; give stack folders relative to the repository.`));
  }
  let dirs = roots.map((r) => path3.relative(workspace, r.abs).split(path3.sep).join("/") || ".");
  const terragrunt = inputs.stacks === "listed" && inputs.command !== "stacks" ? roots.filter((r) => isTerragruntUnit(r.abs)) : [];
  if (terragrunt.length > 0) {
    throw new InputError(terragrunt.map((t) => `Input 'working-directory' lists ${JSON.stringify(t.dir)}, a Terragrunt unit (terragrunt.hcl and no .tf files). ${TERRAGRUNT_NOTE}`));
  }
  if (inputs.stacks === "auto" || inputs.command === "stacks") {
    dirs = [...new Set(roots.flatMap((r) => discoverStacks(r.abs, workspace)))];
    if (dirs.length === 0) {
      const units = roots.some((r) => hasTerragruntUnits(r.abs));
      throw new InputError([`No terraform root module was found under ${inputs["working-directory"].join(", ")} (folders with .tf files that declare a backend or that no other folder calls as a module).${units ? ` The folders hold terragrunt.hcl files: ${TERRAGRUNT_NOTE}` : ""}`]);
    }
  }
  return orderStacks(dirs, inputs["stack-order"]).map((dir) => ({ dir, abs: path3.resolve(workspace, dir) }));
}
var TERRAGRUNT_NOTE = "conveyor runs terraform or tofu itself and does not run terragrunt: make the unit a root module (a backend block, its backend settings in a file passed as backend-config, its inputs in a .tfvars file passed as var-files), or gate it with terragrunt outside conveyor.";
function isTerragruntUnit(abs) {
  if (!fs3.existsSync(path3.join(abs, "terragrunt.hcl"))) return false;
  return !fs3.readdirSync(abs).some((f) => f.endsWith(".tf") || f.endsWith(".tofu") || f.endsWith(".tf.json"));
}
function hasTerragruntUnits(abs, depth = 0) {
  if (depth > 8) return false;
  if (isTerragruntUnit(abs)) return true;
  return fs3.readdirSync(abs, { withFileTypes: true }).some((e) => e.isDirectory() && !e.name.startsWith(".") && hasTerragruntUnits(path3.join(abs, e.name), depth + 1));
}
function pullRequestOf(inputs, context) {
  if (inputs["pull-request"] !== void 0) return inputs["pull-request"];
  const pr = context.payload.pull_request;
  return typeof pr?.number === "number" ? pr.number : void 0;
}
function addCounts(total, c) {
  for (const key of Object.keys(total)) total[key] += c[key];
}
function checkInputs(inputs, stacks, pr) {
  const problems = [];
  if (inputs.command === "apply") {
    if (!inputs["expected-fingerprint"] && (pr === void 0 || !inputs["github-token"])) {
      problems.push("command: apply needs the reviewed plan's fingerprint: pass expected-fingerprint (the fingerprint output of the plan step), or pull-request and github-token so it can be read from the plan comment.");
    }
    if (inputs["expected-fingerprint"]) {
      try {
        const map = expectedFingerprints(inputs["expected-fingerprint"], stacks.map((s) => s.dir));
        const missing = stacks.filter((s) => !map.has(s.dir)).map((s) => s.dir);
        if (missing.length > 0) problems.push(`Input 'expected-fingerprint' has no fingerprint for ${missing.join(", ")}; give one per stack as the plan step's fingerprint output writes it ({"stack": "fingerprint", …}).`);
      } catch (error) {
        problems.push(error.message);
      }
    }
  }
  if (inputs["plan-path"] && (stacks.length > 1 || inputs.command !== "apply")) problems.push("Input 'plan-path' applies a saved plan file, so it needs command: apply and a single working-directory.");
  if (inputs.command === "plan" && inputs.comment && pr !== void 0 && !inputs["github-token"]) problems.push("Input 'github-token' is empty, but comment: true on a pull request needs it; pass ${{ github.token }} with pull-requests: write, or set comment: false.");
  if (problems.length > 0) throw new InputError(problems);
}
var HEX64 = /^[0-9a-f]{64}$/;
function expectedFingerprints(value, stacks) {
  const text = value.trim();
  if (HEX64.test(text)) {
    if (stacks.length > 1) throw new Error("Input 'expected-fingerprint' holds one fingerprint, but several stacks are listed; pass the plan step's fingerprint output for all of them (a JSON object of stack to fingerprint).");
    return new Map(stacks.map((s) => [s, text]));
  }
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error("Input 'expected-fingerprint' is neither a fingerprint (64 hex characters) nor a JSON object of stack to fingerprint; pass the plan step's fingerprint output.");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("Input 'expected-fingerprint' must be a fingerprint or a JSON object of stack to fingerprint.");
  const map = /* @__PURE__ */ new Map();
  for (const [stack, fp] of Object.entries(parsed)) {
    if (typeof fp !== "string" || !HEX64.test(fp)) throw new Error(`Input 'expected-fingerprint' gives ${JSON.stringify(stack)} the value ${JSON.stringify(fp)}, which is not a fingerprint (64 hex characters).`);
    map.set(stack, fp);
  }
  return map;
}
function writePlanFile(file, produce) {
  const fd = fs3.openSync(file, "w");
  try {
    produce((text) => fs3.writeSync(fd, text));
  } finally {
    fs3.closeSync(fd);
  }
}
var slug = (text) => text.replace(/[^\w.-]+/g, "_") || "root";
async function runGate(inputs, deps) {
  const workspaceDir = deps.context.workspace;
  const stacks = resolveStacks(inputs, workspaceDir);
  const matrix = stackMatrix(stacks.map((s) => s.dir));
  if (inputs.command === "stacks") {
    return { outputs: { matrix }, summary: table(["order", "stack"], stacks.map((s, i) => [String(i + 1), s.dir])), annotations: [], failures: [] };
  }
  let pr = pullRequestOf(inputs, deps.context);
  let mergedFrom = false;
  if (pr === void 0 && inputs.command === "apply" && inputs["merged-pull-request"] && inputs["github-token"] && deps.client && deps.context.sha && deps.context.eventName === "push") {
    pr = await mergedPullRequest(deps.client(), deps.context.owner, deps.context.repo, deps.context.sha);
    mergedFrom = pr !== void 0;
    info(pr === void 0 ? `No merged pull request is known for commit ${deps.context.sha.slice(0, 7)}; the plan is checked against expected-fingerprint alone.` : `Commit ${deps.context.sha.slice(0, 7)} merged pull request #${pr}: its reviewed plans must match.`);
  }
  checkInputs(inputs, stacks, pr);
  maskGivenValues(inputs);
  let binary = inputs.binary;
  if (inputs.version) {
    if (!deps.install) throw new InputError([`Input 'version' asks for ${inputs.binary} ${inputs.version}, but installing is not available here; put ${inputs.binary} on PATH and leave version empty.`]);
    binary = await deps.install(inputs.binary, inputs.version);
  }
  const terraform = { binary, env: deps.env, exec: deps.exec };
  if (inputs.command === "fmt") return fmtStacks(terraform, stacks, matrix);
  if (inputs.command === "validate") return validateStacks(terraform, stacks, matrix);
  return planStacks(inputs, deps, terraform, stacks, matrix, pr, mergedFrom);
}
async function fmtStacks(terraform, stacks, matrix) {
  const annotations = [];
  const rows = [];
  let diffs = "";
  for (const stack of stacks) {
    const result = await group(`terraform fmt ${stack.dir}`, () => fmtCheck(terraform, stack.abs));
    const files = parseFmtOutput(result.output);
    annotations.push(...fmtAnnotations(files, stack.dir));
    for (const f of files) {
      rows.push([stack.dir, f.file]);
      if (f.diff) diffs += details(path3.posix.join(stack.dir, f.file), codeBlock(f.diff, "diff"));
    }
    if (!result.clean && files.length === 0) rows.push([stack.dir, "(terraform fmt reported unformatted files without naming them)"]);
  }
  const failures = rows.length > 0 ? [`${rows.length} file(s) are not formatted: ${rows.map((r) => path3.posix.join(r[0], r[1])).join(", ")}. Run terraform fmt -recursive and commit the result.`] : [];
  const summary = rows.length === 0 ? "### terraform fmt\n\nAll files are formatted.\n" : `### terraform fmt

${rows.length} file(s) need formatting.

${table(["stack", "file"], rows)}
${diffs}`;
  return { outputs: { matrix }, summary, annotations, failures };
}
async function validateStacks(terraform, stacks, matrix) {
  const annotations = [];
  const rows = [];
  const failures = [];
  for (const stack of stacks) {
    await group(`terraform validate ${stack.dir}`, async () => {
      await init(terraform, stack.abs, { backend: false, backendConfig: [] });
      const report = parseValidate(await validate(terraform, stack.abs), `${terraform.binary} validate in ${stack.dir}`);
      annotations.push(...validateAnnotations(report, stack.dir));
      rows.push(...validateRows(report, stack.dir));
      if (!report.valid) failures.push(`${stack.dir} is not valid: ${report.errorCount} error(s); see the annotations and the job summary.`);
    });
  }
  const summary = rows.length === 0 ? `### terraform validate

${stacks.length} stack(s) are valid.
` : `### terraform validate

${table(["severity", "where", "problem"], rows)}`;
  return { outputs: { matrix }, summary, annotations, failures };
}
async function planStacks(inputs, deps, terraform, stacks, matrix, pr, mergedFrom) {
  const planRoot = inputs["plan-dir"] ?? runFolder("terraform", deps.env);
  const failures = [];
  const failedStacks = [];
  const plans = [];
  const total = { add: 0, change: 0, destroy: 0, replace: 0, import: 0, move: 0, forget: 0, read: 0, noop: 0 };
  const runUrl = deps.context.runId ? `${deps.context.serverUrl}/${deps.context.owner}/${deps.context.repo}/actions/runs/${deps.context.runId}` : void 0;
  const commenting = pr !== void 0 && Boolean(inputs["github-token"]) && deps.client !== void 0;
  for (const stack of stacks) {
    if (inputs.command === "apply" && failures.length > 0) {
      failures.push(`${stack.dir} was not applied because an earlier stack was not.`);
      continue;
    }
    await group(`terraform ${inputs.command} ${stack.dir}`, async () => {
      const dir = path3.join(planRoot, slug(stack.dir), slug(inputs.workspace));
      fs3.mkdirSync(dir, { recursive: true });
      await init(terraform, stack.abs, { backend: true, backendConfig: inputs["backend-config"] });
      await selectWorkspace(terraform, stack.abs, inputs.workspace);
      const planFile = inputs["plan-path"] ?? path3.join(dir, "plan.tfplan");
      const target = { owner: deps.context.owner, repo: deps.context.repo, issueNumber: pr ?? 0, stack: stack.dir, workspace: inputs.workspace };
      let planRun;
      if (!inputs["plan-path"]) {
        planRun = await plan(terraform, stack.abs, { planFile, lockTimeout: inputs["lock-timeout"], varFiles: inputs["var-files"], variables: inputs.variables });
        if (planRun.exitCode === 1) {
          showPlanLog(planRun);
          const message = planFailure(stack, inputs, planRun, stackUsesCloud(stack.abs));
          failures.push(message);
          failedStacks.push(stack.dir);
          if (inputs.command === "plan" && inputs.comment && commenting) {
            const body = renderFailedPlanComment({ stack: stack.dir, workspace: inputs.workspace, message, log: scrub(lastLines(planRun.stderr || planRun.stdout, 60), inputs) });
            const { created } = await upsertPlanComment(deps.client(), target, body);
            info(`${created ? "Created" : "Updated"} the plan comment for ${stack.dir} on pull request #${pr} (the plan failed).`);
          }
          return;
        }
      }
      const jsonFile = path3.join(dir, "plan.json");
      const { summary, fingerprint, digests, sensitiveValues } = analyzePlanText(await showJson(terraform, stack.abs, planFile, jsonFile), jsonFile);
      const masked = maskPlanValues(sensitiveValues);
      if (masked > 0) info(`${stack.dir}: ${masked} sensitive value(s) of the plan are masked in this log.`);
      if (planRun) showPlanLog(planRun);
      if (summary.errored) {
        failures.push(`The plan for ${stack.dir} errored ("errored": true in the plan document): terraform stopped at an error, so the plan is incomplete and cannot be applied. Fix the error in the plan log above and plan again.`);
        failedStacks.push(stack.dir);
      }
      const verdict = evaluateDestroyPolicy(summary, { allowDestroy: inputs["allow-destroy"], allowedPatterns: inputs["allowed-destroy"] });
      const textFile = path3.join(dir, "plan.txt");
      writePlanFile(textFile, (write) => writePlanText(summary, (text) => write(scrubSensitive(text, sensitiveValues))));
      info(`${stack.dir}: ${summary.changes ? planLine(summary.counts) : "no changes"} (fingerprint ${fingerprint})`);
      if (inputs.command === "plan" && stackUsesCloud(stack.abs)) info(`${stack.dir} runs in HCP Terraform or Terraform Enterprise: apply applies this saved cloud plan and nothing else (conveyor never runs apply -auto-approve).`);
      addCounts(total, summary.counts);
      plans.push({ stack, summary, fingerprint, digests, planFile, jsonFile, textFile, sensitiveValues });
      if (inputs.command === "plan") {
        if (!verdict.ok) failures.push(describeRefusal(verdict, stack.dir));
        if (inputs.comment && commenting) {
          const body = scrubSensitive(renderPlanComment(summary, { stack: stack.dir, workspace: inputs.workspace, fingerprint, digests, verdict, fullPlanAt: runUrl ? `the job summary of ${runUrl}` : void 0 }), sensitiveValues);
          const { created } = await upsertPlanComment(deps.client(), target, body);
          info(`${created ? "Created" : "Updated"} the plan comment for ${stack.dir} on pull request #${pr}.`);
        }
        return;
      }
      if (summary.errored) return;
      const failure = await applyReviewed({ inputs, deps, terraform, target, commenting, runUrl, plan: plans[plans.length - 1], verdict, mergedFrom });
      if (failure) failures.push(failure);
    });
  }
  const one = plans.length === 1 ? plans[0] : void 0;
  const perStack = (pick) => one ? pick(one) : Object.fromEntries(plans.map((p) => [p.stack.dir, pick(p)]));
  const outputs = {
    changes: plans.some((p) => p.summary.changes),
    "to-add": total.add,
    "to-change": total.change,
    "to-destroy": total.destroy,
    "to-replace": total.replace,
    "to-import": total.import,
    "to-move": total.move,
    "to-forget": total.forget,
    "plan-path": perStack((p) => p.planFile),
    "plan-json-path": perStack((p) => p.jsonFile),
    "plan-text-path": perStack((p) => p.textFile),
    fingerprint: perStack((p) => p.fingerprint),
    matrix
  };
  return { outputs, summary: planSummaryMarkdown(inputs, plans, failedStacks), annotations: [], failures };
}
function maskPlanValues(values) {
  let n = 0;
  for (const value of values) {
    if (value.trim().length < 3) continue;
    maskSecret(value, { warnShort: false });
    n += 1;
  }
  return n;
}
function maskGivenValues(inputs) {
  for (const setting of [...inputs.variables, ...inputs["backend-config"]]) {
    const eq = setting.indexOf("=");
    if (eq !== -1 && setting.slice(eq + 1).trim().length >= 3) maskSecret(setting.slice(eq + 1), { warnShort: false });
  }
}
function scrub(text, inputs) {
  let out = text;
  for (const setting of [...inputs.variables, ...inputs["backend-config"]]) {
    const value = setting.slice(setting.indexOf("=") + 1);
    if (setting.includes("=") && value.length >= 3) out = out.split(value).join("***");
  }
  return out;
}
function lastLines(text, n) {
  const lines = text.trimEnd().split("\n");
  return (lines.length > n ? ["…", ...lines.slice(-n)] : lines).join("\n");
}
function showPlanLog(run2) {
  if (run2.stdout) info(run2.stdout.trimEnd());
  if (run2.stderr) info(run2.stderr.trimEnd());
}
function stackUsesCloud(abs) {
  try {
    return fs3.readdirSync(abs).filter((f) => f.endsWith(".tf") || f.endsWith(".tofu")).some((f) => {
      const text = fs3.readFileSync(path3.join(abs, f), "utf8").replace(/(^|[^:"])(#|\/\/).*$/gm, "$1");
      return /^\s*cloud\s*\{/m.test(text) || /^\s*backend\s+"remote"\s*\{/m.test(text);
    });
  } catch {
    return false;
  }
}
var CLOUD_NOTE = "This stack runs in HCP Terraform or Terraform Enterprise (a cloud block or the remote backend). conveyor applies only a saved plan file: with remote execution that needs terraform 1.6 or later (saved cloud plans) and a token in TF_TOKEN_<host>. Where no plan file can be saved, conveyor applies nothing: confirm the reviewed run in HCP Terraform itself, or switch the workspace to local execution.";
function planFailure(stack, inputs, run2, cloud) {
  const first = (run2.stderr || run2.stdout).split("\n").find((l) => /^\s*(│\s*)?Error:/.test(l))?.replace(/^\s*(│\s*)?/, "") ?? "see the plan log";
  const why = `terraform plan failed for ${stack.dir} (workspace ${inputs.workspace}, exit code 1): ${scrub(first, inputs)}.`;
  const next = inputs.command === "apply" ? " Nothing was applied." : " The gate fails; fix the error and plan again.";
  return cloud ? `${why}${next} ${CLOUD_NOTE}` : `${why}${next}`;
}
async function applyReviewed(step) {
  const { inputs, deps, terraform, target, plan: plan2 } = step;
  const stack = plan2.stack.dir;
  if (!plan2.summary.changes) {
    info(`${stack}: the plan has no changes; nothing to apply.`);
    return void 0;
  }
  const expected = inputs["expected-fingerprint"] ? expectedFingerprints(inputs["expected-fingerprint"], [stack]).get(stack) : void 0;
  let reviewed;
  let comment;
  let fromComment;
  if (step.commenting) {
    comment = await findPlanComment(deps.client(), target);
    const marker = comment ? readMarker(comment.body) : void 0;
    if (marker?.failed) return `The last plan of ${stack} on pull request #${target.issueNumber} failed, so there is no reviewed plan to apply. Fix the plan on the pull request first. Nothing was applied.`;
    fromComment = marker?.fingerprint;
    reviewed = marker?.digests ? decodeDigests(marker.digests) : void 0;
  }
  if (!expected && !fromComment) {
    return `No reviewed plan was found for ${stack} (workspace ${inputs.workspace}) on pull request #${target.issueNumber}: run command: plan on the pull request first, or pass expected-fingerprint. Nothing was applied.`;
  }
  for (const [source, fingerprint] of [["pull request", fromComment], ["expected-fingerprint", expected]]) {
    if (!fingerprint || fingerprint === plan2.fingerprint) continue;
    const changed = reviewed ? compareDigests(reviewed, plan2.digests) : [];
    const list2 = changed.map((d) => `  - ${d.address}: ${d.how === "added" ? `new since review (${d.now})` : d.how === "removed" ? `no longer in the plan (was ${d.reviewed})` : `changed since review (${d.reviewed} → ${d.now})`}`);
    const why = changed.length > 0 ? `These resources changed since review:
${list2.join("\n")}` : reviewed ? "No public attribute changed: a sensitive value differs from the reviewed plan." : "The reviewed resource list is not available (only the fingerprint was given, or the plan was too large to list in the comment), so the changed resources cannot be named.";
    const where = source === "pull request" ? ` on pull request #${target.issueNumber}` : " (expected-fingerprint)";
    const next = step.mergedFrom ? "The merged configuration, or the infrastructure, no longer plans what was reviewed: review this run's plan (run the workflow by hand for this stack and environment) or open a pull request that plans it again." : "Plan again on the pull request and review the new plan.";
    return `The plan for ${stack} is not the reviewed one${where} (reviewed ${fingerprint.slice(0, 16)}, now ${plan2.fingerprint.slice(0, 16)}); nothing was applied. ${why}
${next}`;
  }
  if (!step.verdict.ok) return `${describeRefusal(step.verdict, stack)}
Nothing was applied.`;
  await apply(terraform, plan2.stack.abs, plan2.planFile, inputs["lock-timeout"]);
  if (comment) {
    const sha = deps.context.sha ? ` at commit ${deps.context.sha.slice(0, 7)}` : "";
    const note = `> [!NOTE]
> This plan was applied${step.runUrl ? ` by ${step.runUrl}` : ""}${sha}.

`;
    const firstLineEnd = comment.body.indexOf("\n") + 1;
    await deps.client().rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: comment.id, body: comment.body.slice(0, firstLineEnd) + note + comment.body.slice(firstLineEnd) });
  }
  return void 0;
}
function planSummaryMarkdown(inputs, plans, failed) {
  const rows = plans.map((p) => {
    const c = p.summary.counts;
    const result = p.summary.errored ? "❌ errored" : p.summary.changes ? "changes" : "no changes";
    return [p.stack.dir, inputs.workspace, result, ...[c.add, c.change, c.destroy, c.replace, c.import, c.move, c.forget].map(String), `\`${p.fingerprint.slice(0, 16)}\``];
  });
  const planned = new Set(plans.map((p) => p.stack.dir));
  for (const dir of failed) if (!planned.has(dir)) rows.push([dir, inputs.workspace, "❌ plan failed", "", "", "", "", "", "", "", ""]);
  const heading = failed.length > 0 ? `### terraform ${inputs.command}: failed for ${failed.join(", ")}` : `### terraform ${inputs.command}`;
  let text = `${heading}

${table(["stack", "workspace", "result", "add", "change", "destroy", "replace", "import", "move", "forget", "fingerprint"], rows)}
`;
  const budget = Math.floor(9e5 / Math.max(1, plans.length));
  for (const p of plans) {
    text += scrubSensitive(renderPlanMarkdown(p.summary, { stack: p.stack.dir, workspace: inputs.workspace, fingerprint: p.fingerprint }, { limit: budget, maxAttributes: 200, marker: false }), p.sensitiveValues);
    text += "\n";
  }
  return text;
}

// packages/terraform/src/inputs.ts
var terraformInputs = {
  command: oneOf(["fmt", "validate", "plan", "apply", "stacks"], { required: true }),
  "working-directory": list({ default: ["."], commas: false }),
  stacks: oneOf(["listed", "auto"], { default: "listed" }),
  "stack-order": list({ commas: false }),
  binary: oneOf(["terraform", "tofu"], { default: "terraform" }),
  version: string({ pattern: /^v?\d+\.\d+\.\d+(-[\w.]+)?$/, patternHint: "an exact version such as 1.9.8 (empty: use the one on PATH)" }),
  "backend-config": list({ commas: false }),
  "var-files": list({ commas: false }),
  variables: list({ commas: false }),
  workspace: string({ default: "default", pattern: /^[\w.-]+$/, patternHint: "a workspace name (letters, digits, _ . -)" }),
  "lock-timeout": string({ default: "0s", pattern: /^\d+(ms|s|m|h)$/, patternHint: "a duration such as 0s, 30s or 5m" }),
  "allow-destroy": boolean({ default: false }),
  "allowed-destroy": list({ commas: false }),
  "github-token": secret(),
  comment: boolean({ default: true }),
  "pull-request": integer({ min: 1 }),
  "merged-pull-request": boolean({ default: true }),
  "plan-path": filePath({ mustExist: "file" }),
  "expected-fingerprint": string(),
  "plan-dir": filePath()
};
var tflintInputs = {
  "working-directory": list({ default: ["."], commas: false }),
  recursive: boolean({ default: false }),
  version: string({ pattern: /^v?\d+\.\d+\.\d+(-[\w.]+)?$/, patternHint: "an exact tflint version such as 0.54.0 (empty: use the one on PATH)" }),
  "minimum-failure-severity": oneOf(["error", "warning", "notice"], { default: "warning" }),
  init: boolean({ default: true }),
  "github-token": secret(),
  config: filePath({ mustExist: "file" }),
  "sarif-path": filePath()
};

// packages/terraform/src/lint.ts
var fs4 = __toESM(require_fs(), 1);
var path5 = __toESM(require_path(), 1);

// packages/terraform/src/tflint.ts
var path4 = __toESM(require_path(), 1);
var RANK = { notice: 0, warning: 1, error: 2 };
function severityOf(raw) {
  const s = raw.toLowerCase();
  if (s === "error") return "error";
  if (s === "warning") return "warning";
  return "notice";
}
function parseTflintReport(text, source) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new ConveyorError(`${source} is not a tflint JSON report (${error.message}). Run tflint with --format json.`, { cause: error });
  }
  if (doc === null || typeof doc !== "object" || !Array.isArray(doc.issues) || !Array.isArray(doc.errors)) {
    throw new ConveyorError(`${source} is not a tflint JSON report: it needs "issues" and "errors" lists. Run tflint with --format json.`);
  }
  const report = doc;
  report.issues.forEach((issue, i) => {
    if (!issue?.rule?.name || typeof issue.message !== "string" || !issue.range?.filename) {
      throw new ConveyorError(`${source}: issues[${i}] lacks rule.name, message or range.filename; is this tflint's --format json output?`);
    }
  });
  return report;
}
function rebaseAbsolutePaths(report, cwd, workspace) {
  const fix = (range) => {
    if (!range || !path4.isAbsolute(range.filename)) return;
    const fromWorkspace = path4.relative(workspace, range.filename);
    if (fromWorkspace.startsWith("..") || path4.isAbsolute(fromWorkspace)) return;
    range.filename = path4.relative(cwd, range.filename).split(path4.sep).join("/");
  };
  for (const issue of report.issues) {
    fix(issue.range);
    for (const c of issue.callers ?? []) fix(c);
  }
  for (const error of report.errors) fix(error.range);
  return report;
}
var LEVEL = { error: "error", warning: "warning", notice: "notice" };
function relative4(file, baseDir) {
  return path4.posix.normalize(path4.join(baseDir, file).split(path4.sep).join("/"));
}
function tflintAnnotations(report, baseDir = ".") {
  const out = [];
  for (const issue of report.issues) {
    out.push({
      level: LEVEL[severityOf(issue.rule.severity)],
      title: `tflint: ${issue.rule.name}`,
      message: issue.rule.link ? `${issue.message}
${issue.rule.link}` : issue.message,
      file: relative4(issue.range.filename, baseDir),
      startLine: issue.range.start?.line,
      endLine: issue.range.end?.line,
      startColumn: issue.range.start?.column,
      endColumn: issue.range.end?.column
    });
  }
  for (const error of report.errors) {
    out.push({
      level: LEVEL[severityOf(error.severity)],
      title: error.summary ? `tflint: ${error.summary}` : "tflint could not check this configuration",
      message: stripAnsi(error.message),
      file: error.range ? relative4(error.range.filename, baseDir) : void 0,
      startLine: error.range?.start?.line,
      endLine: error.range?.end?.line,
      startColumn: error.range?.start?.column,
      endColumn: error.range?.end?.column
    });
  }
  return out;
}
function stripAnsi(text) {
  return text.replace(/\u001b\[[0-9;]*m/g, "");
}
function tflintFails(report, minimum) {
  const counted = report.issues.filter((i) => RANK[severityOf(i.rule.severity)] >= RANK[minimum]).length;
  return { failed: counted > 0 || report.errors.length > 0, counted };
}
var SARIF_LEVEL = { error: "error", warning: "warning", notice: "note" };
function region(range) {
  return {
    startLine: Math.max(1, range.start?.line ?? 1),
    startColumn: Math.max(1, range.start?.column ?? 1),
    endLine: Math.max(1, range.end?.line ?? range.start?.line ?? 1),
    endColumn: Math.max(1, range.end?.column ?? range.start?.column ?? 1)
  };
}
function tflintSarif(reports, options = {}) {
  const rules = /* @__PURE__ */ new Map();
  const results = [];
  for (const { report, baseDir } of reports) {
    for (const issue of report.issues) {
      const severity = severityOf(issue.rule.severity);
      if (!rules.has(issue.rule.name)) {
        rules.set(issue.rule.name, {
          id: issue.rule.name,
          name: issue.rule.name,
          ...issue.rule.link ? { helpUri: issue.rule.link } : {},
          defaultConfiguration: { level: SARIF_LEVEL[severity] },
          shortDescription: { text: issue.rule.name }
        });
      }
      const callers = (issue.callers ?? []).filter((c) => c.filename !== issue.range.filename || c.start?.line !== issue.range.start?.line);
      results.push({
        ruleId: issue.rule.name,
        level: SARIF_LEVEL[severity],
        message: { text: issue.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: relative4(issue.range.filename, baseDir) }, region: region(issue.range) } }],
        ...callers.length > 0 ? {
          relatedLocations: callers.map((c, id) => ({ id, message: { text: "in the module call chain" }, physicalLocation: { artifactLocation: { uri: relative4(c.filename, baseDir) }, region: region(c) } }))
        } : {}
      });
    }
    for (const error of report.errors) {
      if (!rules.has("tflint-error")) {
        rules.set("tflint-error", { id: "tflint-error", name: "tflint-error", defaultConfiguration: { level: "error" }, shortDescription: { text: "tflint could not check the configuration" } });
      }
      const location = error.range ? [{ physicalLocation: { artifactLocation: { uri: relative4(error.range.filename, baseDir) }, region: region(error.range) } }] : [{ physicalLocation: { artifactLocation: { uri: relative4(".", baseDir) } } }];
      results.push({ ruleId: "tflint-error", level: SARIF_LEVEL[severityOf(error.severity)], message: { text: stripAnsi(error.message) }, locations: location });
    }
  }
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{
      tool: { driver: { name: "tflint", informationUri: "https://github.com/terraform-linters/tflint", ...options.version ? { version: options.version } : {}, rules: [...rules.values()] } },
      ...options.category ? { automationDetails: { id: `${options.category}/` } } : {},
      results
    }]
  };
}

// packages/terraform/src/lint.ts
function initFailure(output, dir, config, workspace) {
  const file = config ? path5.relative(workspace, config) || config : path5.posix.join(dir, ".tflint.hcl");
  const said = output.trim().split("\n")[0] ?? "";
  if (/Failed to load TFLint config/.test(output)) {
    return new ConveyorError(`tflint could not read its config ${file} (in ${dir}): ${said.replace(/^Failed to load TFLint config; /, "")} Fix the file; nothing was linted.`);
  }
  if (/Failed to install a plugin/.test(output)) {
    return new ConveyorError(`tflint --init could not install a plugin named in ${file} (in ${dir}): ${said.replace(/^Failed to install a plugin; /, "")} tflint --init downloads the plugins named in .tflint.hcl from GitHub releases (with the github-token input against rate limits); on a runner without network access, keep to the bundled terraform ruleset (a plugin "terraform" block without source) or put the plugins in TFLINT_PLUGIN_DIR beforehand and set init: false.`);
  }
  return new ConveyorError(`tflint --init failed in ${dir}: ${output.trim() || "it printed nothing"}`);
}
async function runTflint(inputs, deps) {
  const run2 = deps.exec ?? exec;
  const dirs = inputs["working-directory"].map((d) => ({ dir: path5.relative(deps.workspace, path5.resolve(deps.workspace, d)).split(path5.sep).join("/") || ".", abs: path5.resolve(deps.workspace, d) }));
  const missing = dirs.filter((d) => !fs4.existsSync(d.abs));
  if (missing.length > 0) throw new InputError(missing.map((m) => `Input 'working-directory' lists ${JSON.stringify(m.dir)}, but ${m.abs} does not exist.`));
  const env = { ...deps.env };
  if (inputs["github-token"]) env.GITHUB_TOKEN = inputs["github-token"];
  let tflint = "tflint";
  if (inputs.version) {
    if (!deps.install) throw new InputError([`Input 'version' asks for tflint ${inputs.version}, but installing is not available here; put tflint on PATH and leave version empty.`]);
    tflint = await deps.install("tflint", inputs.version);
  }
  const exec2 = (_command, args, options) => run2(tflint, args, options);
  const common = inputs.config ? [`--config=${inputs.config}`] : [];
  const reports = [];
  for (const d of dirs) {
    await group(`tflint ${d.dir}`, async () => {
      if (inputs.init) {
        const initArgs = ["--init", "--no-color", ...common, ...inputs.recursive ? ["--recursive"] : []];
        const init2 = await exec2("tflint", initArgs, { cwd: d.abs, env, okCodes: [0, 1] });
        if (init2.exitCode !== 0) throw initFailure(stripAnsi(init2.stderr || init2.stdout), d.dir, inputs.config, deps.workspace);
      }
      const args = ["--format=json", "--no-color", ...common, `--minimum-failure-severity=${inputs["minimum-failure-severity"]}`];
      if (inputs.recursive) args.push("--recursive");
      const result = await exec2("tflint", args, { cwd: d.abs, env, okCodes: [0, 1, 2, 3] });
      const report = parseTflintReport(result.stdout, `tflint output in ${d.dir}`);
      reports.push({ report: rebaseAbsolutePaths(report, d.abs, deps.workspace), baseDir: d.dir });
    });
  }
  const annotations = reports.flatMap((r) => tflintAnnotations(r.report, r.baseDir));
  const sarif = tflintSarif(reports);
  const failures = [];
  let issues = 0;
  let errors = 0;
  let counted = 0;
  for (const r of reports) {
    const verdict = tflintFails(r.report, inputs["minimum-failure-severity"]);
    issues += r.report.issues.length;
    errors += r.report.errors.length;
    counted += verdict.counted;
    if (verdict.failed) failures.push(`tflint found ${verdict.counted} issue(s) at ${inputs["minimum-failure-severity"]} or above and ${r.report.errors.length} error(s) in ${r.baseDir}; see the annotations and the job summary.`);
  }
  const rows = reports.flatMap((r) => [
    ...r.report.issues.map((i) => [severityOf(i.rule.severity), `${path5.posix.join(r.baseDir, i.range.filename)}:${i.range.start?.line ?? 1}`, i.rule.name, i.message]),
    ...r.report.errors.map((e) => ["error", e.range ? `${path5.posix.join(r.baseDir, e.range.filename)}:${e.range.start?.line ?? 1}` : r.baseDir, "tflint-error", e.summary ?? e.message.split("\n")[0]])
  ]);
  const summary = rows.length === 0 ? `### tflint

No issues in ${dirs.map((d) => d.dir).join(", ")}.
` : `### tflint

${table(["severity", "where", "rule", "message"], rows)}`;
  return { outputs: { issues, errors, "failing-issues": counted }, summary, annotations, failures, sarif };
}

// packages/terraform/src/cli.ts
function printOutputs(io, outputs) {
  io.stdout(`${JSON.stringify(Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, formatOutput(v)])))}
`);
}
function summarizeFile(file) {
  let text;
  try {
    text = fs5.readFileSync(file, "utf8");
  } catch (error) {
    throw new InputError([`Cannot read the plan document ${file} (${error.code ?? "error"}); give the path of a \`terraform show -json PLANFILE\` output.`]);
  }
  const { summary, fingerprint, sensitiveValues } = analyzePlanText(text, file);
  const c = summary.counts;
  return {
    outputs: {
      changes: summary.changes,
      "to-add": c.add,
      "to-change": c.change,
      "to-destroy": c.destroy,
      "to-replace": c.replace,
      "to-import": c.import,
      "to-move": c.move,
      "to-forget": c.forget,
      fingerprint,
      errored: summary.errored
    },
    text: scrubSensitive(renderPlanText(summary), sensitiveValues),
    failure: summary.errored ? `The plan in ${file} errored ("errored": true): terraform stopped at an error, so it is incomplete and cannot be applied.` : void 0
  };
}
var terraformCommand = {
  name: "terraform",
  summary: "Summarize a terraform plan; run fmt, validate, plan or apply of the reviewed plan over stacks.",
  flags: Object.keys(terraformInputs),
  help: commandHelp({
    usage: ["conveyor terraform summarize <PLAN.json> [--json]", "conveyor terraform <fmt|validate|plan|apply|stacks> [flags]"],
    about: ["summarize reads a plan document written by `terraform show -json PLANFILE` and prints the readable plan\n(sensitive values masked), or with --json the counts and the fingerprint; it exits 1 when the plan errored.\nThe other subcommands are the terraform action's commands; plan writes its files into --plan-dir, else a\nfresh temporary folder."],
    arguments: [["PLAN.json", "summarize: the output of terraform show -json PLANFILE"]],
    flags: [["Flags (the inputs of the terraform action; the subcommand is its command input)", flagHelp(Object.fromEntries(Object.entries(terraformInputs).filter(([name]) => name !== "command")), {}, action)]]
  }),
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === void 0 || sub === "--help" || sub === "-h") {
      io.stdout(this.help);
      return sub === void 0 ? 2 : 0;
    }
    if (sub === "summarize") {
      const flags2 = parseFlags(rest, {}, { positionals: ["PLAN.json"] });
      if (flags2.positionals.length !== 1) throw new InputError(["conveyor terraform summarize takes one plan document: conveyor terraform summarize PLAN.json [--json]."]);
      const { outputs, text, failure } = summarizeFile(path6.resolve(io.cwd, flags2.positionals[0]));
      if (flags2.json) printOutputs(io, outputs);
      else io.stdout(text);
      if (failure) throw new ConveyorError(failure);
      return 0;
    }
    const commands = ["fmt", "validate", "plan", "apply", "stacks"];
    if (!commands.includes(sub)) throw new InputError([`Unknown subcommand ${JSON.stringify(sub)}; accepted: summarize, ${commands.join(", ")} (see conveyor terraform --help).`]);
    const flags = parseFlags(rest, terraformInputs);
    if (flags.help) {
      io.stdout(this.help);
      return 0;
    }
    const source = (name) => name === "command" ? sub : flags.source(name) ?? (name === "github-token" ? io.env.GITHUB_TOKEN : void 0);
    const inputs = readInputs(terraformInputs, source, { baseDir: io.cwd });
    const context = { ...readContext(io.env), workspace: io.cwd };
    const result = await runGate(inputs, { context, env: io.env, client: () => createOctokit({ token: inputs["github-token"], baseUrl: context.apiUrl }) });
    if (flags.json) printOutputs(io, result.outputs);
    else {
      const files = ["plan-path", "plan-json-path", "plan-text-path"].filter((k) => result.outputs[k] !== void 0 && formatOutput(result.outputs[k]) !== "");
      io.stdout(`${result.summary}${files.length > 0 ? `
Files: ${files.map((k) => `${k} ${formatOutput(result.outputs[k])}`).join(", ")}
` : ""}`);
    }
    for (const a of result.annotations) io.stderr(`${a.level}: ${a.file ?? ""}${a.startLine ? `:${a.startLine}` : ""} ${a.message}
`);
    if (result.failures.length > 0) throw new ConveyorError(result.failures.join("\n"));
    return 0;
  }
};
var tflintCommand = {
  name: "tflint",
  summary: "Run tflint over stacks: annotations, one single-run SARIF file, and a verdict by severity.",
  flags: Object.keys(tflintInputs),
  help: commandHelp({
    usage: ["conveyor tflint [flags]"],
    about: ["Runs tflint over the stacks and writes one SARIF file: --sarif-path, else tflint.sarif in a fresh\ntemporary folder (the last line says where)."],
    flags: [["Flags (the inputs of the tflint action)", flagHelp(tflintInputs, {}, action2)]]
  }),
  async run(argv, io) {
    const flags = parseFlags(argv, tflintInputs);
    if (flags.help) {
      io.stdout(this.help);
      return 0;
    }
    const inputs = readInputs(tflintInputs, (name) => flags.source(name) ?? (name === "github-token" ? io.env.GITHUB_TOKEN : void 0), { baseDir: io.cwd });
    const result = await runTflint(inputs, { workspace: io.cwd, env: io.env });
    const sarifPath = inputs["sarif-path"] ?? path6.join(runFolder("tflint", io.env), "tflint.sarif");
    fs5.mkdirSync(path6.dirname(sarifPath), { recursive: true });
    fs5.writeFileSync(sarifPath, `${JSON.stringify(result.sarif, null, 2)}
`);
    if (flags.json) printOutputs(io, { ...result.outputs, "sarif-path": sarifPath });
    else io.stdout(`${result.summary}
SARIF: ${sarifPath}
`);
    for (const a of result.annotations) io.stderr(`${a.level}: ${a.file ?? ""}${a.startLine ? `:${a.startLine}` : ""} ${a.message}
`);
    if (result.failures.length > 0) throw new ConveyorError(result.failures.join("\n"));
    return 0;
  }
};
export {
  summarizeFile,
  terraformCommand,
  tflintCommand
};
