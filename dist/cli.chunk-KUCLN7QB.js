import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  require_child_process
} from "./cli.chunk-NJ27DEOS.js";
import {
  ExecError,
  ToolNotFoundError,
  info
} from "./cli.chunk-YFFPNGMU.js";
import {
  __toESM
} from "./cli.chunk-ZH76KQBC.js";

// packages/kit/src/exec.ts
var import_node_child_process = __toESM(require_child_process());
function quoteArg(arg) {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
async function exec(command, args, options = {}) {
  const display = [command, ...args].map(quoteArg).join(" ");
  if (!options.quiet) info(`[command]${display}`);
  const okCodes = options.okCodes ?? [0];
  return new Promise((resolve, reject) => {
    const child = (0, import_node_child_process.spawn)(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["pipe", "pipe", "pipe"]
    });
    const out = [];
    const err = [];
    child.stdout.on("data", (chunk) => {
      out.push(chunk);
      if (options.stream) process.stdout.write(chunk);
    });
    child.stderr.on("data", (chunk) => {
      err.push(chunk);
      if (options.stream) process.stderr.write(chunk);
    });
    child.on("error", (error) => {
      if (error.code === "ENOENT") reject(new ToolNotFoundError(command, options.hint));
      else reject(new ExecError(display, -1, error.message, options.hint));
    });
    let timedOut = false;
    const timer = options.timeoutMs === void 0 ? void 0 : setTimeout(() => {
      timedOut = true;
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5e3).unref();
    }, options.timeoutMs);
    child.on("exit", () => {
      if (!timedOut) return;
      if (timer) clearTimeout(timer);
      child.stdout.destroy();
      child.stderr.destroy();
      const stopped = { exitCode: 124, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8"), timedOut: true };
      if (okCodes.includes(124)) resolve(stopped);
      else reject(new ExecError(display, 124, `${stopped.stderr}
stopped after ${Math.round(options.timeoutMs / 1e3)} s`, options.hint));
    });
    child.on("close", (code, signal) => {
      if (timer) clearTimeout(timer);
      if (timedOut) return;
      const result = { exitCode: code ?? 128, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") };
      if (signal) reject(new ExecError(display, result.exitCode, `${result.stderr}
killed by ${signal}`, options.hint));
      else if (okCodes.includes(result.exitCode)) resolve(result);
      else reject(new ExecError(display, result.exitCode, result.stderr || result.stdout, options.hint));
    });
    child.stdin.on("error", () => {
    });
    if (options.input !== void 0) child.stdin.end(options.input);
    else child.stdin.end();
  });
}

export {
  quoteArg,
  exec
};
