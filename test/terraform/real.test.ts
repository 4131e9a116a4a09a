/**
 * The gate against a real terraform (or tofu) where one is on PATH or in the tools folder: built-in
 * `terraform_data` resources need no provider download. Plan, apply of the reviewed plan, a change after review
 * refused with the state untouched, a broken configuration failing, and (through the action's bundle and the
 * GitHub API stand-in) a sensitive value that terraform itself prints masked before it is shown and absent from
 * the comment and the summary. Neither terraform nor tofu is a Debian package or can be built by the project, so
 * where the machine has none these tests skip with one line, CI_REQUIRE_TOOLS or not.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { startGitHubApi } from '@conveyor/github-api';
import { bundle, listBundles } from '../../scripts/build.ts';
import { repoRoot } from '../support/corpus.ts';
import { readInputs, type GitHubContext } from '@conveyor/kit';
import { runGate, terraformInputs } from '@conveyor/terraform';
import { cleanupTempDirs, tempDir } from '../support/tmp.ts';
import { findTool } from '../support/tools.ts';

const binary = findTool('terraform') ?? findTool('tofu');
if (!binary) console.log('no terraform or tofu found: skipping the gate\'s tests against a real one (the stand-in tests still run)');

afterAll(cleanupTempDirs);

function context(workspace: string): GitHubContext {
  return { eventName: 'push', ref: '', refName: '', refType: '', sha: '', baseRef: '', headRef: '', owner: 'acme', repo: 'infra', serverUrl: 'https://github.com', apiUrl: 'http://127.0.0.1:1', runId: '', runAttempt: '', actor: '', workspace, payload: {} };
}

const config = (input: string) => `terraform {\n  required_version = ">= 1.4"\n}\n\nresource "terraform_data" "service" {\n  input = "${input}"\n}\n`;

(binary ? describe : describe.skip)(`the gate against a real ${binary ? path.basename(binary) : 'terraform'}`, () => {
  const name = path.basename(binary ?? 'terraform') as 'terraform' | 'tofu';
  const env = { PATH: `${path.dirname(binary ?? '/')}${path.delimiter}${process.env.PATH}`, HOME: process.env.HOME };

  async function gate(repo: string, values: Record<string, string>) {
    const inputs = readInputs(terraformInputs, (key) => ({ 'working-directory': 'stack', binary: name, comment: 'false', 'plan-dir': path.join(repo, '.plans'), ...values } as Record<string, string>)[key], { baseDir: repo });
    return runGate(inputs, { context: context(repo), env });
  }

  function repoWith(text: string): string {
    const repo = tempDir('conveyor-tf-real-');
    fs.mkdirSync(path.join(repo, 'stack'));
    fs.writeFileSync(path.join(repo, 'stack', 'main.tf'), text);
    return repo;
  }

  it('plans, then applies exactly the reviewed plan file', async () => {
    const repo = repoWith(config('one'));
    const planned = await gate(repo, { command: 'plan' });
    expect(planned.failures).toEqual([]);
    expect(planned.outputs['to-add']).toBe(1);
    const applied = await gate(repo, { command: 'apply', 'plan-path': String(planned.outputs['plan-path']), 'expected-fingerprint': String(planned.outputs.fingerprint) });
    expect(applied.failures).toEqual([]);
    const state = JSON.parse(fs.readFileSync(path.join(repo, 'stack', 'terraform.tfstate'), 'utf8'));
    expect(state.resources.map((r: { type: string; name: string }) => `${r.type}.${r.name}`)).toEqual(['terraform_data.service']);
  });

  it('refuses a plan that changed after review and leaves the state untouched', async () => {
    const repo = repoWith(config('one'));
    const first = await gate(repo, { command: 'plan' });
    await gate(repo, { command: 'apply', 'plan-path': String(first.outputs['plan-path']), 'expected-fingerprint': String(first.outputs.fingerprint) });
    fs.writeFileSync(path.join(repo, 'stack', 'main.tf'), config('two'));
    const reviewed = await gate(repo, { command: 'plan' });
    const stateBefore = fs.readFileSync(path.join(repo, 'stack', 'terraform.tfstate'));
    fs.writeFileSync(path.join(repo, 'stack', 'main.tf'), config('three'));
    const refused = await gate(repo, { command: 'apply', 'expected-fingerprint': String(reviewed.outputs.fingerprint) });
    expect(refused.failures.join('\n')).toMatch(/The plan for stack is not the reviewed one/);
    expect(fs.readFileSync(path.join(repo, 'stack', 'terraform.tfstate'))).toEqual(stateBefore);
  });

  it('masks a sensitive value terraform prints itself before showing its output; comment and summary never hold it', async () => {
    for (const b of listBundles().filter((x) => x.name === 'terraform')) await bundle(b);
    const api = await startGitHubApi({ lifetimeMs: 120_000 });
    try {
      api.state.addRepository({ owner: 'acme', repo: 'infra' });
      const secret = 'hunter2-real-terraform-secret';
      // nonsensitive() hands the value to an attribute the plan does not mark: terraform's own text shows it.
      const repo = repoWith(`variable "db_password" {\n  type      = string\n  sensitive = true\n  default   = "${secret}"\n}\n\nresource "terraform_data" "db" {\n  input = var.db_password\n}\n\nresource "terraform_data" "leak" {\n  input = nonsensitive(var.db_password)\n}\n`);
      const work = tempDir('conveyor-tf-real-run-');
      const files = { out: path.join(work, 'output'), summary: path.join(work, 'summary'), event: path.join(work, 'event.json') };
      fs.writeFileSync(files.out, '');
      fs.writeFileSync(files.summary, '');
      fs.writeFileSync(files.event, JSON.stringify({ pull_request: { number: 41 } }));
      const child = spawn(process.execPath, [path.join(repoRoot, 'actions', 'terraform', 'dist', 'index.js')], {
        cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000,
        env: {
          ...env, GITHUB_OUTPUT: files.out, GITHUB_STEP_SUMMARY: files.summary, GITHUB_WORKSPACE: repo, GITHUB_REPOSITORY: 'acme/infra',
          GITHUB_API_URL: api.url, GITHUB_EVENT_PATH: files.event, GITHUB_EVENT_NAME: 'pull_request', RUNNER_TEMP: work,
          'INPUT_GITHUB-TOKEN': 'ghs_real_tf_token', INPUT_COMMAND: 'plan', 'INPUT_WORKING-DIRECTORY': 'stack', INPUT_BINARY: name,
        },
      });
      let log = '';
      child.stdout.on('data', (d: Buffer) => { log += d.toString(); });
      child.stderr.on('data', (d: Buffer) => { log += d.toString(); });
      const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
      expect([code, code === 0 ? '' : log.slice(-2000)]).toEqual([0, '']);
      const lines = log.split('\n');
      const shown = lines.findIndex((l) => l.includes(`input  = "${secret}"`));
      const masked = lines.indexOf(`::add-mask::${secret}`);
      expect(shown).toBeGreaterThan(0);
      expect([masked >= 0, masked < shown]).toEqual([true, true]);
      const comment = api.state.comments.find((c) => c.issueNumber === 41)!.body;
      expect(comment).toContain('# terraform_data.leak will be created');
      expect(comment).not.toContain(secret);
      expect(fs.readFileSync(files.summary, 'utf8')).not.toContain(secret);
      expect(api.violations).toEqual([]);
    } finally {
      await api.close();
    }
  }, 180_000);

  it('fails a configuration terraform cannot plan, naming the error', async () => {
    const repo = repoWith('resource "terraform_data" "broken" {\n  input = var.undeclared\n}\n');
    const result = await gate(repo, { command: 'plan' });
    expect(result.failures.join('\n')).toMatch(/terraform plan failed for stack \(workspace default, exit code 1\): Error: Reference to undeclared input variable/);
  });
});
