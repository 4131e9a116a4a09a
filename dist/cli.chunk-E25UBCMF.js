import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  debug
} from "./cli.chunk-ZY3ABXIW.js";
import {
  require_child_process
} from "./cli.chunk-NJ27DEOS.js";
import {
  ConveyorError,
  ToolNotFoundError
} from "./cli.chunk-YFFPNGMU.js";
import {
  require_fs
} from "./cli.chunk-RY5DKLWW.js";
import {
  __toESM
} from "./cli.chunk-ZH76KQBC.js";

// packages/git/src/command.ts
var import_node_child_process = __toESM(require_child_process(), 1);
var fs = __toESM(require_fs(), 1);

// packages/git/src/errors.ts
var GitError = class extends ConveyorError {
  command;
  exitCode;
  stderr;
  hint;
  constructor(command, exitCode, stderr, hint, options) {
    const tail = stderr.trimEnd().split(/\r?\n/).slice(-20).join("\n");
    super(`\`${command}\` failed with exit code ${exitCode}${tail ? `:
${tail}` : ""}${hint ? `
${hint}` : ""}`, options);
    this.command = command;
    this.exitCode = exitCode;
    this.stderr = stderr;
    this.hint = hint;
  }
};
var HINTS = [
  {
    test: /not a git repository/i,
    hint: "Run actions/checkout before this step, or point the working directory at the repository."
  },
  {
    test: /shallow|unknown revision|bad revision|ambiguous argument|invalid object name|no merge base/i,
    hint: "If this is a shallow clone, fetch the full history: set `fetch-depth: 0` on actions/checkout. Otherwise check that the revision exists."
  },
  {
    test: /does not have any commits yet/i,
    hint: "The branch has no commits yet; make a first commit before running this step."
  },
  {
    test: /protected branch|GH006|GH013|push declined due to repository rule/i,
    hint: "The branch is protected: let this workflow push through a pull request instead, or allow its token to bypass the rule."
  },
  {
    test: /Authentication failed|could not read Username|Permission to .* denied|\b403\b/i,
    hint: "The token cannot push: give the job `permissions: contents: write` and let actions/checkout persist its credentials (the default), or pass a token that can write to the repository."
  },
  {
    test: /Please tell me who you are|empty ident name|unable to auto-detect email/i,
    hint: "git has no committer identity: pass an author, or set user.name and user.email with `git config` in an earlier step."
  },
  {
    test: /already exists/i,
    hint: "The tag already exists on the remote with another commit; delete it there first or choose another version."
  },
  {
    test: /CONFLICT|could not apply|Resolve all conflicts/i,
    hint: "The remote branch changed the same lines; the rebase was aborted and nothing was pushed. Re-run the job on the latest commit."
  }
];
function hintFor(stderr) {
  return HINTS.find((rule) => rule.test.test(stderr))?.hint;
}

// packages/git/src/command.ts
var GLOBAL_ARGS = ["-c", "core.quotepath=off", "--no-pager"];
function gitEnv(extra, config) {
  const env = { ...process.env, ...extra, LC_ALL: "C", LANGUAGE: "C", GIT_PAGER: "cat", PAGER: "cat", GIT_TERMINAL_PROMPT: "0" };
  const entries = Object.entries(config ?? {});
  if (entries.length > 0) {
    const start = Math.max(0, Number.parseInt(env.GIT_CONFIG_COUNT ?? "0", 10) || 0);
    entries.forEach(([name, value], i) => {
      env[`GIT_CONFIG_KEY_${start + i}`] = name;
      env[`GIT_CONFIG_VALUE_${start + i}`] = value;
    });
    env.GIT_CONFIG_COUNT = String(start + entries.length);
  }
  return env;
}
function display(args) {
  return ["git", ...args].map((a) => /^[\w@%+=:,./^~-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`).join(" ");
}
function spawnGit(dir, args, config, env) {
  debug(`[git] ${display(args)} (in ${dir})`);
  return (0, import_node_child_process.spawn)("git", [...GLOBAL_ARGS, ...args], { cwd: dir, env: gitEnv(env, config), stdio: ["pipe", "pipe", "pipe"] });
}
function failure(args, exitCode, stderr, hint) {
  return new GitError(display(args), exitCode, stderr, hintFor(stderr) ?? hint);
}
function spawnError(dir, args, error) {
  if (!fs.existsSync(dir)) {
    return new GitError(display(args), -1, "", `The repository folder ${dir} does not exist; check the path (and run actions/checkout first).`);
  }
  if (error.code === "ENOENT") return new ToolNotFoundError("git", "Install git on the runner (it is on every GitHub-hosted runner).");
  return new GitError(display(args), -1, error.message);
}
function gitBytes(dir, args, options = {}) {
  const okCodes = options.okCodes ?? [0];
  return new Promise((resolve, reject) => {
    let child;
    try {
      child = spawnGit(dir, args, options.config, options.env);
    } catch (error) {
      reject(spawnError(dir, args, error));
      return;
    }
    const out = [];
    const err = [];
    child.stdout.on("data", (chunk) => out.push(chunk));
    child.stderr.on("data", (chunk) => err.push(chunk));
    child.on("error", (error) => reject(spawnError(dir, args, error)));
    child.on("close", (code) => {
      const result = { exitCode: code ?? 128, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString("utf8") };
      if (okCodes.includes(result.exitCode)) resolve(result);
      else reject(failure(args, result.exitCode, result.stderr, options.hint));
    });
    child.stdin.on("error", () => {
    });
    child.stdin.end(options.input ?? "");
  });
}
async function git(dir, args, options = {}) {
  const result = await gitBytes(dir, args, options);
  return { exitCode: result.exitCode, stdout: result.stdout.toString("utf8"), stderr: result.stderr };
}
async function* streamGit(dir, args, options = {}) {
  const child = spawnGit(dir, args, options.config, options.env);
  child.stdin.end();
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk) => {
    if (stderr.length < 64 * 1024) stderr += chunk;
  });
  let spawnFailure;
  const exited = new Promise((resolve) => {
    child.on("error", (error) => {
      spawnFailure = spawnError(dir, args, error);
      resolve(-1);
    });
    child.on("close", (code) => resolve(code ?? 128));
  });
  let finished = false;
  try {
    for await (const chunk of child.stdout) yield chunk;
    const code = await exited;
    finished = true;
    if (spawnFailure) throw spawnFailure;
    if (code !== 0) throw failure(args, code, stderr, options.hint);
  } finally {
    if (!finished && child.exitCode === null) child.kill();
  }
}

// packages/git/src/records.ts
var NulRecordSplitter = class {
  #pending = [];
  #pendingBytes = 0;
  /** Feeds one chunk; returns the records it completed (possibly none). */
  push(chunk) {
    const records = [];
    let start = 0;
    for (let nul = chunk.indexOf(0, start); nul !== -1; nul = chunk.indexOf(0, start)) {
      const piece = chunk.subarray(start, nul);
      if (this.#pendingBytes > 0) {
        this.#pending.push(piece);
        records.push(Buffer.concat(this.#pending, this.#pendingBytes + piece.length).toString("utf8"));
        this.#pending = [];
        this.#pendingBytes = 0;
      } else {
        records.push(piece.toString("utf8"));
      }
      start = nul + 1;
    }
    if (start < chunk.length) {
      this.#pending.push(Buffer.from(chunk.subarray(start)));
      this.#pendingBytes += chunk.length - start;
    }
    return records;
  }
  /** Ends the stream; returns the last record when it had no terminating NUL. */
  end() {
    if (this.#pendingBytes === 0) return [];
    const last = Buffer.concat(this.#pending, this.#pendingBytes).toString("utf8");
    this.#pending = [];
    this.#pendingBytes = 0;
    return [last];
  }
  /** Bytes held for the record in progress. */
  get pendingBytes() {
    return this.#pendingBytes;
  }
};

// packages/git/src/log.ts
var US = "";
var FORMAT = ["%H", "%P", "%an", "%ae", "%aI", "%B"].join("%x1f");
function checkRev(rev, what = "revision") {
  if (rev === "" || rev.startsWith("-") || /[\0\n]/.test(rev)) {
    throw new TypeError(`Invalid git ${what} ${JSON.stringify(rev)}: it must be a branch, tag, commit or range and must not start with '-'.`);
  }
  return rev;
}
function logArgs(options = {}) {
  const args = ["log", "-z", `--format=${FORMAT}`];
  if (options.firstParent) args.push("--first-parent");
  if (options.follow) {
    if (options.paths?.length !== 1) throw new TypeError("readLog: `follow` needs exactly one path.");
    args.push("--follow");
  }
  if (options.maxCount !== void 0) args.push(`--max-count=${options.maxCount}`);
  args.push(checkRev(options.range ?? "HEAD", "range"));
  args.push("--", ...options.paths ?? []);
  return args;
}
function splitMessage(message) {
  const text = message.replace(/^\s*\n/, "");
  const blank = /\n[ \t]*\n/.exec(text);
  const first = blank ? text.slice(0, blank.index) : text;
  const rest = blank ? text.slice(blank.index + blank[0].length) : "";
  return {
    subject: first.split("\n").map((line) => line.trim()).join(" ").trim(),
    body: rest.replace(/^\s*\n/, "").trimEnd()
  };
}
function parseCommitRecord(record) {
  const text = record.startsWith("\n") ? record.slice(1) : record;
  const fields = [];
  let start = 0;
  for (let i = 0; i < 5; i++) {
    const at = text.indexOf(US, start);
    if (at === -1) throw new Error(`Unexpected git log record (${fields.length} fields): ${JSON.stringify(text.slice(0, 200))}`);
    fields.push(text.slice(start, at));
    start = at + 1;
  }
  const [sha, parents, authorName, authorEmail, date] = fields;
  const message = text.slice(start).trimEnd();
  const { subject, body } = splitMessage(message);
  return {
    sha,
    parents: parents === "" ? [] : parents.split(" "),
    authorName,
    authorEmail,
    date,
    subject,
    body,
    message
  };
}
async function* readLog(dir, options = {}) {
  const splitter = new NulRecordSplitter();
  for await (const chunk of streamGit(dir, logArgs(options))) {
    for (const record of splitter.push(chunk)) yield parseCommitRecord(record);
  }
  for (const record of splitter.end()) {
    if (record.trim() !== "") yield parseCommitRecord(record);
  }
}

// packages/git/src/refs.ts
async function revParse(dir, rev) {
  const result = await git(dir, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${checkRev(rev)}^{commit}`], { okCodes: [0, 1, 128] });
  const sha = result.stdout.trim();
  return result.exitCode === 0 && sha !== "" ? sha : void 0;
}
async function currentBranch(dir) {
  const result = await git(dir, ["symbolic-ref", "--quiet", "--short", "HEAD"], { okCodes: [0, 1] });
  const name = result.stdout.trim();
  return result.exitCode === 0 && name !== "" ? name : void 0;
}
async function isShallow(dir) {
  const result = await git(dir, ["rev-parse", "--is-shallow-repository"]);
  return result.stdout.trim() === "true";
}
async function headState(dir) {
  const result = await git(dir, ["rev-parse", "--is-shallow-repository", "HEAD^{commit}", "--symbolic-full-name", "HEAD", "--"], { okCodes: [0, 128] });
  const [shallow, commit, ref] = result.stdout.split("\n");
  if (result.exitCode === 0 && (shallow === "true" || shallow === "false") && /^[0-9a-f]{40,64}$/.test(commit ?? "") && ref) {
    return { shallow: shallow === "true", commit, branch: ref.startsWith("refs/heads/") ? ref.slice("refs/heads/".length) : void 0 };
  }
  const [isShallowClone, head, branch] = await Promise.all([isShallow(dir), revParse(dir, "HEAD"), currentBranch(dir)]);
  return { shallow: isShallowClone, commit: head, branch };
}
var TAG_FORMAT = "--format=%(refname)%00%(objectname)%00%(objecttype)%00%(*objectname)%00%(*objecttype)";
function parseTagLines(output) {
  const tags = [];
  const nested = [];
  for (const line of output.split("\n")) {
    if (line === "") continue;
    const [ref = "", object = "", type = "", peeled = "", peeledType = ""] = line.split("\0");
    const name = ref.replace(/^refs\/tags\//, "");
    if (type === "commit") tags.push({ name, commit: object, object, annotated: false });
    else if (type === "tag" && peeledType === "commit") tags.push({ name, commit: peeled, object, annotated: true });
    else if (type === "tag" && peeledType === "tag") nested.push(name);
  }
  return { tags, nested };
}
async function tagsFrom(dir, filter, pattern) {
  const patterns = pattern === void 0 ? ["refs/tags"] : [`refs/tags/${pattern}`];
  const result = await git(dir, ["for-each-ref", TAG_FORMAT, ...filter, "--", ...patterns]);
  const { tags, nested } = parseTagLines(result.stdout);
  for (const name of nested) {
    const object = (await git(dir, ["rev-parse", "--verify", `refs/tags/${name}`])).stdout.trim();
    const commit = await revParse(dir, `refs/tags/${name}`);
    if (commit) tags.push({ name, commit, object, annotated: true });
  }
  return tags.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
function listTags(dir, options = {}) {
  return tagsFrom(dir, [], options.pattern);
}
function tagsReachableFrom(dir, rev, options = {}) {
  return tagsFrom(dir, ["--merged", checkRev(rev)], options.pattern);
}

// packages/git/src/files.ts
var GITHUB_ACTIONS_BOT = {
  name: "github-actions[bot]",
  email: "41898282+github-actions[bot]@users.noreply.github.com"
};
function personEnv(person) {
  return { GIT_AUTHOR_NAME: person.name, GIT_AUTHOR_EMAIL: person.email, GIT_COMMITTER_NAME: person.name, GIT_COMMITTER_EMAIL: person.email };
}
function hasOwnIdentity(configuredEmail) {
  return (configuredEmail ?? "").trim() !== "" || Boolean(process.env.GIT_COMMITTER_EMAIL && process.env.GIT_AUTHOR_EMAIL);
}

// packages/git/src/remote.ts
function checkName(value, what) {
  if (value === "" || value.startsWith("-") || /[\0\n\s:]/.test(value)) {
    throw new TypeError(`Invalid ${what} ${JSON.stringify(value)}: it must be a plain name without spaces or ':' that does not start with '-'.`);
  }
  return value;
}
async function fetch(dir, options = {}) {
  const remote = checkName(options.remote ?? "origin", "remote");
  const args = ["fetch", "--quiet", "--no-recurse-submodules"];
  if (options.unshallow && await isShallow(dir)) args.push("--unshallow");
  if (options.tags) args.push("--tags", "--force");
  args.push("--", remote, ...(options.refspecs ?? []).map((r) => checkRev(r, "refspec")));
  await git(dir, args);
}
function isRaceRejection(stderr) {
  return /\[rejected\]|non-fast-forward|fetch first|stale info|cannot lock ref|failed to update ref/i.test(stderr);
}
async function remoteUrl(dir, remote = "origin") {
  const result = await git(dir, ["config", "--get", `remote.${checkName(remote, "remote")}.url`], { okCodes: [0, 1] });
  const url = result.stdout.trim();
  return result.exitCode === 0 && url !== "" ? url : void 0;
}
function githubRepositoryOf(url, serverUrl = "https://github.com") {
  const server = new URL(serverUrl).hostname.toLowerCase();
  const hosts = /* @__PURE__ */ new Set([server, ...server === "github.com" ? ["www.github.com", "ssh.github.com"] : []]);
  let host;
  let pathname;
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/\/)(.+)$/.exec(url);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      return void 0;
    }
    if (!["https:", "http:", "ssh:", "git:", "git+ssh:", "ssh+git:"].includes(parsed.protocol)) return void 0;
    host = parsed.hostname;
    pathname = decodeURIComponent(parsed.pathname);
  } else if (scp) {
    host = scp[1];
    pathname = scp[2];
  } else {
    return void 0;
  }
  if (!hosts.has(host.toLowerCase())) return void 0;
  const match = /^\/?([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([\w.-]+?)(?:\.git)?\/?$/.exec(pathname);
  if (!match || match[2] === "." || match[2] === "..") return void 0;
  return { owner: match[1], repo: match[2] };
}

// packages/git/src/tree.ts
function parseTreeListing(output) {
  const entries = [];
  let start = 0;
  while (start < output.length) {
    let end = output.indexOf("\0", start);
    if (end === -1) end = output.length;
    const record = output.slice(start, end);
    start = end + 1;
    if (record === "") continue;
    const tab = record.indexOf("	");
    const [mode, type, oid] = record.slice(0, tab).split(" ");
    if (tab === -1 || !mode || !oid || type !== "blob" && type !== "tree" && type !== "commit") {
      throw new Error(`internal: unexpected git ls-tree record ${JSON.stringify(record.slice(0, 200))}`);
    }
    entries.push({ path: record.slice(tab + 1), mode, type, oid });
  }
  return entries;
}
async function listTree(dir, rev) {
  const args = ["ls-tree", "-r", "-z", "--full-tree", "--end-of-options", checkRev(rev)];
  const output = (await gitBytes(dir, args)).stdout;
  const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let whole;
  try {
    whole = strictUtf8.decode(output);
  } catch {
  }
  if (whole !== void 0) return parseTreeListing(whole);
  const entries = [];
  for (let start = 0; start < output.length; ) {
    let end = output.indexOf(0, start);
    if (end === -1) end = output.length;
    const record = output.subarray(start, end);
    start = end + 1;
    let text;
    let notUtf8 = false;
    try {
      text = strictUtf8.decode(record);
    } catch {
      text = record.toString("utf8");
      notUtf8 = true;
    }
    for (const entry of parseTreeListing(text)) entries.push(notUtf8 ? { ...entry, notUtf8: true } : entry);
  }
  return entries;
}
function checkObjectName(name) {
  if (name === "" || /[\0\n\r]/.test(name)) throw new TypeError(`Invalid object name ${JSON.stringify(name)} for git cat-file: it must be one line.`);
  return name;
}
async function readObjects(dir, names) {
  const found = /* @__PURE__ */ new Map();
  const unique = [...new Set(names.map(checkObjectName))];
  if (unique.length === 0) return found;
  const args = ["cat-file", "--batch"];
  const output = (await gitBytes(dir, args, { input: `${unique.join("\n")}
` })).stdout;
  let at = 0;
  for (const name of unique) {
    const eol = output.indexOf(10, at);
    if (eol === -1) throw new GitError(display(args), 0, "", `git cat-file ended before answering for ${name}.`);
    const header = output.toString("utf8", at, eol);
    at = eol + 1;
    const match = /^([0-9a-f]{40,64}) ([a-z]+) (\d+)$/.exec(header);
    if (!match) {
      if (header.endsWith(" missing")) {
        found.set(name, void 0);
        continue;
      }
      throw new GitError(display(args), 0, header, `git cat-file could not read ${name}: ${header}`);
    }
    const size = Number(match[3]);
    found.set(name, { oid: match[1], type: match[2], content: output.subarray(at, at + size) });
    at += size + 1;
  }
  return found;
}
async function commitIdentity(dir, author) {
  const env = author ? personEnv(author) : {};
  const lines = (await git(dir, ["var", "-l"], { env })).stdout.split("\n");
  const last = (name) => lines.findLast((l) => l.startsWith(`${name}=`))?.slice(name.length + 1);
  const bot = !author && !hasOwnIdentity(last("user.email"));
  const parts = (who) => {
    const match = /^(.+?) <(.+)> (\d+ [+-]\d{4})$/.exec(last(`GIT_${who}_IDENT`) ?? "");
    const name = env[`GIT_${who}_NAME`] ?? process.env[`GIT_${who}_NAME`] ?? last("user.name");
    return match && (bot || name === void 0 || match[1] === name) ? match : void 0;
  };
  const [a, c] = [parts("AUTHOR"), parts("COMMITTER")];
  if (!a || !c) {
    const strict = bot ? personEnv(GITHUB_ACTIONS_BOT) : env;
    const [sa, sc] = await Promise.all([git(dir, ["var", "GIT_AUTHOR_IDENT"], { env: strict }), git(dir, ["var", "GIT_COMMITTER_IDENT"], { env: strict })]);
    return { author: sa.stdout.trim(), committer: sc.stdout.trim() };
  }
  if (!bot) return { author: a[0], committer: c[0] };
  const ident = `${GITHUB_ACTIONS_BOT.name} <${GITHUB_ACTIONS_BOT.email}>`;
  return { author: `${ident} ${a[3]}`, committer: `${ident} ${c[3]}` };
}
function quotePath(file) {
  let out = '"';
  for (const c of file) {
    const code = c.charCodeAt(0);
    if (c === "\\" || c === '"') out += `\\${c}`;
    else if (c === "\n") out += "\\n";
    else if (c === "	") out += "\\t";
    else if (code < 32 || code === 127) out += `\\${code.toString(8).padStart(3, "0")}`;
    else out += c;
  }
  return `${out}"`;
}
function checkIdent(ident, what) {
  if (!/^[^<>\n]*<[^<>\n]*> \d+ [+-]\d{4}$/.test(ident)) throw new TypeError(`writeCommit: the ${what} ${JSON.stringify(ident)} is not 'Name <email> <seconds> <offset>'.`);
  return ident;
}
async function writeCommit(dir, commit) {
  if (commit.files.length === 0) throw new TypeError("writeCommit: no file to write.");
  const ref = commit.ref ?? "refs/conveyor/commit";
  const parts = [
    "feature done\n",
    `commit ${checkRev(ref, "ref")}
mark :1
`,
    `author ${checkIdent(commit.identity.author, "author")}
`,
    `committer ${checkIdent(commit.identity.committer, "committer")}
`,
    `data ${Buffer.byteLength(commit.message)}
${commit.message}
`,
    `from ${checkRev(commit.parent, "parent")}
`
  ];
  for (const file of commit.files) {
    if (file.mode !== "100644" && file.mode !== "100755") throw new TypeError(`writeCommit: ${file.path} has mode ${file.mode}; only files (100644, 100755) are written.`);
    if (file.path === "" || file.path.startsWith("/") || file.path.split("/").some((s) => s === "" || s === "." || s === ".." || s === ".git")) {
      throw new TypeError(`writeCommit: ${JSON.stringify(file.path)} is not a path inside the repository.`);
    }
    parts.push(`M ${file.mode} inline ${quotePath(file.path)}
data ${Buffer.byteLength(file.content)}
`, file.content, "\n");
  }
  parts.push("\nget-mark :1\ndone\n");
  const result = await git(dir, ["fast-import", "--quiet", "--force", "--date-format=raw"], { input: parts.join(""), env: { MALLOC_TRIM_THRESHOLD_: String(64 << 20) } });
  const sha = result.stdout.trim();
  if (!/^[0-9a-f]{40,64}$/.test(sha)) throw new GitError("git fast-import", 0, result.stderr, `git fast-import gave no commit id (it printed ${JSON.stringify(sha.slice(0, 100))}).`);
  return sha;
}

export {
  GitError,
  git,
  readLog,
  revParse,
  isShallow,
  headState,
  listTags,
  tagsReachableFrom,
  fetch,
  isRaceRejection,
  remoteUrl,
  githubRepositoryOf,
  listTree,
  readObjects,
  commitIdentity,
  writeCommit
};
