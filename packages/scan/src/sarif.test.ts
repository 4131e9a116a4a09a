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

(golden ? describe : describe.skip)('SARIF for a folder scan', () => {
  it('uses the package path as the location, no logical locations, and grype\'s fingerprint', () => {
    const data = JSON.parse(fs.readFileSync(path.join(golden!, 'image.grype.json'), 'utf8'));
    data.source = { type: 'directory', target: '/some/path' };
    data.matches[0].artifact.locations = [{ path: '/some/path/somefile-1.txt' }];
    const report = parseReport(data);
    const result = renderSarif(report, [report.matches[0]!]).runs[0]!.results[0]!;
    expect(result).toEqual({
      ruleId: 'CVE-1999-0001-package-1',
      level: 'note',
      message: { text: 'A low vulnerability in rpm package: package-1, version 1.1.1 was found at: /some/path/somefile-1.txt' },
      locations: [{ physicalLocation: { artifactLocation: { uri: '/some/path/somefile-1.txt' }, region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } } }],
      // grype's own directory snapshot has this fingerprint for the same package and path.
      partialFingerprints: { primaryLocationLineHash: '0eefd3962fe456b80e5ddad4ec777c7f75b3c0586db887eff1c98f376fff60ba:1' },
    });
  });

  it('puts relative package paths under the scanned folder', () => {
    const data = JSON.parse(fs.readFileSync(path.join(golden!, 'image.grype.json'), 'utf8'));
    data.source = { type: 'directory', target: './app' };
    data.matches[0].artifact.locations = [{ path: 'requirements.txt' }];
    const report = parseReport(data);
    const result = renderSarif(report, [report.matches[0]!]).runs[0]!.results[0]! as { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] };
    expect(result.locations[0]!.physicalLocation.artifactLocation.uri).toBe('app/requirements.txt');
  });
});
