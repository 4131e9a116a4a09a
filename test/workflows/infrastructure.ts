/**
 * The infrastructure starter (workflows/infrastructure.yml → reusable-terraform.yml) run by act in a throwaway
 * repository with two stacks, infra/base and infra/app. terraform cannot be had here: the root action installs
 * the terraform stand-in (test/terraform/standin.ts, replaying corpus plans and checking its arguments) from a
 * local mirror as a zip with its sha256 in a SHA256SUMS file, the way it installs the real one, and the real
 * tflint the same way. The checks read what results: the stand-in's call log, the comments and the SARIF in the
 * API stand-in.
 *
 *   pull request #5          → fmt, validate, tflint (SARIF), a plan per stack, one comment each; no apply
 *   pull request #5 again    → the same two comments, updated, not duplicated
 *   push merging #5          → each stack's saved plan applied, base before app, the comments marked applied
 *   pull request #6, then the app plan changes before the merge
 *                            → base applied, app refused (not the plan reviewed on #6), nothing applied to app
 *   a merge with unformatted files → the check job fails, no apply job runs
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { corpusDir, repoRoot } from '../support/corpus.ts';
import { findTool } from '../support/tools.ts';
import { installStandIns, readCalls, writeScenario, type Scenario } from '../terraform/standin.ts';
import { check } from './checks.ts';
import { createRepository, git, runAct, syncApi, writeFiles, type ActRun, type World } from './harness.ts';

const SCOPE = 'workflows/infrastructure.yml';
const REPO = 'acme/infra';
/** The versions reusable-terraform.yml installs by default. */
const TERRAFORM = '1.13.3';
const TFLINT = '0.64.0';

const stack = (name: string) => `terraform {\n  required_version = ">= 1.6"\n  backend "local" {}\n}\n\nresource "terraform_data" "${name}" {\n  input = "${name}"\n}\n`;

/** A mirror on 127.0.0.1 laid out as the root action's download-base-url expects: <tool>/<version>/<file>. */
async function startMirror(dir: string, tools: { name: string; version: string; archive: string; checksums: string; binary: string; file: string }[]): Promise<{ url: string; close(): Promise<void> }> {
  const files = new Map<string, Buffer>();
  for (const tool of tools) {
    const work = fs.mkdtempSync(path.join(dir, `${tool.name}-`));
    fs.copyFileSync(tool.file, path.join(work, tool.binary));
    fs.chmodSync(path.join(work, tool.binary), 0o755);
    execFileSync('zip', ['-q', '-j', path.join(work, 'archive.zip'), path.join(work, tool.binary)]);
    const bytes = fs.readFileSync(path.join(work, 'archive.zip'));
    files.set(`/${tool.name}/${tool.version}/${tool.archive}`, bytes);
    files.set(`/${tool.name}/${tool.version}/${tool.checksums}`, Buffer.from(`${createHash('sha256').update(bytes).digest('hex')}  ${tool.archive}\n`));
  }
  const server = http.createServer((req, res) => {
    const body = files.get(req.url ?? '');
    if (body) res.writeHead(200, { 'content-length': body.length }).end(body);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const timer = setTimeout(() => server.close(), 30 * 60_000);
  timer.unref();
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => { clearTimeout(timer); server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** The terraform stand-in and the real tflint, served by a mirror the root action installs them from. */
export async function terraformTools(world: World): Promise<{ scenarioFile: string; logFile: string; validateJson: string; plans: string; mirror: string; close(): Promise<void> }> {
  const plans = path.join(corpusDir(), 'terraform', 'terraform-json');
  assert.ok(fs.existsSync(plans), `the corpus folder ${plans} is missing (set CONVEYOR_CORPUS)`);
  const bin = path.join(world.tmp, 'terraform-standin');
  const { scenarioFile, logFile } = installStandIns(bin);
  const tflint = findTool('tflint') ?? path.join(bin, 'tflint');
  const validateJson = path.join(world.tmp, 'validate.json');
  fs.writeFileSync(validateJson, JSON.stringify({ format_version: '1.0', valid: true, error_count: 0, warning_count: 0, diagnostics: [] }));
  const mirror = await startMirror(world.tmp, [
    { name: 'terraform', version: TERRAFORM, archive: `terraform_${TERRAFORM}_linux_amd64.zip`, checksums: `terraform_${TERRAFORM}_SHA256SUMS`, binary: 'terraform', file: path.join(bin, 'terraform') },
    { name: 'tflint', version: TFLINT, archive: 'tflint_linux_amd64.zip', checksums: 'checksums.txt', binary: 'tflint', file: tflint },
  ]);
  return { scenarioFile, logFile, validateJson, plans, mirror: mirror.url, close: mirror.close };
}

export async function infrastructureScenario(world: World): Promise<void> {
  const tools = await terraformTools(world);
  const scenario = (app: string): Scenario & { workspaces: string[] } => ({
    fmtExit: 0, validateJson: tools.validateJson, workspaces: ['prod'],
    stacks: { base: { planJson: path.join(tools.plans, '110_basic.plan.json') }, app: { planJson: path.join(tools.plans, app) } },
  });
  writeScenario(tools.scenarioFile, scenario('basic.plan.json'));
  try {
    await scenarioRuns(world, { scenarioFile: tools.scenarioFile, logFile: tools.logFile, mirror: tools.mirror, scenario });
  } finally {
    await tools.close();
  }
}

interface Setup {
  scenarioFile: string;
  logFile: string;
  mirror: string;
  scenario: (app: string) => Scenario & { workspaces: string[] };
}

/**
 * The same starter with the machine's real terraform, where it has one: the root action installs that binary
 * from the mirror (the starter pinned to its version, as a user pins theirs), and a pull request and its merge
 * run real plans and applies of built-in terraform_data resources (no provider download).
 */
export async function infrastructureRealScenario(world: World): Promise<void> {
  const SCOPE_REAL = 'workflows/infrastructure.yml (real terraform)';
  const real = findTool('terraform');
  if (!real) {
    console.log(`  skip  ${SCOPE_REAL}: no terraform on this machine`);
    return;
  }
  const version = (JSON.parse(execFileSync(real, ['version', '-json'], { encoding: 'utf8' })) as { terraform_version: string }).terraform_version;
  const tflint = findTool('tflint');
  const mirror = await startMirror(world.tmp, [
    { name: 'terraform', version, archive: `terraform_${version}_linux_amd64.zip`, checksums: `terraform_${version}_SHA256SUMS`, binary: 'terraform', file: real },
    ...(tflint ? [{ name: 'tflint', version: TFLINT, archive: 'tflint_linux_amd64.zip', checksums: 'checksums.txt', binary: 'tflint', file: tflint }] : []),
  ]);
  try {
    const { api, gitEnv } = world;
    const starter = fs.readFileSync(path.join(repoRoot, 'workflows', 'infrastructure.yml'), 'utf8').replace(/^(\s+)binary: terraform\n/gm, `$1binary: terraform\n$1version: ${version}\n${tflint ? '' : '$1tflint-version: ""\n'}`);
    assert.ok(starter.includes(`version: ${version}`), 'the starter has no binary: terraform line to pin the version at');
    const repo = createRepository(world, 'acme/infra-real', {
      '.github/workflows/infrastructure.yml': starter,
      'infra/base/main.tf': stack('network'), 'infra/base/prod.tfvars': '',
      'infra/app/main.tf': stack('service'), 'infra/app/prod.tfvars': '',
    }, 'infra: base and app');
    const repository = { name: 'infra-real', full_name: 'acme/infra-real', owner: { login: 'acme' }, default_branch: 'main', html_url: 'https://github.com/acme/infra-real', private: false };
    git(repo.work, gitEnv, 'checkout', '-q', '-b', 'bigger');
    writeFiles(repo.work, { 'infra/app/main.tf': stack('service-bigger') });
    git(repo.work, gitEnv, 'commit', '-q', '-am', 'infra: a bigger service');
    const head = git(repo.work, gitEnv, 'rev-parse', 'HEAD');
    git(repo.work, gitEnv, 'push', '-q', 'origin', 'HEAD:refs/heads/bigger');
    syncApi(world, 'acme/infra-real');
    git(repo.work, gitEnv, 'remote', 'set-url', 'origin', 'https://github.com/acme/infra-real');
    const run = (event: 'push' | 'pull_request', payload: Record<string, unknown>, n: string) => runAct(world, {
      cwd: repo.work, event, payload, workflow: '.github/workflows/infrastructure.yml',
      vars: { CONVEYOR_DOWNLOAD_BASE_URL: mirror.url },
      env: { CONVEYOR_TEST_ARTIFACTS: path.join(world.tmp, `artifacts-real-${n}`) },
    });
    const comments = () => api.state.comments.filter((c) => c.repo === 'infra-real' && c.issueNumber === 9);
    const pr = await run('pull_request', { action: 'opened', number: 9, repository, pull_request: { number: 9, head: { ref: 'bigger', sha: head, repo: repository }, base: { ref: 'main', repo: repository } } }, 'pr');
    await check(SCOPE_REAL, `pull request: terraform ${version} checks and plans both stacks, one comment each`, () => {
      assert.equal(pr.status, 0, tail(pr.log));
      const bodies = comments().map((c) => c.body);
      assert.equal(bodies.length, 2, bodies.join('\n---\n'));
      const app = bodies.find((b) => b.includes('stack=infra/app'))!;
      assert.ok(app.includes('**Plan: 1 to add, 0 to change, 0 to destroy.**') && app.includes('+ resource "terraform_data" "service-bigger" {'), app);
    });
    git(repo.work, gitEnv, 'checkout', '-q', 'main');
    git(repo.work, gitEnv, 'merge', '-q', '--no-ff', '-m', 'Merge pull request #9 from acme/bigger', 'bigger');
    const sha = git(repo.work, gitEnv, 'rev-parse', 'HEAD');
    git(repo.work, gitEnv, 'push', '-q', `file://${path.join(world.gitRoot, 'acme/infra-real.git')}`, 'HEAD:refs/heads/main');
    syncApi(world, 'acme/infra-real');
    const time = new Date().toISOString();
    api.state.pulls.push({ owner: 'acme', repo: 'infra-real', number: 9, id: 7009, title: 'bigger', body: null, head: 'bigger', base: 'main', state: 'closed', draft: false, maintainerCanModify: false, createdAt: time, updatedAt: time, closedAt: time, mergedAt: time, mergeCommitSha: sha });
    const push = await run('push', { ref: 'refs/heads/main', before: head, after: sha, created: false, deleted: false, repository, head_commit: { id: sha, timestamp: time, message: 'merge' }, pusher: { name: 'ada' } }, 'push');
    await check(SCOPE_REAL, 'merge: terraform applies each saved plan, base before app, and the comments say so', () => {
      assert.equal(push.status, 0, tail(push.log));
      const applies = [...push.log.matchAll(/\[(base|app)\/[^\]]*apply[^\]]*\].*Apply complete! Resources: 1 added, 0 changed, 0 destroyed\./g)].map((m) => m[1]);
      assert.deepEqual(applies, ['base', 'app'], tail(push.log));
      for (const c of comments()) assert.ok(c.body.includes(`at commit ${sha.slice(0, 7)}.`), c.body.slice(0, 300));
    });
  } finally {
    await mirror.close();
  }
}

async function scenarioRuns(world: World, setup: Setup): Promise<void> {
  const { api, gitEnv } = world;
  const starter = fs.readFileSync(path.join(repoRoot, 'workflows', 'infrastructure.yml'), 'utf8');
  const repo = createRepository(world, REPO, {
    '.github/workflows/infrastructure.yml': starter,
    'infra/base/main.tf': stack('network'),
    'infra/base/prod.tfvars': '# base in prod\n',
    'infra/app/main.tf': stack('service'),
    'infra/app/prod.tfvars': '# app in prod\n',
  }, 'infra: base and app');
  const repository = { name: 'infra', full_name: REPO, owner: { login: 'acme' }, default_branch: 'main', html_url: 'https://github.com/acme/infra', private: false };
  git(repo.work, gitEnv, 'remote', 'set-url', 'origin', 'https://github.com/acme/infra');
  const artifacts = path.join(world.tmp, 'artifacts');

  let runs = 0;
  const run = (event: 'push' | 'pull_request', payload: Record<string, unknown>): Promise<ActRun> => {
    // Each run has its own artifact store, as each workflow run has on GitHub.
    const store = path.join(artifacts, String(++runs));
    fs.mkdirSync(store, { recursive: true });
    return runAct(world, {
      cwd: repo.work, event, payload, workflow: '.github/workflows/infrastructure.yml',
      secrets: { TERRAFORM_ENV: 'TF_VAR_db_password=never-shown-in-any-log\nAWS_REGION=eu-west-1' },
      vars: { CONVEYOR_DOWNLOAD_BASE_URL: setup.mirror },
      env: { STANDIN_SCENARIO: setup.scenarioFile, STANDIN_LOG: setup.logFile, CONVEYOR_TEST_ARTIFACTS: store },
    });
  };
  /** A pull request: its branch pushed to the remote, the event as GitHub sends it. */
  const pullRequest = (number: number, branch: string, change: Record<string, string>) => {
    git(repo.work, gitEnv, 'checkout', '-q', '-b', branch, 'main');
    writeFiles(repo.work, change);
    git(repo.work, gitEnv, 'commit', '-q', '-am', `infra: ${branch}`);
    const sha = git(repo.work, gitEnv, 'rev-parse', 'HEAD');
    git(repo.work, gitEnv, 'push', '-q', `file://${repo.remote}`, `HEAD:refs/heads/${branch}`);
    syncApi(world, REPO);
    return {
      sha,
      payload: {
        action: 'synchronize', number, repository,
        pull_request: { number, head: { ref: branch, sha, repo: repository }, base: { ref: 'main', sha: git(repo.work, gitEnv, 'rev-parse', 'main'), repo: repository } },
      },
    };
  };
  /** Merges the branch into main with a merge commit, pushes it, and records the pull request as merged by it. */
  const merge = (number: number, branch: string) => {
    git(repo.work, gitEnv, 'checkout', '-q', 'main');
    const before = git(repo.work, gitEnv, 'rev-parse', 'HEAD');
    git(repo.work, gitEnv, 'merge', '-q', '--no-ff', '-m', `Merge pull request #${number} from acme/${branch}`, branch);
    const sha = git(repo.work, gitEnv, 'rev-parse', 'HEAD');
    git(repo.work, gitEnv, 'push', '-q', `file://${repo.remote}`, 'HEAD:refs/heads/main');
    syncApi(world, REPO);
    const time = new Date().toISOString();
    api.state.pulls.push({
      owner: 'acme', repo: 'infra', number, id: 7000 + number, title: branch, body: null, head: branch, base: 'main', state: 'closed',
      draft: false, maintainerCanModify: false, createdAt: time, updatedAt: time, closedAt: time, mergedAt: time, mergeCommitSha: sha,
    });
    return { sha, payload: { ref: 'refs/heads/main', before, after: sha, created: false, deleted: false, repository, head_commit: { id: sha, timestamp: time, message: 'merge' }, pusher: { name: 'ada' } } };
  };
  const comments = (pr: number) => api.state.comments.filter((c) => c.owner === 'acme' && c.repo === 'infra' && c.issueNumber === pr);
  const calls = () => readCalls(setup.logFile).filter((c) => c.tool === 'terraform');
  const applied = () => calls().filter((c) => c.args[0] === 'apply').map((c) => path.basename(c.cwd));
  /** act names a called workflow's job `<caller job>/<workflow name>/<job>`. */
  const jobs = (r: ActRun, caller: string) => Object.fromEntries(Object.entries(r.jobs).filter(([name]) => name.split('/')[0] === caller).map(([name, state]) => [name.split('/').at(-1)!.replace(/-\d+$/, ''), state]));
  const stateOf = (r: ActRun, caller: string, job: string) => Object.entries(r.jobs).find(([name]) => name.split('/')[0] === caller && name.split('/').at(-1)!.startsWith(job))?.[1];

  // ── pull request #5 ─────────────────────────────────────────────────────────────────────────────────
  const five = pullRequest(5, 'more-capacity', { 'infra/app/prod.tfvars': '# app in prod, more capacity\n' });
  const pr = await run('pull_request', five.payload);
  await check(SCOPE, 'pull request: the check and plan jobs of both layers succeed; no apply job runs', () => {
    assert.equal(pr.status, 0, tail(pr.log));
    for (const layer of ['base', 'app']) {
      assert.equal(stateOf(pr, layer, 'check'), 'succeeded', `${layer} check: ${JSON.stringify(jobs(pr, layer))}\n${tail(pr.log)}`);
      assert.equal(stateOf(pr, layer, 'plan'), 'succeeded', `${layer} plan: ${JSON.stringify(jobs(pr, layer))}`);
      assert.equal(stateOf(pr, layer, 'apply'), undefined, `${layer} apply ran`);
    }
    assert.deepEqual(applied(), []);
  });
  await check(SCOPE, 'pull request: terraform was installed from the mirror, sha256 checked, and ran fmt, validate, plan with the starter\'s settings', () => {
    // The installer refuses an archive whose sha256 differs from the checksums file, so "installed at" follows a match.
    const v = TERRAFORM.replace(/\./g, '\\.');
    assert.match(pr.log, new RegExp(`Downloading terraform ${v} from http://127\\.0\\.0\\.1:\\d+/terraform/${v}/terraform_${v}_linux_amd64\\.zip`));
    assert.match(pr.log, new RegExp(`terraform ${v} installed at `));
    const kinds = new Set(calls().map((c) => c.args[0]));
    for (const kind of ['fmt', 'validate', 'init', 'workspace', 'plan', 'show']) assert.ok(kinds.has(kind), `no terraform ${kind} call: ${[...kinds].join(', ')}`);
    const planCalls = calls().filter((c) => c.args[0] === 'plan');
    assert.deepEqual(planCalls.map((c) => path.basename(c.cwd)).sort(), ['app', 'base']);
    for (const c of planCalls) assert.ok(c.args.includes('-var-file=prod.tfvars') && c.args.includes('-lock-timeout=5m'), c.args.join(' '));
  });
  await check(SCOPE, 'pull request: one plan comment per stack, in workspace prod', () => {
    const bodies = comments(5).map((c) => c.body);
    assert.equal(bodies.length, 2, bodies.join('\n---\n'));
    assert.ok(bodies.some((b) => b.startsWith('<!-- conveyor:terraform stack=infra/base workspace=prod fingerprint=')));
    assert.ok(bodies.some((b) => b.startsWith('<!-- conveyor:terraform stack=infra/app workspace=prod fingerprint=') && b.includes('**Plan: 7 to add, 0 to change, 0 to destroy.**')));
  });
  await check(SCOPE, 'pull request: tflint\'s SARIF reached code scanning, one category per layer; the secret environment never reached the log', () => {
    // One category per layer, so the app layer's upload does not replace the base layer's results.
    assert.deepEqual([...new Set(api.state.sarifUploads.map((u) => u.category))].sort(), ['tflint/infra/app/', 'tflint/infra/base/']);
    assert.ok(!pr.log.includes('never-shown-in-any-log'), 'the TERRAFORM_ENV value is in the log');
  });
  const ids = comments(5).map((c) => c.id).sort();
  const again = await run('pull_request', five.payload);
  await check(SCOPE, 'pull request, again: the same two comments are updated, none added', () => {
    assert.equal(again.status, 0, tail(again.log));
    assert.deepEqual(comments(5).map((c) => c.id).sort(), ids);
  });

  // ── the merge of #5 ─────────────────────────────────────────────────────────────────────────────────
  fs.rmSync(setup.logFile, { force: true });
  const merged = merge(5, 'more-capacity');
  const push = await run('push', merged.payload);
  await check(SCOPE, 'merge: each stack\'s saved plan is applied, base before app', () => {
    assert.equal(push.status, 0, tail(push.log));
    for (const layer of ['base', 'app']) assert.equal(stateOf(push, layer, 'apply'), 'succeeded', `${layer}: ${JSON.stringify(jobs(push, layer))}\n${tail(push.log)}`);
    assert.deepEqual(applied(), ['base', 'app']);
    // The apply jobs applied the files the plan jobs saved (handed over as artifacts), without planning again.
    const applies = calls().filter((c) => c.args[0] === 'apply');
    for (const c of applies) assert.match(c.args.at(-1)!, /conveyor-reviewed\/plan\.tfplan$/);
    assert.equal(calls().filter((c) => c.args[0] === 'plan').length, 2);
  });
  await check(SCOPE, 'merge: the pull request\'s comments say the plans were applied at the merge commit', () => {
    for (const c of comments(5)) assert.ok(c.body.includes(`at commit ${merged.sha.slice(0, 7)}.`), c.body.slice(0, 400));
  });

  // ── pull request #6, and a plan that changes before its merge ───────────────────────────────────────
  const six = pullRequest(6, 'rename-service', { 'infra/app/main.tf': stack('service-v2') });
  const reviewed = await run('pull_request', six.payload);
  await check(SCOPE, 'second pull request: planned and commented', () => {
    assert.equal(reviewed.status, 0, tail(reviewed.log));
    assert.equal(comments(6).length, 2);
  });
  fs.rmSync(setup.logFile, { force: true });
  // Between review and merge the infrastructure moved on: app now plans something else.
  writeScenario(setup.scenarioFile, setup.scenario('110_sensitive_values.plan.json'));
  const mergedSix = merge(6, 'rename-service');
  const refused = await run('push', mergedSix.payload);
  await check(SCOPE, 'changed plan: base is applied, app is refused as not the plan reviewed on #6, nothing applied to app', () => {
    assert.notEqual(refused.status, 0, 'the run succeeded');
    assert.equal(stateOf(refused, 'base', 'apply'), 'succeeded', JSON.stringify(jobs(refused, 'base')));
    assert.equal(stateOf(refused, 'app', 'apply'), 'failed', JSON.stringify(jobs(refused, 'app')));
    assert.deepEqual(applied(), ['base']);
    assert.match(refused.log, /The plan for infra\/app is not the reviewed one on pull request #6/);
    assert.ok(!comments(6).find((c) => c.body.includes('stack=infra/app'))!.body.includes('This plan was applied'));
  });

  // ── a merge whose files are not formatted: the gate's checks fail, so nothing is applied ────────────
  fs.rmSync(setup.logFile, { force: true });
  writeScenario(setup.scenarioFile, { ...setup.scenario('basic.plan.json'), fmtExit: 3, fmtStdout: 'main.tf\n' });
  pullRequest(7, 'unformatted', { 'infra/base/prod.tfvars': '# base in prod, again\n' });
  const unformatted = await run('push', merge(7, 'unformatted').payload);
  await check(SCOPE, 'unformatted files on main: the check job fails and no apply job runs', () => {
    assert.notEqual(unformatted.status, 0, 'the run succeeded');
    assert.equal(stateOf(unformatted, 'base', 'check'), 'failed', JSON.stringify(jobs(unformatted, 'base')));
    assert.equal(stateOf(unformatted, 'base', 'apply'), undefined, JSON.stringify(jobs(unformatted, 'base')));
    assert.deepEqual(applied(), []);
  });
}

function tail(log: string, lines = 80): string {
  return log.split('\n').filter((l) => !l.startsWith('time=')).slice(-lines).join('\n');
}
