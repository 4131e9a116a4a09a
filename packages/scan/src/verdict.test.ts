import { describe, it, expect } from '@jest/globals';
import { parseVerdict, SCAN_VERDICT_SCHEMA, VerdictFormatError, type ScanVerdict } from './verdict.ts';

const zero = { critical: 0, high: 0, medium: 0, low: 0, negligible: 0, unknown: 0 };
const good: ScanVerdict = {
  schema: SCAN_VERDICT_SCHEMA,
  decision: 'pass',
  image: 'registry.example/app@sha256:' + 'a'.repeat(64),
  digest: 'sha256:' + 'a'.repeat(64),
  source: { type: 'image', target: 'registry.example/app@sha256:' + 'a'.repeat(64) },
  grype: { version: '0.96.0', db: { built: '2025-06-01T00:00:00Z', schemaVersion: 'v6.0.2' } },
  policy: { severityCutoff: 'high', onlyFixed: false, ignoreRules: { active: 1, expired: 0 }, vex: [] },
  counts: { ...zero, low: 2 },
  countsFixable: zero,
  ignored: [{ id: 'CVE-2024-1', package: 'zlib', version: '1.2', reason: 'not reachable', rule: 'ignore[0]' }],
  createdAt: '2025-06-02T10:00:00.000Z',
};

describe('parseVerdict', () => {
  it('accepts a verdict as an object and as JSON text', () => {
    expect(parseVerdict(good)).toEqual(good);
    expect(parseVerdict(JSON.stringify(good))).toEqual(good);
  });

  it('names every problem and the file', () => {
    const bad = { ...good, schema: 'other', decision: 'maybe', digest: 'sha256:xyz', counts: { ...zero, high: -1 }, ignored: [{ id: 'x' }] };
    let message = '';
    try {
      parseVerdict(bad, 'verdict.json');
    } catch (error) {
      expect(error).toBeInstanceOf(VerdictFormatError);
      message = (error as Error).message;
    }
    expect(message).toContain('verdict.json is not a valid scan verdict');
    expect(message).toContain('schema must be "conveyor.scan-verdict/v1"');
    expect(message).toContain('decision must be "pass" or "fail"');
    expect(message).toContain('digest must be sha256:<64 hex digits>');
    expect(message).toContain('counts.high must be a whole number');
    expect(message).toContain('ignored[0].reason must be a string');
  });

  it('refuses text that is not JSON', () => {
    expect(() => parseVerdict('{', 'v.json')).toThrow(/v.json is not JSON/);
  });
});
