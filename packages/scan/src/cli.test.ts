import { afterAll, describe, it, expect } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusPath } from '../../../test/support/corpus.ts';
import { cleanupTempDirs, tempDir } from '../../../test/support/tmp.ts';
import { InputError, type CliIo } from '@conveyor/kit';
import { scanCommand } from './cli.ts';
import { parseVerdict } from './verdict.ts';

const defectdojo = corpusPath('grype', 'defectdojo');

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {}, cwd };
  return { io: value, out: () => out.join(''), err: () => err.join('') };
}

afterAll(() => cleanupTempDirs());

(defectdojo ? describe : describe.skip)('conveyor scan report', () => {
  const report = path.join(defectdojo ?? '', 'issue_9618.json');

  it('prints the outputs as JSON and fails (exit 1 from the CLI) on a policy failure', async () => {
    const dir = tempDir('scan-cli-');
    const t = io(dir);
    await expect(scanCommand.run(['report', report, '--severity-cutoff', 'critical', '--output-dir', 'out', '--json'], t.io))
      .rejects.toThrow('The scan found 1 match at or above the severity cutoff (critical): CVE-2023-44981 (critical) in cups-libs');
    const outputs = JSON.parse(t.out());
    expect(outputs).toMatchObject({ verdict: 'fail', json: report, sarif: path.join(dir, 'out', 'results.sarif'), 'verdict-file': path.join(dir, 'out', 'verdict.json') });
    expect(outputs.counts.critical).toBe(1);
    expect(parseVerdict(fs.readFileSync(outputs['verdict-file'], 'utf8')).decision).toBe('fail');
  });

  it('applies ignore rules, a config file and only-fixed from flags, and passes', async () => {
    const dir = tempDir('scan-cli-');
    fs.writeFileSync(path.join(dir, 'policy.yaml'), 'ignore:\n  - vulnerability: CVE-2023-44981\n    reason: mitigated\n');
    const t = io(dir);
    const code = await scanCommand.run(['report', report, '--severity-cutoff=critical', '--config', 'policy.yaml', '--only-fixed', '--output-dir', dir, '--json'], t.io);
    expect(code).toBe(0);
    const outputs = JSON.parse(t.out());
    expect(outputs.verdict).toBe('pass');
    expect(outputs.counts).toEqual(outputs['counts-fixable']);
    const verdict = parseVerdict(fs.readFileSync(outputs['verdict-file'], 'utf8'));
    expect(verdict.ignored.find((i) => i.id === 'CVE-2023-44981')?.rule).toBe('policy.yaml ignore[0]');
    expect(verdict.ignored.filter((i) => i.rule === 'only-fixed').length).toBeGreaterThan(0);
  });

  it('without --json prints the Markdown summary', async () => {
    const dir = tempDir('scan-cli-');
    const t = io(dir);
    expect(await scanCommand.run(['report', report, '--no-fail-build', '--output-dir', dir], t.io)).toBe(0);
    expect(t.out()).toContain(`Files: grype report \`${report}\`, SARIF \`${path.join(dir, 'results.sarif')}\`, verdict \`${path.join(dir, 'verdict.json')}\`\n`);
    expect(t.out()).toMatch(/^## Vulnerability scan: ⚠️ fail \(fail-build is off\)\n`quay.io\/cloudservices\/xjoin-kafka-connect-strimzi:latest` · grype 0.96.0 · DB built 2024-02-22T01:23:26Z/);
  });

  it('refuses a file that is not a grype report, and a missing one, as input errors', async () => {
    const dir = tempDir('scan-cli-');
    fs.writeFileSync(path.join(dir, 'x.json'), '{"runs": []}');
    await expect(scanCommand.run(['report', 'x.json'], io(dir).io)).rejects.toThrow(/x.json has no "matches" list, so it is not a grype JSON report/);
    await expect(scanCommand.run(['report', 'nope.json'], io(dir).io)).rejects.toThrow(InputError);
    await expect(scanCommand.run(['report'], io(dir).io)).rejects.toThrow(/takes one grype JSON report \(got 0\)/);
    await expect(scanCommand.run(['report', 'x.json', '--severity', 'high'], io(dir).io)).rejects.toThrow(/Unknown flag --severity/);
  });
});
