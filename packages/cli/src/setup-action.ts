/**
 * The root action: puts the `conveyor` CLI on PATH and installs the requested external tools with
 * the kit's installer (pinned version, checksum verified, tool cache, PATH).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConveyorError, addPath, group, readInputs, setOutputs, table, writeSummary, info, type InstalledTool, type OutputValue } from '@conveyor/kit';
import { setupInputs } from './setup-inputs.ts';
import { TOOLS, toolInstall } from './setup-tools.ts';

const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/**
 * Writes a `conveyor` launcher that runs `<distDir>/cli.js` with this Node, in a folder of its own
 * under `tempRoot`; returns the launcher's path. The launcher points NODE_COMPILE_CACHE (unless already
 * set) at a folder beside it: Node then keeps V8's compiled code of the CLI bundle, and every `conveyor`
 * after the first in a job skips compiling it (most of the CLI's start-up).
 */
export function writeCliLauncher(distDir: string, tempRoot: string, nodePath = process.execPath): string {
  const cli = path.join(distDir, 'cli.js');
  if (!fs.existsSync(cli)) {
    throw new ConveyorError(`The conveyor CLI bundle ${cli} is missing next to the action's dist/index.js. Use a released version of the action, or run \`npm run build\` before using it from a branch.`);
  }
  const dir = path.join(tempRoot, 'conveyor-cli');
  fs.mkdirSync(dir, { recursive: true });
  const launcher = path.join(dir, 'conveyor');
  const cache = path.join(dir, 'compile-cache');
  fs.writeFileSync(launcher, `#!/bin/sh\n: "\${NODE_COMPILE_CACHE:=${cache.replace(/["\\$`]/g, '\\$&')}}"\nexport NODE_COMPILE_CACHE\nexec ${quote(nodePath)} ${quote(cli)} "$@"\n`, { mode: 0o755 });
  fs.chmodSync(launcher, 0o755);
  if (process.platform === 'win32') {
    fs.writeFileSync(`${launcher}.cmd`, `@if not defined NODE_COMPILE_CACHE set "NODE_COMPILE_CACHE=${cache}"\r\n@"${nodePath}" "${cli}" %*\r\n`);
  }
  return launcher;
}

export async function main(options: { distDir: string; env?: NodeJS.ProcessEnv }): Promise<void> {
  const env = options.env ?? process.env;
  const inputs = readInputs(setupInputs);
  const wanted = TOOLS.map((tool) => ({ tool, version: inputs[`${tool.name}-version`].replace(/^v/, '') })).filter((t) => t.version !== '');

  // The installer (tool cache, HTTP client) is a chunk of its own: loaded after the inputs are checked.
  const { installTool, toolPlatform } = await import('@conveyor/kit/installer');
  const launcher = writeCliLauncher(options.distDir, env.RUNNER_TEMP || os.tmpdir());
  addPath(path.dirname(launcher));
  info(`conveyor CLI: ${launcher}`);

  const serverHost = env.GITHUB_SERVER_URL ? new URL(env.GITHUB_SERVER_URL).host : 'github.com';
  const context = {
    os: toolPlatform().os,
    token: inputs['github-token'] || undefined,
    tokenHosts: ['github.com', serverHost],
    ...(inputs['download-base-url'] ? { mirror: inputs['download-base-url'] } : {}),
  };
  const installed = new Map<string, InstalledTool>();
  for (const { tool, version } of wanted) {
    installed.set(tool.name, await group(`Install ${tool.name} ${version}`, () => installTool(toolInstall(tool, version, context))));
  }

  const outputs: Record<string, OutputValue> = { 'cli-path': launcher };
  for (const tool of TOOLS) {
    outputs[`${tool.name}-path`] = installed.get(tool.name)?.path ?? '';
    outputs[`${tool.name}-version`] = installed.get(tool.name)?.version ?? '';
  }
  setOutputs(outputs);

  const rows = [['conveyor', '(this action)', launcher, 'bundled'], ...[...installed].map(([name, t]) => [name, t.version, t.path, t.cached ? 'tool cache' : 'downloaded, sha256 verified'])];
  writeSummary(`### conveyor set up\n\n${table(['Tool', 'Version', 'Path', 'Source'], rows)}`, env);
}
