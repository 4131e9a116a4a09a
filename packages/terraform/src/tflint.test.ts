import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { corpusPath } from '../../../test/support/corpus.ts';
import { mergeSarifRuns, parseTflintReport, tflintAnnotations, tflintFails, tflintSarif } from './tflint.ts';

const corpus = corpusPath('terraform', 'tflint');
const reports = corpus ? fs.readdirSync(corpus).filter((f) => f.endsWith('.json')).sort() : [];
const read = (file: string) => parseTflintReport(fs.readFileSync(path.join(corpus!, file), 'utf8'), file);

(corpus ? describe : describe.skip)('tflint --format json corpus', () => {
  it.each(reports)('turns %s into one annotation per issue and error, and a single-run SARIF', (file) => {
    const report = read(file);
    const annotations = tflintAnnotations(report, 'stacks/app');
    expect(annotations).toHaveLength(report.issues.length + report.errors.length);
    for (const a of annotations.slice(0, report.issues.length)) {
      expect(a.file).toMatch(/^stacks\/app\/[^/]/);
      expect(a.startLine).toBeGreaterThanOrEqual(1);
    }
    const sarif = tflintSarif([{ report, baseDir: 'stacks/app' }]);
    expect(sarif.runs).toHaveLength(1);
    expect(sarif.runs[0]!.results).toHaveLength(report.issues.length + report.errors.length);
    const ruleIds = new Set(sarif.runs[0]!.tool.driver.rules.map((r) => r.id));
    for (const result of sarif.runs[0]!.results as { ruleId: string }[]) expect(ruleIds.has(result.ruleId)).toBe(true);
    expect(JSON.stringify(sarif)).not.toMatch(/\\u001b/);
  });

  it('writes the SARIF of inspection__module.json and recursive__errors.json as in the golden file', () => {
    const sarif = tflintSarif([
      { report: read('inspection__module.json'), baseDir: 'stacks/app' },
      { report: read('recursive__errors.json'), baseDir: 'stacks/broken' },
    ], { category: 'tflint' });
    const text = `${JSON.stringify(sarif, null, 2)}\n`;
    const golden = path.join(import.meta.dirname, '__golden__', 'tflint.sarif.json');
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(golden, text);
    expect(text).toBe(fs.readFileSync(golden, 'utf8'));
  });

  it('reads the fields of bundled__basic.json', () => {
    const [first] = tflintAnnotations(read('bundled__basic.json'));
    expect(first).toEqual({
      level: 'warning',
      title: 'tflint: terraform_typed_variables',
      message: '`instance_type` variable has no type\nhttps://github.com/terraform-linters/tflint-ruleset-terraform/blob/v0.8.0/docs/rules/terraform_typed_variables.md',
      file: 'main.tf', startLine: 1, endLine: 1, startColumn: 1, endColumn: 25,
    });
  });

  it('decides failure by minimum severity; errors always fail', () => {
    const warnings = read('bundled__basic.json');
    expect(tflintFails(warnings, 'error')).toEqual({ failed: false, counted: 0 });
    expect(tflintFails(warnings, 'warning')).toEqual({ failed: true, counted: warnings.issues.length });
    expect(tflintFails(read('inspection__module.json'), 'error').failed).toBe(true);
    expect(tflintFails(read('recursive__errors.json'), 'error')).toEqual({ failed: true, counted: 0 });
  });

  it('puts the issues of several stacks into one run with each rule once', () => {
    const sarif = tflintSarif([
      { report: read('inspection__module.json'), baseDir: 'a' },
      { report: read('inspection__expand.json'), baseDir: 'b' },
    ]);
    expect(sarif.runs).toHaveLength(1);
    const ids = sarif.runs[0]!.tool.driver.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('strips terminal colours from error messages', () => {
    const [first] = tflintAnnotations(read('recursive__errors.json'));
    expect(first!.message).toContain('Error: Argument or block definition required');
    expect(first!.message).not.toContain('\u001b');
  });
});

describe('tflint report errors and SARIF merging', () => {
  it('refuses text that is not a tflint report, naming it', () => {
    expect(() => parseTflintReport('{"issues": 3}', 'lint.json')).toThrow(/lint\.json is not a tflint JSON report: it needs "issues" and "errors" lists/);
    expect(() => parseTflintReport('oops', 'lint.json')).toThrow(/lint\.json is not a tflint JSON report/);
  });

  it('merges a two-run SARIF log into one run', () => {
    const merged = mergeSarifRuns({
      version: '2.1.0',
      runs: [
        { tool: { driver: { rules: [{ id: 'a' }] } }, results: [{ ruleId: 'a' }] },
        { tool: { driver: { rules: [{ id: 'a' }, { id: 'b' }] } }, results: [{ ruleId: 'b' }] },
      ],
    });
    expect(merged.runs).toHaveLength(1);
    expect(merged.runs![0]!.tool!.driver!.rules).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(merged.runs![0]!.results).toEqual([{ ruleId: 'a' }, { ruleId: 'b' }]);
  });
});
