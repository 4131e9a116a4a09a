/**
 * The example repositories under examples/: each one's workflows call conveyor's reusable workflows with
 * inputs and secrets those workflows declare (actionlint cannot check a remote reusable workflow), its
 * environments file is valid and every target is found in its GitOps files by promote's own updaters, its
 * SOPS files decrypt with its test key (MAC checked) to what the real sops gives, its Terraform stacks exist,
 * and the real actionlint finds nothing.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { parseEnvironments } from '../../packages/promote/src/environments.ts';
import { matchPaths } from '../../packages/promote/src/glob.ts';
import { updaterFor } from '../../packages/promote/src/targets/index.ts';
import { parseYamlFile } from '../../packages/promote/src/yaml-edit.ts';
import { decryptFile } from '../../packages/sops/src/index.ts';
import { repoRoot, toolOrSkip } from '../support/tools.ts';

const examplesDir = path.join(repoRoot, 'examples');
const examples = fs.readdirSync(examplesDir).filter((name) => fs.statSync(path.join(examplesDir, name)).isDirectory()).sort();

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const visit = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(child);
      else out.push(child);
    }
  };
  visit('');
  return out.sort();
}

interface Call { job: string; workflow: string; with: Record<string, unknown>; secrets: Record<string, unknown> }

/** Every `uses: conveyor/conveyor/.github/workflows/<file>@v1` job of an example workflow. */
function reusableCalls(file: string): Call[] {
  const doc = parse(fs.readFileSync(file, 'utf8')) as { jobs: Record<string, { uses?: string; with?: Record<string, unknown>; secrets?: Record<string, unknown> }> };
  return Object.entries(doc.jobs).filter(([, job]) => job.uses).map(([name, job]) => {
    const m = /^conveyor\/conveyor\/\.github\/workflows\/(reusable-[\w-]+\.yml)@v1$/.exec(job.uses!);
    if (!m) throw new Error(`${file}: job ${name} uses ${job.uses}, not one of conveyor's reusable workflows at @v1`);
    return { job: name, workflow: m[1]!, with: job.with ?? {}, secrets: job.secrets ?? {} };
  });
}

function declared(workflow: string): { inputs: Record<string, { required?: boolean }>; secrets: Record<string, unknown> } {
  const doc = parse(fs.readFileSync(path.join(repoRoot, '.github', 'workflows', workflow), 'utf8')) as { on: { workflow_call: { inputs?: Record<string, { required?: boolean }>; secrets?: Record<string, unknown> } } };
  return { inputs: doc.on.workflow_call.inputs ?? {}, secrets: doc.on.workflow_call.secrets ?? {} };
}

/** The age identity of an example, from its test key file. */
function testKey(dir: string): string | undefined {
  const file = path.join(dir, 'test-keys', 'age-test-key.txt');
  if (!fs.existsSync(file)) return undefined;
  const text = fs.readFileSync(file, 'utf8');
  expect(text).toMatch(/^# TEST KEY ONLY/);
  return /^AGE-SECRET-KEY-1\S+$/m.exec(text)?.[0];
}

describe.each(examples)('examples/%s', (name) => {
  const dir = path.join(examplesDir, name);
  const files = filesUnder(dir);
  const workflows = files.filter((f) => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(f));

  it('has a README that says which system it mirrors and what conveyor replaces', () => {
    const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
    expect(readme).toMatch(/\*\*Mirrors:\*\*/);
    expect(readme).toMatch(/\*\*What conveyor replaces here\*\*/);
    expect(readme).toMatch(/\*\*What stays outside:\*\*/);
  });

  it('calls conveyor\'s reusable workflows with the inputs and secrets they declare', () => {
    expect(workflows.length).toBeGreaterThan(0);
    const problems: string[] = [];
    let calls = 0;
    for (const wf of workflows) {
      for (const call of reusableCalls(path.join(dir, wf))) {
        calls += 1;
        const spec = declared(call.workflow);
        for (const key of Object.keys(call.with)) if (!(key in spec.inputs)) problems.push(`${wf} job ${call.job}: ${call.workflow} has no input '${key}'`);
        for (const [key, input] of Object.entries(spec.inputs)) if (input.required && !(key in call.with)) problems.push(`${wf} job ${call.job}: required input '${key}' of ${call.workflow} is missing`);
        for (const key of Object.keys(call.secrets)) if (!(key in spec.secrets)) problems.push(`${wf} job ${call.job}: ${call.workflow} has no secret '${key}'`);
      }
    }
    expect(problems).toEqual([]);
    expect(calls).toBeGreaterThan(0);
  });

  it('has an environments file whose every target promote finds in the GitOps files', () => {
    const envFile = path.join(dir, '.github', 'conveyor', 'environments.yml');
    if (!fs.existsSync(envFile)) {
      // Only an example whose deployment is not GitOps may go without; its README says why.
      expect(fs.readFileSync(path.join(dir, 'README.md'), 'utf8')).toMatch(/\*\*Not used here:\*\* an environments file/);
      return;
    }
    const environments = parseEnvironments(fs.readFileSync(envFile, 'utf8'), envFile);
    expect(environments.length).toBeGreaterThan(1);
    let found = 0;
    for (const env of environments) {
      for (const target of env.targets) {
        const matched = matchPaths(target.file, files);
        expect([env.name, target.file, matched.length > 0]).toEqual([env.name, target.file, true]);
        for (const file of matched) {
          const observed = updaterFor(target).read(parseYamlFile(file, fs.readFileSync(path.join(dir, file), 'utf8')), target);
          expect(observed.length).toBeGreaterThan(0);
          found += observed.length;
        }
      }
    }
    expect(found).toBeGreaterThanOrEqual(environments.length);
  });

  const sopsFiles = files.filter((f) => /\.sops\.[a-z]+$/.test(f) && path.basename(f) !== '.sops.yaml');
  // An example without SOPS files (gke-terraform-cloud keeps its secrets in HCP Terraform) has no such test.
  if (sopsFiles.length > 0) it('decrypts its SOPS files with its test key, MAC checked, as the real sops does', async () => {
    const identity = testKey(dir);
    expect(identity).toBeDefined();
    const sops = toolOrSkip('sops', 'the comparison with the real sops');
    for (const file of sopsFiles) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      expect(text).toContain('ENC[AES256_GCM,');
      const decrypted = await decryptFile(text, file, { age: [{ identity: identity!, origin: 'test key' }], pgp: [] });
      expect(decrypted.macWarning).toBeUndefined();
      const secrets = decrypted.leaves.filter((l) => l.encrypted);
      expect(secrets.length).toBeGreaterThan(0);
      if (sops) {
        // Compared as data: the real sops re-indents YAML on output, which says nothing about the values.
        const real = execFileSync(sops, ['decrypt', '--output-type', 'json', path.join(dir, file)], { env: { PATH: process.env.PATH, SOPS_AGE_KEY: identity!, HOME: dir }, encoding: 'utf8' });
        expect(JSON.parse(decrypted.json())).toEqual(JSON.parse(real));
      }
    }
  });

  it('has every Terraform stack its workflows name, each a root module', () => {
    for (const wf of workflows) {
      for (const call of reusableCalls(path.join(dir, wf)).filter((c) => c.workflow === 'reusable-terraform.yml')) {
        const stacks = String(call.with['working-directory'] ?? '.').split('\n').map((s) => s.trim()).filter(Boolean);
        for (const stack of stacks) {
          const tf = fs.existsSync(path.join(dir, stack)) ? fs.readdirSync(path.join(dir, stack)).filter((f) => f.endsWith('.tf')) : [];
          expect([wf, stack, tf.length > 0]).toEqual([wf, stack, true]);
          const text = tf.map((f) => fs.readFileSync(path.join(dir, stack, f), 'utf8')).join('\n');
          expect([stack, /^\s*(backend\s+"[^"]+"|cloud)\s*\{/m.test(text)]).toEqual([stack, true]);
        }
      }
    }
  });

  const actionlint = toolOrSkip('actionlint', `the real actionlint on examples/${name}`);
  (actionlint ? it : it.skip)('lints clean with the real actionlint', () => {
    const shellcheck = ['/usr/bin/shellcheck', '/usr/local/bin/shellcheck'].find((f) => fs.existsSync(f));
    const args = [...(shellcheck ? [] : ['-shellcheck=']), ...workflows];
    expect(execFileSync(actionlint!, args, { cwd: dir, encoding: 'utf8' })).toBe('');
  });
});

describe('the starter workflows', () => {
  it.each(['infrastructure.yml', 'pipeline.yml'])('workflows/%s calls the reusable workflows with inputs and secrets they declare', (file) => {
    const problems: string[] = [];
    const calls = reusableCalls(path.join(repoRoot, 'workflows', file));
    for (const call of calls) {
      const spec = declared(call.workflow);
      for (const key of Object.keys(call.with)) if (!(key in spec.inputs)) problems.push(`job ${call.job}: ${call.workflow} has no input '${key}'`);
      for (const key of Object.keys(call.secrets)) if (!(key in spec.secrets)) problems.push(`job ${call.job}: ${call.workflow} has no secret '${key}'`);
    }
    expect(problems).toEqual([]);
    expect(calls.length).toBeGreaterThan(0);
  });
});
