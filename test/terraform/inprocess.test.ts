/**
 * The gate and the tflint command in-process (no bundle): a pinned version is installed through the
 * injected installer and that binary is the one run; `conveyor tflint` reads flags and writes SARIF.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { readInputs, runCommand, type GitHubContext } from '@conveyor/kit';
import { runGate, terraformInputs } from '@conveyor/terraform';
import { terraformCommand, tflintCommand } from '@conveyor/terraform/cli';
import { corpusPath } from '../support/corpus.ts';
import { cleanupTempDirs, tempDir } from '../support/tmp.ts';
import { installStandIns, readCalls, writeScenario } from './standin.ts';

const plans = corpusPath('terraform', 'terraform-json');
const lints = corpusPath('terraform', 'tflint');

afterAll(cleanupTempDirs);

function context(workspace: string): GitHubContext {
  return { eventName: 'push', ref: '', refName: '', refType: '', sha: '', baseRef: '', headRef: '', owner: 'acme', repo: 'infra', serverUrl: 'https://github.com', apiUrl: 'http://127.0.0.1:1', runId: '', runAttempt: '', actor: '', workspace, payload: {} };
}

(plans ? describe : describe.skip)('terraform gate with a pinned version', () => {
  it('installs the asked version and runs that binary, not the one on PATH', async () => {
    const repo = tempDir('conveyor-tf-pin-');
    fs.mkdirSync(path.join(repo, 'app'));
    const toolDir = tempDir('conveyor-tf-tool-');
    const { scenarioFile, logFile } = installStandIns(toolDir);
    writeScenario(scenarioFile, { planJson: path.join(plans!, 'basic.plan.json') });
    const asked: string[] = [];
    const inputs = readInputs(terraformInputs, (name) => ({ command: 'plan', 'working-directory': 'app', binary: 'tofu', version: '1.8.5', 'plan-dir': path.join(repo, '.plans') } as Record<string, string>)[name], { baseDir: repo });
    const result = await runGate(inputs, {
      context: context(repo),
      env: { PATH: '/nonexistent', STANDIN_SCENARIO: scenarioFile, STANDIN_LOG: logFile },
      install: async (name, version) => { asked.push(`${name}@${version}`); return path.join(toolDir, name); },
    });
    expect(asked).toEqual(['tofu@1.8.5']);
    expect(readCalls(logFile).map((c) => `${c.tool} ${c.args[0]}`)).toEqual(['tofu init', 'tofu plan', 'tofu show']);
    expect(result.outputs['to-add']).toBe(7);
    expect(result.failures).toEqual([]);
  });

  it('refuses a version that is not exact before running anything', () => {
    expect(() => readInputs(terraformInputs, (name) => ({ command: 'plan', version: '1.x' } as Record<string, string>)[name], { baseDir: '/' }))
      .toThrow("Input 'version' is \"1.x\"; accepted: an exact version such as 1.9.8 (empty: use the one on PATH).");
  });
});

(lints ? describe : describe.skip)('conveyor tflint', () => {
  it('runs tflint found on PATH, prints the outputs and writes one SARIF run', async () => {
    const repo = tempDir('conveyor-tflint-cli-');
    const bin = tempDir('conveyor-tflint-bin-');
    const { scenarioFile, logFile } = installStandIns(bin);
    writeScenario(scenarioFile, { tflintReport: path.join(lints!, 'inspection__module.json'), tflintExit: 2 });
    let stdout = '';
    let stderr = '';
    const code = await runCommand(tflintCommand, ['--no-init', '--sarif-path', 'out.sarif', '--json'], {
      stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, cwd: repo,
      env: { PATH: `${bin}${path.delimiter}${process.env.PATH}`, STANDIN_SCENARIO: scenarioFile, STANDIN_LOG: logFile },
    });
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual({ issues: '4', errors: '0', 'failing-issues': '4', 'sarif-path': path.join(repo, 'out.sarif') });
    expect(stderr).toContain('error: module.tf:11 instance type is t1.2xlarge');
    expect(JSON.parse(fs.readFileSync(path.join(repo, 'out.sarif'), 'utf8')).runs).toHaveLength(1);
    expect(readCalls(logFile).map((c) => c.args[0])).toEqual(['--format=json']);
  });
});

(plans ? describe : describe.skip)('conveyor terraform plan', () => {
  it("refuses a destroy in the CLI's words (--allow-destroy, not allow-destroy: true) and says where the plan files went", async () => {
    const repo = tempDir('conveyor-tf-cli-');
    fs.mkdirSync(path.join(repo, 'app'));
    const bin = tempDir('conveyor-tf-cli-bin-');
    const { scenarioFile, logFile } = installStandIns(bin);
    writeScenario(scenarioFile, { planJson: path.join(plans!, 'config_resource_depends_on.plan.json') });
    const tmp = tempDir('conveyor-tf-cli-tmp-');
    let stdout = '';
    let stderr = '';
    const io = {
      stdout: (t: string) => { stdout += t; }, stderr: (t: string) => { stderr += t; }, cwd: repo,
      env: { PATH: `${bin}${path.delimiter}${process.env.PATH}`, STANDIN_SCENARIO: scenarioFile, STANDIN_LOG: logFile, TMPDIR: tmp },
    };
    expect(await runCommand(terraformCommand, ['plan', '--working-directory', 'app'], io)).toBe(1);
    expect(stderr).toMatch(/^conveyor terraform: The plan for app destroys or replaces 1 resource\(s\) that no rule allows:/);
    expect(stderr).toContain('pass --allow-destroy, or list the addresses (patterns with *) in --allowed-destroy.');
    expect(stderr).not.toContain('allow-destroy: true');
    // The plan went to a fresh folder of this run, and the output names it.
    const files = /Files: plan-path (\S+), plan-json-path (\S+), plan-text-path (\S+)/.exec(stdout);
    expect(files?.[1]).toMatch(new RegExp(`^${tmp}/conveyor-terraform-[^/]+/`));
    expect(fs.existsSync(files![3]!)).toBe(true);
  });
});
