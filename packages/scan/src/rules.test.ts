import { describe, it, expect } from '@jest/globals';
import { parseGrypeConfig, parseIgnoreInput, RuleError } from './rules.ts';
import { parseVex, VexError } from './vex.ts';

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('ignore rules', () => {
  it('reads a YAML list and a mapping with ignore:', () => {
    const list = parseIgnoreInput('- vulnerability: CVE-2024-1\n  reason: not reachable\n  until: 2025-12-31');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ origin: 'ignore[0]', vulnerability: 'CVE-2024-1', reason: 'not reachable', until: '2025-12-31', expiresAt: Date.UTC(2026, 0, 1) });
    expect(parseIgnoreInput('ignore:\n  - package: {name: zlib, version: "1.2"}\n    reason: vendored')[0]!.package.version).toBe('1.2');
    expect(parseIgnoreInput('  \n')).toEqual([]);
  });

  it('names every problem of every rule, with the input name', () => {
    const text = message(() => parseIgnoreInput([
      '- vulnerability: CVE-1',
      '- vulnerability: CVE-2',
      '  reason: r',
      '  until: next week',
      '- reason: only a reason',
      '- vulnerability: CVE-3',
      '  reason: r',
      '  severity: high',
      '  fix-state: maybe',
      '- package: {name: "(", colour: red}',
      '  reason: r',
    ].join('\n')));
    expect(text).toContain("Input 'ignore' has invalid ignore rules");
    expect(text).toContain('ignore[0] has no reason');
    expect(text).toContain('ignore[1].until is "next week"; write a date as YYYY-MM-DD');
    expect(text).toContain('ignore[2] has no condition');
    expect(text).toContain('ignore[3] has an unknown field "severity"');
    expect(text).toContain('ignore[3].fix-state is "maybe"; accepted: fixed, not-fixed, wont-fix, unknown');
    expect(text).toContain('ignore[4].package has an unknown field "colour"');
    expect(text).toContain('ignore[4].package.name is not a valid regular expression');
  });

  it('refuses YAML that is not a list of rules', () => {
    expect(() => parseIgnoreInput('vulnerability: CVE-1')).toThrow(RuleError);
    expect(message(() => parseIgnoreInput('- [unclosed'))).toMatch(/^Input 'ignore' is not valid YAML/);
  });

  it('reads .grype.yaml: ignore rules, fail-on-severity, only-fixed', () => {
    const config = parseGrypeConfig('fail-on-severity: High\nonly-fixed: true\nignore:\n  - vulnerability: CVE-9\n    reason: r\noutput: json\n', '/w/.grype.yaml');
    expect(config.failOnSeverity).toBe('high');
    expect(config.onlyFixed).toBe(true);
    expect(config.rules[0]!.origin).toBe('.grype.yaml ignore[0]');
    expect(message(() => parseGrypeConfig('ignore:\n  - vulnerability: CVE-9\n', '/w/.grype.yaml'))).toContain('The grype config /w/.grype.yaml has problems:\n- .grype.yaml ignore[0] has no reason');
    expect(message(() => parseGrypeConfig('fail-on-severity: urgent', 'c.yaml'))).toContain('fail-on-severity is "urgent"');
  });
});

describe('VEX documents', () => {
  it('reads OpenVEX v0.0.x (vulnerability as text, subcomponents on the statement)', () => {
    const s = parseVex(JSON.stringify({
      '@context': 'https://openvex.dev/ns',
      statements: [{ vulnerability: 'CVE-1', products: ['pkg:oci/app'], subcomponents: ['pkg:deb/debian/bash@5.0-4'], status: 'not_affected', justification: 'inline_mitigations_already_exist' }],
    }), 'a.json');
    expect(s).toEqual([{ file: 'a.json', index: 0, where: '0', vulnerabilities: ['CVE-1'], products: ['pkg:oci/app'], subcomponents: ['pkg:deb/debian/bash@5.0-4'], status: 'not_affected', justification: 'inline_mitigations_already_exist', impactStatement: undefined }]);
  });

  it('reads CSAF as CSAF (csaf.test.ts), and refuses non-VEX JSON and bad statements with the file named', () => {
    expect(message(() => parseVex('{"document":{},"vulnerabilities":[]}', 'c.json'))).toMatch(/^The VEX document c.json \(CSAF\) has problems:\n- document.category is undefined/);
    expect(message(() => parseVex('{"statements":[]}', 'x.json'))).toBe('The VEX document x.json is neither OpenVEX (no openvex @context or no statements list) nor CSAF (no document object).');
    expect(() => parseVex('{"statements":[]}', 'x.json')).toThrow(VexError);
    expect(message(() => parseVex('{"@context":"https://openvex.dev/ns/v0.2.0","statements":[{"vulnerability":{"name":"CVE-1"},"products":[],"status":"gone"}]}', 'v.json')))
      .toBe('The VEX document v.json has problems:\n- statements[0].status is "gone"; accepted: not_affected, affected, fixed, under_investigation\n- statements[0] names no product');
  });
});
