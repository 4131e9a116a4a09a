import { describe, it, expect } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusPath } from '../../../test/support/corpus.ts';
import { parseReport, type GrypeReport } from './report.ts';
import { evaluate, type Policy } from './policy.ts';
import { parseIgnoreInput } from './rules.ts';
import { parseVex } from './vex.ts';
import { renderSarif } from './sarif.ts';
import { SEVERITIES } from './verdict.ts';

const grypeDir = corpusPath('grype');
const NOW = Date.UTC(2025, 5, 1);
const base: Policy = { severityCutoff: 'medium', onlyFixed: false, rules: [], vex: [], vexFiles: [] };

function corpusFiles(dir: string): string[] {
  return ['defectdojo', 'grype-golden'].flatMap((sub) => fs.readdirSync(path.join(dir, sub))
    .filter((f) => f.endsWith('.json') && !f.endsWith('.sarif.json'))
    .map((f) => path.join(dir, sub, f)));
}

/** Counts straight from the raw JSON, independently of the report model. */
function rawCounts(raw: { matches: { vulnerability: { severity?: string; fix?: { state?: string }; fixedInVersion?: string } }[] }) {
  const counts: Record<string, number> = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
  const fixable: Record<string, number> = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
  for (const m of raw.matches) {
    const s = (m.vulnerability.severity ?? 'unknown').toLowerCase();
    counts[s]! += 1;
    if (m.vulnerability.fix?.state === 'fixed' || m.vulnerability.fixedInVersion) fixable[s]! += 1;
  }
  return { counts, fixable };
}

(grypeDir ? describe : describe.skip)('policy and SARIF over every corpus report', () => {
  const dir = grypeDir!;
  const files = grypeDir ? corpusFiles(dir) : [];
  const load = (rel: string): GrypeReport => parseReport(fs.readFileSync(path.join(dir, rel), 'utf8'), rel);

  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThanOrEqual(9);
  });

  it.each(files.map((f) => [path.relative(dir, f), f]))('%s: counts, fixable counts and SARIF agree with the raw report', (_name, file) => {
    const text = fs.readFileSync(file, 'utf8');
    const raw = JSON.parse(text);
    const report = parseReport(text, file);
    const result = evaluate(report, base, NOW);
    const expected = rawCounts(raw);
    expect(result.counts).toEqual(expected.counts);
    expect(result.countsFixable).toEqual(expected.fixable);
    expect(result.ignored).toEqual([]);
    const sarif = renderSarif(report, result.kept);
    const results = sarif.runs[0]!.results;
    expect(results).toHaveLength(raw.matches.length);
    const ruleIds = new Set(raw.matches.map((m: { vulnerability: { id: string }; artifact: { name: string } }) => `${m.vulnerability.id}-${m.artifact.name}`));
    expect(new Set(results.map((r) => r.ruleId))).toEqual(ruleIds);
    for (const rule of (sarif.runs[0]!.tool.driver.rules ?? []) as { properties: Record<string, string> }[]) {
      expect(rule.properties['security-severity']).toMatch(/^\d{1,2}\.\d$/);
    }
  });

  it('reads an old-schema report (grype 0.7: fixedInVersion, cvssV2, matchDetails object)', () => {
    const report = load('defectdojo/many_vulns3.json');
    expect(report.grype.version).toBe('0.7.0');
    const bash = report.matches[0]!;
    expect(bash).toMatchObject({ id: 'CVE-2019-18276', severity: 'negligible', fix: { state: 'unknown', versions: [] } });
    expect(bash.cvss).toEqual([{ version: '2', vector: 'AV:L/AC:L/Au:N/C:C/I:C/A:C', baseScore: 7.2 }]);
    expect(bash.details).toEqual([{ type: '', matcher: 'dpkg-matcher' }]);
    const fixed = report.matches.filter((m) => m.fix.state === 'fixed');
    expect(fixed).toHaveLength(28);
    expect(fixed.every((m) => m.fix.versions.length === 1)).toBe(true);
  });

  it('counts a match without severity as unknown; its security-severity comes from the related record, else 0.0', () => {
    const report = load('defectdojo/issue_9618.json');
    const m = report.matches.find((x) => x.id === 'CVE-2024-26308')!;
    expect(m.severity).toBe('unknown');
    const result = evaluate(report, base, NOW);
    expect(result.counts.unknown).toBe(1);
    const rule = (renderSarif(report, [m]).runs[0]!.tool.driver.rules as { properties: Record<string, string> }[])[0]!;
    expect(m.cvss).toEqual([]);
    expect(m.related.map((r) => [r.id, r.cvss.map((c) => c.baseScore)])).toEqual([['GHSA-4265-ccf5-phj5', [7.5]]]);
    expect(rule.properties['security-severity']).toBe('7.5');
    const bare = { ...m, related: [] };
    const bareRule = (renderSarif(report, [bare]).runs[0]!.tool.driver.rules as { properties: Record<string, string> }[])[0]!;
    expect(bareRule.properties['security-severity']).toBe('0.0');
  });

  describe('ignore rules on a grype 0.96 report', () => {
    const report = grypeDir ? load('defectdojo/issue_9618.json') : (undefined as unknown as GrypeReport);
    const run = (yaml: string, extra: Partial<Policy> = {}) => evaluate(report, { ...base, ...extra, rules: parseIgnoreInput(yaml) }, NOW);

    it('ignores by vulnerability, with the reason and the rule', () => {
      const r = run('- vulnerability: CVE-2023-50868\n  reason: DNSSEC validation is off');
      expect(r.ignored.map((i) => i.package).sort()).toEqual(['bind-libs', 'bind-libs-lite', 'bind-license', 'bind-utils']);
      expect(r.ignored[0]).toMatchObject({ id: 'CVE-2023-50868', reason: 'DNSSEC validation is off', rule: 'ignore[0]' });
      expect(r.counts.high).toBe(rawCounts(JSON.parse(fs.readFileSync(path.join(dir, 'defectdojo/issue_9618.json'), 'utf8'))).counts.high! - 4);
    });

    it('matches aliases only with include-aliases', () => {
      expect(run('- vulnerability: GHSA-rhrv-645h-fjfh\n  reason: r').ignored).toHaveLength(0);
      const r = run('- vulnerability: GHSA-rhrv-645h-fjfh\n  include-aliases: true\n  reason: r');
      expect(r.ignored.map((i) => `${i.id} ${i.package}@${i.version}`)).toEqual(['CVE-2023-39410 avro@1.11.1', 'CVE-2023-39410 avro@1.9.2']);
    });

    it('treats package names as anchored regular expressions', () => {
      expect(run('- package: {name: bind-libs}\n  reason: r').ignored.map((i) => i.package)).toEqual(Array(7).fill('bind-libs'));
      expect(new Set(run('- package: {name: "bind-.*"}\n  reason: r').ignored.map((i) => i.package))).toEqual(new Set(['bind-libs', 'bind-libs-lite', 'bind-license', 'bind-utils']));
    });

    it('matches a location glob, a fix state, an upstream name, a namespace and a match type', () => {
      expect(run('- package: {location: "/opt/kafka/plugins/**"}\n  reason: r').ignored.every((i) => i.match.artifact.locations[0]!.path.startsWith('/opt/kafka/plugins/'))).toBe(true);
      expect(run('- package: {location: "/opt/kafka/plugins/**"}\n  reason: r').ignored.length).toBeGreaterThan(0);
      expect(run('- fix-state: wont-fix\n  reason: r').ignored.every((i) => i.match.fix.state === 'wont-fix')).toBe(true);
      expect(run('- fix-state: wont-fix\n  reason: r').ignored.length).toBeGreaterThan(0);
      const avahi = run('- package: {upstream-name: avahi}\n  reason: r').ignored;
      expect(avahi.map((i) => i.package)).toEqual(Array(8).fill('avahi-libs'));
      expect(run('- namespace: "nvd:cpe"\n  match-type: exact-direct-match\n  reason: r').ignored.every((i) => i.match.namespace === 'nvd:cpe')).toBe(true);
      expect(run('- package: {name: avahi-libs, type: deb}\n  reason: r').ignored).toHaveLength(0);
    });

    it('stops applying a rule after its until date and reports what it would have ignored', () => {
      const expired = run('- vulnerability: CVE-2023-44981\n  reason: accepted for Q1\n  until: 2025-03-31');
      expect(expired.ignored).toHaveLength(0);
      expect(expired.expired).toHaveLength(1);
      expect(expired.expired[0]!.rule.until).toBe('2025-03-31');
      expect(expired.expired[0]!.matches.map((m) => m.artifact.name)).toEqual(['cups-libs']);
      const active = run('- vulnerability: CVE-2023-44981\n  reason: accepted for Q2\n  until: 2025-06-01');
      expect(active.ignored.map((i) => i.reason)).toEqual(['accepted for Q2 (until 2025-06-01)']);
      expect(active.expired).toEqual([]);
    });

    it('fails on the cutoff over the matches left after ignoring', () => {
      const critical = report.matches.filter((m) => m.severity === 'critical').map((m) => m.id);
      expect(critical.length).toBeGreaterThan(0);
      expect(run('', { severityCutoff: 'critical' }).decision).toBe('fail');
      const rules = [...new Set(critical)].map((id) => `- vulnerability: ${id}\n  reason: mitigated`).join('\n');
      const r = run(rules, { severityCutoff: 'critical' });
      expect(r.decision).toBe('pass');
      expect(r.counts.critical).toBe(0);
      expect(run('', { severityCutoff: 'none' }).decision).toBe('pass');
    });

    it('with only-fixed, counts only the matches that have a fix', () => {
      const r = run('', { onlyFixed: true });
      expect(r.kept.every((m) => m.fix.state === 'fixed')).toBe(true);
      expect(r.counts).toEqual(r.countsFixable);
      expect(r.ignored.every((i) => i.rule === 'only-fixed' && i.match.fix.state !== 'fixed')).toBe(true);
      expect(r.kept.length + r.ignored.length).toBe(report.matches.length);
    });

    it('moves matches a VEX statement calls not_affected or fixed to ignored', () => {
      const vex = parseVex(JSON.stringify({
        '@context': 'https://openvex.dev/ns/v0.2.0',
        '@id': 'https://example.com/vex/1',
        author: 'security@example.com',
        timestamp: '2025-05-01T00:00:00Z',
        version: 1,
        statements: [
          { vulnerability: { name: 'CVE-2023-39410' }, products: [{ '@id': 'pkg:maven/org.apache.avro/avro@1.9.2' }], status: 'not_affected', justification: 'vulnerable_code_not_in_execute_path' },
          { vulnerability: { name: 'CVE-2023-50387' }, products: [{ '@id': `pkg:oci/xjoin-kafka-connect-strimzi@${encodeURIComponent(report.source.digest!)}` }], status: 'fixed' },
          { vulnerability: { name: 'CVE-2023-4408' }, products: [{ '@id': 'pkg:oci/other@sha256%3A0000' }], status: 'not_affected', justification: 'component_not_present' },
        ],
      }), 'app.openvex.json');
      const r = evaluate(report, { ...base, vex, vexFiles: ['app.openvex.json'] }, NOW);
      expect(r.ignored.filter((i) => i.id === 'CVE-2023-39410')).toMatchObject([{ version: '1.9.2', rule: 'vex:app.openvex.json#0', reason: 'not_affected: vulnerable_code_not_in_execute_path' }]);
      expect(r.ignored.filter((i) => i.id === 'CVE-2023-50387').map((i) => i.package).sort()).toEqual(['bind-libs', 'bind-libs-lite', 'bind-license']);
      expect(r.ignored.filter((i) => i.id === 'CVE-2023-4408')).toEqual([]);
    });
  });
});

describe('rules that follow VEX statements', () => {
  const data = {
    matches: [
      { vulnerability: { id: 'CVE-2024-1', severity: 'High', fix: { state: 'not-fixed', versions: [] } }, artifact: { name: 'openssl', version: '3.0.1', type: 'deb', purl: 'pkg:deb/debian/openssl@3.0.1?arch=amd64' } },
      { vulnerability: { id: 'CVE-2024-2', severity: 'High', fix: { state: 'not-fixed', versions: [] } }, artifact: { name: 'openssl', version: '3.0.1', type: 'deb', purl: 'pkg:deb/debian/openssl@3.0.1' } },
      { vulnerability: { id: 'CVE-2024-3', severity: 'High', fix: { state: 'not-fixed', versions: [] } }, artifact: { name: 'openssl', version: '3.0.1', type: 'deb', purl: 'pkg:deb/debian/openssl@3.0.1' } },
    ],
    source: { type: 'image', target: 'app:1' },
  };
  const vex = parseVex(JSON.stringify({
    '@context': 'https://openvex.dev/ns/v0.2.0',
    statements: [
      { vulnerability: { name: 'CVE-2024-1' }, products: ['pkg:deb/debian/openssl@3.0.1'], status: 'under_investigation' },
      { vulnerability: { name: 'CVE-2024-2' }, products: ['pkg:deb/debian/openssl@3.0.1'], status: 'affected', justification: 'x' },
    ],
  }), 'v.json');

  it('ignores only the matches whose statement has the rule\'s status (and justification)', () => {
    const report = parseReport(data);
    const run = (yaml: string) => evaluate(report, { ...base, rules: parseIgnoreInput(yaml), vex, vexFiles: ['v.json'] }, NOW).ignored.map((i) => i.id);
    expect(run('- vex-status: under_investigation\n  reason: triage open')).toEqual(['CVE-2024-1']);
    expect(run('- vex-status: affected\n  vex-justification: x\n  reason: r')).toEqual(['CVE-2024-2']);
    expect(run('- vex-status: affected\n  vex-justification: y\n  reason: r')).toEqual([]);
    // Statuses that are not not_affected/fixed ignore nothing by themselves.
    expect(run('')).toEqual([]);
  });
});

describe('matches grype itself ignored', () => {
  it('stay ignored, with the reasons of the rules grype applied', () => {
    const report = parseReport({
      matches: [],
      ignoredMatches: [{
        vulnerability: { id: 'CVE-2024-9', severity: 'Critical' },
        artifact: { name: 'kernel-headers', version: '5.14', type: 'rpm' },
        appliedIgnoreRules: [{ vulnerability: '', reason: '', package: { name: 'kernel-headers', 'upstream-name': 'kernel' }, 'match-type': 'exact-indirect-match' }],
      }],
      source: { type: 'image', target: 'x' },
    });
    const r = evaluate(report, { ...base, severityCutoff: 'low' }, NOW);
    expect(r.decision).toBe('pass');
    expect(r.ignored.map(({ id, package: p, rule, reason }) => ({ id, p, rule, reason }))).toEqual([{ id: 'CVE-2024-9', p: 'kernel-headers', rule: 'grype', reason: 'ignored by grype' }]);
  });
});
