import { afterAll, describe, it, expect } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError, readInputs } from '@conveyor/kit';
import { cleanupTempDirs, tempDir } from '../../../test/support/tmp.ts';
import { loadPolicy, policyInputs, scanInputs, scanSource } from './inputs.ts';

afterAll(() => cleanupTempDirs());

function policyFrom(workspace: string, values: Record<string, string>) {
  return loadPolicy(readInputs(policyInputs, (name) => values[name], { baseDir: workspace }), workspace);
}

describe('the policy from inputs', () => {
  it('takes the cutoff from the input, else the config file, else medium; only-fixed from either', () => {
    const ws = tempDir('scan-inputs-');
    expect(policyFrom(ws, {}).severityCutoff).toBe('medium');
    fs.writeFileSync(path.join(ws, '.grype.yaml'), 'fail-on-severity: high\nonly-fixed: true\n');
    const implicit = policyFrom(ws, {});
    expect(implicit).toMatchObject({ severityCutoff: 'high', onlyFixed: true, configFile: path.join(ws, '.grype.yaml') });
    expect(policyFrom(ws, { 'severity-cutoff': 'none' }).severityCutoff).toBe('none');
  });

  it('reports every problem of every policy source at once, naming inputs and files', () => {
    const ws = tempDir('scan-inputs-');
    fs.writeFileSync(path.join(ws, 'grype.yaml'), 'ignore:\n  - package: {name: zlib}\n');
    fs.writeFileSync(path.join(ws, 'bad.vex.json'), '{"@context":"https://openvex.dev/ns/v0.2.0","statements":[{"vulnerability":"CVE-1","products":["x"],"status":"nope"}]}');
    let error: unknown;
    try {
      policyFrom(ws, { ignore: '- vulnerability: CVE-1', config: 'grype.yaml', vex: 'missing.json\nbad.vex.json' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const problems = (error as InputError).problems;
    expect(problems).toHaveLength(4);
    expect(problems[0]).toContain("Input 'ignore' has invalid ignore rules:\n- ignore[0] has no reason");
    expect(problems[1]).toContain(`The grype config ${path.join(ws, 'grype.yaml')} has problems:\n- grype.yaml ignore[0] has no reason`);
    expect(problems[2]).toContain(`Input 'vex' names "missing.json", but ${path.join(ws, 'missing.json')} is not a file`);
    expect(problems[3]).toContain('statements[0].status is "nope"');
  });

  it('refuses a cutoff it does not know', () => {
    expect(() => readInputs(policyInputs, (n) => (n === 'severity-cutoff' ? 'severe' : undefined), { baseDir: '/' }))
      .toThrow("Input 'severity-cutoff' is \"severe\"; accepted: negligible | low | medium | high | critical | none.");
  });
});

describe('the scan source', () => {
  it('is exactly one of image, sbom and path', () => {
    const read = (v: Record<string, string>) => scanSource(readInputs(scanInputs, (n) => v[n], { baseDir: '/' }));
    expect(read({ image: 'ghcr.io/a/b@sha256:' + '0'.repeat(64) })).toEqual({ kind: 'image', image: 'ghcr.io/a/b@sha256:' + '0'.repeat(64) });
    expect(read({ path: '/' })).toEqual({ kind: 'path', path: '/' });
    expect(() => read({})).toThrow(/Nothing to scan/);
    expect(() => read({ image: 'a', path: '/' })).toThrow('Inputs image and path are both set; set exactly one of image, sbom or path.');
    expect(() => read({ image: 'a b' })).toThrow(/no spaces/);
    expect(read({ image: 'registry:ghcr.io/a/b:sha-0123abc' })).toEqual({ kind: 'image', image: 'registry:ghcr.io/a/b:sha-0123abc' });
    expect(() => read({ image: 'ghcr.io/a/b@sha-0123abc' })).toThrow(
      `Input 'image' is "ghcr.io/a/b@sha-0123abc"; what follows @ must be a digest such as sha256:<64 hex digits>. Reference a tag with a colon: name:tag.`,
    );
    expect(() => read({ image: 'a', 'grype-version': 'latest' })).toThrow(/Input 'grype-version' is "latest"; accepted: an exact grype version/);
  });
});
