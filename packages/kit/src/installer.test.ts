import { describe, it, expect, beforeAll, afterAll, beforeEach } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as tc from '@actions/tool-cache';
import { tempDir, cleanupTempDirs } from '../../../test/support/tmp.ts';
import { downloadFile, DownloadError, installTool, parseChecksums, planInstall, expandTemplate, toolPlatform, InstallError, type ToolInstall } from './installer.ts';

/** Files served by the test server, by URL path; every request is logged. */
const files = new Map<string, Buffer>();
const requests: string[] = [];
let server: http.Server;
let base: string;
let work: string;
const saved: Record<string, string | undefined> = {};

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** A real .tar.gz made with `tar czf`, holding `<top>/demo`: a script printing its version and arguments. */
function makeArchive(version: string, kind: 'tar.gz' | 'zip'): Buffer {
  const src = tempDir('conveyor-archive-');
  fs.mkdirSync(path.join(src, 'bin'));
  fs.writeFileSync(path.join(src, 'bin', 'demo'), `#!/bin/sh\necho "demo ${version} $*"\n`, { mode: 0o755 });
  fs.writeFileSync(path.join(src, 'LICENSE'), 'license text\n');
  const out = path.join(tempDir('conveyor-archive-out-'), `demo.${kind}`);
  if (kind === 'tar.gz') execFileSync('tar', ['czf', out, '-C', src, 'bin', 'LICENSE']);
  else execFileSync('zip', ['-q', '-r', out, 'bin', 'LICENSE'], { cwd: src });
  return fs.readFileSync(out);
}

function spec(overrides: Partial<ToolInstall> = {}): ToolInstall {
  return {
    name: 'demo',
    version: '1.2.3',
    urlTemplate: `${base}/demo/v{version}/demo_{version}_{os}_{arch}.tar.gz`,
    checksumsUrlTemplate: `${base}/demo/v{version}/demo_{version}_checksums.txt`,
    binary: 'bin/demo',
    ...overrides,
  };
}

const { os: OS, arch: ARCH } = toolPlatform();

beforeAll(async () => {
  for (const key of ['RUNNER_TOOL_CACHE', 'RUNNER_TEMP', 'GITHUB_PATH', 'PATH']) saved[key] = process.env[key];
  server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const failing = /^\/flaky\/(\d+)\/(\d+)$/.exec(req.url ?? '');
    if (failing) {
      // /flaky/<status>/<failures>: answers <status> that many times, then 200.
      const seen = requests.filter((r) => r === req.url).length;
      if (seen <= Number(failing[2])) res.writeHead(Number(failing[1])).end('try later');
      else res.writeHead(200).end('payload');
      return;
    }
    const body = files.get(req.url ?? '');
    if (!body) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  setTimeout(() => server.close(), 120_000).unref();
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

beforeEach(() => {
  work = tempDir('conveyor-installer-');
  process.env.RUNNER_TOOL_CACHE = path.join(work, 'tool-cache');
  process.env.RUNNER_TEMP = path.join(work, 'temp');
  process.env.GITHUB_PATH = path.join(work, 'github_path');
  fs.mkdirSync(process.env.RUNNER_TEMP);
  fs.writeFileSync(process.env.GITHUB_PATH, '');
  process.env.PATH = saved.PATH;
  files.clear();
  requests.length = 0;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  cleanupTempDirs();
});

function publish(version: string, options: { archive?: Buffer; listed?: Buffer | null; kind?: 'tar.gz' | 'zip' } = {}): Buffer {
  const kind = options.kind ?? 'tar.gz';
  const archive = options.archive ?? makeArchive(version, kind);
  const name = `demo_${version}_${OS}_${ARCH}.${kind}`;
  files.set(`/demo/v${version}/${name}`, archive);
  const listed = options.listed === undefined ? archive : options.listed;
  const lines = [`${'0'.repeat(64)}  demo_${version}_other_os.${kind}`];
  if (listed) lines.push(`${sha256(listed)}  ${name}`);
  files.set(`/demo/v${version}/demo_${version}_checksums.txt`, Buffer.from(lines.join('\n') + '\n'));
  return archive;
}

function nothingInstalled(): void {
  expect(tc.find('demo', '1.2.3')).toBe('');
  expect(fs.existsSync(path.join(process.env.RUNNER_TOOL_CACHE!, 'demo'))).toBe(false);
  expect(fs.readFileSync(process.env.GITHUB_PATH!, 'utf8')).toBe('');
  expect(process.env.PATH).toBe(saved.PATH);
  expect(fs.readdirSync(process.env.RUNNER_TEMP!)).toEqual([]);
}

describe('installTool', () => {
  it('downloads, verifies, extracts, caches and puts the tool on PATH', async () => {
    publish('1.2.3');
    const tool = await installTool(spec());
    expect(tool.cached).toBe(false);
    expect(tool.version).toBe('1.2.3');
    expect(tool.path).toBe(path.join(process.env.RUNNER_TOOL_CACHE!, 'demo', '1.2.3', ARCH, 'bin', 'demo'));
    expect(execFileSync(tool.path, ['--help'], { encoding: 'utf8' })).toBe('demo 1.2.3 --help\n');
    expect(fs.readFileSync(process.env.GITHUB_PATH!, 'utf8').trim()).toBe(tool.dir);
    expect(execFileSync('demo', ['run'], { encoding: 'utf8', env: process.env })).toBe('demo 1.2.3 run\n');
    expect(requests).toEqual([`/demo/v1.2.3/demo_1.2.3_${OS}_${ARCH}.tar.gz`, '/demo/v1.2.3/demo_1.2.3_checksums.txt']);
    expect(fs.readdirSync(process.env.RUNNER_TEMP!)).toEqual([]);

    requests.length = 0;
    const again = await installTool(spec({ version: 'v1.2.3' }));
    expect(again).toEqual({ ...tool, cached: true });
    expect(requests).toEqual([]);
  });

  it('refuses a tampered archive and installs nothing', async () => {
    const genuine = makeArchive('1.2.3', 'tar.gz');
    const tampered = makeArchive('6.6.6', 'tar.gz');
    publish('1.2.3', { archive: tampered, listed: genuine });
    const error = await installTool(spec()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InstallError);
    const message = (error as Error).message;
    expect(message).toContain(`Refusing to install demo 1.2.3: demo_1.2.3_${OS}_${ARCH}.tar.gz has sha256 ${sha256(tampered)}`);
    expect(message).toContain(`expects ${sha256(genuine)}`);
    nothingInstalled();
  });

  it('refuses an archive the checksums file does not list', async () => {
    publish('1.2.3', { listed: null });
    await expect(installTool(spec())).rejects.toThrow(new RegExp(`checksums file .*demo_1\\.2\\.3_checksums\\.txt does not list demo_1\\.2\\.3_${OS}_${ARCH}\\.tar\\.gz \\(it lists 1 file`));
    nothingInstalled();
  });

  it('lets a pinned sha256 override the checksums file', async () => {
    const archive = publish('1.2.3', { listed: null });
    const tool = await installTool(spec({ sha256: sha256(archive).toUpperCase() }));
    expect(execFileSync(tool.path, [], { encoding: 'utf8' })).toBe('demo 1.2.3 \n');
    expect(requests).toEqual([`/demo/v1.2.3/demo_1.2.3_${OS}_${ARCH}.tar.gz`]);
  });

  it('refuses an archive that does not match the pinned sha256', async () => {
    publish('1.2.3');
    await expect(installTool(spec({ sha256: 'a'.repeat(64), checksumsUrlTemplate: undefined }))).rejects.toThrow(/the pinned sha256 expects a{64}/);
    nothingInstalled();
  });

  it('installs from a zip archive', async () => {
    publish('1.2.3', { kind: 'zip' });
    const tool = await installTool(spec({ urlTemplate: `${base}/demo/v{version}/demo_{version}_{os}_{arch}.zip` }));
    expect(execFileSync(tool.path, ['x'], { encoding: 'utf8' })).toBe('demo 1.2.3 x\n');
  });

  it('says which file is missing when the archive has no such binary', async () => {
    publish('1.2.3');
    await expect(installTool(spec({ binary: 'demo' }))).rejects.toThrow(/has no file demo \(its top level holds: (LICENSE, bin|bin, LICENSE)\)/);
    nothingInstalled();
  });

  it('reports a version that is not published', async () => {
    await expect(installTool(spec({ version: '9.9.9' }))).rejects.toThrow(/Could not download demo 9\.9\.9 from http:\/\/127\.0\.0\.1:\d+\/demo\/v9\.9\.9\/.* \(HTTP 404\)/);
    nothingInstalled();
  });

  it('checks the request before any download', async () => {
    await expect(installTool(spec({ version: 'latest' }))).rejects.toThrow(/Cannot install demo latest: the version "latest" is not an exact version/);
    await expect(installTool(spec({ checksumsUrlTemplate: undefined }))).rejects.toThrow(/could not be verified/);
    await expect(installTool(spec({ urlTemplate: `${base}/{platform}.tar.gz` }))).rejects.toThrow(/unknown placeholder \{platform\}/);
    await expect(installTool(spec({ binary: '../../bin/sh' }))).rejects.toThrow(/must be relative and stay inside the archive/);
    await expect(installTool(spec({ urlTemplate: 'file:///etc/passwd' }))).rejects.toThrow(/is not an http\(s\) URL/);
    expect(requests).toEqual([]);
    nothingInstalled();
  });
});

describe('downloadFile', () => {
  /** A port nothing listens on: bound, then closed. */
  async function closedPort(): Promise<number> {
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    return port;
  }

  it('retries a 503 and a 429, and gets the file', async () => {
    const dest = path.join(work, 'file');
    await downloadFile(`${base}/flaky/503/2`, dest, { retryDelaysMs: [1, 1] });
    expect(fs.readFileSync(dest, 'utf8')).toBe('payload');
    expect(requests.filter((r) => r === '/flaky/503/2')).toHaveLength(3);
    await downloadFile(`${base}/flaky/429/1`, path.join(work, 'other'), { retryDelaysMs: [1] });
    expect(requests.filter((r) => r === '/flaky/429/1')).toHaveLength(2);
  });

  it('gives up after the last attempt, with the status', async () => {
    await expect(downloadFile(`${base}/flaky/502/9`, path.join(work, 'file'), { retryDelaysMs: [1, 1] })).rejects.toMatchObject({ status: 502, transient: true });
    expect(requests.filter((r) => r === '/flaky/502/9')).toHaveLength(3);
    expect(fs.existsSync(path.join(work, 'file'))).toBe(false);
  });

  it('does not retry a 404', async () => {
    await expect(downloadFile(`${base}/flaky/404/9`, path.join(work, 'file'), { retryDelaysMs: [1, 1] })).rejects.toMatchObject({ status: 404, transient: false });
    expect(requests.filter((r) => r === '/flaky/404/9')).toHaveLength(1);
  });

  // A retry would wait a minute: past the test's timeout, so these fail if a refused connection or a name
  // that does not resolve is tried again.
  it('fails at once on a refused connection', async () => {
    const port = await closedPort();
    const error = await downloadFile(`http://127.0.0.1:${port}/x`, path.join(work, 'file'), { retryDelaysMs: [60_000] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadError);
    expect(error).toMatchObject({ code: 'ECONNREFUSED', transient: false });
  }, 10_000);

  it('fails at once on a name that does not resolve', async () => {
    const error = await downloadFile('http://conveyor-test.invalid/x', path.join(work, 'file'), { retryDelaysMs: [60_000] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadError);
    expect(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL']).toContain((error as DownloadError).code);
  }, 20_000);

  it('an install from a host that refuses says so at once and installs nothing', async () => {
    const port = await closedPort();
    const error = await installTool(spec({ urlTemplate: `http://127.0.0.1:${port}/demo_{version}.tar.gz`, checksumsUrlTemplate: `http://127.0.0.1:${port}/sums` })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InstallError);
    expect(error).toMatchObject({ unreachable: true });
    expect((error as Error).message).toMatch(/^Could not download demo 1\.2\.3 from http:\/\/127\.0\.0\.1:\d+\/demo_1\.2\.3\.tar\.gz \(connect ECONNREFUSED 127\.0\.0\.1:\d+\)\.$/);
    nothingInstalled();
  }, 10_000);
});

describe('installTool outside a runner', () => {
  it('keeps the tool in ~/.cache/conveyor/tools (XDG_CACHE_HOME) without RUNNER_TOOL_CACHE or RUNNER_TEMP, and finds it there next time', async () => {
    delete process.env.RUNNER_TOOL_CACHE;
    delete process.env.RUNNER_TEMP;
    const saveXdg = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = path.join(work, 'xdg');
    try {
      publish('1.2.3');
      const tool = await installTool(spec());
      expect(tool.path).toBe(path.join(work, 'xdg', 'conveyor', 'tools', 'demo', '1.2.3', ARCH, 'bin', 'demo'));
      expect(execFileSync(tool.path, ['x'], { encoding: 'utf8' })).toBe('demo 1.2.3 x\n');
      const before = requests.length;
      expect(await installTool(spec())).toMatchObject({ path: tool.path, cached: true });
      expect(requests.length).toBe(before);
    } finally {
      if (saveXdg === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = saveXdg;
    }
  });
});

describe('pure parts', () => {
  it('parses sha256sum-style files', () => {
    const a = 'a'.repeat(64);
    const b = 'B'.repeat(64);
    expect(parseChecksums(`${a}  tool_linux_amd64.tar.gz\n${b} *./tool.zip\r\nnot a line\n`)).toEqual(new Map([
      ['tool_linux_amd64.tar.gz', a],
      ['tool.zip', 'b'.repeat(64)],
    ]));
  });

  it('expands templates and maps the platform', () => {
    expect(expandTemplate('x_{version}_{os}_{arch}', { version: '1.0.0', os: 'linux', arch: 'amd64' }, 'url')).toBe('x_1.0.0_linux_amd64');
    expect(toolPlatform('linux', 'x64')).toEqual({ os: 'linux', arch: 'amd64' });
    expect(toolPlatform('win32', 'arm64')).toEqual({ os: 'windows', arch: 'arm64' });
    expect(planInstall({ ...spec(), platform: { os: 'darwin', arch: 'arm64' } }).fileName).toBe('demo_1.2.3_darwin_arm64.tar.gz');
  });
});
