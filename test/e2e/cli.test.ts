/**
 * The bundled `conveyor` CLI, run as a user runs it: every subcommand registered, and `--json` printing one
 * JSON object on stdout that other tools can read, for several domains on real inputs.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundle } from '../../scripts/build.ts';
import { corpusPath, repoRoot } from '../support/corpus.ts';
import { cleanupTempDirs, tempDir } from '../support/tmp.ts';

let cli: string;
beforeAll(async () => {
  const dir = tempDir('conveyor-cli-');
  cli = path.join(dir, 'cli.js');
  await bundle({ name: 'cli', entry: 'packages/cli/src/main.ts', outfile: path.relative(repoRoot, cli) });
});
afterAll(cleanupTempDirs);

function conveyor(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env };
  return spawnSync(process.execPath, [cli, ...args], { cwd: options.cwd ?? repoRoot, env, encoding: 'utf8' });
}

describe('the conveyor CLI bundle', () => {
  it('--help lists every subcommand', () => {
    const result = conveyor(['--help']);
    expect(result.status).toBe(0);
    for (const name of ['release', 'image', 'scan', 'terraform', 'tflint', 'sops', 'promote']) {
      expect(result.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    }
  });

  it('release --dry-run --json computes the next version of a local repository with no token', () => {
    const repo = tempDir('conveyor-cli-repo-');
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', ...args], { cwd: repo, env: { PATH: process.env.PATH, HOME: repo, GIT_CONFIG_NOSYSTEM: '1' } });
    git('init', '-q', '-b', 'main');
    git('commit', '-q', '--allow-empty', '-m', 'feat: first');
    git('tag', 'v1.0.0');
    git('commit', '-q', '--allow-empty', '-m', 'fix(api): handle empty body');
    git('commit', '-q', '--allow-empty', '-m', 'feat(ui): dark mode');
    const result = conveyor(['release', '--dry-run', '--json'], { cwd: repo, env: { HOME: repo } });
    expect(result.stderr).not.toContain('::error');
    expect(result.status).toBe(0);
    const outputs = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(outputs).toMatchObject({ version: '1.1.0', 'previous-version': '1.0.0', tag: 'v1.1.0', bump: 'minor' });
  });

  it('an unknown flag exits 2 and names it', () => {
    const result = conveyor(['release', '--dryrun']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unknown flag --dryrun');
  });

  const grype = corpusPath('grype', 'grype-golden');
  (grype ? it : it.skip)('scan report --json prints only JSON on stdout, with the verdict and the counts', () => {
    const out = tempDir('conveyor-cli-scan-');
    const result = conveyor(['scan', 'report', path.join(grype!, 'image.grype.json'), '--output-dir', out, '--json']);
    const outputs = JSON.parse(result.stdout) as { verdict: string; counts: Record<string, number>; 'verdict-file': string };
    expect(outputs.verdict).toBe('fail');
    expect(outputs.counts).toEqual({ critical: 1, high: 0, medium: 0, low: 1, negligible: 0, unknown: 0 });
    expect(JSON.parse(fs.readFileSync(outputs['verdict-file'], 'utf8'))).toMatchObject({ schema: 'conveyor.scan-verdict/v1', decision: 'fail' });
    expect(result.status).toBe(1);
  });

  const plans = corpusPath('terraform', 'terraform-json');
  (plans ? it : it.skip)('terraform summarize --json prints the plan counts', () => {
    const result = conveyor(['terraform', 'summarize', path.join(plans!, '110_basic.plan.json'), '--json']);
    expect(result.status).toBe(0);
    const outputs = JSON.parse(result.stdout) as Record<string, string>;
    expect(outputs).toMatchObject({ changes: 'true', 'to-destroy': '0' });
    expect(outputs.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  const sops = corpusPath('sops', 'flux');
  (sops ? it : it.skip)('sops decrypt prints the plaintext document, with the MAC verified, and prints no mask commands', () => {
    const result = conveyor(['sops', 'decrypt', path.join(sops!, 'algorithms', 'age.yaml'), '--output-type', 'json', '--age-key-file', path.join(sops!, 'keys', 'age.txt')]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ stringData: { key: 'value' } });
    expect(result.stdout).not.toContain('::add-mask::');
  });
});

describe('the CLI outside GitHub Actions', () => {
  it('prints workflow commands as plain lines and no debug noise', () => {
    const repo = tempDir('conveyor-cli-plain-');
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo });
    execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', 'commit', '-q', '--allow-empty', '-m', 'feat: first'], { cwd: repo });
    const result = conveyor(['release', '--dry-run'], { cwd: repo, env: { HOME: repo } });
    expect(result.status).toBe(0);
    expect(result.stdout + result.stderr).not.toMatch(/^::/m);
    expect(result.stdout).toContain('1.0.0');
  });
});
