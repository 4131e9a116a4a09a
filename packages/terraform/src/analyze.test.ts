import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { corpusPath } from '../../../test/support/corpus.ts';
import { analyzePlan, analyzePlanText } from './analyze.ts';
import { parsePlan, PlanFormatError } from './plan.ts';
import { mixedPlan } from './testing/plans.ts';

const corpus = corpusPath('terraform', 'terraform-json');
const plans = corpus ? fs.readdirSync(corpus).filter((f) => f.endsWith('.json') && f !== 'invalid.plan.json').sort() : [];

(corpus ? describe : describe.skip)('reading a plan one resource change at a time', () => {
  it.each(plans)('gives the same summary and fingerprint as the whole document for %s, however it is laid out', (file) => {
    const text = fs.readFileSync(path.join(corpus!, file), 'utf8');
    const whole = analyzePlan(parsePlan(text, file));
    expect(analyzePlanText(text, file)).toEqual(whole);
    const doc = JSON.parse(text);
    expect(analyzePlanText(JSON.stringify(doc), file)).toEqual(whole);
    expect(analyzePlanText(`\n ${JSON.stringify(doc, null, '\t')} \n`, file)).toEqual(whole);
  });

  it('refuses the deliberately invalid document, saying where and what to do', () => {
    const text = fs.readFileSync(path.join(corpus!, 'invalid.plan.json'), 'utf8');
    expect(() => analyzePlanText(text, 'invalid.plan.json')).toThrow(PlanFormatError);
    expect(() => analyzePlanText(text, 'invalid.plan.json')).toThrow(/^invalid\.plan\.json is not a JSON plan document \(there is more text after the document at position 15543 \(line 676 column 29\) of invalid\.plan\.json\)\. Produce it with `terraform show -json PLANFILE/);
  });
});

describe('plan text scanning', () => {
  const text = JSON.stringify(mixedPlan());

  it('matches the whole-document reading on a plan with every kind of change', () => {
    expect(analyzePlanText(text, 'mixed.json')).toEqual(analyzePlan(mixedPlan()));
  });

  it('reads strings with escaped quotes and backslashes in skipped and read sections', () => {
    const doc = { format_version: '1.2', configuration: { weird: 'a \\" b \\\\', list: ['}', ']', '{"x":1}'] }, resource_changes: [
      { address: 'null_resource.q', mode: 'managed', change: { actions: ['create'], before: null, after: { text: 'say "hi" \\ ] }' }, after_unknown: {}, after_sensitive: {} } },
    ] };
    const result = analyzePlanText(JSON.stringify(doc), 'q.json');
    expect(result.summary.resources[0]!.attributes).toEqual([{ path: 'text', before: undefined, after: '"say \\"hi\\" \\\\ ] }"', forcesReplacement: false, newFrom: 0 }]);
  });

  it.each([
    ['[]', /the top level is not a JSON object/],
    ['{"format_version":"1.2","configuration":{"a":[1,2}}', /an unexpected '}' at position 49 /],
    ['{"format_version":"1.2","configuration":{"a":"open', /a string is not closed at position 45 /],
    ['{"format_version":"1.2","resource_changes":[{"address":"x.y","change":{"actions":["create"]}} 5]', /a ',' or '\]' was expected/],
    ['{"format_version":"1.2","resource_changes":[{"address":nope}]}', /Unexpected token/],
    ['{"format_version":"1.2"} {}', /there is more text after the document/],
  ])('refuses malformed text %s with where it went wrong', (bad, message) => {
    expect(() => analyzePlanText(bad, 'bad.json')).toThrow(message);
    expect(() => analyzePlanText(bad, 'bad.json')).toThrow(/^bad\.json is not a JSON plan document/);
  });

  it('checks the plan shape as the whole-document reading does', () => {
    expect(() => analyzePlanText('{"resource_changes":[]}', 'p.json')).toThrow(/p\.json is not a terraform plan document: it has no "format_version"/);
    expect(() => analyzePlanText('{"format_version":"1.2","resource_changes":{}}', 'p.json')).toThrow(/"resource_changes" is not a list/);
    expect(() => analyzePlanText('{"format_version":"1.2","resource_changes":[{"address":"a.b","change":{}}]}', 'p.json')).toThrow(/resource_changes\[0\] \(a\.b\) has no "change\.actions" list/);
  });
});
