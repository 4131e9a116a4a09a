import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { corpusPath } from '../../../test/support/corpus.ts';
import { runCommand } from '@conveyor/kit';
import { terraformCommand } from './cli.ts';

const corpus = corpusPath('terraform', 'terraform-json');

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCommand(terraformCommand, argv, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, env: {}, cwd: corpus ?? '.' });
  return { code, stdout, stderr };
}

(corpus ? describe : describe.skip)('conveyor terraform summarize', () => {
  it('prints the counts and fingerprint of a plan document with --json', async () => {
    const { code, stdout } = await cli(['summarize', 'config_resource_depends_on.plan.json', '--json']);
    expect(code).toBe(0);
    const outputs = JSON.parse(stdout);
    expect(outputs).toMatchObject({ changes: 'true', 'to-add': '1', 'to-change': '0', 'to-destroy': '1', 'to-replace': '1', 'to-import': '0', 'to-move': '0', 'to-forget': '0' });
    expect(outputs.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('prints the readable plan without --json', async () => {
    const { code, stdout } = await cli(['summarize', path.join(corpus!, 'action_reason.plan.json')]);
    expect(code).toBe(0);
    expect(stdout).toContain('# null_resource.example must be replaced (destroyed, then created) (because: tainted)');
  });

  it('fails with a clear message on the invalid plan and on a missing file', async () => {
    const invalid = await cli(['summarize', 'invalid.plan.json']);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/invalid\.plan\.json is not a JSON plan document/);
    const missing = await cli(['summarize', 'nope.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Cannot read the plan document .*nope\.json \(ENOENT\)/);
  });

  it('exits 1 on an errored plan, with the readable plan and a failure line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-summarize-'));
    const file = path.join(dir, 'errored.plan.json');
    fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(path.join(corpus!, '120_basic.plan.json'), 'utf8')), errored: true }));
    try {
      const text = await cli(['summarize', file]);
      expect(text.code).toBe(1);
      expect(text.stdout.startsWith('Error: the plan failed; what follows is incomplete and cannot be applied.')).toBe(true);
      expect(text.stderr).toContain('errored.plan.json errored ("errored": true)');
      const json = await cli(['summarize', file, '--json']);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout).errored).toBe('true');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a bad command word with the accepted ones', async () => {
    const { code, stderr } = await cli(['destroy-all']);
    expect(code).toBe(2);
    expect(stderr).toBe('conveyor terraform: Unknown subcommand "destroy-all"; accepted: summarize, fmt, validate, plan, apply, stacks (see conveyor terraform --help).\n');
  });
});
