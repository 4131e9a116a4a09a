import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  ConveyorError,
  InputError,
  __toESM,
  addPath,
  debug,
  describeError,
  getState,
  group,
  info,
  require_fs,
  require_os,
  require_path,
  saveState,
  setFailed,
  setOutputs,
  setSecret,
  warning
} from "./index.chunk-U7GEJL43.js";

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

// packages/kit/src/summary.ts
var fs2 = __toESM(require_fs());
var SUMMARY_LIMIT_BYTES = 1024 * 1024;
function escapeCell(value) {
  return escapeHtml(value).replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}
function escapeHtml(value) {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function table(headers, rows, options = {}) {
  const cell = options.raw ? (v) => v.replace(/\r?\n/g, "<br>") : escapeCell;
  const line = (cells) => `| ${cells.map(cell).join(" | ")} |`;
  return [line(headers), `|${headers.map(() => " --- ").join("|")}|`, ...rows.map(line)].join("\n") + "\n";
}
function fitMarkdown(markdown, limitBytes, notice = "The rest was cut to fit GitHub's size limit.") {
  if (Buffer.byteLength(markdown) <= limitBytes) return markdown;
  const tail = `

> [!NOTE]
> ${notice}
`;
  const budget = Math.max(0, limitBytes - Buffer.byteLength(tail) - 64);
  let cut = Buffer.from(markdown).subarray(0, budget).toString("utf8");
  if (cut.endsWith("�")) cut = cut.slice(0, -1);
  const lastNewline = cut.lastIndexOf("\n");
  if (lastNewline > 0) cut = cut.slice(0, lastNewline + 1);
  let closers = "";
  const fences = cut.match(/^(`{3,})/gm) ?? [];
  if (fences.length % 2 === 1) closers += `${fences[fences.length - 1]}
`;
  const opened = (cut.match(/<details/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length;
  for (let i = 0; i < opened; i++) closers += "\n</details>\n";
  return cut + closers + tail;
}
function writeSummary(markdown, env = process.env) {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  const used = fs2.existsSync(file) ? fs2.statSync(file).size : 0;
  const room = SUMMARY_LIMIT_BYTES - used;
  if (room <= 256) return false;
  fs2.appendFileSync(file, fitMarkdown(markdown.endsWith("\n") ? markdown : `${markdown}
`, room));
  return true;
}

// packages/kit/src/run.ts
var fs3 = __toESM(require_fs());
var os = __toESM(require_os());
var POST_STATE = "conveyor-post";
function markPost() {
  const file = process.env.GITHUB_STATE;
  if (!file) return saveState(POST_STATE, "true");
  const delimiter = `ghadelimiter_${POST_STATE}`;
  fs3.appendFileSync(file, `${POST_STATE}<<${delimiter}${os.EOL}true${os.EOL}${delimiter}${os.EOL}`, "utf8");
}
async function run(main2, post) {
  const isPost = getState(POST_STATE) === "true";
  if (!isPost && post) markPost();
  try {
    if (isPost) {
      if (post) await post();
    } else {
      await main2();
    }
  } catch (error) {
    if (error instanceof Error && error.stack) debug(error.stack);
    if (isPost) warning(`Cleanup failed: ${describeError(error)}`);
    else setFailed(describeError(error));
  }
}

// packages/cli/src/setup-action.ts
var fs4 = __toESM(require_fs(), 1);
var os2 = __toESM(require_os(), 1);
var path2 = __toESM(require_path(), 1);

// packages/cli/src/setup-inputs.ts
var version = () => string({
  pattern: /^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/,
  patternHint: "an exact version such as 1.2.3, or empty to skip the tool"
});
var setupInputs = {
  "grype-version": version(),
  "tflint-version": version(),
  "terraform-version": version(),
  "tofu-version": version(),
  "download-base-url": string({ pattern: /^https?:\/\/[^\s/]+(\/\S*)?$/, patternHint: "an http(s) URL of a mirror, or empty for the publishers' sites" }),
  "github-token": secret()
};

// packages/cli/src/setup-tools.ts
var TOOLS = [
  {
    name: "grype",
    home: "https://github.com/anchore/grype/releases/download/v{version}",
    archive: "grype_{version}_{os}_{arch}.tar.gz",
    windowsArchive: "grype_{version}_{os}_{arch}.zip",
    checksums: "grype_{version}_checksums.txt"
  },
  {
    name: "tflint",
    home: "https://github.com/terraform-linters/tflint/releases/download/v{version}",
    archive: "tflint_{os}_{arch}.zip",
    checksums: "checksums.txt"
  },
  {
    name: "terraform",
    home: "https://releases.hashicorp.com/terraform/{version}",
    archive: "terraform_{version}_{os}_{arch}.zip",
    checksums: "terraform_{version}_SHA256SUMS"
  },
  {
    name: "tofu",
    home: "https://github.com/opentofu/opentofu/releases/download/v{version}",
    archive: "tofu_{version}_{os}_{arch}.tar.gz",
    windowsArchive: "tofu_{version}_{os}_{arch}.zip",
    checksums: "tofu_{version}_SHA256SUMS"
  }
];
function toolInstall(tool, version2, context) {
  const folder = context.mirror ? `${context.mirror.replace(/\/+$/, "")}/${tool.name}/{version}` : tool.home;
  const archive = context.os === "windows" && tool.windowsArchive ? tool.windowsArchive : tool.archive;
  const urlTemplate = `${folder}/${archive}`;
  const host = new URL(urlTemplate.replace(/\{[^}]*\}/g, "x")).host;
  const auth = context.token && (context.tokenHosts ?? []).includes(host) ? `token ${context.token}` : void 0;
  return {
    name: tool.name,
    version: version2,
    urlTemplate,
    checksumsUrlTemplate: `${folder}/${tool.checksums}`,
    binary: context.os === "windows" ? `${tool.name}.exe` : tool.name,
    ...auth ? { auth } : {}
  };
}

// packages/cli/src/setup-action.ts
var quote = (value) => `'${value.replace(/'/g, `'\\''`)}'`;
function writeCliLauncher(distDir, tempRoot, nodePath = process.execPath) {
  const cli = path2.join(distDir, "cli.js");
  if (!fs4.existsSync(cli)) {
    throw new ConveyorError(`The conveyor CLI bundle ${cli} is missing next to the action's dist/index.js. Use a released version of the action, or run \`npm run build\` before using it from a branch.`);
  }
  const dir = path2.join(tempRoot, "conveyor-cli");
  fs4.mkdirSync(dir, { recursive: true });
  const launcher = path2.join(dir, "conveyor");
  const cache = path2.join(dir, "compile-cache");
  fs4.writeFileSync(launcher, `#!/bin/sh
: "\${NODE_COMPILE_CACHE:=${cache.replace(/["\\$`]/g, "\\$&")}}"
export NODE_COMPILE_CACHE
exec ${quote(nodePath)} ${quote(cli)} "$@"
`, { mode: 493 });
  fs4.chmodSync(launcher, 493);
  if (process.platform === "win32") {
    fs4.writeFileSync(`${launcher}.cmd`, `@if not defined NODE_COMPILE_CACHE set "NODE_COMPILE_CACHE=${cache}"\r
@"${nodePath}" "${cli}" %*\r
`);
  }
  return launcher;
}
async function main(options) {
  const env = options.env ?? process.env;
  const inputs = readInputs(setupInputs);
  const wanted = TOOLS.map((tool) => ({ tool, version: inputs[`${tool.name}-version`].replace(/^v/, "") })).filter((t) => t.version !== "");
  const { installTool, toolPlatform } = await import("./index.installer-5A7JVIJE.js");
  const launcher = writeCliLauncher(options.distDir, env.RUNNER_TEMP || os2.tmpdir());
  addPath(path2.dirname(launcher));
  info(`conveyor CLI: ${launcher}`);
  const serverHost = env.GITHUB_SERVER_URL ? new URL(env.GITHUB_SERVER_URL).host : "github.com";
  const context = {
    os: toolPlatform().os,
    token: inputs["github-token"] || void 0,
    tokenHosts: ["github.com", serverHost],
    ...inputs["download-base-url"] ? { mirror: inputs["download-base-url"] } : {}
  };
  const installed = /* @__PURE__ */ new Map();
  for (const { tool, version: version2 } of wanted) {
    installed.set(tool.name, await group(`Install ${tool.name} ${version2}`, () => installTool(toolInstall(tool, version2, context))));
  }
  const outputs = { "cli-path": launcher };
  for (const tool of TOOLS) {
    outputs[`${tool.name}-path`] = installed.get(tool.name)?.path ?? "";
    outputs[`${tool.name}-version`] = installed.get(tool.name)?.version ?? "";
  }
  setOutputs(outputs);
  const rows = [["conveyor", "(this action)", launcher, "bundled"], ...[...installed].map(([name, t]) => [name, t.version, t.path, t.cached ? "tool cache" : "downloaded, sha256 verified"])];
  writeSummary(`### conveyor set up

${table(["Tool", "Version", "Path", "Source"], rows)}`, env);
}

// packages/cli/src/setup.ts
await run(() => main({ distDir: import.meta.dirname }));
