/**
 * The tool installer: a pinned version of an external tool, downloaded from a URL template, its sha256
 * checked against the publisher's checksums file (or a pinned hash), extracted, kept in the runner's
 * tool cache and put on PATH. A hash that does not match, or a checksums file that does not list the
 * archive, stops the install before anything is extracted, cached or put on PATH.
 *
 * The tool cache is the runner's (RUNNER_TOOL_CACHE, in the layout @actions/tool-cache uses, so both read
 * each other's entries), else, on a terminal, ~/.cache/conveyor/tools (XDG_CACHE_HOME honoured). Downloads
 * retry what is transient (5xx, 408, 429, a reset or timed-out connection) a few seconds apart, and fail at
 * once on what another try would not change: a refused connection, a name that does not resolve, an
 * unreachable network, any other 4xx.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { HttpClient } from '@actions/http-client';
import * as tc from '@actions/tool-cache';
import semver from 'semver';
import { ConveyorError } from './errors.ts';
import { addPath } from './outputs.ts';
import { debug, info } from './log.ts';

export interface ToolInstall {
  /** The tool's name: the cache folder's name and the name used in messages. */
  name: string;
  /** An exact version (semver, a leading `v` is dropped). */
  version: string;
  /** Where the archive is, with `{version}`, `{os}` (linux, darwin, windows) and `{arch}` (amd64, arm64) placeholders. */
  urlTemplate: string;
  /** Where the sha256sum-style checksums file is (same placeholders). Required unless `sha256` is given. */
  checksumsUrlTemplate?: string;
  /** A pinned sha256 of the archive; when given it is the only hash accepted. */
  sha256?: string;
  /** The executable's path inside the archive (same placeholders), e.g. `grype` or `bin/tool`. */
  binary: string;
  /** Sent as the Authorization header, e.g. `token <github token>` (only give it for hosts that should see it). */
  auth?: string;
  /** Override the platform, e.g. to fetch another platform's archive (default: this machine's). */
  platform?: { os: string; arch: string };
}

export interface InstalledTool {
  /** The executable's absolute path. */
  path: string;
  /** The folder put on PATH. */
  dir: string;
  version: string;
  /** True when the tool came from the tool cache without a download. */
  cached: boolean;
}

/** Where tool downloads fail or are refused. */
export class InstallError extends ConveyorError {
  readonly tool: string;
  /** The host could not be reached at all (refused, no such name, no route): no attempt was repeated. */
  readonly unreachable: boolean;
  /** The HTTP status of a failed download. */
  readonly status: number | undefined;
  constructor(tool: string, message: string, options?: { cause?: unknown; unreachable?: boolean; status?: number }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.tool = tool;
    this.unreachable = options?.unreachable ?? false;
    this.status = options?.status;
  }
}

/** This machine's platform in the words release archives use. */
export function toolPlatform(platform: NodeJS.Platform = process.platform, arch: string = process.arch): { os: string; arch: string } {
  const osName = platform === 'win32' ? 'windows' : platform;
  const archName = arch === 'x64' ? 'amd64' : arch === 'ia32' ? '386' : arch;
  return { os: osName, arch: archName };
}

/** Fills `{version}`, `{os}` and `{arch}`; any other placeholder is an error. */
export function expandTemplate(template: string, values: Readonly<Record<string, string>>, what: string): string {
  return template.replace(/\{([^}]*)\}/g, (whole, key: string) => {
    const value = values[key];
    if (value === undefined) {
      throw new TypeError(`The ${what} ${JSON.stringify(template)} has an unknown placeholder ${whole}; accepted: ${Object.keys(values).map((k) => `{${k}}`).join(', ')}.`);
    }
    return value;
  });
}

/**
 * Parses a sha256sum-style checksums file (`<64 hex>  <name>`, or `<hex> *<name>` in binary mode)
 * into a map from file name to lower-case hash. Lines that are not checksums are ignored.
 */
export function parseChecksums(text: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^([0-9a-fA-F]{64})\s+\*?(.+?)\s*$/.exec(line);
    if (match) sums.set(match[2]!.replace(/^\.\//, ''), match[1]!.toLowerCase());
  }
  return sums;
}

/** The sha256 of a file, streamed. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function archiveKind(fileName: string): 'tar.gz' | 'zip' | 'binary' {
  if (/\.(tar\.gz|tgz)$/i.test(fileName)) return 'tar.gz';
  if (/\.zip$/i.test(fileName)) return 'zip';
  return 'binary';
}

interface Plan {
  name: string;
  version: string;
  url: string;
  fileName: string;
  checksumsUrl: string | undefined;
  pinned: string | undefined;
  binary: string;
  arch: string;
}

/** Checks every field and expands the templates, before any download. */
export function planInstall(spec: ToolInstall): Plan {
  const problems: string[] = [];
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(spec.name)) problems.push(`the tool name ${JSON.stringify(spec.name)} must be letters, digits, '.', '_' or '-'`);
  const version = semver.valid(semver.clean(spec.version) ?? '');
  if (!version) problems.push(`the version ${JSON.stringify(spec.version)} is not an exact version such as 1.2.3`);
  if (spec.sha256 !== undefined && !/^[0-9a-fA-F]{64}$/.test(spec.sha256)) problems.push(`the pinned sha256 ${JSON.stringify(spec.sha256)} is not 64 hex digits`);
  if (spec.sha256 === undefined && !spec.checksumsUrlTemplate) problems.push('neither a checksums file nor a pinned sha256 is given, so the download could not be verified');
  if (problems.length > 0) throw new InstallError(spec.name, `Cannot install ${spec.name} ${spec.version}: ${problems.join('; ')}.`);
  const platform = spec.platform ?? toolPlatform();
  const values = { version: version!, os: platform.os, arch: platform.arch };
  const url = expandTemplate(spec.urlTemplate, values, `download URL of ${spec.name}`);
  const checksumsUrl = spec.checksumsUrlTemplate ? expandTemplate(spec.checksumsUrlTemplate, values, `checksums URL of ${spec.name}`) : undefined;
  for (const u of [url, checksumsUrl]) {
    if (u !== undefined && !/^https?:\/\/[^/]+\/.+/.test(u)) throw new InstallError(spec.name, `Cannot install ${spec.name} ${version}: ${JSON.stringify(u)} is not an http(s) URL of a file.`);
  }
  const binary = expandTemplate(spec.binary, values, `binary path of ${spec.name}`);
  if (binary === '' || path.isAbsolute(binary) || binary.split(/[\\/]/).includes('..')) {
    throw new InstallError(spec.name, `Cannot install ${spec.name} ${version}: the binary path ${JSON.stringify(binary)} must be relative and stay inside the archive.`);
  }
  const fileName = decodeURIComponent(new URL(url).pathname.split('/').pop()!);
  return { name: spec.name, version: version!, url, fileName, checksumsUrl, pinned: spec.sha256?.toLowerCase(), binary, arch: platform.arch };
}

/** Network errors another attempt will not mend: nothing listens, the name does not resolve, no route. */
const PERMANENT_NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_INVALID_URL', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'ERR_TLS_CERT_ALTNAME_INVALID']);

/** A download failed: the HTTP status, or the network error's code (ECONNREFUSED, ENOTFOUND…). */
export class DownloadError extends Error {
  readonly status: number | undefined;
  readonly code: string | undefined;
  constructor(url: string, detail: { status?: number; code?: string; message: string }) {
    super(`${url}: ${detail.message}`);
    this.status = detail.status;
    this.code = detail.code;
  }

  /** Whether another attempt may succeed. */
  get transient(): boolean {
    if (this.status !== undefined) return this.status >= 500 || this.status === 408 || this.status === 429;
    return !PERMANENT_NETWORK.has(this.code ?? '');
  }
}

export interface DownloadOptions {
  /** Sent as the Authorization header. */
  auth?: string;
  /** Waits before the second, third… attempt (default 2 s and 5 s: three attempts). */
  retryDelaysMs?: readonly number[];
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Downloads `url` to `dest` (proxy settings of the environment honoured). Retries transient failures only;
 * throws `DownloadError` with the status or the network code.
 */
export async function downloadFile(url: string, dest: string, options: DownloadOptions = {}): Promise<void> {
  const delays = options.retryDelaysMs ?? [2000, 5000];
  for (let attempt = 0; ; attempt += 1) {
    try {
      await downloadOnce(url, dest, options.auth);
      return;
    } catch (error) {
      fs.rmSync(dest, { force: true });
      const failure = error instanceof DownloadError ? error
        : new DownloadError(url, { code: (error as NodeJS.ErrnoException).code, message: (error as Error).message });
      if (!failure.transient || attempt >= delays.length) throw failure;
      debug(`Download of ${url} failed (${failure.message}); trying again in ${delays[attempt]} ms.`);
      await sleep(delays[attempt]!);
    }
  }
}

async function downloadOnce(url: string, dest: string, auth: string | undefined): Promise<void> {
  const client = new HttpClient('conveyor', [], { allowRetries: false, socketTimeout: 60_000 });
  try {
    const response = await client.get(url, auth ? { authorization: auth } : {});
    const status = response.message.statusCode ?? 0;
    if (status !== 200) {
      response.message.resume();
      throw new DownloadError(url, { status, message: `HTTP ${status}` });
    }
    await pipeline(response.message, fs.createWriteStream(dest));
  } finally {
    client.dispose();
  }
}

async function download(plan: Plan, url: string, auth: string | undefined, dest: string): Promise<string> {
  try {
    await downloadFile(url, dest, { ...(auth ? { auth } : {}), ...(retryDelays ? { retryDelaysMs: retryDelays } : {}) });
    return dest;
  } catch (error) {
    const failure = error as DownloadError;
    const detail = failure.message.replace(`${url}: `, '');
    const why = failure.status !== undefined ? `HTTP ${failure.status}` : failure.code && !detail.includes(failure.code) ? `${failure.code}: ${detail}` : detail;
    throw new InstallError(plan.name, `Could not download ${plan.name} ${plan.version} from ${url} (${why}).`, { cause: error, unreachable: failure.status === undefined && !failure.transient, status: failure.status });
  }
}

let retryDelays: readonly number[] | undefined;

/** Tests shorten the waits between download attempts. */
export function setDownloadRetryDelays(delays: readonly number[] | undefined): void {
  retryDelays = delays;
}

/** Downloads the checksums file and returns the hash it lists for the archive. */
async function expectedHash(plan: Plan, auth: string | undefined, workDir: string): Promise<{ hash: string; source: string }> {
  if (plan.pinned) return { hash: plan.pinned, source: 'the pinned sha256' };
  const file = await download(plan, plan.checksumsUrl!, auth, path.join(workDir, 'checksums.txt'));
  const sums = parseChecksums(fs.readFileSync(file, 'utf8'));
  const hash = sums.get(plan.fileName);
  if (!hash) {
    throw new InstallError(plan.name, `Refusing to install ${plan.name} ${plan.version}: the checksums file ${plan.checksumsUrl} does not list ${plan.fileName}`
      + ` (it lists ${sums.size} file(s)). The archive cannot be verified; check the version and the download URL template.`);
  }
  return { hash, source: plan.checksumsUrl! };
}

function tempRoot(): string {
  const root = process.env.RUNNER_TEMP || os.tmpdir();
  fs.mkdirSync(root, { recursive: true });
  return root;
}

/** The tool cache: the runner's, else the user's cache folder (a terminal has no RUNNER_TOOL_CACHE). */
export function toolCacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (env.RUNNER_TOOL_CACHE) return env.RUNNER_TOOL_CACHE;
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'conveyor', 'tools');
}

/** A version's folder in the cache, as @actions/tool-cache lays it out: <root>/<name>/<version>/<arch>, complete when <folder>.complete exists. */
function cacheFolder(plan: Plan): string {
  return path.join(toolCacheRoot(), plan.name, plan.version, plan.arch);
}

function findCached(plan: Plan): string | undefined {
  const folder = cacheFolder(plan);
  return fs.existsSync(`${folder}.complete`) && fs.existsSync(folder) ? folder : undefined;
}

function addToCache(plan: Plan, extracted: string): string {
  const folder = cacheFolder(plan);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.rmSync(`${folder}.complete`, { force: true });
  fs.mkdirSync(path.dirname(folder), { recursive: true });
  fs.cpSync(extracted, folder, { recursive: true, preserveTimestamps: true });
  fs.writeFileSync(`${folder}.complete`, '');
  return folder;
}

/**
 * Installs one tool and puts it on PATH. A version already in the tool cache is used without a download.
 * Throws `InstallError` (and installs nothing) when the download fails, the checksums file does not
 * list the archive, the hash differs, or the archive has no such binary.
 */
export async function installTool(spec: ToolInstall): Promise<InstalledTool> {
  const plan = planInstall(spec);
  const hit = findCached(plan);
  if (hit && fs.existsSync(path.join(hit, plan.binary))) {
    const binaryPath = path.join(hit, plan.binary);
    addPath(path.dirname(binaryPath));
    info(`${plan.name} ${plan.version} found in the tool cache at ${hit}.`);
    return { path: binaryPath, dir: path.dirname(binaryPath), version: plan.version, cached: true };
  }
  const workDir = fs.mkdtempSync(path.join(tempRoot(), `conveyor-${plan.name}-`));
  try {
    info(`Downloading ${plan.name} ${plan.version} from ${plan.url}`);
    const archive = await download(plan, plan.url, spec.auth, path.join(workDir, plan.fileName));
    const expected = await expectedHash(plan, spec.auth, workDir);
    const actual = await sha256File(archive);
    if (actual !== expected.hash) {
      throw new InstallError(plan.name, `Refusing to install ${plan.name} ${plan.version}: ${plan.fileName} has sha256 ${actual}, but ${expected.source} expects ${expected.hash}.`
        + ' The download was corrupted or tampered with; nothing was installed.');
    }
    debug(`${plan.fileName}: sha256 ${actual} matches ${expected.source}`);
    const extracted = path.join(workDir, 'extracted');
    const kind = archiveKind(plan.fileName);
    if (kind === 'tar.gz') await tc.extractTar(archive, extracted);
    else if (kind === 'zip') await tc.extractZip(archive, extracted);
    else {
      fs.mkdirSync(path.dirname(path.join(extracted, plan.binary)), { recursive: true });
      fs.copyFileSync(archive, path.join(extracted, plan.binary));
    }
    const inArchive = path.join(extracted, plan.binary);
    if (!fs.existsSync(inArchive) || !fs.statSync(inArchive).isFile()) {
      const listing = fs.readdirSync(extracted).slice(0, 20).join(', ');
      throw new InstallError(plan.name, `The ${plan.name} ${plan.version} archive ${plan.fileName} has no file ${plan.binary} (its top level holds: ${listing || 'nothing'}). Check the binary path.`);
    }
    fs.chmodSync(inArchive, 0o755);
    const cachedDir = addToCache(plan, extracted);
    const binaryPath = path.join(cachedDir, plan.binary);
    addPath(path.dirname(binaryPath));
    info(`${plan.name} ${plan.version} installed at ${binaryPath}`);
    return { path: binaryPath, dir: path.dirname(binaryPath), version: plan.version, cached: false };
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}
