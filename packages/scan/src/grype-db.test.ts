/** The database step before the scan: grype's timeouts read as Go durations, and what each outcome of db check / db update leads to. */
import { afterAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ExecResult } from '@conveyor/kit';
import { cleanupTempDirs, tempDir } from '../../../test/support/tmp.ts';
import { dbLimits, goDurationMs, prepareDatabase, type TimedRun } from './grype-db.ts';
import { GrypeError } from './grype.ts';

afterAll(() => cleanupTempDirs());

function fakeRun(results: Record<string, Partial<ExecResult>>) {
  const calls: { args: string[]; timeoutMs: number; env: NodeJS.ProcessEnv }[] = [];
  const run: TimedRun = async (_command, args, options) => {
    calls.push({ args: [...args], timeoutMs: options.timeoutMs, env: options.env });
    return { exitCode: 0, stdout: '', stderr: '', ...results[args[1]!] };
  };
  return { run, calls };
}

describe('grype database step', () => {
  it.each([['30s', 30_000], ['5m', 300_000], ['1m30s', 90_000], ['1500ms', 1500], ['2h', 7_200_000], ['soon', undefined], ['', undefined]])('reads %p as %p ms', (text, ms) => {
    expect(goDurationMs(text)).toBe(ms);
  });

  it('limits db check and db update to grype\'s own timeouts plus a margin', () => {
    expect(dbLimits({})).toEqual({ checkMs: 40_000, updateMs: 360_000 });
    expect(dbLimits({ GRYPE_DB_UPDATE_AVAILABLE_TIMEOUT: '2s', GRYPE_DB_UPDATE_DOWNLOAD_TIMEOUT: '10m' })).toEqual({ checkMs: 12_000, updateMs: 632_000 });
  });

  const withDb = () => {
    const dir = tempDir('grype-db-');
    fs.mkdirSync(path.join(dir, '6'));
    fs.writeFileSync(path.join(dir, '6', 'vulnerability.db'), '');
    return dir;
  };
  const settings = (dir: string, autoUpdate = true) => ({ dir, updateUrl: 'http://127.0.0.1:9/databases', autoUpdate });

  it('up to date: no download, and the scan does not check again', async () => {
    const { run, calls } = fakeRun({ check: { exitCode: 0 } });
    const prepared = await prepareDatabase('grype', { A: '1' }, settings(withDb()), run);
    expect(calls.map((c) => c.args)).toEqual([['db', 'check']]);
    expect(prepared).toEqual({ env: { A: '1', GRYPE_DB_AUTO_UPDATE: 'false' } });
  });

  it('an update available (exit 100) is downloaded under its own limit', async () => {
    const { run, calls } = fakeRun({ check: { exitCode: 100 }, update: { exitCode: 0 } });
    const prepared = await prepareDatabase('grype', {}, settings(tempDir('grype-nodb-')), run);
    expect(calls.map((c) => [c.args.join(' '), c.timeoutMs])).toEqual([['db check', 40_000], ['db update', 360_000]]);
    expect(prepared.warning).toBeUndefined();
  });

  it('a check that gets no answer: the database there is used with a warning; without one, an error', async () => {
    const { run } = fakeRun({ check: { exitCode: 124, timedOut: true } });
    const dir = withDb();
    expect((await prepareDatabase('grype', {}, settings(dir), run)).warning).toBe(`The vulnerability database in ${dir} could not be updated from http://127.0.0.1:9/databases (no answer within 40 s); scanning with the database already there (grype refuses it if it is older than GRYPE_DB_MAX_ALLOWED_BUILT_AGE, 5 days by default).`);
    const empty = tempDir('grype-nodb-');
    await expect(prepareDatabase('grype', {}, settings(empty), run)).rejects.toThrow(new GrypeError(`grype has no vulnerability database in ${empty} and could not download one from http://127.0.0.1:9/databases (no answer within 40 s). Give the runner network access to http://127.0.0.1:9/databases (or set GRYPE_DB_UPDATE_URL to a mirror). For a runner without network access, put a database in that folder (restore it with actions/cache, or \`grype db import <archive>\`) and set GRYPE_DB_AUTO_UPDATE=false.`, -1));
  });

  it('a failed download names grype\'s reason', async () => {
    const stderr = '[0000] ERROR unable to update vulnerability database: unable to download db: dial tcp 127.0.0.1:9: connect: connection refused\n';
    const { run } = fakeRun({ check: { exitCode: 100 }, update: { exitCode: 1, stderr } });
    await expect(prepareDatabase('grype', {}, settings(tempDir('grype-nodb-')), run)).rejects.toThrow(/could not download one from http:\/\/127\.0\.0\.1:9\/databases \(unable to update vulnerability database: unable to download db: dial tcp 127\.0\.0\.1:9: connect: connection refused\)/);
  });

  it('with GRYPE_DB_AUTO_UPDATE=false nothing runs; no database is an error before the scan', async () => {
    const { run, calls } = fakeRun({});
    expect(await prepareDatabase('grype', { B: '2' }, settings(withDb(), false), run)).toEqual({ env: { B: '2' } });
    await expect(prepareDatabase('grype', {}, settings(tempDir('grype-nodb-'), false), run)).rejects.toThrow(/GRYPE_DB_AUTO_UPDATE=false keeps it from downloading one/);
    expect(calls).toEqual([]);
  });
});
