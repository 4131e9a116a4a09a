/** `conveyor sops decrypt` and `conveyor sops exec` on corpus files. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { runCommand } from '@conveyor/kit';
import { sopsCommand } from '@conveyor/sops/cli';
import { corpusPath } from '../support/corpus.ts';
import { cleanupTempDirs, tempDir } from '../support/tmp.ts';

const dir = corpusPath('sops');

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCommand(sopsCommand, argv, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, env: { PATH: process.env.PATH, ...env }, cwd: dir! });
  return { code, stdout, stderr };
}

(dir ? describe : describe.skip)('conveyor sops', () => {
  afterAll(cleanupTempDirs);
  const ageEnv = () => ({ SOPS_AGE_KEY_FILE: path.join(dir!, 'flux', 'keys', 'age.txt') });

  it('decrypt prints the file in its own format, or as JSON, YAML or dotenv', async () => {
    const own = await cli(['decrypt', 'flux/algorithms/age.yaml'], ageEnv());
    expect(own).toEqual({ code: 0, stderr: '', stdout: 'apiVersion: v1\nkind: Secret\nmetadata:\n    name: age\nstringData:\n    key: value\n' });
    const json = await cli(['decrypt', 'flux/algorithms/age.yaml', '--output-type', 'json'], ageEnv());
    expect(JSON.parse(json.stdout)).toEqual({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'age' }, stringData: { key: 'value' } });
    const dotenv = await cli(['decrypt', 'flux/algorithms/age.yaml', '--output-type=dotenv'], ageEnv());
    expect(dotenv.stdout).toBe('APIVERSION=v1\nKIND=Secret\nMETADATA__NAME=age\nSTRINGDATA__KEY=value\n');
    const pgp = await cli(['decrypt', 'getsops/example.json', '--output-type', 'yaml', '--pgp-key-file', 'getsops/sops_functional_tests_key.asc']);
    expect(pgp.code).toBe(0);
    expect(pgp.stdout.split('\n').slice(0, 4)).toEqual(['firstName: John', 'lastName: Smith', 'age: 25.4', 'address:']);
  });

  it('decrypt refuses a file without a MAC, and a bad --output-type', async () => {
    const noMac = await cli(['decrypt', 'getsops/no_mac.yaml', '--pgp-key-file', 'getsops/sops_functional_tests_key.asc']);
    expect(noMac.code).toBe(1);
    expect(noMac.stdout).toBe('');
    expect(noMac.stderr).toMatch(/no_mac\.yaml has no MAC/);
    const bad = await cli(['decrypt', 'flux/algorithms/age.yaml', '--output-type', 'toml'], ageEnv());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('accepted: json | yaml | dotenv');
  });

  it('exec runs the command with the values in its environment only', async () => {
    const out = path.join(tempDir('conveyor-sops-exec-'), 'seen.txt');
    const script = 'require("fs").writeFileSync(process.argv[1], process.env.APP_STRINGDATA__KEY + "|" + process.env.APP_KIND)';
    const result = await cli(['exec', 'flux/algorithms/age.yaml', '--env-prefix', 'APP_', '--', process.execPath, '-e', script, out], ageEnv());
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(fs.readFileSync(out, 'utf8')).toBe('value|Secret');
    expect(process.env.APP_STRINGDATA__KEY).toBeUndefined();
    const failing = await cli(['exec', 'flux/algorithms/age.yaml', '--', process.execPath, '-e', 'process.exit(3)'], ageEnv());
    expect(failing.code).toBe(3);
  });
});
