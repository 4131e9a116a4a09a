/**
 * The root action through the runner's contract: the bundle runs with INPUT_* variables and the
 * GITHUB_* files, downloads a real .tar.gz from a local mirror, and writes PATH entries and outputs.
 */
import { describe, it, expect, beforeAll, afterAll, beforeEach } from '@jest/globals';
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { tempDir, cleanupTempDirs } from '../../../test/support/tmp.ts';
import { bundle } from '../../../scripts/build.ts';
import { toolPlatform } from '@conveyor/kit/installer';
import { TOOLS, toolInstall } from './setup-tools.ts';
import { writeCliLauncher } from './setup-action.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const files = new Map<string, Buffer>();
const requests: { url: string; auth: string | undefined }[] = [];
let server: http.Server;
let base: string;
const { os: OS, arch: ARCH } = toolPlatform();

beforeAll(async () => {
  // The two fixed bundles (listBundles() would also look at every action, which this test does not need).
  await Promise.all([
    bundle({ name: 'root', entry: 'packages/cli/src/setup.ts', outfile: 'dist/index.js' }),
    bundle({ name: 'cli', entry: 'packages/cli/src/main.ts', outfile: 'dist/cli.js' }),
  ]);
  server = http.createServer((req, res) => {
    requests.push({ url: req.url ?? '', auth: req.headers.authorization });
    const body = files.get(req.url ?? '');
    if (body) res.writeHead(200, { 'content-length': body.length }).end(body);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  setTimeout(() => server.close(), 120_000).unref();
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  cleanupTempDirs();
});

beforeEach(() => {
  files.clear();
  requests.length = 0;
});

/** Publishes a grype-named stand-in archive (a script printing its version) on the mirror. */
function publishGrype(version: string, options: { tamper?: boolean } = {}): void {
  const src = tempDir('conveyor-grype-src-');
  fs.writeFileSync(path.join(src, 'grype'), `#!/bin/sh\necho "grype ${version}"\n`, { mode: 0o755 });
  const archive = path.join(tempDir('conveyor-grype-out-'), 'a.tar.gz');
  execFileSync('tar', ['czf', archive, '-C', src, 'grype']);
  const bytes = fs.readFileSync(archive);
  const name = `grype_${version}_${OS}_${ARCH}.tar.gz`;
  const sum = createHash('sha256').update(bytes).digest('hex');
  files.set(`/grype/${version}/${name}`, options.tamper ? Buffer.concat([bytes, Buffer.from('x')]) : bytes);
  files.set(`/grype/${version}/grype_${version}_checksums.txt`, Buffer.from(`${sum}  ${name}\n`));
}

interface RunResult {
  code: number;
  stdout: string;
  outputs: Record<string, string>;
  paths: string[];
  summary: string;
  dir: string;
}

/** Runs dist/index.js as the runner would. */
async function runAction(inputs: Record<string, string>): Promise<RunResult> {
  const dir = tempDir('conveyor-setup-');
  const f = (name: string) => path.join(dir, name);
  for (const name of ['output', 'path', 'summary', 'env', 'state']) fs.writeFileSync(f(name), '');
  fs.mkdirSync(f('temp'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    RUNNER_TEMP: f('temp'),
    RUNNER_TOOL_CACHE: f('tool-cache'),
    GITHUB_OUTPUT: f('output'),
    GITHUB_PATH: f('path'),
    GITHUB_STEP_SUMMARY: f('summary'),
    GITHUB_ENV: f('env'),
    GITHUB_STATE: f('state'),
    GITHUB_SERVER_URL: 'https://github.com',
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
  const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
    execFile(process.execPath, [path.join(root, 'dist/index.js')], { env, cwd: dir }, (error, out) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout: out });
    });
  });
  const outputs: Record<string, string> = {};
  const text = fs.readFileSync(f('output'), 'utf8');
  for (const m of text.matchAll(/^([\w-]+)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1]!] = m[3]!;
  const paths = fs.readFileSync(f('path'), 'utf8').split('\n').filter(Boolean);
  return { code, stdout, outputs, paths, summary: fs.readFileSync(f('summary'), 'utf8'), dir };
}

describe('root action', () => {
  it('puts the CLI on PATH and installs a requested tool from a mirror', async () => {
    publishGrype('0.99.1');
    const result = await runAction({ 'grype-version': 'v0.99.1', 'download-base-url': `${base}/`, 'github-token': 'not-for-mirrors' });
    expect(result.stdout).not.toContain('::error');
    expect(result.code).toBe(0);
    const grypePath = path.join(result.dir, 'tool-cache', 'grype', '0.99.1', ARCH, 'grype');
    expect(result.outputs).toEqual({
      'cli-path': path.join(result.dir, 'temp', 'conveyor-cli', 'conveyor'),
      'grype-path': grypePath,
      'grype-version': '0.99.1',
      'tflint-path': '',
      'tflint-version': '',
      'terraform-path': '',
      'terraform-version': '',
      'tofu-path': '',
      'tofu-version': '',
    });
    expect(result.paths).toEqual([path.join(result.dir, 'temp', 'conveyor-cli'), path.join(result.dir, 'tool-cache', 'grype', '0.99.1', ARCH)]);
    expect(result.stdout).toContain('::add-mask::not-for-mirrors\n');
    expect(result.stdout.replace('::add-mask::not-for-mirrors\n', '')).not.toContain('not-for-mirrors');
    const pathEnv = `${result.paths.join(path.delimiter)}${path.delimiter}${process.env.PATH}`;
    expect(execFileSync('grype', { encoding: 'utf8', env: { PATH: pathEnv } })).toBe('grype 0.99.1\n');
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    expect(execFileSync('conveyor', ['--version'], { encoding: 'utf8', env: { PATH: pathEnv } }).trim()).toBe(pkg.version);
    expect(requests.map((r) => r.url)).toEqual([`/grype/0.99.1/grype_0.99.1_${OS}_${ARCH}.tar.gz`, '/grype/0.99.1/grype_0.99.1_checksums.txt']);
    expect(requests.every((r) => r.auth === undefined)).toBe(true);
    expect(result.summary).toContain(`| grype | 0.99.1 | ${grypePath} | downloaded, sha256 verified |`);
  });

  it('fails on a tampered download and installs nothing', async () => {
    publishGrype('0.99.2', { tamper: true });
    const result = await runAction({ 'grype-version': '0.99.2', 'download-base-url': base });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/::error::Refusing to install grype 0\.99\.2: grype_0\.99\.2_\w+_\w+\.tar\.gz has sha256 [0-9a-f]{64}, but .* expects [0-9a-f]{64}/);
    expect(fs.existsSync(path.join(result.dir, 'tool-cache', 'grype'))).toBe(false);
    expect(result.outputs['grype-path']).toBeUndefined();
    expect(result.paths).toEqual([path.join(result.dir, 'temp', 'conveyor-cli')]);
  });

  it('rejects a bad version before doing anything', async () => {
    const result = await runAction({ 'grype-version': 'latest', 'tofu-version': '1.9', 'download-base-url': base });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`Input 'grype-version' is "latest"; accepted: an exact version such as 1.2.3, or empty to skip the tool.`);
    expect(result.stdout).toContain(`Input 'tofu-version' is "1.9"`);
    expect(result.paths).toEqual([]);
    expect(fs.readdirSync(path.join(result.dir, 'temp'))).toEqual([]);
    expect(requests).toEqual([]);
  });
});

describe('tool locations', () => {
  const grype = TOOLS.find((t) => t.name === 'grype')!;
  it.each([
    ['grype', 'linux', 'https://github.com/anchore/grype/releases/download/v0.87.0/grype_0.87.0_linux_amd64.tar.gz', 'https://github.com/anchore/grype/releases/download/v0.87.0/grype_0.87.0_checksums.txt', 'grype'],
    ['grype', 'windows', 'https://github.com/anchore/grype/releases/download/v0.87.0/grype_0.87.0_windows_amd64.zip', 'https://github.com/anchore/grype/releases/download/v0.87.0/grype_0.87.0_checksums.txt', 'grype.exe'],
    ['tflint', 'linux', 'https://github.com/terraform-linters/tflint/releases/download/v0.87.0/tflint_linux_amd64.zip', 'https://github.com/terraform-linters/tflint/releases/download/v0.87.0/checksums.txt', 'tflint'],
    ['terraform', 'darwin', 'https://releases.hashicorp.com/terraform/0.87.0/terraform_0.87.0_darwin_amd64.zip', 'https://releases.hashicorp.com/terraform/0.87.0/terraform_0.87.0_SHA256SUMS', 'terraform'],
    ['tofu', 'linux', 'https://github.com/opentofu/opentofu/releases/download/v0.87.0/tofu_0.87.0_linux_amd64.tar.gz', 'https://github.com/opentofu/opentofu/releases/download/v0.87.0/tofu_0.87.0_SHA256SUMS', 'tofu'],
  ])('%s on %s', (name, os, url, sums, binary) => {
    const spec = toolInstall(TOOLS.find((t) => t.name === name)!, '0.87.0', { os });
    const fill = (t: string) => t.replace(/\{version\}/g, '0.87.0').replace(/\{os\}/g, os).replace(/\{arch\}/g, 'amd64');
    expect([fill(spec.urlTemplate), fill(spec.checksumsUrlTemplate!), spec.binary]).toEqual([url, sums, binary]);
  });

  it('sends the token only to GitHub hosts', () => {
    const context = { os: 'linux', token: 't0k', tokenHosts: ['github.com', 'ghe.example.com'] };
    expect(toolInstall(grype, '1.0.0', context).auth).toBe('token t0k');
    expect(toolInstall(TOOLS.find((t) => t.name === 'terraform')!, '1.0.0', context).auth).toBeUndefined();
    expect(toolInstall(grype, '1.0.0', { ...context, mirror: 'https://mirror.example.com/tools' }).auth).toBeUndefined();
    expect(toolInstall(grype, '1.0.0', { ...context, mirror: 'https://ghe.example.com/tools/' }).urlTemplate).toBe('https://ghe.example.com/tools/grype/{version}/grype_{version}_{os}_{arch}.tar.gz');
  });
});

describe('writeCliLauncher', () => {
  it('runs cli.js with this Node, whatever characters the paths hold', () => {
    const dist = path.join(tempDir(), "it's a dist");
    fs.mkdirSync(dist);
    fs.writeFileSync(path.join(dist, 'cli.js'), 'console.log(JSON.stringify(process.argv.slice(2)));\n');
    const launcher = writeCliLauncher(dist, path.join(tempDir(), 'runner temp'));
    expect(path.basename(launcher)).toBe('conveyor');
    expect(execFileSync(launcher, ['a b', "c'd", '$HOME'], { encoding: 'utf8' })).toBe('["a b","c\'d","$HOME"]\n');
  });

  it('keeps V8 compile cache beside itself, unless NODE_COMPILE_CACHE is already set', () => {
    const dist = path.join(tempDir(), 'dist');
    fs.mkdirSync(dist);
    fs.writeFileSync(path.join(dist, 'cli.js'), 'console.log(process.env.NODE_COMPILE_CACHE);\n');
    const launcher = writeCliLauncher(dist, path.join(tempDir(), 'a "quoted" $dir `x`'));
    const { NODE_COMPILE_CACHE: _unset, ...env } = process.env;
    expect(execFileSync(launcher, [], { encoding: 'utf8', env }).trim()).toBe(path.join(path.dirname(launcher), 'compile-cache'));
    expect(execFileSync(launcher, [], { encoding: 'utf8', env: { ...env, NODE_COMPILE_CACHE: '/elsewhere' } }).trim()).toBe('/elsewhere');
  });

  it('refuses when the CLI bundle is missing', () => {
    expect(() => writeCliLauncher(tempDir(), tempDir())).toThrow(/The conveyor CLI bundle .*cli\.js is missing/);
  });
});
