import { afterAll, describe, it, expect } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cleanupTempDirs, tempDir } from '../../../test/support/tmp.ts';
import type { ToolInstall } from '@conveyor/kit';
import { DEFAULT_GRYPE_VERSION, dbSettings, explainDbFailure, grypeArgs, grypeEnv, locateGrype } from './grype.ts';

afterAll(() => cleanupTempDirs());

describe('grype command line', () => {
  it('names the source the way grype reads it and always writes JSON to a file with conveyor\'s config', () => {
    const dir = tempDir('grype-args-');
    fs.writeFileSync(path.join(dir, 'bom.json'), '{}');
    expect(grypeArgs({ kind: 'image', image: 'ghcr.io/a/b@sha256:00' }, '/o/r.json', '/o/c.yaml')).toEqual(['ghcr.io/a/b@sha256:00', '-o', 'json', '--file', '/o/r.json', '-c', '/o/c.yaml']);
    expect(grypeArgs({ kind: 'sbom', file: '/w/bom.json' }, 'r', 'c')[0]).toBe('sbom:/w/bom.json');
    expect(grypeArgs({ kind: 'path', path: dir }, 'r', 'c')[0]).toBe(`dir:${dir}`);
    expect(grypeArgs({ kind: 'path', path: path.join(dir, 'bom.json') }, 'r', 'c')[0]).toBe(`file:${path.join(dir, 'bom.json')}`);
  });

  it('keeps policy settings out of grype\'s environment and sets the DB cache', () => {
    const env = grypeEnv({ PATH: '/bin', GRYPE_FAIL_ON_SEVERITY: 'low', GRYPE_ONLY_FIXED: 'true', GRYPE_IGNORE: 'x', GRYPE_REGISTRY_AUTH_USERNAME: 'u', GRYPE_DB_AUTO_UPDATE: 'false' }, '/cache/grype-db');
    expect(env).toEqual({ PATH: '/bin', GRYPE_REGISTRY_AUTH_USERNAME: 'u', GRYPE_DB_AUTO_UPDATE: 'false', GRYPE_CHECK_FOR_APP_UPDATE: 'false', GRYPE_DB_CACHE_DIR: '/cache/grype-db' });
  });
});

describe('locateGrype', () => {
  const installed: ToolInstall[] = [];
  const install = async (spec: ToolInstall) => {
    installed.push(spec);
    return { path: `/tc/grype/${spec.version}/grype`, dir: `/tc/grype/${spec.version}`, version: spec.version, cached: false };
  };

  it('uses grype from PATH when no version is asked for', async () => {
    const dir = tempDir('grype-path-');
    fs.writeFileSync(path.join(dir, 'grype'), '#!/bin/sh\n', { mode: 0o755 });
    const found = await locateGrype({ version: '', env: { PATH: `/nonexistent:${dir}` }, install });
    expect(found.path).toBe(path.join(dir, 'grype'));
    expect(installed).toEqual([]);
  });

  it('installs the pinned default, or the asked version, from grype\'s releases with its checksums file', async () => {
    const empty = tempDir('grype-none-');
    await locateGrype({ version: '', env: { PATH: empty }, install });
    const dir = tempDir('grype-path-');
    fs.writeFileSync(path.join(dir, 'grype'), '#!/bin/sh\n', { mode: 0o755 });
    const asked = await locateGrype({ version: '0.92.2', env: { PATH: dir }, install });
    expect(asked.path).toBe('/tc/grype/0.92.2/grype');
    expect(installed.map((s) => s.version)).toEqual([DEFAULT_GRYPE_VERSION, '0.92.2']);
    expect(installed[1]).toEqual({
      name: 'grype',
      version: '0.92.2',
      urlTemplate: 'https://github.com/anchore/grype/releases/download/v{version}/grype_{version}_{os}_{arch}.tar.gz',
      checksumsUrlTemplate: 'https://github.com/anchore/grype/releases/download/v{version}/grype_{version}_checksums.txt',
      binary: 'grype',
    });
  });
});

// What grype 0.121.3 prints (stderr, no terminal) when its database is missing or too old, seen offline.
const ESC = String.fromCharCode(27);
const NO_DB = `[0000]  WARN unable to check for vulnerability database update
[0000]  WARN error updating db error=unable to download listing: Get "http://127.0.0.1:9/databases/v6/latest.json": dial tcp 127.0.0.1:9: connect: connection refused
[0002] ERROR ${ESC}[31mfailed to load vulnerability db: database does not exist${ESC}[0m`;
const STALE = `[0002] ERROR ${ESC}[31mfailed to load vulnerability db: the vulnerability database was built 6 years ago (max allowed age is 5 days)${ESC}[0m`;

describe('vulnerability database failures', () => {
  const db = dbSettings({ HOME: '/home/runner', GRYPE_DB_UPDATE_URL: 'http://127.0.0.1:9/databases' }, '/cache/grype-db');

  it('reads where the database is and where it comes from', () => {
    expect(db).toEqual({ dir: '/cache/grype-db', updateUrl: 'http://127.0.0.1:9/databases', autoUpdate: true });
    expect(dbSettings({ HOME: '/h', GRYPE_DB_AUTO_UPDATE: 'false' }, undefined)).toEqual({ dir: '/h/.cache/grype/db', updateUrl: 'https://grype.anchore.io/databases', autoUpdate: false });
  });

  it('says in one sentence what is missing, why, and what to set', () => {
    expect(explainDbFailure(NO_DB, db)).toBe('grype has no vulnerability database in /cache/grype-db and could not download one from http://127.0.0.1:9/databases (unable to download listing: Get "http://127.0.0.1:9/databases/v6/latest.json": dial tcp 127.0.0.1:9: connect: connection refused). Give the runner network access to http://127.0.0.1:9/databases (or set GRYPE_DB_UPDATE_URL to a mirror). For a runner without network access, put a database in that folder (restore it with actions/cache, or `grype db import <archive>`) and set GRYPE_DB_AUTO_UPDATE=false.');
    expect(explainDbFailure(STALE, { ...db, autoUpdate: false })).toBe("grype's vulnerability database in /cache/grype-db is older than grype accepts: the vulnerability database was built 6 years ago (max allowed age is 5 days), and GRYPE_DB_AUTO_UPDATE=false keeps grype from downloading a newer one. Let grype update it, or, to scan with an old database, raise GRYPE_DB_MAX_ALLOWED_BUILT_AGE (e.g. 720h) or set GRYPE_DB_VALIDATE_AGE=false.");
    expect(explainDbFailure('1 error occurred:\n\t* failed to catalog: unable to load image', db)).toBeUndefined();
  });
});
