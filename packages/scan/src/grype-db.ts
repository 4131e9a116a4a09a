/**
 * grype's vulnerability database, brought up to date before the scan under conveyor's own time limits.
 *
 * grype 0.121 checks for a database update as part of a scan, and on a network that accepts a connection
 * but never answers it waits without end: its update-available timeout does not stop that request (seen
 * against the real grype in test/scan/real-grype.test.ts). So conveyor runs `grype db check` and, when
 * an update is there, `grype db update` itself, each stopped after grype's own timeout for that step
 * (GRYPE_DB_UPDATE_AVAILABLE_TIMEOUT, 30 s, and GRYPE_DB_UPDATE_DOWNLOAD_TIMEOUT, 300 s) plus a margin,
 * and then scans with GRYPE_DB_AUTO_UPDATE=false. When the check or the download fails, a database
 * already in the folder is used with a warning (grype still refuses one that is too old); without one the
 * step fails with a sentence naming the folder, the update URL and the reason.
 */
import { type ExecResult } from '@conveyor/kit';
import { explainDbFailure, GrypeError, hasDatabase, type DbSettings } from './grype.ts';

export type TimedRun = (command: string, args: readonly string[], options: { env: NodeJS.ProcessEnv; okCodes: number[]; stream: boolean; timeoutMs: number }) => Promise<ExecResult>;

/** A Go duration as grype reads it (`30s`, `5m`, `1m30s`, `1500ms`), in milliseconds; undefined when not one. */
export function goDurationMs(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const parts = [...text.trim().matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text.trim()) return undefined;
  return parts.reduce((sum, p) => sum + Number(p[1]) * units[p[2]!]!, 0);
}

/** The limits conveyor puts on `grype db check` and `grype db update`: grype's own timeouts plus a margin. */
export function dbLimits(env: NodeJS.ProcessEnv): { checkMs: number; updateMs: number } {
  const check = goDurationMs(env.GRYPE_DB_UPDATE_AVAILABLE_TIMEOUT) ?? 30_000;
  const download = goDurationMs(env.GRYPE_DB_UPDATE_DOWNLOAD_TIMEOUT) ?? 300_000;
  return { checkMs: check + 10_000, updateMs: check + download + 30_000 };
}

export interface PreparedDb {
  /** The environment for the scan: GRYPE_DB_AUTO_UPDATE=false once conveyor has dealt with the update. */
  env: NodeJS.ProcessEnv;
  /** Set when the update could not be done and the database in the folder is used as it is. */
  warning?: string;
}

function reason(result: ExecResult, limitMs: number): string {
  if (result.timedOut) return `no answer within ${Math.round(limitMs / 1000)} s`;
  const text = `${result.stderr}\n${result.stdout}`.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
  const line = text.split('\n').map((l) => l.trim()).filter((l) => /error|unable|failed/i.test(l)).pop() ?? text.trim().split('\n').pop() ?? '';
  return line.replace(/^\[\d+\]\s+(ERROR|WARN)\s+/, '') || `exit code ${result.exitCode}`;
}

/**
 * Checks for and downloads a database update as grype would during the scan, but never waits longer than
 * grype's own timeouts. `env` is grype's environment (GRYPE_DB_CACHE_DIR set).
 */
export async function prepareDatabase(grype: string, env: NodeJS.ProcessEnv, db: DbSettings, run: TimedRun): Promise<PreparedDb> {
  if (!db.autoUpdate) {
    // grype would catalog the whole image first and only then find it has nothing to match against
    if (!hasDatabase(db.dir)) throw new GrypeError(explainDbFailure('failed to load vulnerability db: database does not exist', db)!, -1);
    return { env };
  }
  const offline = { ...env, GRYPE_DB_AUTO_UPDATE: 'false' };
  const limits = dbLimits(env);
  const unavailable = (why: string): PreparedDb => {
    if (!hasDatabase(db.dir)) {
      throw new GrypeError(`grype has no vulnerability database in ${db.dir} and could not download one from ${db.updateUrl} (${why}). Give the runner network access to ${db.updateUrl} (or set GRYPE_DB_UPDATE_URL to a mirror). For a runner without network access, put a database in that folder (restore it with actions/cache, or \`grype db import <archive>\`) and set GRYPE_DB_AUTO_UPDATE=false.`, -1);
    }
    return { env: offline, warning: `The vulnerability database in ${db.dir} could not be updated from ${db.updateUrl} (${why}); scanning with the database already there (grype refuses it if it is older than GRYPE_DB_MAX_ALLOWED_BUILT_AGE, 5 days by default).` };
  };
  const check = await run(grype, ['db', 'check'], { env, okCodes: [0, 1, 100, 124], stream: false, timeoutMs: limits.checkMs });
  if (check.exitCode === 0) return { env: offline };
  if (check.exitCode !== 100) return unavailable(reason(check, limits.checkMs));
  const update = await run(grype, ['db', 'update'], { env, okCodes: [0, 1, 124], stream: true, timeoutMs: limits.updateMs });
  if (update.exitCode !== 0) return unavailable(reason(update, limits.updateMs));
  return { env: offline };
}
