/**
 * The built scan-image bundle through the runner's contract (INPUT_* in; GITHUB_OUTPUT, GITHUB_STEP_SUMMARY
 * out), with a stand-in grype first on PATH that replays real reports from the corpus and checks its arguments.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundle } from '../../scripts/build.ts';
import { corpusPath, repoRoot } from '../support/corpus.ts';
import { cleanupTempDirs, tempDir } from '../support/tmp.ts';
import { parseVerdict } from '../../packages/scan/src/verdict.ts';
import { standInCalls, standInDbCalls, writeStandInGrype } from './standin.ts';
import { parseFileCommand } from '../support/runner.ts';

const defectdojo = corpusPath('grype', 'defectdojo');
const golden = corpusPath('grype', 'grype-golden');
const REPORT = defectdojo ? path.join(defectdojo, 'issue_9618.json') : '';
const DIGEST = `sha256:${'4'.repeat(64)}`;
const IMAGE = `registry.example/app@${DIGEST}`;
const script = path.join(repoRoot, 'actions', 'scan-image', 'dist', 'index.js');

interface Run {
  status: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  calls: ReturnType<typeof standInCalls>;
  dbCalls: ReturnType<typeof standInDbCalls>;
  outputDir: string;
}

function runAction(inputs: Record<string, string>, standIn: Record<string, string> = {}, workspaceFiles: Record<string, string> = {}): Run {
  const dir = tempDir('scan-action-');
  const bin = writeStandInGrype(dir);
  const workspace = path.join(dir, 'workspace');
  fs.mkdirSync(workspace);
  for (const [name, content] of Object.entries(workspaceFiles)) {
    fs.mkdirSync(path.dirname(path.join(workspace, name)), { recursive: true });
    fs.writeFileSync(path.join(workspace, name), content);
  }
  const files = { output: path.join(dir, 'output'), summary: path.join(dir, 'summary'), env: path.join(dir, 'env'), state: path.join(dir, 'state') };
  for (const f of Object.values(files)) fs.writeFileSync(f, '');
  const log = path.join(dir, 'grype-calls.jsonl');
  const outputDir = path.join(dir, 'out');
  const env: NodeJS.ProcessEnv = {
    PATH: `${bin}${path.delimiter}${process.env.PATH}`,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    GITHUB_STATE: files.state,
    RUNNER_TEMP: path.join(dir, 'runner-temp'),
    RUNNER_TOOL_CACHE: path.join(dir, 'tool-cache'),
    // A threshold left in the environment must not reach grype: conveyor applies the policy.
    GRYPE_FAIL_ON_SEVERITY: 'low',
    STANDIN_GRYPE_LOG: log,
    STANDIN_GRYPE_REPORT: REPORT,
    'INPUT_OUTPUT-DIR': outputDir,
    ...standIn,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
  const result = spawnSync(process.execPath, [script], { env, encoding: 'utf8', cwd: workspace });
  return {
    status: result.status,
    stdout: result.stdout,
    outputs: parseFileCommand(fs.readFileSync(files.output, 'utf8')),
    summary: fs.readFileSync(files.summary, 'utf8'),
    calls: standInCalls(log),
    dbCalls: standInDbCalls(log),
    outputDir,
  };
}

(defectdojo && golden ? describe : describe.skip)('scan-image through the runner contract', () => {
  beforeAll(async () => {
    await bundle({ name: 'scan-image', entry: 'packages/scan/src/actions/scan-image.ts', outfile: 'actions/scan-image/dist/index.js' });
  });
  afterAll(() => cleanupTempDirs());

  it('passes: runs grype as agreed, writes outputs, SARIF and a verdict file the promote step can read', () => {
    const run = runAction(
      { image: IMAGE, 'severity-cutoff': 'critical', ignore: '- vulnerability: CVE-2023-44981\n  reason: cups is not started in the container\n  until: 2099-12-31' },
      { STANDIN_GRYPE_SOURCE: IMAGE },
    );
    expect(run.status).toBe(0);
    expect(run.calls).toHaveLength(1);
    const { args, env } = run.calls[0]!;
    expect(args.slice(0, 5)).toEqual([IMAGE, '-o', 'json', '--file', path.join(run.outputDir, 'grype.json')]);
    expect(args[5]).toBe('-c');
    expect(env.GRYPE_FAIL_ON_SEVERITY).toBeUndefined();
    expect(env.GRYPE_DB_CACHE_DIR).toMatch(/tool-cache\/grype-db$/);
    // the database was checked before the scan, so the scan itself does not check again
    expect(run.dbCalls.map((c) => c.args)).toEqual([['db', 'check']]);
    expect(env.GRYPE_DB_AUTO_UPDATE).toBe('false');
    expect(run.outputs.verdict).toBe('pass');
    const raw = JSON.parse(fs.readFileSync(REPORT, 'utf8')) as { matches: { vulnerability: { severity?: string } }[] };
    const high = raw.matches.filter((m) => m.vulnerability.severity === 'High').length;
    expect(JSON.parse(run.outputs.counts!)).toMatchObject({ critical: 0, high });
    expect(Object.keys(JSON.parse(run.outputs['counts-fixable']!))).toEqual(['critical', 'high', 'medium', 'low', 'negligible', 'unknown']);
    expect(run.outputs.json).toBe(path.join(run.outputDir, 'grype.json'));
    expect(fs.readFileSync(run.outputs.json!, 'utf8')).toBe(fs.readFileSync(REPORT, 'utf8'));
    const sarif = JSON.parse(fs.readFileSync(run.outputs.sarif!, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results).toHaveLength(raw.matches.length - 1);
    const verdict = parseVerdict(fs.readFileSync(run.outputs['verdict-file']!, 'utf8'), run.outputs['verdict-file']);
    expect(verdict).toMatchObject({
      decision: 'pass',
      image: IMAGE,
      digest: DIGEST,
      grype: { version: '0.96.0', db: { built: '2024-02-22T01:23:26Z', schemaVersion: '5' } },
      policy: { severityCutoff: 'critical', onlyFixed: false, ignoreRules: { active: 1, expired: 0 }, vex: [] },
      ignored: [{ id: 'CVE-2023-44981', package: 'cups-libs', reason: 'cups is not started in the container (until 2099-12-31)', rule: 'ignore[0]' }],
    });
    expect(run.summary).toContain('## Vulnerability scan: ✅ pass');
    expect(run.summary).toContain('| ignore[0] | cups is not started in the container (until 2099-12-31) |');
  });

  it('fails on the policy: outputs and verdict written, the step fails with the matches at the cutoff', () => {
    const run = runAction({ image: IMAGE, 'severity-cutoff': 'critical' });
    expect(run.status).toBe(1);
    expect(run.outputs.verdict).toBe('fail');
    expect(JSON.parse(run.outputs.counts!).critical).toBe(1);
    expect(run.stdout).toContain('::error::The scan found 1 match at or above the severity cutoff (critical): CVE-2023-44981 (critical) in cups-libs');
    expect(parseVerdict(fs.readFileSync(run.outputs['verdict-file']!, 'utf8')).decision).toBe('fail');
    expect(run.summary).toContain('## Vulnerability scan: ❌ fail');
  });

  it('with fail-build false, a failing verdict does not fail the step', () => {
    const run = runAction({ image: IMAGE, 'fail-build': 'false' });
    expect(run.status).toBe(0);
    expect(run.outputs.verdict).toBe('fail');
    expect(run.summary).toContain('fail (fail-build is off)');
  });

  it('reports a grype error as an error, with grype\'s message, and no verdict', () => {
    const run = runAction({ image: IMAGE }, { STANDIN_GRYPE_MODE: 'error' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('::error::grype failed with exit code 1; no policy was applied.');
    expect(run.stdout).toContain('UNAUTHORIZED');
    expect(run.stdout).not.toContain('severity cutoff');
    expect(run.outputs.verdict).toBeUndefined();
    expect(fs.existsSync(path.join(run.outputDir, 'verdict.json'))).toBe(false);
  });

  it('never lets a failing report hide a grype error (report written, exit 1)', () => {
    const run = runAction({ image: IMAGE, 'severity-cutoff': 'low' }, { STANDIN_GRYPE_MODE: 'error-report' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('::error::grype failed with exit code 1; no policy was applied.');
    expect(run.stdout).not.toContain('The scan found');
    expect(run.outputs.verdict).toBeUndefined();
  });

  it('stops applying an expired ignore rule, fails, and says which rule expired', () => {
    const run = runAction({ image: IMAGE, 'severity-cutoff': 'critical', ignore: '- vulnerability: CVE-2023-44981\n  reason: accepted until the Q1 rebuild\n  until: 2024-03-31' });
    expect(run.status).toBe(1);
    expect(run.outputs.verdict).toBe('fail');
    expect(run.summary).toContain('Ignore rule ignore[0] (CVE-2023-44981) expired on 2024-03-31 (reason was: accepted until the Q1 rebuild); it no longer ignores 1 match: CVE-2023-44981 in cups-libs.');
    const verdict = parseVerdict(fs.readFileSync(run.outputs['verdict-file']!, 'utf8'));
    expect(verdict.policy.ignoreRules).toEqual({ active: 0, expired: 1 });
    expect(verdict.ignored).toEqual([]);
  });

  it('reads .grype.yaml from the workspace (rules, fail-on-severity) and VEX documents; grype gets neither', () => {
    const config = [
      'fail-on-severity: critical',
      'ignore:',
      '  - vulnerability: CVE-2023-44981',
      '    reason: cups is not started in the container',
      '    until: 2099-12-31',
    ].join('\n');
    const vex = JSON.stringify({
      '@context': 'https://openvex.dev/ns/v0.2.0',
      statements: [{ vulnerability: { name: 'CVE-2023-39410' }, products: [{ '@id': 'pkg:maven/org.apache.avro/avro@1.9.2' }], status: 'not_affected', justification: 'vulnerable_code_not_in_execute_path' }],
    });
    const run = runAction({ image: IMAGE, vex: 'app.openvex.json' }, {}, { '.grype.yaml': config, 'app.openvex.json': vex });
    expect(run.status).toBe(0);
    const grypeConfig = run.calls[0]!.args[run.calls[0]!.args.indexOf('-c') + 1]!;
    expect(path.basename(grypeConfig)).toBe('conveyor-grype.yaml');
    const verdict = parseVerdict(fs.readFileSync(run.outputs['verdict-file']!, 'utf8'));
    expect(verdict.policy).toEqual({ severityCutoff: 'critical', onlyFixed: false, ignoreRules: { active: 1, expired: 0 }, vex: ['app.openvex.json'] });
    expect(verdict.ignored.map((i) => `${i.rule} ${i.id} ${i.package}@${i.version}`)).toEqual([
      'vex:app.openvex.json#0 CVE-2023-39410 avro@1.9.2',
      '.grype.yaml ignore[0] CVE-2023-44981 cups-libs@1:2.2.6-50.el8',
    ]);
  });

  it('reads CSAF VEX documents next to OpenVEX: known_not_affected and fixed move matches to ignored', () => {
    const digest = 'sha256:97e6d5aeed19f627205b218f45b284cd01ff658dd181416ab1d3e21aeb28d68e';
    const csaf = JSON.stringify({
      document: {
        category: 'csaf_vex',
        csaf_version: '2.0',
        publisher: { category: 'vendor', name: 'Example Corp', namespace: 'https://example.com' },
        title: 'Connector image VEX',
        tracking: { id: 'EX-VEX-1', status: 'final', version: '1', initial_release_date: '2025-05-01T00:00:00Z', current_release_date: '2025-05-01T00:00:00Z', revision_history: [{ date: '2025-05-01T00:00:00Z', number: '1', summary: 'First' }] },
      },
      product_tree: {
        full_product_names: [
          { name: 'Connector image', product_id: 'IMAGE', product_identification_helper: { purl: `pkg:oci/xjoin-kafka-connect-strimzi@${encodeURIComponent(digest)}` } },
          { name: 'cups-libs', product_id: 'CUPS', product_identification_helper: { purl: 'pkg:rpm/rhel/cups-libs@2.2.6-50.el8?arch=x86_64&epoch=1' } },
          { name: 'bind-libs', product_id: 'BIND', product_identification_helper: { purl: 'pkg:rpm/rhel/bind-libs@9.11.36-5.el8_7.2?arch=x86_64&epoch=32' } },
        ],
        relationships: [{ category: 'default_component_of', product_reference: 'BIND', relates_to_product_reference: 'IMAGE', full_product_name: { name: 'bind-libs in the connector image', product_id: 'IMAGE:BIND' } }],
      },
      vulnerabilities: [
        { cve: 'CVE-2023-44981', product_status: { known_not_affected: ['CUPS'] }, flags: [{ label: 'vulnerable_code_not_in_execute_path', product_ids: ['CUPS'] }] },
        { cve: 'CVE-2023-4408', product_status: { fixed: ['IMAGE:BIND'] } },
        { cve: 'CVE-2023-50387', product_status: { known_affected: ['IMAGE'] } },
      ],
    });
    const openvex = JSON.stringify({
      '@context': 'https://openvex.dev/ns/v0.2.0',
      statements: [{ vulnerability: { name: 'CVE-2023-39410' }, products: [{ '@id': 'pkg:maven/org.apache.avro/avro@1.9.2' }], status: 'not_affected', justification: 'vulnerable_code_not_in_execute_path' }],
    });
    const run = runAction({ image: IMAGE, 'severity-cutoff': 'critical', vex: 'security/app.csaf.json\napp.openvex.json' }, {}, { 'security/app.csaf.json': csaf, 'app.openvex.json': openvex });
    expect(run.status).toBe(0);
    expect(run.outputs.verdict).toBe('pass');
    expect(JSON.parse(run.outputs.counts!).critical).toBe(0);
    const verdict = parseVerdict(fs.readFileSync(run.outputs['verdict-file']!, 'utf8'));
    expect(verdict.policy.vex).toEqual(['security/app.csaf.json', 'app.openvex.json']);
    expect(verdict.ignored.map((i) => `${i.rule} | ${i.id} ${i.package} | ${i.reason}`).sort()).toEqual([
      'vex:app.openvex.json#0 | CVE-2023-39410 avro | not_affected: vulnerable_code_not_in_execute_path',
      'vex:security/app.csaf.json#vulnerabilities[0].product_status.known_not_affected[0] | CVE-2023-44981 cups-libs | not_affected: vulnerable_code_not_in_execute_path',
      'vex:security/app.csaf.json#vulnerabilities[1].product_status.fixed[0] | CVE-2023-4408 bind-libs | fixed',
    ]);
    expect(run.summary).toContain('not_affected: vulnerable_code_not_in_execute_path');
  });

  it('refuses a malformed CSAF document before running grype, naming the file and the JSON path', () => {
    const csaf = JSON.stringify({
      document: { category: 'csaf_vex', csaf_version: '2.0' },
      product_tree: { full_product_names: [{ name: 'cups-libs', product_id: 'CUPS', product_identification_helper: { purl: 'pkg:rpm/rhel/cups-libs@2.2.6-50.el8' } }] },
      vulnerabilities: [{ cve: 'CVE-2023-44981', product_status: { known_not_affected: ['CUPS', 'CUPS-2'] } }],
    });
    const run = runAction({ image: IMAGE, vex: 'app.csaf.json' }, {}, { 'app.csaf.json': csaf });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("Input 'vex': The VEX document app.csaf.json (CSAF) has problems:");
    expect(run.stdout).toContain('vulnerabilities[0].product_status.known_not_affected[0] "CUPS" has no impact statement');
    expect(run.stdout).toContain('vulnerabilities[0].product_status.known_not_affected[1] is "CUPS-2", which product_tree does not define');
    expect(run.calls).toEqual([]);
    expect(run.outputs.verdict).toBeUndefined();
  });

  it('refuses a config file that does not exist before running grype', () => {
    const run = runAction({ image: IMAGE, config: 'missing.yaml' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/::error::Input 'config' is "missing.yaml", but .*missing.yaml does not exist/);
    expect(run.calls).toEqual([]);
  });

  it('annotates a folder scan on the files that declare the packages, within the per-level limit', () => {
    // grype's golden report, turned into a folder scan: twelve critical matches on lock files.
    const data = JSON.parse(fs.readFileSync(path.join(golden!, 'image.grype.json'), 'utf8'));
    data.source = { type: 'directory', target: '.' };
    const critical = data.matches[1];
    data.matches = Array.from({ length: 12 }, (_, i) => ({ ...critical, artifact: { ...critical.artifact, name: `pkg-${i}`, locations: [{ path: `/services/s${i}/package-lock.json` }] } }));
    const derived = path.join(tempDir('scan-derived-'), 'dir.grype.json');
    fs.writeFileSync(derived, JSON.stringify(data));
    const run = runAction({ path: '.', 'severity-cutoff': 'none' }, { STANDIN_GRYPE_REPORT: derived });
    expect(run.status).toBe(0);
    expect(run.calls[0]!.args[0]).toMatch(/^dir:\/.*\/workspace$/);
    const annotations = run.stdout.split('\n').filter((l) => l.startsWith('::error '));
    expect(annotations).toHaveLength(10);
    expect(annotations[0]).toBe('::error title=CVE-1999-0002 (critical) in pkg-0 2.2.2,file=services/s0/package-lock.json::pkg-0 2.2.2 (deb) is affected by CVE-1999-0002. No fix yet.');
    expect(run.summary).toContain('2 annotations not shown (GitHub shows 10 per level per step); every finding is in the SARIF file.');
  });

  it('scans an SBOM file as sbom:<path>; the verdict takes the digest from the grype report', () => {
    const run = runAction({ sbom: 'app.spdx.json', 'severity-cutoff': 'none' }, {}, { 'app.spdx.json': '{"spdxVersion":"SPDX-2.3"}' });
    expect(run.status).toBe(0);
    expect(run.calls[0]!.args[0]).toMatch(/^sbom:\/.*\/workspace\/app\.spdx\.json$/);
    const verdict = parseVerdict(fs.readFileSync(run.outputs['verdict-file']!, 'utf8'));
    expect(verdict.image).toBeUndefined();
    // The replayed report is an image scan, so its digest (from repoDigests) is what grype scanned.
    expect(verdict.digest).toBe('sha256:97e6d5aeed19f627205b218f45b284cd01ff658dd181416ab1d3e21aeb28d68e');
  });

  it('checks inputs before running anything: exactly one source, valid rules', () => {
    const both = runAction({ image: IMAGE, path: '.' });
    expect(both.status).toBe(1);
    expect(both.stdout).toContain('::error::Inputs image and path are both set; set exactly one of image, sbom or path.');
    expect(both.calls).toEqual([]);
    const none = runAction({});
    expect(none.stdout).toContain('Nothing to scan: set exactly one of the inputs image');
    const badRule = runAction({ image: IMAGE, ignore: '- vulnerability: CVE-1' });
    expect(badRule.status).toBe(1);
    expect(badRule.stdout).toContain('ignore[0] has no reason');
    expect(badRule.calls).toEqual([]);
  });
});
