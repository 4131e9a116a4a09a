import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  require_stream
} from "./cli.chunk-BC2UW4FE.js";
import {
  require_semver
} from "./cli.chunk-JMV5H5XF.js";
import {
  fetch,
  git,
  githubRepositoryOf,
  headState,
  isShallow,
  listTags,
  readLog,
  remoteUrl,
  revParse,
  tagsReachableFrom
} from "./cli.chunk-E25UBCMF.js";
import {
  readContext
} from "./cli.chunk-ZKYFB5SO.js";
import "./cli.chunk-ID3Q7B6X.js";
import {
  boolean,
  filePath,
  integer,
  list,
  readInputs,
  secret,
  string
} from "./cli.chunk-64BINYD5.js";
import {
  formatOutput
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
  InputError
} from "./cli.chunk-YFFPNGMU.js";
import "./cli.chunk-MYNQKUQR.js";
import {
  require_fs
} from "./cli.chunk-RY5DKLWW.js";
import {
  require_crypto
} from "./cli.chunk-LC5523U3.js";
import {
  __toESM
} from "./cli.chunk-ZH76KQBC.js";

// packages/kit/src/app-credentials.ts
var crypto = __toESM(require_crypto());
var APP_ID = /^(\d+|Iv[0-9A-Za-z.]+)$/;
var KEY_HELP = `paste the whole .pem file that the App's settings page ("Private keys", Generate a private key) downloads, from its -----BEGIN line to its -----END line, into a secret and pass that secret`;
function checkAppPrivateKey(raw, name = "app-private-key") {
  let key = raw.trim();
  if (!key.includes("\n") && key.includes("\\n")) key = key.replace(/\\n/g, "\n");
  if (key !== raw) maskSecret(key, { name, warnShort: false });
  if (/-----BEGIN (RSA )?PUBLIC KEY-----/.test(key) || /-----BEGIN CERTIFICATE-----/.test(key)) {
    return { problem: `Input '${name}' holds a public key or certificate, not the App's private key: ${KEY_HELP}.` };
  }
  if (!/-----BEGIN ([A-Z]+ )?PRIVATE KEY-----/.test(key)) {
    return { problem: `Input '${name}' is not a PEM private key (no -----BEGIN … PRIVATE KEY----- line): ${KEY_HELP}.` };
  }
  let parsed;
  try {
    parsed = crypto.createPrivateKey({ key, format: "pem" });
  } catch {
    return { problem: `Input '${name}' looks like a PEM private key but cannot be read (cut short, or lines lost when it was copied; a key with a passphrase is not accepted): ${KEY_HELP}.` };
  }
  if (parsed.asymmetricKeyType !== "rsa") {
    return { problem: `Input '${name}' is a${parsed.asymmetricKeyType === "ec" ? "n" : ""} ${parsed.asymmetricKeyType ?? "unknown"} key, but GitHub App keys are RSA (their JWTs are signed RS256): ${KEY_HELP}.` };
  }
  return { key };
}
function appCredentials(inputs) {
  const appId = inputs["app-id"].trim();
  const rawKey = inputs["app-private-key"];
  const installationId = inputs["app-installation-id"];
  const hasKey = rawKey.trim() !== "";
  if (!appId && !hasKey) {
    return {
      problems: installationId === void 0 ? [] : ["Input 'app-installation-id' is set, but 'app-id' and 'app-private-key' are empty: give the App's ID and private key too, or drop app-installation-id."]
    };
  }
  const problems = [];
  if (!appId) problems.push("Input 'app-id' is empty but 'app-private-key' is set: a GitHub App credential needs both; give the App ID shown on the App's settings page (an `app-id` input, often from a variable such as `vars.RELEASE_APP_ID`).");
  else if (!APP_ID.test(appId)) problems.push(`Input 'app-id' is ${JSON.stringify(appId.slice(0, 40))}; accepted: the App's numeric App ID (e.g. 123456) or its client ID (Iv…), from the App's settings page.`);
  let key;
  if (!hasKey) problems.push("Input 'app-private-key' is empty but 'app-id' is set: a GitHub App credential needs both; pass the App's private key from a secret (`${{ secrets.RELEASE_APP_KEY }}`). A secret that is not available to this workflow (a fork's pull request, a missing `secrets:` line on a reusable workflow) is empty too.");
  else {
    const checked = checkAppPrivateKey(rawKey);
    if ("problem" in checked) problems.push(checked.problem);
    else key = checked.key;
  }
  if (problems.length > 0 || key === void 0) return { problems };
  return { credentials: { appId, privateKey: key, ...installationId === void 0 ? {} : { installationId } }, problems };
}

// packages/release/src/action.ts
var fs = __toESM(require_fs(), 1);
var import_semver4 = __toESM(require_semver(), 1);

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

// node_modules/conventional-commits-parser/dist/regex.js
var nomatchRegex = /(?!.*)/;
function escape(string2) {
  return string2.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function joinOr(parts) {
  return parts.map((val) => typeof val === "string" ? escape(val.trim()) : val.source).filter(Boolean).join("|");
}
function getNotesRegex(noteKeywords, notesPattern) {
  if (!noteKeywords) {
    return nomatchRegex;
  }
  const noteKeywordsSelection = joinOr(noteKeywords);
  if (!notesPattern) {
    return new RegExp(`^[\\s|*]*(${noteKeywordsSelection})[:\\s]+(.*)`, "i");
  }
  return notesPattern(noteKeywordsSelection);
}
function getReferencePartsRegex(issuePrefixes, issuePrefixesCaseSensitive) {
  if (!issuePrefixes) {
    return nomatchRegex;
  }
  const flags = issuePrefixesCaseSensitive ? "g" : "gi";
  return new RegExp(`(?:.*?)??\\s*([\\w-\\.\\/]*?)??(${joinOr(issuePrefixes)})([\\w-]+)(?=\\s|$|[,;)\\]])`, flags);
}
function getReferencesRegex(referenceActions) {
  if (!referenceActions) {
    return /()(.+)/gi;
  }
  const joinedKeywords = joinOr(referenceActions);
  return new RegExp(`(${joinedKeywords})(?:\\s+(.*?))(?=(?:${joinedKeywords})|$)`, "gi");
}
function getParserRegexes(options = {}) {
  const notes = getNotesRegex(options.noteKeywords, options.notesPattern);
  const referenceParts = getReferencePartsRegex(options.issuePrefixes, options.issuePrefixesCaseSensitive);
  const references = getReferencesRegex(options.referenceActions);
  return {
    notes,
    referenceParts,
    references,
    mentions: /@([\w-]+)/g,
    url: /\b(?:https?):\/\/(?:www\.)?([-a-zA-Z0-9@:%_+.~#?&//=])+\b/
  };
}

// node_modules/conventional-commits-parser/dist/utils.js
var SCISSOR = "------------------------ >8 ------------------------";
function trimNewLines(input) {
  const matches = input.match(/[^\r\n]/);
  if (typeof matches?.index !== "number") {
    return "";
  }
  const firstIndex = matches.index;
  let lastIndex = input.length - 1;
  while (input[lastIndex] === "\r" || input[lastIndex] === "\n") {
    lastIndex--;
  }
  return input.substring(firstIndex, lastIndex + 1);
}
function appendLine(src, line2) {
  return src ? `${src}
${line2 || ""}` : line2 || "";
}
function getCommentFilter(char) {
  return char ? (line2) => !line2.startsWith(char) : () => true;
}
function truncateToScissor(lines, commentChar) {
  const scissorIndex = lines.indexOf(`${commentChar} ${SCISSOR}`);
  if (scissorIndex === -1) {
    return lines;
  }
  return lines.slice(0, scissorIndex);
}
function gpgFilter(line2) {
  return !line2.match(/^\s*gpg:/);
}
function assignMatchedCorrespondence(target, matches, correspondence) {
  const { groups } = matches;
  for (let i = 0, len = correspondence.length, key; i < len; i++) {
    key = correspondence[i];
    target[key] = (groups ? groups[key] : matches[i + 1]) || null;
  }
  return target;
}

// node_modules/conventional-commits-parser/dist/options.js
var defaultOptions = {
  noteKeywords: ["BREAKING CHANGE", "BREAKING-CHANGE"],
  issuePrefixes: ["#"],
  referenceActions: [
    "close",
    "closes",
    "closed",
    "fix",
    "fixes",
    "fixed",
    "resolve",
    "resolves",
    "resolved"
  ],
  headerPattern: /^(\w*)(?:\(([\w$@.\-*/ ]*)\))?: (.*)$/,
  headerCorrespondence: [
    "type",
    "scope",
    "subject"
  ],
  revertPattern: /^Revert\s"([\s\S]*)"\s*This reverts commit (\w*)\.?/,
  revertCorrespondence: ["header", "hash"],
  fieldPattern: /^-(.*?)-$/
};

// node_modules/conventional-commits-parser/dist/CommitParser.js
function createCommitObject(initialData = {}) {
  return {
    merge: null,
    revert: null,
    header: null,
    body: null,
    footer: null,
    notes: [],
    mentions: [],
    references: [],
    ...initialData
  };
}
var CommitParser = class {
  options;
  regexes;
  lines = [];
  lineIndex = 0;
  commit = createCommitObject();
  constructor(options = {}) {
    this.options = {
      ...defaultOptions,
      ...options
    };
    this.regexes = getParserRegexes(this.options);
  }
  currentLine() {
    return this.lines[this.lineIndex];
  }
  nextLine() {
    return this.lines[this.lineIndex++];
  }
  isLineAvailable() {
    return this.lineIndex < this.lines.length;
  }
  parseReference(input, action2) {
    const { regexes } = this;
    if (regexes.url.test(input)) {
      return null;
    }
    const matches = regexes.referenceParts.exec(input);
    if (!matches) {
      return null;
    }
    let [raw, repository = null, prefix, issue] = matches;
    let owner = null;
    if (repository) {
      const slashIndex = repository.indexOf("/");
      if (slashIndex !== -1) {
        owner = repository.slice(0, slashIndex);
        repository = repository.slice(slashIndex + 1);
      }
    }
    return {
      raw,
      action: action2,
      owner,
      repository,
      prefix,
      issue
    };
  }
  parseReferences(input) {
    const { regexes } = this;
    const regex = input.match(regexes.references) ? regexes.references : /()(.+)/gi;
    const references = [];
    let matches;
    let action2;
    let sentence;
    let reference;
    while (true) {
      matches = regex.exec(input);
      if (!matches) {
        break;
      }
      action2 = matches[1] || null;
      sentence = matches[2] || "";
      while (true) {
        reference = this.parseReference(sentence, action2);
        if (!reference) {
          break;
        }
        references.push(reference);
      }
    }
    return references;
  }
  skipEmptyLines() {
    let line2 = this.currentLine();
    while (line2 !== void 0 && !line2.trim()) {
      this.nextLine();
      line2 = this.currentLine();
    }
  }
  parseMerge() {
    const { commit, options } = this;
    const correspondence = options.mergeCorrespondence || [];
    const merge = this.currentLine();
    const matches = merge && options.mergePattern ? merge.match(options.mergePattern) : null;
    if (matches) {
      this.nextLine();
      commit.merge = matches[0] || null;
      assignMatchedCorrespondence(commit, matches, correspondence);
      return true;
    }
    return false;
  }
  parseHeader(isMergeCommit) {
    if (isMergeCommit) {
      this.skipEmptyLines();
    }
    const { commit, options } = this;
    const correspondence = options.headerCorrespondence || [];
    const header = commit.header ?? this.nextLine();
    let matches = null;
    if (header) {
      if (options.breakingHeaderPattern) {
        matches = header.match(options.breakingHeaderPattern);
      }
      if (!matches && options.headerPattern) {
        matches = header.match(options.headerPattern);
      }
    }
    if (header) {
      commit.header = header;
    }
    if (matches) {
      assignMatchedCorrespondence(commit, matches, correspondence);
    }
  }
  parseMeta() {
    const { options, commit } = this;
    if (!options.fieldPattern || !this.isLineAvailable()) {
      return false;
    }
    let matches;
    let field = null;
    let parsed = false;
    while (this.isLineAvailable()) {
      matches = this.currentLine().match(options.fieldPattern);
      if (matches) {
        field = matches[1] || null;
        this.nextLine();
        continue;
      }
      if (field) {
        parsed = true;
        commit[field] = appendLine(commit[field], this.currentLine());
        this.nextLine();
      } else {
        break;
      }
    }
    return parsed;
  }
  parseNotes() {
    const { regexes, commit } = this;
    if (!this.isLineAvailable()) {
      return false;
    }
    const matches = this.currentLine().match(regexes.notes);
    let references = [];
    if (matches) {
      const note = {
        title: matches[1],
        text: matches[2]
      };
      commit.notes.push(note);
      commit.footer = appendLine(commit.footer, this.currentLine());
      this.nextLine();
      while (this.isLineAvailable()) {
        if (this.parseMeta()) {
          return true;
        }
        if (this.parseNotes()) {
          return true;
        }
        references = this.parseReferences(this.currentLine());
        if (references.length) {
          commit.references.push(...references);
        } else {
          note.text = appendLine(note.text, this.currentLine());
        }
        commit.footer = appendLine(commit.footer, this.currentLine());
        this.nextLine();
        if (references.length) {
          break;
        }
      }
      return true;
    }
    return false;
  }
  parseBodyAndFooter(isBody) {
    const { commit } = this;
    if (!this.isLineAvailable()) {
      return isBody;
    }
    const references = this.parseReferences(this.currentLine());
    const isStillBody = !references.length && isBody;
    if (isStillBody) {
      commit.body = appendLine(commit.body, this.currentLine());
    } else {
      commit.references.push(...references);
      commit.footer = appendLine(commit.footer, this.currentLine());
    }
    this.nextLine();
    return isStillBody;
  }
  parseBreakingHeader() {
    const { commit, options } = this;
    if (!options.breakingHeaderPattern || commit.notes.length || !commit.header) {
      return;
    }
    const matches = commit.header.match(options.breakingHeaderPattern);
    if (matches) {
      commit.notes.push({
        title: "BREAKING CHANGE",
        text: matches[3]
      });
    }
  }
  parseMentions(input) {
    const { commit, regexes } = this;
    let matches;
    for (; ; ) {
      matches = regexes.mentions.exec(input);
      if (!matches) {
        break;
      }
      commit.mentions.push(matches[1]);
    }
  }
  parseRevert(input) {
    const { commit, options } = this;
    const correspondence = options.revertCorrespondence || [];
    const matches = options.revertPattern ? input.match(options.revertPattern) : null;
    if (matches) {
      commit.revert = assignMatchedCorrespondence({}, matches, correspondence);
    }
  }
  cleanupCommit() {
    const { commit } = this;
    if (commit.body) {
      commit.body = trimNewLines(commit.body);
    }
    if (commit.footer) {
      commit.footer = trimNewLines(commit.footer);
    }
    commit.notes.forEach((note) => {
      note.text = trimNewLines(note.text);
    });
    const referencesSet = /* @__PURE__ */ new Set();
    commit.references = commit.references.filter((reference) => {
      const uid = `${reference.action} ${reference.raw}`.toLocaleLowerCase();
      const ok = !referencesSet.has(uid);
      if (ok) {
        referencesSet.add(uid);
      }
      return ok;
    });
  }
  /**
   * Parse commit message string into an object.
   * @param input - Commit message string.
   * @returns Commit object.
   */
  parse(input) {
    if (!input.trim()) {
      throw new TypeError("Expected a raw commit");
    }
    const { commentChar } = this.options;
    const commentFilter = getCommentFilter(commentChar);
    const rawLines = trimNewLines(input).split(/\r?\n/);
    const lines = commentChar ? truncateToScissor(rawLines, commentChar).filter((line2) => commentFilter(line2) && gpgFilter(line2)) : rawLines.filter((line2) => gpgFilter(line2));
    const commit = createCommitObject();
    this.lines = lines;
    this.lineIndex = 0;
    this.commit = commit;
    const isMergeCommit = this.parseMerge();
    this.parseHeader(isMergeCommit);
    if (commit.header) {
      commit.references = this.parseReferences(commit.header);
    }
    let isBody = true;
    while (this.isLineAvailable()) {
      this.parseMeta();
      if (this.parseNotes()) {
        isBody = false;
      }
      if (!this.parseBodyAndFooter(isBody)) {
        isBody = false;
      }
    }
    this.parseBreakingHeader();
    this.parseMentions(input);
    this.parseRevert(input);
    this.cleanupCommit();
    return commit;
  }
};

// node_modules/conventional-commits-parser/dist/stream.js
var import_stream = __toESM(require_stream(), 1);

// packages/release/src/rules.ts
var BUMPS = ["none", "patch", "minor", "major"];
var DEFAULT_RULES = [
  { type: "feat", bump: "minor" },
  { type: "fix", bump: "patch" },
  { type: "perf", bump: "patch" },
  { type: "revert", bump: "patch" }
];
function maxBump(a, b) {
  return BUMPS.indexOf(a) >= BUMPS.indexOf(b) ? a : b;
}
function bumpFor(commit, custom) {
  if (commit.breaking) return { bump: "major", reason: "breaking change" };
  const type = commit.type.toLowerCase();
  const scoped = custom.find((r) => r.type === type && r.scope !== void 0 && r.scope === commit.scope);
  if (scoped) return { bump: scoped.bump, reason: `release rule ${ruleText(scoped)}` };
  const typed = custom.find((r) => r.type === type && r.scope === void 0);
  if (typed) return { bump: typed.bump, reason: `release rule ${ruleText(typed)}` };
  const fallback = DEFAULT_RULES.find((r) => r.type === type);
  if (fallback) return { bump: fallback.bump, reason: `${type} → ${fallback.bump}` };
  return { bump: "none", reason: `${type} does not release` };
}
function ruleText(rule) {
  return `${rule.type}${rule.scope !== void 0 ? `(${rule.scope})` : ""}: ${rule.bump}`;
}
var RULE = /^([\w-]+)(?:\(([^()]+)\))?\s*[:=]\s*(none|patch|minor|major)$/i;
function parseReleaseRules(items, inputName = "release-rules") {
  const rules = [];
  const problems = [];
  for (const item of items) {
    const m = RULE.exec(item.trim());
    if (!m) {
      problems.push(`Input '${inputName}' has the item ${JSON.stringify(item)}; write each rule as \`type: bump\` or \`type(scope): bump\` with bump one of none, patch, minor, major.`);
      continue;
    }
    rules.push({ type: m[1].toLowerCase(), ...m[2] !== void 0 ? { scope: m[2].trim() } : {}, bump: m[3].toLowerCase() });
  }
  if (problems.length > 0) throw new InputError(problems);
  return rules;
}

// packages/release/src/commits.ts
var parser = new CommitParser({
  headerPattern: /^(\w*)(?:\(([^()\r\n]*)\))?(!)?: (.*)$/,
  headerCorrespondence: ["type", "scope", "bang", "subject"],
  noteKeywords: ["BREAKING CHANGE", "BREAKING-CHANGE"],
  revertPattern: /^(?:Revert|revert:)\s"?([\s\S]+?)"?\s*This reverts commit (\w+)\.?/i,
  revertCorrespondence: ["header", "hash"],
  // The parser's reference regex backtracks badly on long lines without a '#' (tens of seconds on a
  // 100,000-commit history), so references are read below with a linear pattern instead.
  issuePrefixes: void 0
});
parser.parseReferences = () => [];
var ISSUE_REF = /(?<![\w/.#-])#(\d+)\b/g;
var NEEDS_BODY = /breaking[ -]change|this reverts commit/i;
var MERGE_PR = /^Merge pull request #(\d+) from /;
var TRAILING_PR = /\s\(#(\d+)\)\s*$/;
var BREAKING_NOTE = /^BREAKING[ -]CHANGE$/i;
function classifyCommit(commit, rules) {
  const message = commit.message.replace(/\r\n/g, "\n");
  const header = message.split("\n", 1)[0].trim();
  const isMerge = commit.parents.length > 1;
  let parsed;
  try {
    parsed = parser.parse(NEEDS_BODY.test(message) ? message : header);
  } catch {
    parsed = createCommitObject({ header });
  }
  const type = typeof parsed.type === "string" && parsed.type !== "" ? parsed.type : void 0;
  const scope = typeof parsed.scope === "string" && parsed.scope !== "" ? parsed.scope : void 0;
  const revertedHeader = parsed.revert?.header ?? void 0;
  const subject = typeof parsed.subject === "string" && type ? parsed.subject : !type && revertedHeader ? revertedHeader : header;
  const breakingNotes = parsed.notes.filter((n) => BREAKING_NOTE.test(n.title.trim())).map((n) => n.text.trim());
  const breaking = type !== void 0 && parsed.bang === "!" || breakingNotes.length > 0;
  const reverts = parsed.revert?.hash ?? void 0;
  const prMatch = TRAILING_PR.exec(header) ?? MERGE_PR.exec(header);
  const pr = prMatch ? Number(prMatch[1]) : void 0;
  const rest = message.slice(message.indexOf("\n") + 1 || message.length);
  const issues = [...new Set(Array.from(rest.matchAll(ISSUE_REF), (m) => Number(m[1])).filter((n) => Number.isSafeInteger(n) && n !== pr))];
  let bump = "none";
  let reason;
  if (isMerge) {
    reason = "merge commit: the commits it brings count, not the merge itself";
  } else if (reverts && !type) {
    bump = "patch";
    reason = `reverts ${reverts.slice(0, 7)}`;
  } else if (!type && breaking) {
    bump = "major";
    reason = "breaking change (footer under a non-conventional header)";
  } else if (!type) {
    reason = "not a Conventional Commit header";
  } else {
    const decided = bumpFor({ type, scope, breaking }, rules);
    bump = decided.bump;
    reason = decided.reason;
  }
  return {
    sha: commit.sha,
    type: reverts && !type ? "revert" : type,
    scope,
    subject: subject.replace(TRAILING_PR, ""),
    header,
    breaking,
    breakingNotes,
    bump,
    reason,
    isMerge,
    reverts,
    cancelledBy: void 0,
    pr,
    issues
  };
}
function settleRange(classified, links) {
  cancelReverts(classified);
  attributeMergedPulls(links, classified);
  return classified;
}
function cancelReverts(commits) {
  const bySha = new Map(commits.map((c) => [c.sha, c]));
  const findTarget = (ref) => {
    const exact = bySha.get(ref);
    if (exact) return exact;
    if (ref.length < 7) return void 0;
    return commits.find((c) => c.sha.startsWith(ref));
  };
  for (const commit of commits) {
    if (!commit.reverts || commit.cancelledBy) continue;
    const target = findTarget(commit.reverts);
    if (!target || target.cancelledBy || target === commit) continue;
    target.cancelledBy = commit.sha;
    commit.cancelledBy = commit.sha;
  }
}
function attributeMergedPulls(inputs, commits) {
  if (!commits.some((c) => c.isMerge && c.pr !== void 0)) return;
  const index = new Map(inputs.map((c, i) => [c.sha, i]));
  const mainline = /* @__PURE__ */ new Set();
  for (let sha = inputs[0]?.sha; sha !== void 0 && index.has(sha) && !mainline.has(sha); ) {
    mainline.add(sha);
    sha = inputs[index.get(sha)].parents[0];
  }
  const seen = /* @__PURE__ */ new Set();
  for (let i = commits.length - 1; i >= 0; i--) {
    const merge = commits[i];
    if (!merge.isMerge || merge.pr === void 0) continue;
    const stack = inputs[i].parents.slice(1);
    while (stack.length > 0) {
      const sha = stack.pop();
      const at = index.get(sha);
      if (at === void 0 || mainline.has(sha) || seen.has(sha)) continue;
      seen.add(sha);
      const commit = commits[at];
      commit.pr ??= merge.pr;
      stack.push(...inputs[at].parents);
    }
  }
}
function releasingCommits(commits) {
  return commits.filter((c) => !c.cancelledBy && c.bump !== "none");
}
function bumpOf(commits) {
  return releasingCommits(commits).reduce((acc, c) => maxBump(acc, c.bump), "none");
}

// packages/release/src/notes.ts
var SECTIONS = [
  { type: "feat", title: "Features" },
  { type: "fix", title: "Bug Fixes" },
  { type: "perf", title: "Performance Improvements" },
  { type: "revert", title: "Reverts" }
];
function escapeMarkdown(text) {
  return text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
}
var HTML_START = /<(?=[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$)|\/[A-Za-z]|!|\?)/g;
function listItemText(text, atStart) {
  let out = text.replace(/\s*\r?\n\s*/g, " ").replace(HTML_START, "\\<");
  if (atStart) {
    out = out.replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2").replace(/^([#>+=|]|[-*_](?=[\s\-*_]|$))/, "\\$1");
  }
  return out;
}
var SIMPLE_SCOPE = /^[a-z0-9]*$/;
function byScope(a, b) {
  if (SIMPLE_SCOPE.test(a) && SIMPLE_SCOPE.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}
function commitLink(commit, url) {
  const short = commit.sha.slice(0, 7);
  return url ? `[${short}](${url}/commit/${commit.sha})` : short;
}
function numberLink(n, kind, url) {
  return url ? `[#${n}](${url}/${kind}/${n})` : `#${n}`;
}
function line(commit, text, url) {
  const scope = commit.scope ? `**${escapeMarkdown(commit.scope)}:** ` : "";
  const pr = commit.pr !== void 0 ? ` (${numberLink(commit.pr, "pull", url)})` : "";
  const closes = commit.issues.length > 0 ? `, closes ${commit.issues.map((n) => numberLink(n, "issues", url)).join(", ")}` : "";
  return `* ${scope}${listItemText(text, scope === "")}${pr} (${commitLink(commit, url)})${closes}`;
}
function renderNotes(input) {
  const url = input.repositoryUrl?.replace(/\/$/, "");
  const commits = releasingCommits(input.commits).slice().reverse();
  const title = url && input.previousTag ? `[${input.version}](${url}/compare/${input.previousTag}...${input.tag})` : url ? `[${input.version}](${url}/releases/tag/${input.tag})` : input.version;
  const out = [`## ${title} (${input.date})`];
  const breaking = commits.filter((c) => c.breaking);
  if (breaking.length > 0) {
    out.push("", "### ⚠ BREAKING CHANGES", "");
    for (const c of breaking) {
      const texts = c.breakingNotes.length > 0 ? c.breakingNotes : [c.subject];
      for (const text of texts) out.push(line(c, text.replace(/\s*\n\s*/g, " "), url));
    }
  }
  const known = new Set(SECTIONS.map((s) => s.type));
  const others = [...new Set(commits.map((c) => c.type ?? "").filter((t) => t !== "" && !known.has(t)))];
  const sections = [...SECTIONS, ...others.map((type) => ({ type, title: type.charAt(0).toUpperCase() + type.slice(1) }))];
  for (const section of sections) {
    const inSection = commits.filter((c) => c.type === section.type);
    if (inSection.length === 0) continue;
    out.push("", `### ${section.title}`, "");
    const ordered = [...inSection.filter((c) => c.scope).sort((a, b) => byScope(a.scope, b.scope)), ...inSection.filter((c) => !c.scope)];
    for (const c of ordered) out.push(line(c, c.subject, url));
  }
  return `${out.join("\n")}
`;
}
var CHANGELOG_TITLE = /^# .*\n+/;
function prependChangelog(existing, notes) {
  const body = notes.trimEnd() + "\n";
  if (existing === void 0 || existing.trim() === "") return `# Changelog

${body}`;
  const title = CHANGELOG_TITLE.exec(existing);
  const head = title ? title[0].replace(/\n+$/, "\n\n") : "";
  const rest = title ? existing.slice(title[0].length) : existing;
  if (rest.startsWith(body)) return existing;
  return `${head}${body}
${rest}`;
}

// packages/release/src/plan.ts
var import_semver2 = __toESM(require_semver(), 1);

// packages/release/src/version.ts
var import_semver = __toESM(require_semver(), 1);
var PLACEHOLDER = "${version}";
function checkTagFormat(format, inputName = "tag-format") {
  const count = format.split(PLACEHOLDER).length - 1;
  if (count !== 1) {
    throw new InputError([`Input '${inputName}' is ${JSON.stringify(format)}; it must contain \${version} exactly once, e.g. v\${version} or api-v\${version}.`]);
  }
  if (/[\s~^:?*[\\]/.test(format.replace(PLACEHOLDER, ""))) {
    throw new InputError([`Input '${inputName}' is ${JSON.stringify(format)}; a git tag cannot contain spaces or any of ~ ^ : ? * [ \\.`]);
  }
}
function formatTag(format, version) {
  return format.replace(PLACEHOLDER, version);
}
function parseTag(format, tag) {
  const at = format.indexOf(PLACEHOLDER);
  const prefix = format.slice(0, at);
  const suffix = format.slice(at + PLACEHOLDER.length);
  if (!tag.startsWith(prefix) || !tag.endsWith(suffix) || tag.length <= prefix.length + suffix.length) return void 0;
  const version = tag.slice(prefix.length, tag.length - suffix.length);
  return import_semver.default.valid(version) === version ? version : void 0;
}
function tagGlob(format) {
  return format.replace(PLACEHOLDER, "[0-9]*");
}
var IDENTIFIER = /^[0-9A-Za-z-]+$/;
var MAINTENANCE = /^(\d+)\.(?:(\d+)\.)?x$/;
function branchPolicy(branch, options) {
  if (options.prerelease !== void 0 && options.prerelease !== "") {
    if (!IDENTIFIER.test(options.prerelease) || /^\d+$/.test(options.prerelease)) {
      throw new InputError([`Input 'prerelease' is ${JSON.stringify(options.prerelease)}; use letters, digits and dashes, not only digits (e.g. rc, beta).`]);
    }
    return { kind: "prerelease", branch, identifier: options.prerelease, channel: options.prerelease };
  }
  if (options.releaseBranches.includes(branch)) return { kind: "release", branch, channel: "latest" };
  for (const entry of options.prereleaseBranches) {
    const [name, id = name] = entry.split("=").map((s) => s.trim());
    if (name !== branch) continue;
    if (!IDENTIFIER.test(id)) throw new InputError([`Input 'prerelease-branches' has ${JSON.stringify(entry)}; the identifier must use letters, digits and dashes.`]);
    return { kind: "prerelease", branch, identifier: id, channel: id };
  }
  const m = MAINTENANCE.exec(branch);
  if (m) {
    const major = Number(m[1]);
    const range = m[2] === void 0 ? `>=${major}.0.0 <${major + 1}.0.0` : `>=${major}.${m[2]}.0 <${major}.${Number(m[2]) + 1}.0`;
    return { kind: "maintenance", branch, range, channel: branch };
  }
  return void 0;
}
function eligible(policy, version) {
  const pre = import_semver.default.prerelease(version);
  if (policy.kind === "prerelease") return pre === null || pre[0] === policy.identifier;
  if (pre !== null) return false;
  return policy.kind === "release" || import_semver.default.satisfies(version, policy.range);
}
function highest(tags, keep) {
  let best;
  for (const tag of tags) if (keep(tag.version) && (!best || import_semver.default.gt(tag.version, best.version))) best = tag;
  return best;
}
function lastRelease(policy, tags) {
  return highest(tags, (v) => eligible(policy, v));
}
function latestStable(tags) {
  return highest(tags, (v) => import_semver.default.prerelease(v) === null);
}
function effectiveBump(bump, base, zeroMajor) {
  if (!zeroMajor || base === void 0 || import_semver.default.major(base) !== 0) return bump;
  if (bump === "major") return "minor";
  if (bump === "minor") return "patch";
  return bump;
}
function nextVersion(input) {
  const { policy, last, stable, zeroMajor } = input;
  if (input.bump === "none") return void 0;
  const first = zeroMajor ? "0.1.0" : "1.0.0";
  if (policy.kind === "prerelease") {
    const base = stable === void 0 ? first : import_semver.default.inc(stable, effectiveBump(input.bump, stable, zeroMajor));
    const fresh = `${base}-${policy.identifier}.1`;
    if (last !== void 0 && import_semver.default.prerelease(last)?.[0] === policy.identifier) {
      const counted = import_semver.default.inc(last, "prerelease", policy.identifier);
      return import_semver.default.gt(counted, fresh) ? counted : fresh;
    }
    return fresh;
  }
  if (last === void 0) {
    if (policy.kind === "maintenance") {
      throw new ConveyorError(`Branch ${policy.branch} is a maintenance branch (${policy.range}) but no release in that range is reachable from it; tag the release it maintains first.`);
    }
    return first;
  }
  const next = import_semver.default.inc(last, effectiveBump(input.bump, last, zeroMajor));
  if (policy.kind === "maintenance" && !import_semver.default.satisfies(next, policy.range)) {
    throw new ConveyorError(
      `The commits on maintenance branch ${policy.branch} ask for a ${input.bump} release, ${last} → ${next}, which is outside the branch's range ${policy.range}. Release this change from the main branch instead, or rewrite the commit so it is not a ${input.bump === "major" ? "breaking change" : "feature"}.`
    );
  }
  return next;
}
function isPrerelease(version) {
  return import_semver.default.prerelease(version) !== null;
}

// packages/release/src/plan.ts
function withVersions(tags, format) {
  const out = [];
  for (const tag of tags) {
    const version = parseTag(format, tag.name);
    if (version !== void 0) out.push({ name: tag.name, version, commit: tag.commit });
  }
  return out;
}
var PROBES = 16;
function reachableFinder(dir, sha, tags) {
  const known = /* @__PURE__ */ new Map();
  let merged;
  const candidates = tags.filter((t) => t.commit !== sha).map((tag) => ({ tag, parsed: new import_semver2.default.SemVer(tag.version) })).sort((a, b) => b.parsed.compare(a.parsed)).map((c) => c.tag);
  const isReachable = async (tag, probes) => {
    if (merged) return merged.has(tag.name);
    const cached = known.get(tag.commit);
    if (cached !== void 0) return cached;
    if (probes.left <= 0) {
      const all = await tagsReachableFrom(dir, sha);
      merged = new Set(all.map((t) => t.name));
      return merged.has(tag.name);
    }
    probes.left -= 1;
    const result = await git(dir, ["merge-base", "--is-ancestor", tag.commit, sha], { okCodes: [0, 1] });
    known.set(tag.commit, result.exitCode === 0);
    return result.exitCode === 0;
  };
  return async (keep) => {
    const probes = { left: PROBES };
    for (const tag of candidates) if (keep(tag.version) && await isReachable(tag, probes)) return tag;
    return void 0;
  };
}
async function classifyRange(dir, range, paths, rules) {
  const classified = [];
  const links = [];
  for await (const c of readLog(dir, { range, paths })) {
    classified.push(classifyCommit(c, rules));
    links.push({ sha: c.sha, parents: c.parents });
  }
  return settleRange(classified, links);
}
async function planRelease(options) {
  const { dir, tagFormat } = options;
  const head = options.head ?? "HEAD";
  const tagList = options.tags ?? listTags(dir, { pattern: tagGlob(tagFormat) });
  tagList.catch(() => void 0);
  const sha = options.head === void 0 && options.headCommit ? options.headCommit : await revParse(dir, head);
  if (sha === void 0) {
    throw new ConveyorError(`${head} does not name a commit in ${dir}. Run actions/checkout before this step (with fetch-depth: 0), or commit something first.`);
  }
  const policy = options.branch === void 0 ? void 0 : branchPolicy(options.branch, options.branches);
  const allTags = withVersions(await tagList, tagFormat);
  const highestStable = latestStable(allTags)?.version;
  const base = {
    released: false,
    reason: void 0,
    alreadyTagged: false,
    sha,
    branch: options.branch,
    policy,
    version: void 0,
    tag: void 0,
    previousVersion: void 0,
    previousTag: void 0,
    bump: "none",
    channel: policy?.channel ?? "",
    prerelease: false,
    notes: "",
    commits: [],
    highestStable,
    knownVersions: allTags.map((t) => t.version),
    tagFormat
  };
  if (!policy) {
    const which = options.branch === void 0 ? "HEAD is detached (no branch)" : `branch ${options.branch} is not a release, prerelease or maintenance branch`;
    return { ...base, reason: `${which}; set release-branches or prerelease-branches (or the branch input) to release from it.` };
  }
  const atHead = allTags.filter((t) => t.commit === sha && eligible(policy, t.version));
  const reachable = await reachableFinder(dir, sha, allTags);
  const existing = lastRelease(policy, atHead);
  const last = await reachable((v) => eligible(policy, v));
  const stable = await reachable((v) => import_semver2.default.prerelease(v) === null);
  const range = last ? `${last.commit}..${sha}` : sha;
  const commits = await classifyRange(dir, range, options.paths, options.rules);
  const bump = effectiveBump(bumpOf(commits), policy.kind === "prerelease" ? stable?.version : last?.version, options.zeroMajor);
  const previous = { previousVersion: last?.version, previousTag: last?.name };
  let version;
  if (existing) {
    version = existing.version;
  } else {
    version = nextVersion({ policy, bump: bumpOf(commits), last: last?.version, stable: stable?.version, zeroMajor: options.zeroMajor });
  }
  if (version === void 0) {
    const since = last ? `since ${last.name}` : "in the history";
    const scope = options.paths.length > 0 ? ` touching ${options.paths.join(", ")}` : "";
    return { ...base, ...previous, commits, reason: `No commit${scope} ${since} asks for a release (${commits.length} commit(s) read; feat, fix, perf, revert or a breaking change release).` };
  }
  const tag = formatTag(tagFormat, version);
  const notes = renderNotes({ version, tag, previousTag: last?.name, repositoryUrl: options.repositoryUrl, date: options.date, commits });
  return {
    ...base,
    ...previous,
    released: true,
    alreadyTagged: existing !== void 0,
    version,
    tag,
    bump,
    prerelease: isPrerelease(version),
    notes,
    commits
  };
}

// packages/release/src/publish.ts
var import_semver3 = __toESM(require_semver(), 1);
function status(error) {
  return typeof error === "object" && error !== null && "status" in error && typeof error.status === "number" ? error.status : void 0;
}
async function remoteTagCommit(gh, owner, repo, tag) {
  let object;
  try {
    object = (await gh.rest.git.getRef({ owner, repo, ref: `tags/${tag}` })).data.object;
  } catch (error) {
    if (status(error) === 404) return void 0;
    throw error;
  }
  for (let depth = 0; object.type === "tag" && depth < 5; depth++) {
    object = (await gh.rest.git.getTag({ owner, repo, tag_sha: object.sha })).data.object;
  }
  return object.sha;
}
function wrongCommit(tag, existing, wanted) {
  return new ConveyorError(
    `Tag ${tag} already exists on commit ${existing}, but this run releases commit ${wanted}. Another commit was released under this version: fetch the tags (actions/checkout with fetch-depth: 0) so the next version is computed past it, or delete the tag ${tag} if it was made by mistake.`
  );
}
async function ensureTag(gh, input, log) {
  const { owner, repo, tag, sha } = input;
  const existing = await remoteTagCommit(gh, owner, repo, tag);
  if (existing !== void 0) {
    if (existing !== sha) throw wrongCommit(tag, existing, sha);
    log.info(`Tag ${tag} already exists on ${sha.slice(0, 7)}: keeping it.`);
    return "existed";
  }
  const object = await gh.rest.git.createTag({ owner, repo, tag, message: `Release ${tag}`, object: sha, type: "commit" });
  try {
    await gh.rest.git.createRef({ owner, repo, ref: `refs/tags/${tag}`, sha: object.data.sha });
  } catch (error) {
    if (status(error) !== 422) throw error;
    const now = await remoteTagCommit(gh, owner, repo, tag);
    if (now === void 0) throw error;
    if (now !== sha) throw wrongCommit(tag, now, sha);
    log.info(`Tag ${tag} was created by another run at the same time, on the same commit: keeping it.`);
    return "created-by-another-run";
  }
  log.info(`Created tag ${tag} on ${sha.slice(0, 7)}.`);
  return "created";
}
async function releaseByTag(gh, owner, repo, tag) {
  try {
    return (await gh.rest.repos.getReleaseByTag({ owner, repo, tag })).data;
  } catch (error) {
    if (status(error) === 404) return void 0;
    throw error;
  }
}
async function ensureRelease(gh, input, log) {
  const { owner, repo, tag } = input;
  const existing = await releaseByTag(gh, owner, repo, tag);
  if (existing) {
    if ((existing.body ?? "").trim() === input.notes.trim()) {
      log.info(`Release ${tag} already exists with these notes: leaving it.`);
      return { outcome: "existed", id: existing.id, url: existing.html_url };
    }
    await gh.rest.repos.updateRelease({ owner, repo, release_id: existing.id, body: input.notes });
    log.info(`Release ${tag} already existed: updated its notes.`);
    return { outcome: "updated", id: existing.id, url: existing.html_url };
  }
  try {
    const created = await gh.rest.repos.createRelease({
      owner,
      repo,
      tag_name: tag,
      name: tag,
      body: input.notes,
      prerelease: input.prerelease,
      make_latest: input.makeLatest ? "true" : "false"
    });
    log.info(`Created release ${tag}${input.prerelease ? " (prerelease)" : ""}${input.makeLatest ? ", marked latest" : ""}.`);
    return { outcome: "created", id: created.data.id, url: created.data.html_url };
  } catch (error) {
    if (status(error) !== 422) throw error;
    const raced = await releaseByTag(gh, owner, repo, tag);
    if (!raced) throw error;
    log.info(`Release ${tag} was created by another run at the same time: this run lost the race and leaves it as it is.`);
    return { outcome: "created-by-another-run", id: raced.id, url: raced.html_url };
  }
}
async function moveFloatingTag(gh, owner, repo, name, sha) {
  try {
    await gh.rest.git.updateRef({ owner, repo, ref: `tags/${name}`, sha, force: true });
  } catch (error) {
    if (status(error) !== 404 && status(error) !== 422) throw error;
    await gh.rest.git.createRef({ owner, repo, ref: `refs/tags/${name}`, sha });
  }
}
async function publishRelease(gh, input, log) {
  const tag = await ensureTag(gh, input, log);
  const release = await ensureRelease(gh, input, log);
  const floating = [];
  for (const name of input.floating) {
    await moveFloatingTag(gh, input.owner, input.repo, name, input.sha);
    floating.push(name);
  }
  if (floating.length > 0) log.info(`Moved ${floating.join(", ")} to ${input.sha.slice(0, 7)}.`);
  return { tag, release: release.outcome, releaseId: release.id, releaseUrl: release.url, floating };
}
function floatingTags(version, format, known) {
  if (import_semver3.default.prerelease(version) !== null) return [];
  const major = import_semver3.default.major(version);
  const minor = import_semver3.default.minor(version);
  const stable = known.filter((v) => import_semver3.default.prerelease(v) === null);
  const out = [];
  if (!stable.some((v) => import_semver3.default.major(v) === major && import_semver3.default.gt(v, version))) out.push(formatTag(format, `${major}`));
  if (!stable.some((v) => import_semver3.default.major(v) === major && import_semver3.default.minor(v) === minor && import_semver3.default.gt(v, version))) out.push(formatTag(format, `${major}.${minor}`));
  return out;
}
function shouldMakeLatest(version, highestStable) {
  return import_semver3.default.prerelease(version) === null && (highestStable === void 0 || import_semver3.default.gte(version, highestStable));
}

// packages/release/src/action.ts
var silentLog = { info: () => void 0, warning: () => void 0 };
async function ensureFullHistory(dir, fetchHistory, log, shallow) {
  if (!(shallow ?? await isShallow(dir))) return;
  const fix = "Set `fetch-depth: 0` on actions/checkout so the history and the tags are there.";
  if (!fetchHistory) {
    throw new ConveyorError(`The repository in ${dir} is a shallow clone: the commits and tags since the last release are missing, so the next version cannot be computed. ${fix}`);
  }
  log.info("Shallow clone: fetching the whole history and the tags.");
  try {
    await fetch(dir, { unshallow: true, tags: true });
  } catch (error) {
    throw new ConveyorError(`The repository in ${dir} is a shallow clone and fetching the rest of its history failed. ${fix}`, { cause: error });
  }
}
var RELEASE_TOKEN_PERMISSIONS = { contents: "write" };
function releaseAuth(inputs) {
  const { credentials, problems } = appCredentials(inputs);
  const appGiven = inputs["app-id"].trim() !== "" || inputs["app-private-key"].trim() !== "";
  if (appGiven && inputs["github-token"] !== "") {
    problems.push("Input 'github-token' is given together with 'app-id' and 'app-private-key', but a release is made with one credential: leave github-token empty to release with the App's installation token (with reusable-release: do not pass the release-token secret), or drop app-id and app-private-key to use github-token.");
  }
  if (problems.length > 0) throw new InputError(problems);
  if (credentials) return { kind: "app", app: credentials };
  return inputs["github-token"] ? { kind: "token", token: inputs["github-token"] } : { kind: "none" };
}
async function originRepository(dir, serverUrl) {
  try {
    const url = await remoteUrl(dir);
    return url ? githubRepositoryOf(url, serverUrl) : void 0;
  } catch {
    return void 0;
  }
}
async function runRelease(inputs, env, log = silentLog) {
  checkTagFormat(inputs["tag-format"]);
  const rules = parseReleaseRules(inputs["release-rules"]);
  const context = readContext(env);
  const dir = inputs["working-directory"] ?? context.workspace;
  const fromOrigin = inputs.repository || context.owner ? void 0 : await originRepository(dir, context.serverUrl);
  const [owner = context.owner || fromOrigin?.owner, repo = context.repo || fromOrigin?.repo] = inputs.repository ? inputs.repository.split("/") : [];
  const dryRun = inputs["dry-run"];
  const auth = releaseAuth(inputs);
  if (!dryRun && auth.kind === "none") {
    throw new InputError(["Input `github-token` is empty: give a token with contents: write (the default `${{ github.token }}` works) or a GitHub App's `app-id` and `app-private-key`, or set `dry-run: true` to only compute the version."]);
  }
  if (!dryRun && (!owner || !repo)) {
    throw new InputError([`The repository is unknown: GITHUB_REPOSITORY is not set and the origin remote of ${dir} is not a repository on ${context.serverUrl}; set the input repository (owner/name).`]);
  }
  const earlyTags = listTags(dir, { pattern: tagGlob(inputs["tag-format"]) });
  earlyTags.catch(() => void 0);
  const state = await headState(dir);
  await ensureFullHistory(dir, inputs["fetch-history"], log, state.shallow);
  const fromContext = context.refType === "branch" && context.refName ? context.refName : void 0;
  const branch = inputs.branch || (fromContext ?? state.branch);
  const plan = await planRelease({
    dir,
    branch,
    ...state.commit ? { headCommit: state.commit } : {},
    ...state.shallow ? {} : { tags: earlyTags },
    tagFormat: inputs["tag-format"],
    paths: inputs.path,
    rules,
    branches: { releaseBranches: inputs["release-branches"], prereleaseBranches: inputs["prerelease-branches"], prerelease: inputs.prerelease || void 0 },
    zeroMajor: inputs["zero-major"],
    repositoryUrl: owner && repo ? `${context.serverUrl}/${owner}/${repo}` : void 0,
    date: (/* @__PURE__ */ new Date()).toISOString().slice(0, 10)
  });
  if (!plan.released) return { plan, published: void 0, dryRun, message: plan.reason ?? "Nothing to release." };
  const version = plan.version;
  const floating = inputs["floating-tags"] ? floatingTags(version, inputs["tag-format"], [...plan.knownVersions, version]) : [];
  if (dryRun) {
    const what = plan.alreadyTagged ? `${plan.tag} is already tagged on this commit; a run would finish its release` : `would release ${plan.tag} (${plan.bump} from ${plan.previousTag ?? "no earlier release"})`;
    return { plan, published: void 0, dryRun, message: `Dry run: ${what}${floating.length ? ` and move ${floating.join(", ")}` : ""}.` };
  }
  const { createInstallationToken, createOctokit } = await import("./cli.github-client-DGGMGDA2.js");
  const installation = auth.kind === "app" ? await createInstallationToken({ app: auth.app, owner, repo, permissions: RELEASE_TOKEN_PERMISSIONS, baseUrl: context.apiUrl }) : void 0;
  let published;
  try {
    if (installation && auth.kind === "app") {
      log.info(`Releasing with an installation token of the GitHub App ${auth.app.appId} (installation ${installation.installationId}) for ${owner}/${repo} with contents: write; it ends at ${installation.expiresAt} and is revoked at the end of this run.`);
    }
    const gh = createOctokit({ token: installation?.token ?? (auth.kind === "token" ? auth.token : ""), baseUrl: context.apiUrl });
    published = await publishRelease(gh, {
      owner,
      repo,
      tag: plan.tag,
      version,
      sha: plan.sha,
      notes: plan.notes,
      prerelease: plan.prerelease,
      makeLatest: shouldMakeLatest(version, plan.highestStable),
      floating
    }, log);
    const changelog = inputs["changelog-file"];
    if (changelog) {
      const existing = fs.existsSync(changelog) ? fs.readFileSync(changelog, "utf8") : void 0;
      fs.writeFileSync(changelog, prependChangelog(existing, plan.notes));
    }
  } finally {
    if (installation) {
      const revoked = await installation.revoke();
      if (revoked.revoked) log.info(revoked.message);
      else log.warning(revoked.message);
    }
  }
  const how = published.release === "created" && published.tag === "created" ? "Released" : published.release === "created-by-another-run" ? "Another run released" : "Finished the release of";
  return { plan, published, dryRun, message: `${how} ${plan.tag} on ${plan.sha.slice(0, 7)}: ${published.releaseUrl}` };
}
function releaseOutputs(result) {
  const { plan, published } = result;
  const parsed = plan.version ? import_semver4.default.parse(plan.version) : null;
  return {
    released: published !== void 0,
    version: plan.version ?? "",
    "previous-version": plan.previousVersion ?? "",
    tag: plan.tag ?? "",
    major: parsed ? String(parsed.major) : "",
    minor: parsed ? String(parsed.minor) : "",
    patch: parsed ? String(parsed.patch) : "",
    prerelease: parsed ? parsed.prerelease.join(".") : "",
    channel: plan.channel,
    bump: plan.bump,
    notes: plan.notes,
    "release-url": published?.releaseUrl ?? "",
    "release-id": published ? String(published.releaseId) : "",
    sha: plan.sha
  };
}
var workflowTokenInput = { "workflow-token": secret() };

// packages/release/src/generated/release.ts
var action = {
  name: "release",
  inputs: {
    "github-token": { description: "Token that creates the tag and the release (contents write); when empty, the job's GITHUB_TOKEN (see workflow-token). Tags and releases made with GITHUB_TOKEN do not start other workflows; pass a personal token here, or app-id and app-private-key instead. Not together with app-id and app-private-key." },
    "app-id": { description: "A GitHub App's ID (or client ID). With app-private-key, the action mints an installation token of the App for this repository (contents write), masks it, makes every call with it and revokes it at the end of the step. The App needs Contents read and write and must be installed on the repository." },
    "app-private-key": { description: "The GitHub App's private key, the whole .pem file, from a secret (with app-id)." },
    "app-installation-id": { description: "The App's installation to mint the token of (default the installation on this repository, looked up with the App's JWT)." },
    "workflow-token": { description: "The job's own token, used when neither github-token nor an App is given. Leave it at its default.", default: "${{ github.token }}" },
    "tag-format": { description: "Tag name with ${version} in it, e.g. v${version}, or api-v${version} for one package of a monorepo.", default: "v${version}" },
    "release-branches": { description: "Branches that release stable versions (newline or comma separated).", default: "main,master" },
    "prerelease-branches": { description: "Branches that release prereleases, `beta` (identifier = branch name) or `develop=next` (newline or comma separated).", default: "next,beta,alpha" },
    "prerelease": { description: "Release-candidate mode, every version of this run is a prerelease with this identifier (e.g. rc gives v1.2.0-rc.1)." },
    "branch": { description: "The branch being released (default the branch of the workflow run, else the checked-out branch)." },
    "zero-major": { description: "Stay on 0.x; the first release is 0.1.0, and while the major is 0 a breaking change bumps the minor and a feature the patch.", default: "false" },
    "release-rules": { description: "Extra rules, one per line, `type: bump` or `type(scope): bump` with bump none, patch, minor or major." },
    "path": { description: "Only commits touching these paths count (monorepo); use with tag-format to keep packages apart." },
    "changelog-file": { description: "A Markdown changelog to prepend the notes to (written in the workspace; commit it in a later step if wanted)." },
    "floating-tags": { description: "Move v<major> and v<major>.<minor> to the released commit (stable versions that are the highest of their line).", default: "false" },
    "dry-run": { description: "Compute the version and the notes and call no write endpoint (released stays false).", default: "false" },
    "fetch-history": { description: "On a shallow clone, fetch the whole history and the tags before reading them (else fail with the fix).", default: "true" },
    "working-directory": { description: "The repository folder.", default: "." },
    "repository": { description: "owner/name of the repository (default the workflow run's repository)." }
  }
};

// packages/release/src/cli.ts
var releaseCommand = {
  name: "release",
  summary: "Compute the next version from Conventional Commits; tag and publish the GitHub release.",
  flags: Object.keys(releaseInputs),
  help: commandHelp({
    usage: ["conveyor release --dry-run [flags]", "conveyor release --github-token <token> [flags]"],
    about: [
      "Reads the repository in the current folder (or --working-directory). The repository the links and the\nrelease point at is --repository, else GITHUB_REPOSITORY, else the GitHub URL of the `origin` remote.\nWithout --dry-run it needs --github-token (or GITHUB_TOKEN)."
    ],
    flags: [["Flags (the inputs of the release action)", flagHelp(releaseInputs, {}, action)]]
  }),
  async run(argv, io) {
    const flags = parseFlags(argv, releaseInputs);
    if (flags.help) {
      io.stdout(this.help);
      return 0;
    }
    const app = flags.source("app-id") !== void 0 || flags.source("app-private-key") !== void 0;
    const source = (name) => flags.source(name) ?? (name === "github-token" && !app ? io.env.GITHUB_TOKEN : void 0);
    const inputs = readInputs(releaseInputs, source, { baseDir: io.cwd });
    const result = await runRelease(inputs, { ...io.env, GITHUB_WORKSPACE: io.cwd }, { info: (m) => io.stderr(`${m}
`), warning: (m) => io.stderr(`warning: ${m}
`) });
    const outputs = releaseOutputs(result);
    if (flags.json) io.stdout(`${JSON.stringify(Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, formatOutput(v)])))}
`);
    else io.stdout(`${result.message}

${result.plan.notes}`);
    return 0;
  }
};
export {
  releaseCommand
};
