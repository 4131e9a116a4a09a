/**
 * The built terraform and tflint bundles, run through the runner contract with stand-in terraform/tflint
 * executables replaying corpus outputs, against the GitHub API stand-in.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startGitHubApi, type GitHubApi } from '@conveyor/github-api';
import { bundle, listBundles } from '../../scripts/build.ts';
import { corpusPath, repoRoot } from '../support/corpus.ts';
import { cleanupTempDirs, tempDir } from '../support/tmp.ts';
import { installStandIns, readCalls, writeScenario, type Scenario } from './standin.ts';

const plans = corpusPath('terraform', 'terraform-json');
const lints = corpusPath('terraform', 'tflint');

function readOutputs(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  const text = fs.readFileSync(file, 'utf8');
  const re = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]!] = m[3]!;
  return out;
}

const withoutMasks = (log: string) => log.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');

interface Run { code: number; stdout: string; outputs: Record<string, string>; summary: string }

(plans && lints ? describe : describe.skip)('terraform and tflint actions through the runner contract', () => {
  let api: GitHubApi;
  let repo: string;
  let bin: string;
  let scenarioFile: string;
  let logFile: string;

  beforeAll(async () => {
    for (const b of listBundles().filter((x) => x.name === 'terraform' || x.name === 'tflint')) await bundle(b);
    api = await startGitHubApi({ lifetimeMs: 120_000 });
    api.state.addRepository({ owner: 'acme', repo: 'infra' });
  });
  afterAll(async () => {
    await api?.close();
    cleanupTempDirs();
  });
  beforeEach(() => {
    repo = tempDir('conveyor-tf-repo-');
    for (const stack of ['stacks/base', 'stacks/app']) {
      fs.mkdirSync(path.join(repo, stack), { recursive: true });
      fs.writeFileSync(path.join(repo, stack, 'main.tf'), 'terraform {\n  backend "local" {}\n}\n');
    }
    bin = tempDir('conveyor-tf-bin-');
    ({ scenarioFile, logFile } = installStandIns(bin));
  });

  async function runAction(name: 'terraform' | 'tflint', inputs: Record<string, string>, scenario: Scenario & { workspaces?: string[] }, pr?: number, extraEnv: NodeJS.ProcessEnv = {}): Promise<Run> {
    writeScenario(scenarioFile, scenario);
    const work = tempDir('conveyor-tf-run-');
    const files = { out: path.join(work, 'output'), summary: path.join(work, 'summary'), env: path.join(work, 'env'), state: path.join(work, 'state'), event: path.join(work, 'event.json') };
    for (const f of [files.out, files.summary, files.env, files.state]) fs.writeFileSync(f, '');
    fs.writeFileSync(files.event, JSON.stringify(pr ? { pull_request: { number: pr } } : {}));
    const env: NodeJS.ProcessEnv = {
      PATH: `${bin}${path.delimiter}${process.env.PATH}`,
      HOME: process.env.HOME,
      GITHUB_OUTPUT: files.out, GITHUB_STEP_SUMMARY: files.summary, GITHUB_ENV: files.env, GITHUB_STATE: files.state,
      GITHUB_WORKSPACE: repo, GITHUB_REPOSITORY: 'acme/infra', GITHUB_API_URL: api.url, GITHUB_EVENT_PATH: files.event,
      GITHUB_EVENT_NAME: pr ? 'pull_request' : 'push', GITHUB_RUN_ID: '77', GITHUB_SERVER_URL: 'https://github.com',
      RUNNER_TEMP: work, STANDIN_SCENARIO: scenarioFile, STANDIN_LOG: logFile,
      'INPUT_GITHUB-TOKEN': 'ghs_standin_token',
      ...extraEnv,
    };
    for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
    // Asynchronous, so this process's GitHub API stand-in can answer the action while it runs.
    const child = spawn(process.execPath, [path.join(repoRoot, 'actions', name, 'dist', 'index.js')], { env, cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    let output = '';
    child.stdout.on('data', (d: Buffer) => { output += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
    const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
    return { code, stdout: output, outputs: readOutputs(files.out), summary: fs.readFileSync(files.summary, 'utf8') };
  }

  const planOf = (file: string) => path.join(plans!, file);
  const commentsOn = (pr: number) => api.state.comments.filter((c) => c.issueNumber === pr);

  it('plans on a pull request: sticky comment created, then updated in place; outputs as terraform counts', async () => {
    const first = await runAction('terraform', {
      command: 'plan', 'working-directory': 'stacks/app', workspace: 'prod', 'var-files': 'prod.tfvars', variables: 'db_password=s3cr3t-value',
      'lock-timeout': '30s', 'backend-config': 'access_key=AKIA-backend-secret\nprod.s3.tfbackend',
    }, { planJson: planOf('basic.plan.json') }, 11);
    // Only the runner's mask registrations hold the values (the runner hides them from then on).
    expect(first.stdout).toContain('::add-mask::s3cr3t-value');
    expect(withoutMasks(first.stdout)).not.toContain('s3cr3t-value');
    expect(withoutMasks(first.stdout)).not.toContain('AKIA-backend-secret');
    expect(first.stdout).toContain("'-backend-config=access_key=***' -backend-config=prod.s3.tfbackend");
    expect(first.code).toBe(0);
    expect(first.outputs).toMatchObject({ changes: 'true', 'to-add': '7', 'to-change': '0', 'to-destroy': '0', 'to-replace': '0' });
    expect(first.outputs.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(first.outputs.matrix!)).toEqual({ include: [{ stack: 'stacks/app', name: 'app', order: 0 }] });
    expect(fs.readFileSync(first.outputs['plan-json-path']!, 'utf8')).toBe(fs.readFileSync(planOf('basic.plan.json'), 'utf8'));
    expect(fs.readFileSync(first.outputs['plan-text-path']!, 'utf8')).toContain('Plan: 7 to add, 0 to change, 0 to destroy.');
    const calls = readCalls(logFile).filter((c) => c.tool === 'terraform');
    expect(calls.map((c) => c.args[0])).toEqual(['init', 'workspace', 'workspace', 'plan', 'show']);
    expect(calls[0]!.args).toEqual(['init', '-input=false', '-no-color', '-backend-config=access_key=AKIA-backend-secret', '-backend-config=prod.s3.tfbackend']);
    expect(calls[1]!.args).toEqual(['workspace', 'select', '-no-color', 'prod']);
    expect(calls[2]!.args).toEqual(['workspace', 'new', '-no-color', 'prod']);
    expect(calls[3]!.args).toEqual(expect.arrayContaining(['-detailed-exitcode', '-lock-timeout=30s', '-var-file=prod.tfvars', '-var=db_password=s3cr3t-value']));
    expect(calls[3]!.cwd).toBe(fs.realpathSync(path.join(repo, 'stacks/app')));
    expect(calls.every((c) => c.automation === '1')).toBe(true);
    expect(commentsOn(11)).toHaveLength(1);
    const body = commentsOn(11)[0]!.body;
    expect(body).toContain(`<!-- conveyor:terraform stack=stacks/app workspace=prod fingerprint=${first.outputs.fingerprint} -->`);
    expect(body).toContain('**Plan: 7 to add, 0 to change, 0 to destroy.**');
    expect(first.summary).toContain('### terraform plan');

    const second = await runAction('terraform', { command: 'plan', 'working-directory': 'stacks/app', workspace: 'prod' }, { planJson: planOf('identity.plan.json'), workspaces: ['prod'] }, 11);
    expect(second.code).toBe(0);
    expect(commentsOn(11)).toHaveLength(1);
    expect(commentsOn(11)[0]!.body).toContain('**Plan: 1 to import, 0 to add, 1 to change, 0 to destroy.**');
    expect(second.outputs['to-import']).toBe('1');
    expect(api.violations).toEqual([]);
  });

  it('keeps two stacks\' comments apart, in the declared order', async () => {
    const run = await runAction('terraform', { command: 'plan', 'working-directory': 'stacks', stacks: 'auto', 'stack-order': 'base\napp' }, { planJson: planOf('110_sensitive_values.plan.json') }, 12);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.outputs.matrix!).include.map((s: { stack: string }) => s.stack)).toEqual(['stacks/base', 'stacks/app']);
    const bodies = commentsOn(12).map((c) => c.body);
    expect(bodies).toHaveLength(2);
    expect(bodies[0]).toContain('stack=stacks/base workspace=default');
    expect(bodies[1]).toContain('stack=stacks/app workspace=default');
    expect(bodies[0]).toContain('+ foo = (sensitive value)');
    // Planning only app again updates app's comment and leaves base's alone.
    const before = commentsOn(12)[0]!.updatedAt;
    expect((await runAction('terraform', { command: 'plan', 'working-directory': 'stacks/app' }, { planJson: planOf('basic.plan.json') }, 12)).code).toBe(0);
    expect(commentsOn(12)).toHaveLength(2);
    expect(commentsOn(12)[0]!.updatedAt).toBe(before);
    expect(commentsOn(12)[1]!.body).toContain('**Plan: 7 to add');
  });

  it('shortens an over-long plan to fit the comment limit; the summary file keeps all of it', async () => {
    const big = JSON.parse(fs.readFileSync(planOf('config_resource_depends_on.plan.json'), 'utf8'));
    const template = big.resource_changes.find((r: { change: { actions: string[] } }) => r.change.actions[0] === 'no-op');
    big.resource_changes = Array.from({ length: 2500 }, (_, i) => ({
      ...template, address: `null_resource.fleet[${i}]`, index: i,
      change: { ...template.change, actions: ['update'], after: { ...template.change.after, triggers: { rev: `v${i}-with-a-longer-value-to-fill-the-comment` } } },
    }));
    const file = path.join(tempDir('conveyor-tf-big-'), 'big.plan.json');
    fs.writeFileSync(file, JSON.stringify(big));
    const run = await runAction('terraform', { command: 'plan', 'working-directory': 'stacks/app' }, { planJson: file }, 13);
    expect([run.code, run.code === 0 ? '' : run.stdout.slice(-1500)]).toEqual([0, '']);
    const body = commentsOn(13)[0]!.body;
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toMatch(/more change block\(s\) are not shown here.*the job summary of https:\/\/github\.com\/acme\/infra\/actions\/runs\/77/);
    expect(run.outputs['to-change']).toBe('2500');
    expect(fs.readFileSync(run.outputs['plan-text-path']!, 'utf8')).toContain('null_resource.fleet[2499]');
  });

  it('refuses a plan that replaces a resource, then allows it with allow-destroy or a matching pattern', async () => {
    const scenario = { planJson: planOf('config_resource_depends_on.plan.json') };
    const refused = await runAction('terraform', { command: 'plan', 'working-directory': 'stacks/app' }, scenario, 14);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('::error::The plan for stacks/app destroys or replaces 1 resource(s) that no rule allows:%0A  - null_resource.bar');
    expect(commentsOn(14)[0]!.body).toContain('> ⚠️ **This plan destroys 1 resource(s)** (1 of them replaced): `null_resource.bar`.\n> No rule allows them: the gate fails');
    expect(refused.outputs['to-destroy']).toBe('1');
    expect((await runAction('terraform', { command: 'plan', 'working-directory': 'stacks/app', 'allow-destroy': 'true' }, scenario, 14)).code).toBe(0);
    expect((await runAction('terraform', { command: 'plan', 'working-directory': 'stacks/app', 'allowed-destroy': 'null_resource.*' }, scenario, 14)).code).toBe(0);
    expect(commentsOn(14)[0]!.body).toContain('> The destroy policy allows it.');
  });

  it('applies only the reviewed plan: refused after a change since review, applied when it matches', async () => {
    const reviewed = await runAction('terraform', { command: 'plan', 'working-directory': 'stacks/app' }, { planJson: planOf('110_basic.plan.json') }, 15);
    expect(reviewed.code).toBe(0);
    // The infrastructure moved on: now the plan is basic.plan.json (an extra data read, other values).
    fs.rmSync(logFile, { force: true });
    const changed = await runAction('terraform', { command: 'apply', 'working-directory': 'stacks/app', 'pull-request': '15' }, { planJson: planOf('basic.plan.json') });
    expect(changed.code).toBe(1);
    expect(changed.stdout).toMatch(/The plan for stacks\/app is not the reviewed one .*nothing was applied/);
    expect(changed.stdout).toContain('data.null_data_source.baz: new since review (read)');
    expect(readCalls(logFile).some((c) => c.args[0] === 'apply')).toBe(false);

    const same = await runAction('terraform', { command: 'apply', 'working-directory': 'stacks/app', 'pull-request': '15' }, { planJson: planOf('110_basic.plan.json') });
    expect(same.code).toBe(0);
    const apply = readCalls(logFile).find((c) => c.args[0] === 'apply')!;
    expect(apply.args.at(-1)).toBe(same.outputs['plan-path']);
    expect(same.outputs.fingerprint).toBe(reviewed.outputs.fingerprint);
    const marked = commentsOn(15)[0]!.body;
    expect(marked).toContain('> This plan was applied by https://github.com/acme/infra/actions/runs/77.');
    expect(marked.startsWith(`<!-- conveyor:terraform stack=stacks/app workspace=default fingerprint=${reviewed.outputs.fingerprint} -->`)).toBe(true);

    // A re-run after the apply plans no changes: nothing to apply, not a refusal.
    fs.rmSync(logFile, { force: true });
    // no_changes.plan.json without its output changes: every resource a no-op.
    const quiet = path.join(tempDir('conveyor-tf-quiet-'), 'quiet.plan.json');
    fs.writeFileSync(quiet, JSON.stringify({ ...JSON.parse(fs.readFileSync(planOf('no_changes.plan.json'), 'utf8')), output_changes: {} }));
    const rerun = await runAction('terraform', { command: 'apply', 'working-directory': 'stacks/app', 'pull-request': '15' }, { planJson: quiet, planExit: 0 });
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain('stacks/app: the plan has no changes; nothing to apply.');
    expect(readCalls(logFile).some((c) => c.args[0] === 'apply')).toBe(false);

    const byInput = await runAction('terraform', { command: 'apply', 'working-directory': 'stacks/app', 'expected-fingerprint': '0'.repeat(64) }, { planJson: planOf('110_basic.plan.json') });
    expect(byInput.code).toBe(1);
    expect(byInput.stdout).toContain('only the fingerprint was given');
  });

  it('applies stacks in the declared order and stops after a refused one', async () => {
    const inputs = { 'working-directory': 'stacks', stacks: 'auto', 'stack-order': 'base\napp', 'pull-request': '16' };
    expect((await runAction('terraform', { ...inputs, command: 'plan' }, { planJson: planOf('110_basic.plan.json') })).code).toBe(0);
    fs.rmSync(logFile, { force: true });
    const run = await runAction('terraform', { ...inputs, command: 'apply' }, { planJson: planOf('basic.plan.json') });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('The plan for stacks/base is not the reviewed one');
    expect(run.stdout).toContain('stacks/app was not applied because an earlier stack was not.');
    expect(new Set(readCalls(logFile).map((c) => path.basename(c.cwd)))).toEqual(new Set(['base']));
  });

  it('applies a saved plan file with the fingerprint from the plan step, without planning again', async () => {
    const planned = await runAction('terraform', { command: 'plan', 'working-directory': 'stacks/app', comment: 'false', 'allow-destroy': 'true' }, { planJson: planOf('action_reason.plan.json') });
    expect(planned.code).toBe(0);
    fs.rmSync(logFile, { force: true });
    const applied = await runAction('terraform', {
      command: 'apply', 'working-directory': 'stacks/app', 'plan-path': planned.outputs['plan-path']!,
      'expected-fingerprint': planned.outputs.fingerprint!, 'allow-destroy': 'true',
    }, { planJson: planOf('action_reason.plan.json') });
    expect(applied.code).toBe(0);
    expect(readCalls(logFile).map((c) => c.args[0])).toEqual(['init', 'show', 'apply']);
    expect(readCalls(logFile)[2]!.args.at(-1)).toBe(planned.outputs['plan-path']);

    const notAPlan = path.join(tempDir('conveyor-tf-notplan-'), 'random.tfplan');
    fs.writeFileSync(notAPlan, 'not a plan');
    const refused = await runAction('terraform', { command: 'apply', 'working-directory': 'stacks/app', 'plan-path': notAPlan, 'expected-fingerprint': planned.outputs.fingerprint! }, { planJson: planOf('action_reason.plan.json') });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/terraform show -json -no-color .*random\.tfplan` failed with exit code 64:%0Aterraform stand-in: unexpected arguments/);
  });

  it('refuses apply without a reviewed fingerprint before running terraform', async () => {
    fs.rmSync(logFile, { force: true });
    const run = await runAction('terraform', { command: 'apply', 'working-directory': 'stacks/app', 'GITHUB-TOKEN': '' }, { planJson: planOf('basic.plan.json') });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('command: apply needs the reviewed plan');
    expect(readCalls(logFile)).toEqual([]);
  });

  it('fails a plan that errors (detailed exit code 1) with terraform\'s message', async () => {
    const run = await runAction('terraform', { command: 'plan', 'working-directory': 'stacks/app', comment: 'false' }, { planJson: planOf('basic.plan.json'), planExit: 1, planStderr: 'Error: Invalid provider configuration\n' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::terraform plan failed for stacks/app (workspace default, exit code 1): Error: Invalid provider configuration. The gate fails');
  });

  /** A corpus plan with changes made for a test, written to a temp file. */
  function derivedPlan(file: string, change: (doc: Record<string, unknown>) => void): string {
    const doc = JSON.parse(fs.readFileSync(planOf(file), 'utf8'));
    change(doc);
    const out = path.join(tempDir('conveyor-tf-derived-'), file);
    fs.writeFileSync(out, JSON.stringify(doc));
    return out;
  }

  it('fails an errored plan everywhere: exit code, comment marked failed, summary row; apply then refuses', async () => {
    const errored = derivedPlan('110_basic.plan.json', (doc) => { doc.errored = true; });
    const run = await runAction('terraform', { command: 'plan', 'working-directory': 'stacks/app' }, { planJson: errored }, 21);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::The plan for stacks/app errored');
    const body = commentsOn(21)[0]!.body;
    expect(body.startsWith('<!-- conveyor:terraform stack=stacks/app workspace=default failed -->')).toBe(true);
    expect(body).toContain('**The plan failed.**');
    expect(run.summary).toContain('### terraform plan: failed for stacks/app');
    expect(run.summary).toContain('| stacks/app | default | ❌ errored |');
    fs.rmSync(logFile, { force: true });
    const apply = await runAction('terraform', { command: 'apply', 'working-directory': 'stacks/app', 'pull-request': '21' }, { planJson: planOf('110_basic.plan.json') });
    expect(apply.code).toBe(1);
    expect(apply.stdout).toContain('The last plan of stacks/app on pull request #21 failed');
    expect(readCalls(logFile).some((c) => c.args[0] === 'apply')).toBe(false);
  });

  it('registers every sensitive value as a secret before terraform\'s own plan output is shown; comment and summary never hold them', async () => {
    const leaky = derivedPlan('110_sensitive_values.plan.json', (doc) => {
      doc.variables = { ...(doc.variables as object), db_password: { value: 'p4ss-from-tfvars-file' } };
      const configuration = doc.configuration as { root_module: { variables?: Record<string, unknown> } };
      configuration.root_module.variables = { ...configuration.root_module.variables, db_password: { sensitive: true } };
      const changes = doc.resource_changes as { address: string; change: { after: Record<string, unknown>; after_sensitive: Record<string, unknown> } }[];
      const foo = changes.find((r) => r.address === 'null_resource.foo')!;
      foo.change.after = { ...foo.change.after, triggers: { foo: 'tok-marked-sensitive-in-plan' } };
      foo.change.after_sensitive = { triggers: { foo: true } };
    });
    // terraform_data-style leak: terraform's own text shows the values.
    const planStdout = '  + resource "terraform_data" "x" {\n      + output = "p4ss-from-tfvars-file"\n      + input  = "tok-marked-sensitive-in-plan"\n    }\n';
    const run = await runAction('terraform', { command: 'plan', 'working-directory': 'stacks/app', variables: 'api_key=given-on-the-command-line' }, { planJson: leaky, planStdout }, 22);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    const shownAt = lines.findIndex((l) => l.includes('+ output = "p4ss-from-tfvars-file"'));
    expect(shownAt).toBeGreaterThan(0);
    for (const secret of ['p4ss-from-tfvars-file', 'tok-marked-sensitive-in-plan', 'given-on-the-command-line']) {
      const maskedAt = lines.indexOf(`::add-mask::${secret}`);
      expect([secret, maskedAt >= 0 && maskedAt < shownAt]).toEqual([secret, true]);
      expect(commentsOn(22)[0]!.body).not.toContain(secret);
      expect(run.summary).not.toContain(secret);
    }
  });

  it('applies several stacks in the declared order with the plan step\'s per-stack fingerprint object', async () => {
    const scenario = { stacks: { base: { planJson: planOf('110_basic.plan.json') }, app: { planJson: planOf('basic.plan.json') } } };
    const inputs = { 'working-directory': 'stacks/app\nstacks/base', 'stack-order': 'base\napp', comment: 'false' };
    const planned = await runAction('terraform', { ...inputs, command: 'plan' }, scenario);
    expect(planned.code).toBe(0);
    const fingerprints = JSON.parse(planned.outputs.fingerprint!);
    expect(Object.keys(fingerprints)).toEqual(['stacks/base', 'stacks/app']);
    expect(fingerprints['stacks/base']).not.toBe(fingerprints['stacks/app']);
    fs.rmSync(logFile, { force: true });
    const applied = await runAction('terraform', { ...inputs, command: 'apply', 'expected-fingerprint': planned.outputs.fingerprint! }, scenario);
    expect(applied.code).toBe(0);
    expect(readCalls(logFile).filter((c) => c.args[0] === 'apply').map((c) => path.basename(c.cwd))).toEqual(['base', 'app']);

    // base's plan changed since: base is refused, app waits, nothing is applied.
    fs.rmSync(logFile, { force: true });
    const changed = await runAction('terraform', { ...inputs, command: 'apply', 'expected-fingerprint': planned.outputs.fingerprint! }, { stacks: { ...scenario.stacks, base: { planJson: planOf('basic.plan.json') } } });
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('The plan for stacks/base is not the reviewed one');
    expect(changed.stdout).toContain('stacks/app was not applied because an earlier stack was not.');
    expect(readCalls(logFile).some((c) => c.args[0] === 'apply')).toBe(false);

    const partial = await runAction('terraform', { ...inputs, command: 'apply', 'expected-fingerprint': JSON.stringify({ 'stacks/base': fingerprints['stacks/base'] }) }, scenario);
    expect(partial.code).toBe(1);
    expect(partial.stdout).toContain("Input 'expected-fingerprint' has no fingerprint for stacks/app");
  });

  it('a plan terraform fails gets a sticky failed comment, replaced in place by the next good plan', async () => {
    const failed = await runAction('terraform', { command: 'plan', 'working-directory': 'stacks/app', variables: 'token=never-in-the-comment' }, { planJson: planOf('basic.plan.json'), planExit: 1, planStderr: 'Error: Invalid value for variable\n\n  token = "never-in-the-comment" is not allowed\n' }, 23);
    expect(failed.code).toBe(1);
    expect(commentsOn(23)).toHaveLength(1);
    expect(commentsOn(23)[0]!.body).toContain('**The plan failed.** terraform plan failed for stacks/app (workspace default, exit code 1): Error: Invalid value for variable.');
    expect(commentsOn(23)[0]!.body).toContain('token = "***" is not allowed');
    expect(commentsOn(23)[0]!.body).not.toContain('never-in-the-comment');
    const good = await runAction('terraform', { command: 'plan', 'working-directory': 'stacks/app' }, { planJson: planOf('basic.plan.json') }, 23);
    expect(good.code).toBe(0);
    expect(commentsOn(23)).toHaveLength(1);
    expect(commentsOn(23)[0]!.body).toContain('**Plan: 7 to add, 0 to change, 0 to destroy.**');
  });

  it('says what HCP Terraform means for apply when a cloud stack cannot save its plan', async () => {
    fs.writeFileSync(path.join(repo, 'stacks/app', 'main.tf'), 'terraform {\n  cloud {\n    organization = "acme"\n    workspaces { name = "app" }\n  }\n}\n');
    const run = await runAction('terraform', { command: 'apply', 'working-directory': 'stacks/app', 'expected-fingerprint': 'a'.repeat(64) }, { planJson: planOf('basic.plan.json'), planExit: 1, planStderr: 'Error: Saving a generated plan is currently not supported\n' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Nothing was applied.');
    expect(run.stdout).toContain('conveyor applies nothing: confirm the reviewed run in HCP Terraform itself');
    expect(readCalls(logFile).some((c) => c.args[0] === 'apply')).toBe(false);
  });

  it('on a push after a merge, applies only when the plan matches the one reviewed on the merged pull request', async () => {
    const mergeSha = 'c0ffee'.padEnd(40, '0');
    const reviewed = await runAction('terraform', { command: 'plan', 'working-directory': 'stacks/app' }, { planJson: planOf('110_basic.plan.json') }, 31);
    expect(reviewed.code).toBe(0);
    const pull = { owner: 'acme', repo: 'infra', number: 31, id: 9031, title: 'app: more nodes', body: null, head: 'more-nodes', base: 'main', state: 'closed' as const, draft: false, maintainerCanModify: false, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', closedAt: '2026-01-01T00:00:00Z', mergedAt: '2026-01-01T00:00:00Z', mergeCommitSha: mergeSha };
    api.state.pulls.push(pull);
    const push = { GITHUB_SHA: mergeSha, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' };
    // The push's own plan job, then its apply job with the plan file handed over.
    const changedSince = await runAction('terraform', { command: 'plan', 'working-directory': 'stacks/app', comment: 'false' }, { planJson: planOf('basic.plan.json') }, undefined, push);
    fs.rmSync(logFile, { force: true });
    const refused = await runAction('terraform', { command: 'apply', 'working-directory': 'stacks/app', 'plan-path': changedSince.outputs['plan-path']!, 'expected-fingerprint': changedSince.outputs.fingerprint! }, {}, undefined, push);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('Commit c0ffee0 merged pull request #31: its reviewed plans must match.');
    expect(refused.stdout).toContain('The plan for stacks/app is not the reviewed one on pull request #31');
    expect(refused.stdout).toContain('data.null_data_source.baz: new since review (read)');
    expect(readCalls(logFile).some((c) => c.args[0] === 'apply')).toBe(false);

    const same = await runAction('terraform', { command: 'plan', 'working-directory': 'stacks/app', comment: 'false' }, { planJson: planOf('110_basic.plan.json') }, undefined, push);
    const applied = await runAction('terraform', { command: 'apply', 'working-directory': 'stacks/app', 'plan-path': same.outputs['plan-path']!, 'expected-fingerprint': same.outputs.fingerprint! }, {}, undefined, push);
    expect(applied.code).toBe(0);
    expect(readCalls(logFile).filter((c) => c.args[0] === 'apply')).toHaveLength(1);
    expect(commentsOn(31)[0]!.body).toContain('> This plan was applied by https://github.com/acme/infra/actions/runs/77 at commit c0ffee0.');

    // merged-pull-request: false leaves the decision to expected-fingerprint (the environment's reviewers saw this run's plan).
    const byRun = await runAction('terraform', { command: 'apply', 'working-directory': 'stacks/app', 'plan-path': changedSince.outputs['plan-path']!, 'expected-fingerprint': changedSince.outputs.fingerprint!, 'merged-pull-request': 'false' }, {}, undefined, push);
    expect(byRun.code).toBe(0);
  });

  it('keeps one comment per stack: duplicates left by an earlier race are removed when the plan is commented again', async () => {
    const marker = '<!-- conveyor:terraform stack=stacks/app workspace=default fingerprint=' + 'b'.repeat(64) + ' -->\nold';
    for (let i = 0; i < 2; i += 1) {
      api.state.comments.push({ owner: 'acme', repo: 'infra', issueNumber: 32, id: api.state.nextId('comment'), body: marker, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' });
    }
    const other = { owner: 'acme', repo: 'infra', issueNumber: 32, id: api.state.nextId('comment'), body: 'LGTM', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
    api.state.comments.push(other);
    const firstId = commentsOn(32)[0]!.id;
    const run = await runAction('terraform', { command: 'plan', 'working-directory': 'stacks/app' }, { planJson: planOf('basic.plan.json') }, 32);
    expect(run.code).toBe(0);
    expect(commentsOn(32).map((c) => c.id)).toEqual([firstId, other.id]);
    expect(commentsOn(32)[0]!.body).toContain('**Plan: 7 to add');
  });

  it('refuses a Terragrunt unit as a stack with what is supported, before running anything', async () => {
    fs.mkdirSync(path.join(repo, 'live/prod/app'), { recursive: true });
    fs.writeFileSync(path.join(repo, 'live/prod/app/terragrunt.hcl'), 'include "root" {\n  path = find_in_parent_folders()\n}\n');
    fs.rmSync(logFile, { force: true });
    const listed = await runAction('terraform', { command: 'plan', 'working-directory': 'live/prod/app', comment: 'false' }, { planJson: planOf('basic.plan.json') });
    expect(listed.code).toBe(1);
    expect(listed.stdout).toContain("Input 'working-directory' lists \"live/prod/app\", a Terragrunt unit (terragrunt.hcl and no .tf files). conveyor runs terraform or tofu itself and does not run terragrunt");
    const auto = await runAction('terraform', { command: 'plan', 'working-directory': 'live', stacks: 'auto', comment: 'false' }, { planJson: planOf('basic.plan.json') });
    expect(auto.code).toBe(1);
    expect(auto.stdout).toContain('The folders hold terragrunt.hcl files: conveyor runs terraform or tofu itself');
    expect(readCalls(logFile)).toEqual([]);
  });

  it('reports no changes with detailed exit code 0 through tofu', async () => {
    const run = await runAction('terraform', { command: 'plan', 'working-directory': 'stacks/app', binary: 'tofu', comment: 'false' }, { planJson: planOf('no_changes.plan.json'), planExit: 0 });
    expect(run.code).toBe(0);
    expect(readCalls(logFile).every((c) => c.tool === 'tofu')).toBe(true);
    expect(run.outputs['to-add']).toBe('0');
  });

  it('fmt: exit 3 lists the files with their diffs and fails; exit 2 is a syntax error', async () => {
    const fmtStdout = 'main.tf\n--- old/main.tf\n+++ new/main.tf\n@@ -1,2 +1,2 @@\n-a="b"\n+a = "b"\n x = 1\n';
    const run = await runAction('terraform', { command: 'fmt', 'working-directory': 'stacks/app' }, { fmtExit: 3, fmtStdout });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error title=terraform fmt,file=stacks/app/main.tf,line=1::main.tf is not formatted.');
    expect(run.summary).toContain('+a = "b"');
    const syntax = await runAction('terraform', { command: 'fmt', 'working-directory': 'stacks/app' }, { fmtExit: 2 });
    expect(syntax.code).toBe(1);
    expect(syntax.stdout).toContain('could not parse a file in');
    expect((await runAction('terraform', { command: 'fmt', 'working-directory': 'stacks/app' }, { fmtExit: 0 })).code).toBe(0);
  });

  it('validate: diagnostics become annotations at file and line and a summary table', async () => {
    const file = path.join(tempDir('conveyor-tf-val-'), 'validate.json');
    fs.writeFileSync(file, JSON.stringify({ valid: false, error_count: 1, warning_count: 0, diagnostics: [{ severity: 'error', summary: 'Unsupported argument', detail: 'An argument named "amii" is not expected here.', range: { filename: 'main.tf', start: { line: 3, column: 3 }, end: { line: 3, column: 7 } } }] }));
    const run = await runAction('terraform', { command: 'validate', 'working-directory': 'stacks/app' }, { validateJson: file });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error title=terraform validate%3A Unsupported argument,file=stacks/app/main.tf,line=3,endLine=3,col=3,endColumn=7::');
    expect(run.summary).toContain('| error | stacks/app/main.tf:3 | Unsupported argument: An argument named "amii" is not expected here. |');
    expect(readCalls(logFile).find((c) => c.args[0] === 'init')!.args).toContain('-backend=false');
  });

  it('made only requests that GitHub\'s API description allows, through the comment endpoints', () => {
    expect(api.violations).toEqual([]);
    const used = new Set(api.requests.map((r) => `${r.method} ${r.path.replace(/\/\d+/g, '/N').replace(/\?.*$/, '')}`));
    expect([...used].sort()).toEqual([
      'DELETE /repos/acme/infra/issues/comments/N',
      'GET /repos/acme/infra/commits/c0ffee0000000000000000000000000000000000/pulls',
      'GET /repos/acme/infra/issues/N/comments',
      'PATCH /repos/acme/infra/issues/comments/N',
      'POST /repos/acme/infra/issues/N/comments',
    ]);
  });

  it('tflint: annotations, one SARIF run, failure by minimum severity, token for --init', async () => {
    const failing = await runAction('tflint', { 'working-directory': 'stacks/app', 'minimum-failure-severity': 'error' }, { tflintReport: path.join(lints!, 'inspection__expand.json'), tflintExit: 2 });
    expect(failing.code).toBe(1);
    const sarif = JSON.parse(fs.readFileSync(failing.outputs['sarif-path']!, 'utf8'));
    expect(sarif.runs).toHaveLength(1);
    expect(sarif.runs[0].results).toHaveLength(8);
    expect(failing.outputs).toMatchObject({ issues: '8', errors: '0', 'failing-issues': '8' });
    expect((failing.stdout.match(/^::error /gm) ?? []).length).toBe(8);
    const calls = readCalls(logFile).filter((c) => c.tool === 'tflint');
    expect(calls[0]!.args).toEqual(['--init', '--no-color']);
    expect(calls[0]!.token).toBe('set');
    expect(calls[1]!.args).toEqual(['--format=json', '--no-color', '--minimum-failure-severity=error']);

    const warnings = await runAction('tflint', { 'working-directory': 'stacks/app', 'minimum-failure-severity': 'error', recursive: 'true' }, { tflintReport: path.join(lints!, 'bundled__basic.json'), tflintExit: 2 });
    expect(warnings.code).toBe(0);
    expect(warnings.outputs['failing-issues']).toBe('0');
    expect(readCalls(logFile).at(-1)!.args).toContain('--recursive');
  });
});
