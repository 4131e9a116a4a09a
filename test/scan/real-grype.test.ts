/**
 * scan-image and `conveyor scan` run the real grype (built by `npm run tools`). Its vulnerability database
 * is written here with grype's own v6 store (test/scan/grype-db, a small Go program), so grype scans offline:
 * an image built FROM scratch with buildah, holding an npm package's package.json, pushed to a real
 * registry on 127.0.0.1, is scanned by digest and its matches checked. Also: grype's exit codes and config
 * file as conveyor runs them, and what grype does offline with no database or a stale one (a clear
 * sentence, at once, never a network wait), with an update server that never answers (grype alone waits
 * without end; conveyor stops its db check), and with a real update server run here that serves the
 * listing and archive the same Go program writes (grype's db check, db update, then an offline scan).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CliIo } from '@conveyor/kit';
import { bundle } from '../../scripts/build.ts';
import { scanCommand } from '../../packages/scan/src/cli.ts';
import { parseVerdict } from '../../packages/scan/src/verdict.ts';
import { freePort, startRegistry, type Registry } from '../support/registry.ts';
import { parseFileCommand } from '../support/runner.ts';
import { cleanupTempDirs, tempDir } from '../support/tmp.ts';
import { findTool, repoRoot, toolOrSkip } from '../support/tools.ts';

const grype = toolOrSkip('grype', 'the real-grype tests');
// the database writer: built by the installer into the tools folder, else here with go
const dbWriter = findTool('grype-db') ?? (toolOrSkip('go', 'the real-grype tests (building test/scan/grype-db)') ? 'build' : undefined);
const images = grype !== undefined && toolOrSkip('buildah', 'the real-grype image scan') !== undefined && toolOrSkip('docker-registry', 'the real-grype image scan') !== undefined;
const ready = grype !== undefined && dbWriter !== undefined;
const SCRIPT = path.join(repoRoot, 'actions', 'scan-image', 'dist', 'index.js');

const VULNS = [
  { id: 'CVE-2026-90001', severity: 'High', ecosystem: 'npm', package: 'conveyor-fixture-lib', constraint: '<1.2.4', fix: '1.2.4', cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N' },
  { id: 'CVE-2026-90002', severity: 'Critical', ecosystem: 'npm', package: 'conveyor-fixture-lib', constraint: '<2.0.0' },
  { id: 'CVE-2026-90003', severity: 'Low', ecosystem: 'npm', package: 'conveyor-fixture-lib', constraint: '<1.0.0', fix: '1.0.0' },
  { id: 'CVE-2026-90004', severity: 'Medium', ecosystem: 'npm', package: 'other-fixture-lib', constraint: '<9.0.0' },
];

(ready ? describe : describe.skip)('the real grype', () => {
  let dir: string;
  let writer: string;
  let db: string;
  let registry: Registry | undefined;
  let image: string;
  const app = () => path.join(dir, 'context');

  /** grype's environment in these tests: no network is used, the database is ours. */
  const offline = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
    PATH: `${path.dirname(grype!)}${path.delimiter}${process.env.PATH}`, HOME: dir, GRYPE_DB_AUTO_UPDATE: 'false', ...extra,
  });

  function writeDb(name: string, built?: string): string {
    const out = path.join(dir, name);
    const spec = path.join(dir, 'vulns.json');
    fs.writeFileSync(spec, JSON.stringify(VULNS));
    execFileSync(writer, ['-spec', spec, '-out', out, ...(built ? ['-built', built] : [])], { stdio: 'pipe' });
    return out;
  }

  beforeAll(async () => {
    dir = tempDir('conveyor-real-grype-');
    if (dbWriter === 'build') {
      writer = path.join(dir, 'grype-db');
      execFileSync('go', ['build', '-buildvcs=false', '-o', writer, '.'], { cwd: path.join(repoRoot, 'test', 'scan', 'grype-db'), stdio: 'pipe', timeout: 900_000 });
    } else {
      writer = dbWriter!;
    }
    db = writeDb('db');
    fs.mkdirSync(path.join(app(), 'app', 'node_modules', 'conveyor-fixture-lib'), { recursive: true });
    fs.writeFileSync(path.join(app(), 'app', 'package.json'), JSON.stringify({ name: 'app', version: '0.1.0', dependencies: { 'conveyor-fixture-lib': '1.2.3' } }));
    fs.writeFileSync(path.join(app(), 'app', 'node_modules', 'conveyor-fixture-lib', 'package.json'), JSON.stringify({ name: 'conveyor-fixture-lib', version: '1.2.3', license: 'MIT' }));
    // a folder scan reads the lock file; the image holds the installed package's package.json only
    fs.writeFileSync(path.join(app(), 'app', 'package-lock.json'), JSON.stringify({
      name: 'app', version: '0.1.0', lockfileVersion: 3, requires: true,
      packages: { '': { name: 'app', version: '0.1.0', dependencies: { 'conveyor-fixture-lib': '1.2.3' } }, 'node_modules/conveyor-fixture-lib': { version: '1.2.3', license: 'MIT' } },
    }));
    fs.writeFileSync(path.join(app(), 'Containerfile'), 'FROM scratch\nCOPY app/package.json /app/package.json\nCOPY app/node_modules /app/node_modules\n');
    if (images) {
      registry = await startRegistry();
      const b = ['--storage-driver', 'vfs', '--root', path.join(dir, 'storage'), '--runroot', path.join(dir, 'run')];
      const ref = `${registry.host}/fixture/app:1.0.0`;
      execFileSync('buildah', [...b, 'build', '--format', 'oci', '-f', path.join(app(), 'Containerfile'), '-t', ref, app()], { stdio: 'pipe' });
      const digestFile = path.join(dir, 'digest');
      execFileSync('buildah', [...b, 'push', '--tls-verify=false', '--digestfile', digestFile, ref], { stdio: 'pipe' });
      image = `${registry.host}/fixture/app@${fs.readFileSync(digestFile, 'utf8').trim()}`;
    }
    await bundle({ name: 'scan-image', entry: 'packages/scan/src/actions/scan-image.ts', outfile: 'actions/scan-image/dist/index.js' });
  }, 900_000);
  afterAll(async () => {
    await registry?.stop();
    cleanupTempDirs();
  });

  function prepareStep(name: string, inputs: Record<string, string>, env: NodeJS.ProcessEnv, workspaceFiles: Record<string, string>) {
    const step = path.join(dir, name);
    const workspace = path.join(step, 'workspace');
    fs.mkdirSync(workspace, { recursive: true });
    for (const [file, content] of Object.entries(workspaceFiles)) fs.writeFileSync(path.join(workspace, file), content);
    const files = Object.fromEntries(['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'GITHUB_ENV', 'GITHUB_STATE'].map((k) => {
      const f = path.join(step, k.toLowerCase());
      fs.writeFileSync(f, '');
      return [k, f];
    }));
    const stepEnv = {
      ...env, ...files, GITHUB_WORKSPACE: workspace, RUNNER_TEMP: path.join(step, 'tmp'), RUNNER_TOOL_CACHE: path.join(step, 'tool-cache'),
      'INPUT_OUTPUT-DIR': path.join(step, 'out'),
      ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    };
    const finish = (status: number | null, stdout: string, stderr: string, started: number) => ({
      status, stdout, stderr, seconds: (Date.now() - started) / 1000,
      outputs: parseFileCommand(fs.readFileSync(files.GITHUB_OUTPUT!, 'utf8')), summary: fs.readFileSync(files.GITHUB_STEP_SUMMARY!, 'utf8'), out: path.join(step, 'out'),
    });
    return { workspace, stepEnv, finish };
  }

  function runAction(name: string, inputs: Record<string, string>, env: NodeJS.ProcessEnv, workspaceFiles: Record<string, string> = {}) {
    const { workspace, stepEnv, finish } = prepareStep(name, inputs, env, workspaceFiles);
    const started = Date.now();
    const result = spawnSync(process.execPath, [SCRIPT], { cwd: workspace, encoding: 'utf8', timeout: 120_000, env: stepEnv });
    return finish(result.status, result.stdout, result.stderr, started);
  }

  /** The same, without blocking this process (for steps that talk to a server running here). */
  async function runActionAsync(name: string, inputs: Record<string, string>, env: NodeJS.ProcessEnv) {
    const { workspace, stepEnv, finish } = prepareStep(name, inputs, env, {});
    const started = Date.now();
    const child = spawn(process.execPath, [SCRIPT], { cwd: workspace, env: stepEnv, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return finish(status, stdout, stderr, started);
  }

  (images ? it : it.skip)('scan-image scans an image built with buildah, by digest from a real registry, and finds the database\'s matches', () => {
    const run = runAction('image', { image, 'db-cache-dir': db, 'severity-cutoff': 'critical' }, offline({ GRYPE_REGISTRY_INSECURE_USE_HTTP: 'true', GRYPE_FAIL_ON_SEVERITY: 'low' }));
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('::error::The scan found 1 match at or above the severity cutoff (critical): CVE-2026-90002 (critical) in conveyor-fixture-lib');
    const report = JSON.parse(fs.readFileSync(run.outputs.json!, 'utf8')) as { matches: { vulnerability: { id: string; severity: string; fix: { state: string; versions: string[] } }; artifact: { name: string; version: string; type: string; locations: { path: string }[] } }[]; source: { target: { manifestDigest: string } } };
    // the real matches: the two ranges 1.2.3 falls in, not the one it does not, nor the other package's
    expect(report.matches.map((m) => [m.vulnerability.id, m.vulnerability.severity, m.vulnerability.fix.state, m.vulnerability.fix.versions, m.artifact.name, m.artifact.version, m.artifact.type, m.artifact.locations[0]!.path]).sort()).toEqual([
      ['CVE-2026-90001', 'High', 'fixed', ['1.2.4'], 'conveyor-fixture-lib', '1.2.3', 'npm', '/app/node_modules/conveyor-fixture-lib/package.json'],
      ['CVE-2026-90002', 'Critical', 'not-fixed', [], 'conveyor-fixture-lib', '1.2.3', 'npm', '/app/node_modules/conveyor-fixture-lib/package.json'],
    ]);
    expect(`${registry!.host}/fixture/app@${report.source.target.manifestDigest}`).toBe(image);
    expect(JSON.parse(run.outputs.counts!)).toMatchObject({ critical: 1, high: 1, medium: 0, low: 0 });
    expect(JSON.parse(run.outputs['counts-fixable']!)).toMatchObject({ critical: 0, high: 1 });
    const verdict = parseVerdict(fs.readFileSync(run.outputs['verdict-file']!, 'utf8'), run.outputs['verdict-file']);
    expect(verdict).toMatchObject({ decision: 'fail', image, digest: image.slice(image.indexOf('@') + 1), grype: { db: { schemaVersion: 'v6.1.10' } } });
    const sarif = JSON.parse(fs.readFileSync(run.outputs.sarif!, 'utf8')) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string }[] }[] };
    expect(sarif.runs[0]!.results.map((r) => [r.ruleId.split('-').slice(0, 3).join('-'), r.level]).sort()).toEqual([['CVE-2026-90001', 'error'], ['CVE-2026-90002', 'error']]);
    expect(run.summary).toContain('## Vulnerability scan: ❌ fail');
  });

  (images ? it : it.skip)('the policy, not grype, decides: a .grype.yaml in the workspace reaches conveyor, never grype', () => {
    const config = 'fail-on-severity: high\nignore:\n  - vulnerability: CVE-2026-90001\n    reason: the fixture lib is not loaded at run time\n';
    const run = runAction('config', { image, 'db-cache-dir': db }, offline({ GRYPE_REGISTRY_INSECURE_USE_HTTP: 'true' }), { '.grype.yaml': config });
    // grype itself would have dropped the ignored match and exited 2 on fail-on-severity; its report keeps all
    const report = JSON.parse(fs.readFileSync(run.outputs.json!, 'utf8')) as { matches: { vulnerability: { id: string } }[] };
    expect(report.matches.map((m) => m.vulnerability.id).sort()).toEqual(['CVE-2026-90001', 'CVE-2026-90002']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('severity cutoff (high): CVE-2026-90002 (critical) in conveyor-fixture-lib');
    expect(parseVerdict(fs.readFileSync(run.outputs['verdict-file']!, 'utf8')).ignored).toEqual([
      expect.objectContaining({ id: 'CVE-2026-90001', reason: 'the fixture lib is not loaded at run time' }),
    ]);
  });

  it('grype\'s own exit codes: 0 with matches, 2 only with a --fail-on conveyor never passes, 1 on an error', () => {
    const report = path.join(dir, 'exit.json');
    const config = path.join(dir, 'empty-grype.yaml');
    fs.writeFileSync(config, '{}\n');
    const scan = (args: string[]) => spawnSync(grype!, [`dir:${app()}`, '-o', 'json', '--file', report, '-c', config, ...args], { env: { ...offline(), GRYPE_DB_CACHE_DIR: db }, encoding: 'utf8', timeout: 120_000 });
    const plain = scan([]);
    expect(plain.status).toBe(0);
    expect((JSON.parse(fs.readFileSync(report, 'utf8')) as { matches: unknown[] }).matches).toHaveLength(2);
    const failOn = scan(['--fail-on', 'high']);
    expect({ status: failOn.status, wrote: fs.statSync(report).size > 0 }).toEqual({ status: 2, wrote: true });
    // a .grype.yaml in the working folder is read by grype unless -c names another config
    fs.writeFileSync(path.join(app(), '.grype.yaml'), 'fail-on-severity: low\n');
    try {
      expect(spawnSync(grype!, ['dir:.', '-o', 'json', '--file', report], { cwd: app(), env: { ...offline(), GRYPE_DB_CACHE_DIR: db }, timeout: 120_000 }).status).toBe(2);
      expect(spawnSync(grype!, ['dir:.', '-o', 'json', '--file', report, '-c', config], { cwd: app(), env: { ...offline(), GRYPE_DB_CACHE_DIR: db }, timeout: 120_000 }).status).toBe(0);
    } finally {
      fs.rmSync(path.join(app(), '.grype.yaml'));
    }
    const broken = spawnSync(grype!, ['dir:/nonexistent/folder', '-o', 'json', '--file', report, '-c', config], { env: { ...offline(), GRYPE_DB_CACHE_DIR: db }, encoding: 'utf8' });
    expect(broken.status).toBe(1);
    // an empty config path is not a config grype accepts: conveyor writes a real one
    const devNull = spawnSync(grype!, [`dir:${app()}`, '-c', '/dev/null'], { env: { ...offline(), GRYPE_DB_CACHE_DIR: db }, encoding: 'utf8' });
    expect(devNull.status).toBe(1);
    expect(devNull.stderr).toMatch(/Unsupported Config Type/);
  });

  it('offline with no database: one clear sentence at once, no verdict', async () => {
    const closed = await freePort();
    const empty = path.join(dir, 'no-db');
    const run = runAction('no-db', { path: app(), 'db-cache-dir': empty }, {
      ...offline(), GRYPE_DB_AUTO_UPDATE: 'true', GRYPE_DB_UPDATE_URL: `http://127.0.0.1:${closed}/databases`,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`::error::grype has no vulnerability database in ${empty} and could not download one from http://127.0.0.1:${closed}/databases`);
    expect(run.stdout).toMatch(/connection refused/);
    expect(run.stdout).toContain('GRYPE_DB_AUTO_UPDATE=false');
    expect(run.outputs.verdict).toBeUndefined();
    expect(run.seconds).toBeLessThan(60);
    // with updates off it does not try the network at all, and says so
    const off = runAction('no-db-off', { path: app(), 'db-cache-dir': empty }, offline());
    expect(off.status).toBe(1);
    expect(off.stdout).toContain(`::error::grype has no vulnerability database in ${empty}, and GRYPE_DB_AUTO_UPDATE=false keeps it from downloading one`);
  });

  it('an update server (grype\'s listing and archive, served here): conveyor checks, downloads, then scans without grype touching the network', async () => {
    const served = path.join(dir, 'served');
    execFileSync(writer, ['-spec', path.join(dir, 'vulns.json'), '-out', served, '-archive'], { stdio: 'pipe' });
    const requests: string[] = [];
    const server = http.createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      const file = path.join(served, '6', path.basename(req.url ?? ''));
      if (!req.url?.startsWith('/databases/v6/') || !fs.existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-length': fs.statSync(file).size });
      if (req.method === 'HEAD') res.end();
      else fs.createReadStream(file).pipe(res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      const cache = path.join(dir, 'downloaded-db');
      const run = await runActionAsync('update-server', { path: app(), 'db-cache-dir': cache, 'severity-cutoff': 'critical', 'fail-build': 'false' }, {
        ...offline(), GRYPE_DB_AUTO_UPDATE: 'true', GRYPE_DB_UPDATE_URL: `http://127.0.0.1:${port}/databases`,
      });
      expect({ status: run.status, warnings: run.stdout.split('\n').filter((l) => l.startsWith('::warning')) }).toEqual({ status: 0, warnings: [] });
      expect(run.stdout).toContain(' db check\n');
      expect(run.stdout).toContain(' db update');
      expect(fs.existsSync(path.join(cache, '6', 'vulnerability.db'))).toBe(true);
      expect(JSON.parse(run.outputs.counts!)).toMatchObject({ critical: 1, high: 1 });
      const archive = fs.readdirSync(path.join(served, '6')).find((f) => f.endsWith('.tar.gz'))!;
      // db check reads the listing, db update reads it again and downloads the archive; the scan itself asks nothing
      expect(requests.filter((r) => r.startsWith('GET '))).toEqual(['GET /databases/v6/latest.json', 'GET /databases/v6/latest.json', `GET /databases/v6/${archive}`]);
      // a second scan finds the database current: one listing request, no download
      requests.length = 0;
      const again = await runActionAsync('update-server-again', { path: app(), 'db-cache-dir': cache, 'severity-cutoff': 'critical', 'fail-build': 'false' }, {
        ...offline(), GRYPE_DB_AUTO_UPDATE: 'true', GRYPE_DB_UPDATE_URL: `http://127.0.0.1:${port}/databases`,
      });
      expect(again.status).toBe(0);
      expect(requests.filter((r) => r.startsWith('GET '))).toEqual(['GET /databases/v6/latest.json']);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('a network that never answers: conveyor stops the update check after grype\'s own timeout and scans with the database there', async () => {
    // a listener that accepts and never replies: the update check can only time out
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => { sockets.push(socket); });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const copy = path.join(dir, 'db-copy');
      fs.writeFileSync(path.join(dir, 'empty-grype.yaml'), '{}\n');
      fs.cpSync(db, copy, { recursive: true });
      const run = runAction('silent-network', { path: app(), 'db-cache-dir': copy, 'severity-cutoff': 'critical', 'fail-build': 'false' }, {
        ...offline(), GRYPE_DB_AUTO_UPDATE: 'true', GRYPE_DB_UPDATE_URL: `http://127.0.0.1:${port}/databases`, GRYPE_DB_UPDATE_AVAILABLE_TIMEOUT: '2s',
      });
      // grype's own update check, during a scan, is still waiting after 15 s despite its 2 s timeout
      const alone = spawn(grype!, [`dir:${app()}`, '-o', 'json', '--file', path.join(dir, 'alone.json'), '-c', path.join(dir, 'empty-grype.yaml')], {
        env: { ...offline(), GRYPE_DB_AUTO_UPDATE: 'true', GRYPE_DB_CACHE_DIR: copy, GRYPE_DB_UPDATE_URL: `http://127.0.0.1:${port}/databases`, GRYPE_DB_UPDATE_AVAILABLE_TIMEOUT: '2s' }, stdio: 'ignore',
      });
      const exited = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), 15_000);
        alone.once('exit', () => { clearTimeout(timer); resolve(true); });
      });
      alone.kill('SIGKILL');
      expect(exited).toBe(false);
      // conveyor stops its own db check after 2 s + 10 s
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(`::warning::The vulnerability database in ${copy} could not be updated from http://127.0.0.1:${port}/databases (no answer within 12 s); scanning with the database already there`);
      expect(JSON.parse(run.outputs.counts!)).toMatchObject({ critical: 1, high: 1 });
      expect(run.seconds).toBeLessThan(60);
      // and with no database there, the same silence is an error as soon as the check is stopped
      const none = runAction('silent-network-no-db', { path: app(), 'db-cache-dir': path.join(dir, 'still-no-db') }, {
        ...offline(), GRYPE_DB_AUTO_UPDATE: 'true', GRYPE_DB_UPDATE_URL: `http://127.0.0.1:${port}/databases`, GRYPE_DB_UPDATE_AVAILABLE_TIMEOUT: '2s',
      });
      expect(none.status).toBe(1);
      expect(none.stdout).toContain(`::error::grype has no vulnerability database in ${path.join(dir, 'still-no-db')} and could not download one from http://127.0.0.1:${port}/databases (no answer within 12 s).`);
      expect(none.seconds).toBeLessThan(60);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('a database older than grype accepts: a clear sentence; GRYPE_DB_VALIDATE_AGE=false lets it through', () => {
    const stale = writeDb('stale-db', '2020-01-02T03:04:05Z');
    const run = runAction('stale', { path: app(), 'db-cache-dir': stale }, offline());
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`::error::grype's vulnerability database in ${stale} is older than grype accepts: the vulnerability database was built`);
    expect(run.stdout).toMatch(/\(max allowed age is 5 days\), and GRYPE_DB_AUTO_UPDATE=false keeps grype from downloading a newer one\. .*GRYPE_DB_VALIDATE_AGE=false/);
    const allowed = runAction('stale-allowed', { path: app(), 'db-cache-dir': stale, 'severity-cutoff': 'critical', 'fail-build': 'false' }, offline({ GRYPE_DB_VALIDATE_AGE: 'false' }));
    expect(allowed.status).toBe(0);
    expect(JSON.parse(allowed.outputs.counts!)).toMatchObject({ critical: 1, high: 1 });
  });

  it('conveyor scan runs the real grype on a folder with the same policy', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: dir, env: offline({ GRYPE_DB_CACHE_DIR: db }) };
    const code = await scanCommand.run(['--path', app(), '--db-cache-dir', db, '--severity-cutoff', 'critical', '--fail-build=false', '--output-dir', path.join(dir, 'cli-out'), '--json'], io);
    expect(code).toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({ verdict: 'fail', counts: { critical: 1, high: 1 }, 'counts-fixable': { high: 1 } });
  });
});
