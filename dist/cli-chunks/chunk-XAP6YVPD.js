import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  debug,
  info
} from "./chunk-2QXUUYF4.js";
import {
  ConveyorError,
  ToolNotFoundError
} from "./chunk-VEUO7CZG.js";

// packages/git/src/command.ts
import { spawn } from "node:child_process";
import * as fs from "node:fs";

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
function gitEnv(extra) {
  return { ...process.env, ...extra, LC_ALL: "C", LANGUAGE: "C", GIT_PAGER: "cat", PAGER: "cat", GIT_TERMINAL_PROMPT: "0" };
}
function fullArgs(args, config) {
  const extra = Object.entries(config ?? {}).flatMap(([name, value]) => ["-c", `${name}=${value}`]);
  return [...GLOBAL_ARGS, ...extra, ...args];
}
function display(args) {
  return ["git", ...args].map((a) => /^[\w@%+=:,./^~-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`).join(" ");
}
function spawnGit(dir, args, config, env) {
  debug(`[git] ${display(args)} (in ${dir})`);
  return spawn("git", fullArgs(args, config), { cwd: dir, env: gitEnv(env), stdio: ["pipe", "pipe", "pipe"] });
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
function git(dir, args, options = {}) {
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
      const result = { exitCode: code ?? 128, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") };
      if (okCodes.includes(result.exitCode)) resolve(result);
      else reject(failure(args, result.exitCode, result.stderr, options.hint));
    });
    child.stdin.on("error", () => {
    });
    child.stdin.end(options.input ?? "");
  });
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
    body: rest.replace(/^\s*\n/, "").replace(/\s+$/, "")
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
  const message = text.slice(start).replace(/\s+$/, "");
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
async function identityEnv(dir, author) {
  const as = (p) => ({ GIT_AUTHOR_NAME: p.name, GIT_AUTHOR_EMAIL: p.email, GIT_COMMITTER_NAME: p.name, GIT_COMMITTER_EMAIL: p.email });
  if (author) return as(author);
  const email = await git(dir, ["config", "--get", "user.email"], { okCodes: [0, 1] });
  const envEmail = process.env.GIT_COMMITTER_EMAIL && process.env.GIT_AUTHOR_EMAIL;
  if (email.stdout.trim() !== "" || envEmail) return {};
  return as(GITHUB_ACTIONS_BOT);
}
function checkPath(file) {
  if (file === "" || file.startsWith("-") || /[\0\n]/.test(file)) {
    throw new TypeError(`Invalid path ${JSON.stringify(file)}: give a path inside the repository that does not start with '-'.`);
  }
  return file;
}
async function readFileAt(dir, rev, file) {
  const commit = await git(dir, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${checkRev(rev)}^{commit}`], { okCodes: [0, 1, 128] });
  if (commit.exitCode !== 0) {
    throw new ConveyorError(`The revision '${rev}' does not exist in ${dir}. If this is a shallow clone, set \`fetch-depth: 0\` on actions/checkout.`);
  }
  const spec = `${commit.stdout.trim()}:${checkPath(file).replace(/^\.\//, "")}`;
  const type = await git(dir, ["cat-file", "-t", spec], { okCodes: [0, 128] });
  if (type.exitCode !== 0 || type.stdout.trim() !== "blob") return void 0;
  return (await git(dir, ["show", spec])).stdout;
}
async function commitFiles(dir, options) {
  if (options.paths.length === 0) throw new TypeError("commitFiles: give at least one path to commit.");
  if (options.message.trim() === "") throw new TypeError("commitFiles: the commit message is empty.");
  const paths = options.paths.map(checkPath);
  await git(dir, ["add", "-A", "--", ...paths]);
  const changed = await git(dir, ["diff", "--cached", "--quiet", "--", ...paths], { okCodes: [0, 1] });
  if (changed.exitCode === 0) {
    throw new ConveyorError(`Nothing to commit: ${paths.join(", ")} did not change in ${dir}.`);
  }
  const env = await identityEnv(dir, options.author);
  await git(dir, ["commit", "--quiet", "--no-verify", "--file=-", "--", ...paths], { input: options.message, env });
  return (await git(dir, ["rev-parse", "HEAD"])).stdout.trim();
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
async function push(dir, options) {
  const remote = checkName(options.remote ?? "origin", "remote");
  const branch = checkName(options.branch, "branch");
  const retries = options.retries ?? 3;
  let attempts = 0;
  for (; ; ) {
    attempts++;
    try {
      await git(dir, ["push", remote, `HEAD:refs/heads/${branch}`]);
      const sha = (await git(dir, ["rev-parse", "HEAD"])).stdout.trim();
      return { sha, attempts };
    } catch (error) {
      if (!(error instanceof GitError) || !isRaceRejection(error.stderr + error.message) || attempts > retries) {
        if (error instanceof GitError && attempts > retries && isRaceRejection(error.stderr)) {
          throw new GitError(
            error.command,
            error.exitCode,
            error.stderr,
            `The remote branch '${branch}' kept moving: ${attempts} pushes were rejected. Re-run the job, or serialise the workflow with a \`concurrency\` group.`,
            { cause: error }
          );
        }
        throw error;
      }
      info(`The remote branch '${branch}' moved; rebasing onto it and pushing again (attempt ${attempts + 1}).`);
      await rebaseOnto(dir, remote, branch, options.author);
    }
  }
}
async function rebaseOnto(dir, remote, branch, author) {
  const tracking = `refs/remotes/${remote}/${branch}`;
  await git(dir, ["fetch", "--quiet", "--no-recurse-submodules", "--", remote, `+refs/heads/${branch}:${tracking}`]);
  const env = await identityEnv(dir, author);
  try {
    await git(dir, ["rebase", "--quiet", "--no-autostash", tracking], { env });
  } catch (error) {
    debug(`rebase failed; aborting it`);
    await git(dir, ["rebase", "--abort"], { okCodes: [0, 1, 128] });
    throw error;
  }
}

export {
  GitError,
  git,
  readLog,
  revParse,
  currentBranch,
  isShallow,
  listTags,
  tagsReachableFrom,
  identityEnv,
  readFileAt,
  commitFiles,
  fetch,
  push
};
