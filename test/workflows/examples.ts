/**
 * Example repositories run by act: the example's own files committed to a throwaway repository, its events
 * sent, and the state that results checked. The terraform stand-in and the real tflint are installed by the
 * root action from a local mirror (see infrastructure.ts).
 *
 *   examples/gke-terraform-cloud, pull request → fmt, validate, tflint and a plan of the HCP Terraform stack with
 *     its token in TF_TOKEN_app_terraform_io (never in the log) and the image variable, one comment
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readCalls, writeScenario } from '../terraform/standin.ts';
import { check } from './checks.ts';
import { createRepository, exampleFiles, git, runAct, syncApi, writeFiles, type World } from './harness.ts';
import { terraformTools } from './infrastructure.ts';

export async function terraformCloudExample(world: World): Promise<void> {
  const SCOPE = 'examples/gke-terraform-cloud';
  const { api, gitEnv } = world;
  const tools = await terraformTools(world);
  try {
    writeScenario(tools.scenarioFile, { fmtExit: 0, validateJson: tools.validateJson, workspaces: ['prod'], planJson: path.join(tools.plans, 'identity.plan.json') });
    const repo = createRepository(world, 'acme/catalogue', exampleFiles('gke-terraform-cloud'), 'catalogue: image and HCP Terraform deploy');
    git(repo.work, gitEnv, 'checkout', '-q', '-b', 'bigger-nodes');
    writeFiles(repo.work, { 'infra/main.tf': `${fs.readFileSync(path.join(repo.work, 'infra/main.tf'), 'utf8')}\n# bigger nodes\n` });
    git(repo.work, gitEnv, 'commit', '-q', '-am', 'infra: bigger nodes');
    const sha = git(repo.work, gitEnv, 'rev-parse', 'HEAD');
    git(repo.work, gitEnv, 'push', '-q', 'origin', 'HEAD:refs/heads/bigger-nodes');
    syncApi(world, 'acme/catalogue');
    git(repo.work, gitEnv, 'remote', 'set-url', 'origin', 'https://github.com/acme/catalogue');
    const repository = { name: 'catalogue', full_name: 'acme/catalogue', owner: { login: 'acme' }, default_branch: 'main', html_url: 'https://github.com/acme/catalogue', private: false };
    const token = 'hcp-terraform-test-token.atlasv1.0123456789abcdef';
    const run = await runAct(world, {
      cwd: repo.work, event: 'pull_request', workflow: '.github/workflows/pull-request.yml',
      payload: { action: 'opened', number: 3, repository, pull_request: { number: 3, head: { ref: 'bigger-nodes', sha, repo: repository }, base: { ref: 'main', repo: repository } } },
      secrets: { TF_API_TOKEN: token },
      vars: { CONVEYOR_DOWNLOAD_BASE_URL: tools.mirror },
      env: { STANDIN_SCENARIO: tools.scenarioFile, STANDIN_LOG: tools.logFile, CONVEYOR_TEST_ARTIFACTS: path.join(world.tmp, 'artifacts-catalogue') },
    });
    const calls = readCalls(tools.logFile).filter((c) => c.tool === 'terraform');
    await check(SCOPE, 'pull request: checks and the plan of the cloud stack succeed, one comment, no apply', () => {
      assert.equal(run.status, 0, run.log.split('\n').slice(-80).join('\n'));
      const comments = api.state.comments.filter((c) => c.repo === 'catalogue' && c.issueNumber === 3);
      assert.equal(comments.length, 1);
      assert.ok(comments[0]!.body.startsWith('<!-- conveyor:terraform stack=infra workspace=default fingerprint='), comments[0]!.body.slice(0, 200));
      assert.ok(!calls.some((c) => c.args[0] === 'apply'));
    });
    await check(SCOPE, 'pull request: terraform got the HCP Terraform token as TF_TOKEN_app_terraform_io, and the image variable', () => {
      const plan = calls.find((c) => c.args[0] === 'plan');
      assert.ok(plan, 'no plan call');
      assert.deepEqual(plan.cloudTokens, ['TF_TOKEN_app_terraform_io']);
      assert.ok(plan.args.includes('-var=image=ghcr.io/acme/catalogue:pull-request-3'), plan.args.join(' '));
    });
    await check(SCOPE, 'pull request: the token never reached the log', () => {
      assert.ok(!run.log.includes(token));
    });
  } finally {
    await tools.close();
  }
}
