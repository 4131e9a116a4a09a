import { afterAll, describe, it, expect } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cleanupTempDirs, tempDir } from '../../../test/support/tmp.ts';
import type { ToolInstall } from '@conveyor/kit';
import { DEFAULT_GRYPE_VERSION, grypeArgs, grypeEnv, locateGrype } from './grype.ts';

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
