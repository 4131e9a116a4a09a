import { describe, it, expect } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusPath } from '../../../test/support/corpus.ts';
import { parseReport } from './report.ts';
import { renderSarif, imageShortPathName } from './sarif.ts';

const golden = corpusPath('grype', 'grype-golden');

(golden ? describe : describe.skip)('SARIF against grype\'s own rendering', () => {
  const dir = golden!;
  it('equals grype\'s SARIF for the golden report, except the tool version', () => {
    const report = parseReport(fs.readFileSync(path.join(dir, 'image.grype.json'), 'utf8'));
    const expected = JSON.parse(fs.readFileSync(path.join(dir, 'image.sarif.json'), 'utf8')) as { runs: { tool: { driver: { version: string } } }[] };
    const ours = renderSarif(report, report.matches, { toolVersion: expected.runs[0]!.tool.driver.version });
    expect(ours).toEqual(expected);
  });

  it('writes an empty run for the empty report', () => {
    const report = parseReport(fs.readFileSync(path.join(dir, 'empty.grype.json'), 'utf8'));
    const sarif = renderSarif(report);
    expect(sarif.runs[0]!.results).toEqual([]);
    expect(sarif.runs[0]!.tool.driver).toEqual({ name: 'grype', version: '0.0.0-dev', informationUri: 'https://github.com/anchore/grype' });
  });
});

describe('imageShortPathName', () => {
  it.each([
    ['user-input', 'user-input'],
    ['ghcr.io/acme/app:1.2', 'app1.2'],
    ['registry:5000/a/b@sha256:abc', 'bsha256abc'],
  ])('%s → %s', (input, expected) => {
    expect(imageShortPathName(input)).toBe(expected);
  });
});
