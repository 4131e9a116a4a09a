/**
 * The tflint action and `conveyor tflint` run the real tflint (built by `npm run tools`; its terraform
 * ruleset is bundled, so no plugin is downloaded) on .tf fixtures with findings: annotations, outputs and
 * the SARIF file come from its real JSON output, checked against the fixtures' lines.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { tflintCommand } from '@conveyor/terraform/cli';
import { bundle } from '../../scripts/build.ts';
import { freePort } from '../support/registry.ts';
import { parseFileCommand } from '../support/runner.ts';
import { cleanupTempDirs, tempDir } from '../support/tmp.ts';
import { repoRoot, toolOrSkip, toolVersion } from '../support/tools.ts';

const tflint = toolOrSkip('tflint', 'the real-tflint tests');
const SCRIPT = path.join(repoRoot, 'actions', 'tflint', 'dist', 'index.js');

const FILES: Record<string, string> = {
  'stacks/app/main.tf': [
    'terraform {', '  required_version = ">= 1.5"', '}', '',
    'variable "unused" {', '  type        = string', '  description = "not used"', '  default     = "x"', '}', '',
    'variable "name" {', '  type        = string', '  description = "who to greet"', '}', '',
    'locals {', '  greeting = "${var.name}"', '}', '',
    'output "greeting" {', '  value       = local.greeting', '  description = "the greeting"', '}', '',
  ].join('\n'),
  'stacks/net/main.tf': [
    'terraform {', '  required_version = ">= 1.5"', '}', '',
    'module "sub" {', '  source = "./modules/sub"', '}', '',
  ].join('\n'),
  'stacks/net/modules/sub/main.tf': 'variable "y" {}\n',
  'stacks/bad/main.tf': 'resource "x" "y" {\n  a =\n}\n',
  // the whole-repository settings: every rule of the bundled ruleset, offline (no source, no version)
  'lint/all.hcl': 'plugin "terraform" {\n  enabled = true\n  preset  = "all"\n}\n',
  'lint/broken.hcl': 'plugin "terraform" {\n  enabled = true\n',
  'lint/download.hcl': 'plugin "aws" {\n  enabled = true\n  version = "0.30.0"\n  source  = "github.com/terraform-linters/tflint-ruleset-aws"\n}\n',
};

interface Annotation { level: string; file?: string; line?: number; col?: number; title?: string; message: string }

/** The workflow-command annotations a step printed. */
function annotations(stdout: string): Annotation[] {
  const out: Annotation[] = [];
  for (const m of stdout.matchAll(/^::(error|warning|notice)( [^:]*)?::(.*)$/gm)) {
    const decode = (v: string) => v.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
    const props = Object.fromEntries((m[2] ?? '').trim().split(',').filter(Boolean).map((p) => [p.slice(0, p.indexOf('=')), decode(p.slice(p.indexOf('=') + 1))]));
    out.push({ level: m[1]!, file: props.file, line: props.line ? Number(props.line) : undefined, col: props.col ? Number(props.col) : undefined, title: props.title, message: m[3]!.replace(/%0A/g, '\n').replace(/%25/g, '%') });
  }
  return out;
}

(tflint ? describe : describe.skip)(`the real ${tflint ? toolVersion(tflint) : 'tflint'}`, () => {
  let repo: string;
  let home: string;

  beforeAll(async () => {
    await bundle({ name: 'tflint', entry: 'packages/terraform/src/actions/tflint.ts', outfile: 'actions/tflint/dist/index.js' });
    repo = tempDir('conveyor-real-tflint-');
    home = tempDir('conveyor-real-tflint-home-');
    for (const [file, text] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
      fs.writeFileSync(path.join(repo, file), text);
    }
  });
  afterAll(cleanupTempDirs);

  function runAction(name: string, inputs: Record<string, string>, extraEnv: NodeJS.ProcessEnv = {}) {
    const work = path.join(home, name);
    fs.mkdirSync(work, { recursive: true });
    const files = Object.fromEntries(['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'GITHUB_ENV', 'GITHUB_STATE'].map((k) => {
      const f = path.join(work, k.toLowerCase());
      fs.writeFileSync(f, '');
      return [k, f];
    }));
    const result = spawnSync(process.execPath, [SCRIPT], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 120_000,
      env: {
        PATH: `${path.dirname(tflint!)}${path.delimiter}${process.env.PATH}`, HOME: home, ...files, GITHUB_WORKSPACE: repo, RUNNER_TEMP: work,
        ...extraEnv, ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
      },
    });
    const outputs = parseFileCommand(fs.readFileSync(files.GITHUB_OUTPUT!, 'utf8'));
    const sarif = outputs['sarif-path'] && fs.existsSync(outputs['sarif-path']) ? JSON.parse(fs.readFileSync(outputs['sarif-path'], 'utf8')) as Sarif : undefined;
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, outputs, summary: fs.readFileSync(files.GITHUB_STEP_SUMMARY!, 'utf8'), annotations: annotations(result.stdout), sarif };
  }

  interface Sarif { runs: { tool: { driver: { name: string; rules: { id: string; helpUri?: string }[] } }; results: { ruleId: string; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn: number } } }[] }[] }[] }

  it('one stack with the whole ruleset: findings on the fixture\'s lines, notices for info, one SARIF run', () => {
    const run = runAction('app', { 'working-directory': 'stacks/app', config: 'lint/all.hcl', 'minimum-failure-severity': 'error' });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    const found = run.annotations.map((a) => [a.level, a.file, a.line, a.title]);
    expect(found).toEqual(expect.arrayContaining([
      ['warning', 'stacks/app/main.tf', 5, 'tflint: terraform_unused_declarations'],
      ['warning', 'stacks/app/main.tf', 17, 'tflint: terraform_deprecated_interpolation'],
      ['warning', 'stacks/app/main.tf', 5, 'tflint: terraform_standard_module_structure'],
    ]));
    // every annotation is a real file of the repository, at a line inside it
    for (const a of run.annotations) {
      const lines = fs.readFileSync(path.join(repo, a.file!), 'utf8').split('\n').length;
      expect(a.line!).toBeGreaterThanOrEqual(1);
      expect(a.line!).toBeLessThanOrEqual(lines);
    }
    expect(run.outputs).toMatchObject({ issues: String(run.annotations.length), errors: '0', 'failing-issues': '0' });
    const sarif = run.sarif!;
    expect(sarif.runs).toHaveLength(1);
    expect(sarif.runs[0]!.results.map((r) => [r.ruleId, r.locations[0]!.physicalLocation.artifactLocation.uri, r.locations[0]!.physicalLocation.region!.startLine]))
      .toEqual(run.annotations.map((a) => [a.title!.slice('tflint: '.length), a.file, a.line]));
    expect(sarif.runs[0]!.tool.driver.rules.find((r) => r.id === 'terraform_deprecated_interpolation')!.helpUri).toMatch(/^https:\/\/github\.com\/terraform-linters\/tflint-ruleset-terraform\/blob\/v[\d.]+\/docs\/rules\/terraform_deprecated_interpolation\.md$/);
    // tflint's "info" severity is a notice, and a SARIF note
    expect(sarif.runs[0]!.results.some((r) => r.level === 'note') || !run.annotations.some((a) => a.level === 'notice')).toBe(true);
    const failing = runAction('app-warning', { 'working-directory': 'stacks/app', config: 'lint/all.hcl', 'minimum-failure-severity': 'warning' });
    expect(failing.status).toBe(1);
    expect(failing.stdout).toMatch(/::error::tflint found \d+ issue\(s\) at warning or above and 0 error\(s\) in stacks\/app/);
  });

  it('recursive: every folder under the stacks, module folders included, with repository paths', () => {
    const run = runAction('recursive', { 'working-directory': 'stacks/net', recursive: 'true', 'minimum-failure-severity': 'warning' });
    expect(run.status).toBe(1);
    const found = run.annotations.filter((a) => a.title?.startsWith('tflint: ')).map((a) => [a.file, a.line, a.title]);
    expect(found).toEqual(expect.arrayContaining([
      ['stacks/net/modules/sub/main.tf', 1, 'tflint: terraform_typed_variables'],
      ['stacks/net/modules/sub/main.tf', 1, 'tflint: terraform_unused_declarations'],
      ['stacks/net/modules/sub/main.tf', 1, 'tflint: terraform_required_version'],
    ]));
    expect(found.every(([file]) => fs.existsSync(path.join(repo, file as string)))).toBe(true);
  });

  it('a configuration tflint cannot read is an error on its file and line', () => {
    const run = runAction('bad', { 'working-directory': 'stacks/bad' });
    expect(run.status).toBe(1);
    expect(run.annotations).toEqual(expect.arrayContaining([
      expect.objectContaining({ level: 'error', file: 'stacks/bad/main.tf', line: 2, title: 'tflint: Invalid expression' }),
    ]));
    expect(run.outputs).toMatchObject({ errors: '1' });
    expect(run.sarif!.runs[0]!.results[0]).toMatchObject({ ruleId: 'tflint-error', level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'stacks/bad/main.tf' } } }] });
  });

  it('a broken config file: --init says the config cannot be read; the lint itself names it by its repository path', () => {
    const init = runAction('broken-init', { 'working-directory': 'stacks/app', config: 'lint/broken.hcl' });
    expect(init.status).toBe(1);
    expect(init.stdout).toMatch(/::error::tflint could not read its config lint\/broken\.hcl \(in stacks\/app\): .*Unclosed configuration block/);
    expect(init.stdout).not.toContain('\u001b[');
    const lint = runAction('broken', { 'working-directory': 'stacks/app', config: 'lint/broken.hcl', init: 'false' });
    expect(lint.status).toBe(1);
    expect(lint.annotations.find((a) => a.title === 'tflint: Unclosed configuration block')).toMatchObject({ level: 'error', file: 'lint/broken.hcl', line: 1 });
    expect(lint.sarif!.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('lint/broken.hcl');
  });

  it('a plugin that must be downloaded fails --init offline with tflint\'s reason, before linting', async () => {
    // every download goes to a closed local port: refused at once, never the internet
    const closed = await freePort();
    const proxy = `http://127.0.0.1:${closed}`;
    const run = runAction('download', { 'working-directory': 'stacks/app', config: 'lint/download.hcl' }, { HTTPS_PROXY: proxy, HTTP_PROXY: proxy, NO_PROXY: '' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/::error::tflint --init could not install a plugin named in lint\/download\.hcl \(in stacks\/app\): .*tflint --init downloads the plugins named in \.tflint\.hcl/);
    expect(run.stdout).not.toContain('[command]tflint --format=json');
    expect(run.sarif).toBeUndefined();
  });

  it('conveyor tflint gives the same findings, outputs and SARIF', async () => {
    const action = runAction('cli-reference', { 'working-directory': 'stacks/app', config: 'lint/all.hcl', 'minimum-failure-severity': 'error' });
    let stdout = '';
    let stderr = '';
    const sarifPath = path.join(home, 'cli.sarif');
    const code = await tflintCommand.run(['--working-directory', 'stacks/app', '--config', 'lint/all.hcl', '--minimum-failure-severity', 'error', '--sarif-path', sarifPath, '--json'], {
      stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, cwd: repo,
      env: { PATH: `${path.dirname(tflint!)}${path.delimiter}${process.env.PATH}`, HOME: home },
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ issues: action.outputs.issues, errors: '0', 'failing-issues': '0' });
    expect((JSON.parse(fs.readFileSync(sarifPath, 'utf8')) as Sarif).runs[0]!.results).toEqual(action.sarif!.runs[0]!.results);
    expect(stderr.split('\n').filter((l) => /^(error|warning|notice): /.test(l))).toHaveLength(action.annotations.length);
  });
});
