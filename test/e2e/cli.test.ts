/**
 * The bundled `conveyor` CLI, run as a user runs it: every subcommand registered, and `--json` printing one
 * JSON object on stdout that other tools can read, for several domains on real inputs.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
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
      expect(result.stdout).toMatch(new RegExp(`^  ${name}(, [a-z-]+)? +\\S`, 'm'));
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

describe('the CLI a newcomer meets', () => {
  const ACTIONS: Record<string, string> = { image: 'build-image', scan: 'scan-image', sops: 'sops-decrypt', release: 'release', promote: 'promote', terraform: 'terraform', tflint: 'tflint' };

  it('answers to the action names as well as the short names', () => {
    for (const [short, action] of Object.entries(ACTIONS)) {
      const a = conveyor([short, '--help']);
      const b = conveyor([action, '--help']);
      expect([a.status, b.status]).toEqual([0, 0]);
      expect(b.stdout).toBe(a.stdout);
    }
    expect(conveyor(['help', 'scan-image']).stdout).toBe(conveyor(['scan', '--help']).stdout);
  });

  it("--help of every subcommand shows each flag's description from its action.yml, booleans as true|false", () => {
    for (const [short, action] of Object.entries(ACTIONS)) {
      const help = conveyor([short, '--help']).stdout.replace(/\n {34}/g, ' ');
      const meta = parse(fs.readFileSync(path.join(repoRoot, 'actions', action, 'action.yml'), 'utf8')) as { inputs: Record<string, { description: string }> };
      let shown = 0;
      for (const [name, input] of Object.entries(meta.inputs)) {
        const row = new RegExp(`^  --${name}(\\[=true\\|false\\]| <value>) +(.*)$`, 'm').exec(help);
        if (!row) continue;
        shown += 1;
        expect(`${short} --${name}: ${row[2]}`).toContain(`${short} --${name}: ${input.description.trim().replace(/\s*\n\s*/g, ' ')} (`);
      }
      // Every flag row has a description, and the flags of the action are there.
      expect(shown).toBeGreaterThanOrEqual(short === 'sops' ? 3 : Object.keys(meta.inputs).length - 1);
      expect(help).not.toContain('True | TRUE');
      expect(help).toMatch(/^Usage:\n {2}conveyor /);
    }
    expect(conveyor(['release', '--help']).stdout).toMatch(/^ {2}--dry-run\[=true\|false\] +Compute the version/m);
    expect(conveyor(['scan', '--help']).stdout).toMatch(/^Arguments:\n {2}REPORT\.json +/m);
  });

  it('refuses an unexpected positional argument with exit 2, and every subcommand prefixes its errors the same way', () => {
    const cases: [string[], string][] = [
      [['release', 'extra'], 'release'],
      [['build-image', '--dry-run', 'extra'], 'image'],
      [['scan', 'report', 'a.json', 'b.json'], 'scan'],
      [['sops', 'decrypt', 'a.yaml', 'b.yaml'], 'sops'],
      [['terraform', 'summarize', 'a.json', 'b.json'], 'terraform'],
      [['tflint', 'extra'], 'tflint'],
      [['promote', '--environment', 'dev', '--image', 'ghcr.io/acme/web', 'extra'], 'promote'],
    ];
    for (const [args, name] of cases) {
      const result = conveyor(args);
      expect(`${args.join(' ')} → ${result.status}`).toBe(`${args.join(' ')} → 2`);
      expect(result.stderr).toMatch(new RegExp(`^conveyor ${name}: Unexpected argument "(extra|b\\.json|b\\.yaml)": this command takes`));
    }
    for (const [args, name] of [[['scan', '--nope'], 'scan'], [['sops', 'decrypt', '--nope'], 'sops'], [['terraform', 'plan', '--nope'], 'terraform'], [['image', '--nope'], 'image']] as const) {
      const result = conveyor([...args]);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`^conveyor ${name}: Unknown flag --nope; known flags: `));
    }
  });

  it("errors use the CLI's words: flags, not inputs", () => {
    const repo = tempDir('conveyor-cli-words-');
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo });
    const result = conveyor(['release'], { cwd: repo, env: { HOME: repo } });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('conveyor release: Flag --github-token is empty: give a token with contents: write (or the GITHUB_TOKEN variable) or a GitHub App's --app-id and --app-private-key, or pass --dry-run to only compute the version.\n');
    const notRepo = conveyor(['release', '--dry-run'], { cwd: tempDir('conveyor-cli-norepo-'), env: { HOME: repo } });
    expect(notRepo.status).toBe(1);
    expect(notRepo.stderr).toMatch(/^conveyor release: /);
    expect(notRepo.stderr).not.toContain('actions/checkout');
  });

  it('scan --image with no grype says in one sentence how to get it, at once, and leaves no folder behind', () => {
    const tmp = tempDir('conveyor-cli-nogrype-');
    // A port nothing listens on: the mirror refuses the connection.
    const port = Number(execFileSync(process.execPath, ['-e', "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"], { encoding: 'utf8' }).trim());
    const result = conveyor(['scan', '--image', 'alpine:3.20', '--download-base-url', `http://127.0.0.1:${port}`], {
      env: { PATH: path.dirname(process.execPath), HOME: tmp, TMPDIR: tmp, CONVEYOR_DEBUG: '1' },
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n').filter((l) => !l.startsWith('debug:') && !l.startsWith('▸'));
    expect(lines).toEqual([expect.stringMatching(/^conveyor scan: grype is not on PATH and the mirror http:\/\/127\.0\.0\.1:\d+ cannot be reached \(http:\/\/127\.0\.0\.1:\d+\/grype\/0\.96\.0\/grype_0\.96\.0_[a-z]+_[a-z0-9]+\.tar\.gz: connect ECONNREFUSED 127\.0\.0\.1:\d+\): put grype on PATH, give an exact version in --grype-version, or point --download-base-url at a mirror that holds/)]);
    expect(result.stderr).not.toMatch(/RUNNER_TOOL_CACHE|RUNNER_TEMP|mkdtemp|trying again/);
    expect(fs.readdirSync(tmp).filter((f) => f.startsWith('conveyor-scan-'))).toEqual([]);
  });

  const grype = corpusPath('grype', 'grype-golden');
  (grype ? it : it.skip)('writes each run into a fresh folder (never a fixed shared path) and says where', () => {
    const tmp = tempDir('conveyor-cli-runs-');
    const run = (env: NodeJS.ProcessEnv) => conveyor(['scan', 'report', path.join(grype!, 'image.grype.json'), '--no-fail-build'], { env });
    const first = run({ TMPDIR: tmp });
    const second = run({ TMPDIR: tmp });
    const folders = [first, second].map((r) => /SARIF `([^`]+)results\.sarif`/.exec(r.stdout)?.[1]);
    expect(folders[0]).toMatch(new RegExp(`^${tmp}/conveyor-scan-[^/]+/$`));
    expect(folders[1]).toMatch(new RegExp(`^${tmp}/conveyor-scan-[^/]+/$`));
    expect(folders[0]).not.toBe(folders[1]);
    for (const folder of folders) expect(fs.existsSync(path.join(folder!, 'verdict.json'))).toBe(true);
    const runnerTemp = tempDir('conveyor-cli-runner-temp-');
    expect(run({ RUNNER_TEMP: runnerTemp }).stdout).toMatch(new RegExp(`verdict \`${runnerTemp}/conveyor-scan-[^/]+/verdict\\.json\``));
  });

  it('release --dry-run links to the repository of the origin remote when --repository is not given', () => {
    for (const [url, repository] of [['git@github.com:acme/widget.git', 'acme/widget'], ['https://github.com/acme/gadget', 'acme/gadget'], ['ssh://git@github.com/acme/gizmo.git', 'acme/gizmo']]) {
      const repo = tempDir('conveyor-cli-origin-');
      const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', ...args], { cwd: repo, env: { PATH: process.env.PATH, HOME: repo, GIT_CONFIG_NOSYSTEM: '1' } });
      git('init', '-q', '-b', 'main');
      git('remote', 'add', 'origin', url!);
      git('commit', '-q', '--allow-empty', '-m', 'feat: first');
      git('tag', 'v1.0.0');
      git('commit', '-q', '--allow-empty', '-m', 'fix: the `--force` flag is *honoured*');
      const result = conveyor(['release', '--dry-run'], { cwd: repo, env: { HOME: repo } });
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`## [1.0.1](https://github.com/${repository}/compare/v1.0.0...v1.0.1)`);
      expect(result.stdout).toMatch(new RegExp(`^\\* the \`--force\` flag is \\*honoured\\* \\(\\[[0-9a-f]{7}\\]\\(https://github\\.com/${repository}/commit/[0-9a-f]{40}\\)\\)$`, 'm'));
    }
  });
});

describe('the next branch, as actions/release/README.md documents it', () => {
  it('releases v1.5.0-next.1 from next after v1.4.0, v1.5.0 once merged into main, and nothing when next is not listed', () => {
    const repo = tempDir('conveyor-cli-next-');
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', ...args], { cwd: repo, env: { PATH: process.env.PATH, HOME: repo, GIT_CONFIG_NOSYSTEM: '1' } });
    git('init', '-q', '-b', 'main');
    git('commit', '-q', '--allow-empty', '-m', 'feat: a');
    git('tag', 'v1.4.0');
    git('checkout', '-q', '-b', 'next');
    git('commit', '-q', '--allow-empty', '-m', 'feat: b');
    const onNext = JSON.parse(conveyor(['release', '--dry-run', '--json'], { cwd: repo, env: { HOME: repo } }).stdout) as Record<string, string>;
    expect(onNext).toMatchObject({ version: '1.5.0-next.1', prerelease: 'next.1', channel: 'next' });
    const unlisted = conveyor(['release', '--dry-run', '--json', '--prerelease-branches', 'beta,alpha'], { cwd: repo, env: { HOME: repo } });
    expect(JSON.parse(unlisted.stdout)).toMatchObject({ version: '', released: 'false' });
    git('checkout', '-q', 'main');
    git('merge', '-q', '--no-ff', 'next', '-m', 'Merge next');
    const onMain = JSON.parse(conveyor(['release', '--dry-run', '--json'], { cwd: repo, env: { HOME: repo } }).stdout) as Record<string, string>;
    expect(onMain).toMatchObject({ version: '1.5.0', prerelease: '', channel: 'latest' });
  });
});
