/**
 * Finding, installing and running grype. conveyor runs grype with `-o json --file <report>` and an empty
 * config of its own (so a `.grype.yaml` in the working folder, or GRYPE_* settings in the environment,
 * cannot filter matches or set a --fail-on threshold behind the policy's back), then applies the policy
 * itself. Any exit other than 0 — or 2 with a report written, grype's own threshold signal — is a grype
 * error, reported as such: never as a policy failure. A missing or too old vulnerability database is said
 * in one sentence naming the folder, the update URL and the GRYPE_DB_* settings that change it (checked
 * against the real grype offline in test/scan/real-grype.test.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConveyorError, exec, type ExecResult, type InstalledTool, type ToolInstall } from '@conveyor/kit';
import { InstallError } from '@conveyor/kit/installer';

/** The kit's `installTool`: install (sha256 checked, tool cache, PATH) and say where. Tests pass their own. */
export type Installer = (spec: ToolInstall) => Promise<InstalledTool>;

/** The grype version installed when none is on PATH and the `grype-version` input is empty. */
export const DEFAULT_GRYPE_VERSION = '0.96.0';

/**
 * grype's release assets (sha256 checked against the release's checksums file), from github.com or from a
 * mirror laid out as <mirror>/grype/<version>/<file> (the root action's layout).
 */
export function grypeInstallSpec(version: string, mirror = ''): ToolInstall {
  const folder = mirror ? `${mirror.replace(/\/+$/, '')}/grype/{version}` : 'https://github.com/anchore/grype/releases/download/v{version}';
  return {
    name: 'grype',
    version,
    urlTemplate: `${folder}/grype_{version}_{os}_{arch}.tar.gz`,
    checksumsUrlTemplate: `${folder}/grype_{version}_checksums.txt`,
    binary: 'grype',
  };
}

export type ScanSource = { kind: 'image'; image: string } | { kind: 'sbom'; file: string } | { kind: 'path'; path: string };

/** grype's source argument: the image as given, `sbom:<file>`, `dir:<folder>` or `file:<file>`. */
export function sourceArgument(source: ScanSource): string {
  if (source.kind === 'image') return source.image;
  if (source.kind === 'sbom') return `sbom:${source.file}`;
  return fs.statSync(source.path).isDirectory() ? `dir:${source.path}` : `file:${source.path}`;
}

/** The whole command line after `grype`. */
export function grypeArgs(source: ScanSource, reportFile: string, configFile: string): string[] {
  return [sourceArgument(source), '-o', 'json', '--file', reportFile, '-c', configFile];
}

/** Environment settings that would change which matches grype reports or how it exits; conveyor owns those. */
const POLICY_ENV = /^GRYPE_(FAIL_ON_SEVERITY|ONLY_FIXED|ONLY_NOTFIXED|IGNORE.*|VEX.*|CONFIG|OUTPUT|FILE|EXCLUDE|SHOW_SUPPRESSED|BY_CVE)$/;

/** The environment grype runs with: policy settings removed, the DB cache folder set, no update check. */
export function grypeEnv(base: NodeJS.ProcessEnv, dbCacheDir: string | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(base)) if (!POLICY_ENV.test(k)) env[k] = v;
  env.GRYPE_CHECK_FOR_APP_UPDATE = 'false';
  if (dbCacheDir) env.GRYPE_DB_CACHE_DIR = dbCacheDir;
  return env;
}

/** Where grype keeps its database, where it downloads one from, and whether it may: from conveyor's folder and GRYPE_DB_*. */
export interface DbSettings {
  dir: string;
  updateUrl: string;
  autoUpdate: boolean;
}

export function dbSettings(env: NodeJS.ProcessEnv, dbCacheDir: string | undefined): DbSettings {
  const home = env.HOME ?? '~';
  return {
    dir: dbCacheDir ?? env.GRYPE_DB_CACHE_DIR ?? path.join(env.XDG_CACHE_HOME ?? path.join(home, '.cache'), 'grype', 'db'),
    updateUrl: env.GRYPE_DB_UPDATE_URL || 'https://grype.anchore.io/databases',
    autoUpdate: !/^(false|0|no|off)$/i.test(env.GRYPE_DB_AUTO_UPDATE ?? ''),
  };
}

/** Whether a grype database (any schema folder: `<dir>/6/vulnerability.db`) is in the folder. */
export function hasDatabase(dir: string): boolean {
  try {
    return fs.readdirSync(dir).some((schema) => fs.existsSync(path.join(dir, schema, 'vulnerability.db')));
  } catch {
    return false;
  }
}

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/**
 * The sentence for a vulnerability database failure, read from what grype printed (`failed to load
 * vulnerability db: …`, `error updating db error=…`); undefined for any other failure.
 */
export function explainDbFailure(output: string, db: DbSettings): string | undefined {
  const text = output.replace(ANSI, '');
  const load = /failed to load vulnerability db: (.+)/.exec(text)?.[1]?.trim();
  if (!load) return undefined;
  const download = /error updating db error=(.+)/.exec(text)?.[1]?.trim();
  const offline = 'For a runner without network access, put a database in that folder (restore it with actions/cache, or `grype db import <archive>`) and set GRYPE_DB_AUTO_UPDATE=false.';
  if (/database does not exist/.test(load)) {
    if (!db.autoUpdate) return `grype has no vulnerability database in ${db.dir}, and GRYPE_DB_AUTO_UPDATE=false keeps it from downloading one. Put a database there (restore the folder with actions/cache, or \`grype db import <archive>\`), or let grype download one from ${db.updateUrl}.`;
    return `grype has no vulnerability database in ${db.dir} and could not download one from ${db.updateUrl}${download ? ` (${download})` : ''}. Give the runner network access to ${db.updateUrl} (or set GRYPE_DB_UPDATE_URL to a mirror). ${offline}`;
  }
  if (/max allowed age/.test(load)) {
    return `grype's vulnerability database in ${db.dir} is older than grype accepts: ${load}${download ? `; a newer one could not be downloaded from ${db.updateUrl} (${download})` : db.autoUpdate ? '' : ', and GRYPE_DB_AUTO_UPDATE=false keeps grype from downloading a newer one'}. Let grype update it, or, to scan with an old database, raise GRYPE_DB_MAX_ALLOWED_BUILT_AGE (e.g. 720h) or set GRYPE_DB_VALIDATE_AGE=false.`;
  }
  return `grype could not load its vulnerability database in ${db.dir}: ${load}${download ? `; downloading one from ${db.updateUrl} failed (${download})` : ''}. Delete the folder to let grype download a fresh database. ${offline}`;
}

/** grype ran and failed: its exit code and the end of what it printed. Never a policy decision. */
export class GrypeError extends ConveyorError {
  readonly exitCode: number;
  constructor(message: string, exitCode: number, options?: { cause?: unknown }) {
    super(message, options);
    this.exitCode = exitCode;
  }
}

/** The first executable called `name` on PATH. */
export function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

export interface LocateOptions {
  /** An exact version to install; empty: use grype from PATH, or install the default version. */
  version: string;
  /** A mirror to install from (empty: github.com). */
  mirror?: string;
  env: NodeJS.ProcessEnv;
  install: Installer;
}

/** Where grype is: on PATH (unless a version is asked for), else installed (sha256 checked) at the pinned version. */
export async function locateGrype(options: LocateOptions): Promise<{ path: string; how: string }> {
  if (!options.version) {
    const found = findOnPath('grype', options.env);
    if (found) return { path: found, how: `found on PATH at ${found}` };
  }
  const version = options.version || DEFAULT_GRYPE_VERSION;
  let installed: InstalledTool;
  try {
    installed = await options.install(grypeInstallSpec(version, options.mirror));
  } catch (error) {
    if (!(error instanceof InstallError)) throw error;
    throw grypeMissing(version, options, error);
  }
  return { path: installed.path, how: `${installed.cached ? 'from the tool cache' : 'installed'}: grype ${installed.version}` };
}

/** grype is not on PATH and could not be installed: one sentence with every way to get it. */
function grypeMissing(version: string, options: LocateOptions, error: InstallError): GrypeError {
  const onPath = options.version ? `grype ${version} was asked for` : 'grype is not on PATH';
  const from = options.mirror ? `the mirror ${options.mirror}` : 'github.com';
  const why = error.unreachable ? `${from} cannot be reached` : error.status === 404 ? `${from} has no grype ${version} for this platform` : `the download from ${from} failed`;
  const cause = error.message.replace(/^Could not download grype \S+ from (\S+) \((.*)\)\.$/, '$1: $2');
  return new GrypeError(`${onPath} and ${why} (${cause}): put grype on PATH, give an exact version in the input grype-version, or point the input download-base-url at a mirror that holds <url>/grype/<version>/grype_<version>_<os>_<arch>.tar.gz and its checksums file.`, -1);
}

export interface RunOptions {
  grype: string;
  source: ScanSource;
  reportFile: string;
  /** The folder for conveyor's empty grype config. */
  workDir: string;
  env: NodeJS.ProcessEnv;
  dbCacheDir?: string;
  /** The exec seam (tests may pass their own). */
  run?: (command: string, args: readonly string[], options: { env: NodeJS.ProcessEnv; okCodes: number[]; stream: boolean }) => Promise<ExecResult>;
}

/**
 * Runs grype and returns the report's text. Throws `GrypeError` when grype fails or writes no report.
 * A report is read only from the file grype wrote, never from its output streams.
 */
export async function runGrype(options: RunOptions): Promise<string> {
  const db = dbSettings(options.env, options.dbCacheDir);
  const config = path.join(options.workDir, 'conveyor-grype.yaml');
  fs.writeFileSync(config, '# Written by conveyor: the policy is applied by conveyor, not grype.\n{}\n');
  fs.rmSync(options.reportFile, { force: true });
  const args = grypeArgs(options.source, options.reportFile, config);
  const run = options.run ?? exec;
  let result: ExecResult;
  try {
    result = await run(options.grype, args, { env: grypeEnv(options.env, options.dbCacheDir), okCodes: [0, 1, 2], stream: true });
  } catch (error) {
    throw new GrypeError(`grype could not be started (${options.grype}): ${(error as Error).message}`, -1);
  }
  const tail = (result.stderr || result.stdout).trimEnd().split(/\r?\n/).slice(-15).join('\n');
  const written = fs.existsSync(options.reportFile) ? fs.readFileSync(options.reportFile, 'utf8') : '';
  if (result.exitCode === 1 || (result.exitCode === 2 && written.trim() === '')) {
    const dbProblem = explainDbFailure(`${result.stderr}\n${result.stdout}`, db);
    if (dbProblem) throw new GrypeError(`${dbProblem} No policy was applied.`, result.exitCode);
    throw new GrypeError(`grype failed with exit code ${result.exitCode}; no policy was applied.${tail ? `\n${tail}` : ''}\n`
      + 'This is an error of the scan itself (image not found, registry credentials, vulnerability DB download), not a policy failure.', result.exitCode);
  }
  if (written.trim() === '') {
    throw new GrypeError(`grype exited with ${result.exitCode} but wrote no report to ${options.reportFile}.${tail ? `\n${tail}` : ''}`, result.exitCode);
  }
  return written;
}
