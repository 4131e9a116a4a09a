/**
 * The npm package of the CLI (npm/): packed as `npm publish` would pack it, installed from the tarball in a
 * folder outside the repository, and run there, as `npx conveyor-cli` runs it. The README's `npx` line names
 * the package's name. Packing happens in a copy (npm/, the root package.json and dist/), so the checkout is
 * not written to.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../support/corpus.ts';
import { cleanupTempDirs, tempDir } from '../support/tmp.ts';

const npm = spawnSync('npm', ['--version'], { encoding: 'utf8' }).status === 0;
if (!npm) console.log('npm is not on PATH; skipping the CLI package test');
afterAll(cleanupTempDirs);

const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'npm', 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string> };

(npm ? describe : describe.skip)('the conveyor-cli package', () => {
  it('packs the bin and the bundle it needs, and the installed `conveyor` runs outside the repository', () => {
    const copy = tempDir('conveyor-pack-');
    fs.cpSync(path.join(repoRoot, 'npm'), path.join(copy, 'npm'), { recursive: true, filter: (src) => !/[\\/](dist|node_modules)$|\.tgz$/.test(src) });
    fs.copyFileSync(path.join(repoRoot, 'package.json'), path.join(copy, 'package.json'));
    fs.cpSync(path.join(repoRoot, 'dist'), path.join(copy, 'dist'), { recursive: true });
    const out = tempDir('conveyor-pack-out-');
    const env = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: path.join(copy, 'npm'), env, encoding: 'utf8' })) as { filename: string; files: { path: string }[] }[];
    const files = packed[0]!.files.map((f) => f.path).sort();
    expect(files).toEqual(expect.arrayContaining(['bin/conveyor.js', 'dist/cli.js', 'package.json']));
    expect(files.every((f) => /^(bin\/|dist\/|package\.json$|README\.md$)/.test(f))).toBe(true);

    // Installed from the tarball alone (no registry), in a folder that knows nothing of the repository.
    const project = tempDir('conveyor-pack-install-');
    execFileSync('npm', ['install', '--offline', '--prefix', project, path.join(out, packed[0]!.filename)], { cwd: project, env, stdio: 'pipe' });
    const bin = path.join(project, 'node_modules', '.bin', Object.keys(pkg.bin)[0]!);
    const version = spawnSync(bin, ['--version'], { cwd: project, encoding: 'utf8', env: { PATH: `${path.dirname(process.execPath)}:${process.env.PATH}`, HOME: project } });
    expect(version.stderr).toBe('');
    expect(version.stdout).toBe(`${pkg.version}\n`);

    const repo = tempDir('conveyor-pack-repo-');
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', ...args], { cwd: repo, env: { PATH: process.env.PATH, HOME: repo, GIT_CONFIG_NOSYSTEM: '1' } });
    git('init', '-q', '-b', 'main');
    git('commit', '-q', '--allow-empty', '-m', 'feat: first');
    const release = spawnSync(bin, ['release', '--dry-run', '--json'], { cwd: repo, encoding: 'utf8', env: { PATH: `${path.dirname(process.execPath)}:${process.env.PATH}`, HOME: repo } });
    expect(release.status).toBe(0);
    expect(JSON.parse(release.stdout)).toMatchObject({ version: '1.0.0', tag: 'v1.0.0' });

    // The npx form: npm exec of the tarball.
    const npx = spawnSync('npm', ['exec', '--offline', '--yes', '--package', path.join(out, packed[0]!.filename), '--', 'conveyor', '--help'], { cwd: project, env, encoding: 'utf8' });
    expect(npx.status).toBe(0);
    expect(npx.stdout).toContain('Usage: conveyor <command> [flags]');
  }, 120_000);

  // A Node older than 24 on PATH (a system node), if there is one: the bin says what it needs instead of failing inside the bundle.
  const old = ['/usr/bin/node', '/usr/local/bin/node'].find((n) => fs.existsSync(n) && Number(spawnSync(n, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).stdout.trim()) < 24);
  (old ? it : it.skip)('the bin refuses a Node older than 24 with a sentence, exit 2', () => {
    const result = spawnSync(old!, [path.join(repoRoot, 'npm', 'bin', 'conveyor.js'), '--version'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^conveyor: Node \d+\.\d+\.\d+ is too old; conveyor needs Node 24 or later/);
  });

  it('has the version the CLI reports, and the README runs it by its name', () => {
    expect(pkg.version).toBe((JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version);
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const npxLines = [...readme.matchAll(/\bnpx (?:--yes )?([a-z@][\w@/.-]*)/g)].map((m) => m[1]);
    expect(npxLines.length).toBeGreaterThan(0);
    expect(new Set(npxLines)).toEqual(new Set([pkg.name]));
    expect(readme).not.toMatch(/^npm run build\n(?:.*\n)*?node dist\/cli\.js/m);
  });
});
