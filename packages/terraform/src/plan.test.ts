import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { corpusPath } from '../../../test/support/corpus.ts';
import { checkPlan, parsePlan, planLine, PlanFormatError, summarizePlan, type RawPlan } from './plan.ts';
import { renderPlanComment, renderPlanMarkdown, renderPlanText } from './render.ts';
import { fingerprintPlan } from './fingerprint.ts';
import { mixedPlan, MIXED_SECRETS, plan, resource } from './testing/plans.ts';
import type { Json, Mask } from './values.ts';

const corpus = corpusPath('terraform', 'terraform-json');
const plans = corpus ? fs.readdirSync(corpus).filter((f) => f.endsWith('.json') && f !== 'invalid.plan.json').sort() : [];
const readCorpus = (file: string): RawPlan => parsePlan(fs.readFileSync(path.join(corpus!, file), 'utf8'), file);

function renderAll(raw: RawPlan): string[] {
  const summary = summarizePlan(raw);
  const { fingerprint, digests } = fingerprintPlan(raw);
  const ctx = { stack: 'infra', workspace: 'default', fingerprint, digests };
  return [renderPlanText(summary), renderPlanComment(summary, ctx), renderPlanMarkdown(summary, ctx, { limit: 1_000_000 }), JSON.stringify(summary)];
}

(corpus ? describe : describe.skip)('terraform show -json corpus', () => {
  // Expected counts, read off each document by hand as terraform's `Plan:` line counts them.
  const expected: Record<string, [add: number, change: number, destroy: number, replace: number, imp: number, move: number, read: number]> = {
    '013_module_depends_on.plan.json': [2, 0, 0, 0, 0, 0, 1],
    '110_basic.plan.json': [7, 0, 0, 0, 0, 0, 0],
    '110_sensitive_values.plan.json': [7, 0, 0, 0, 0, 0, 0],
    '120_basic.plan.json': [7, 0, 0, 0, 0, 0, 0],
    'action_reason.plan.json': [1, 0, 1, 1, 0, 0, 0],
    'actions.plan.json': [0, 0, 0, 0, 0, 0, 0],
    'basic.plan-0.15.json': [1, 0, 0, 0, 0, 0, 0],
    'basic.plan.json': [7, 0, 0, 0, 0, 0, 1],
    'config_resource_depends_on.plan.json': [1, 0, 1, 1, 0, 0, 0],
    'deep_module.plan.json': [1, 0, 0, 0, 0, 0, 0],
    'explicit_null.plan.json': [3, 0, 0, 0, 0, 0, 0],
    'has_changes.plan.json': [0, 0, 0, 0, 0, 0, 0],
    'has_checks.plan.json': [2, 0, 0, 0, 0, 0, 0],
    'identity.plan.json': [0, 1, 0, 0, 1, 0, 0],
    'moved_block.plan.json': [0, 0, 0, 0, 0, 1, 0],
    'nested_config_keys.plan.json': [1, 0, 0, 0, 0, 0, 0],
    'no_changes.plan.json': [0, 0, 0, 0, 0, 0, 0],
    'numerics.plan.json': [1, 0, 0, 0, 0, 0, 0],
    'output_depends_on.plan.json': [2, 0, 0, 0, 0, 0, 0],
    'provider_version.plan.json': [1, 0, 0, 0, 0, 0, 0],
    'registry_module.plan.json': [1, 0, 0, 0, 0, 0, 0],
  };

  it('has an expectation for every plan in the corpus', () => {
    expect(plans).toEqual(Object.keys(expected).sort());
  });

  it.each(plans)('summarizes %s with the counts terraform prints', (file) => {
    const summary = summarizePlan(readCorpus(file));
    const c = summary.counts;
    expect([c.add, c.change, c.destroy, c.replace, c.import, c.move, c.read]).toEqual(expected[file]);
  });

  it('refuses the deliberately invalid document with an error naming the file and what to do', () => {
    const text = fs.readFileSync(path.join(corpus!, 'invalid.plan.json'), 'utf8');
    expect(() => parsePlan(text, 'invalid.plan.json')).toThrow(PlanFormatError);
    expect(() => parsePlan(text, 'invalid.plan.json')).toThrow(/invalid\.plan\.json is not a JSON plan document .*terraform show -json/s);
  });

  it('shows the sensitive output of 110_sensitive_values.plan.json only as (sensitive value)', () => {
    const text = renderPlanText(summarizePlan(readCorpus('110_sensitive_values.plan.json')));
    expect(text).toContain('+ foo = (sensitive value)');
    expect(text).toContain('+ interpolated = (known after apply)');
  });

  it('reads the replace reason, the import and the move', () => {
    const reasons = summarizePlan(readCorpus('action_reason.plan.json')).resources.map((r) => [r.address, r.kind, r.reason]);
    expect(reasons).toEqual([['null_resource.example', 'replace', 'replace_because_tainted']]);
    const imported = summarizePlan(readCorpus('identity.plan.json')).resources[0]!;
    expect([imported.kind, imported.importing]).toEqual(['update', true]);
    const moved = summarizePlan(readCorpus('moved_block.plan.json')).resources[0]!;
    expect([moved.address, moved.previousAddress, moved.kind]).toEqual(['random_id.test2', 'random_id.test', 'no-op']);
  });

  /**
   * Every leaf of every value in every corpus plan is replaced by a unique canary, and every other leaf
   * is marked sensitive (and all leaves in a second pass): no marked canary may appear in any rendering.
   */
  let planted = 0;
  const maskedPlans = new Set<string>();
  it.each(plans)('never renders a value marked sensitive in %s', (file) => {
    for (const every of [1, 2]) {
      const raw = readCorpus(file);
      const secrets: string[] = [];
      let n = 0;
      const plant = (value: Json | undefined): [Json | undefined, Mask] => {
        if (value === null || value === undefined) return [value, false];
        if (Array.isArray(value)) {
          const pairs = value.map(plant);
          return [pairs.map((p) => p[0] ?? null), pairs.map((p) => p[1] ?? false)];
        }
        if (typeof value === 'object') {
          const out: Record<string, Json> = {};
          const mask: Record<string, Json> = {};
          for (const [k, v] of Object.entries(value)) {
            const [pv, pm] = plant(v);
            out[k] = pv ?? null;
            mask[k] = pm ?? false;
          }
          return [out, mask];
        }
        n += 1;
        const canary = `CANARY-${n}-${file}`;
        const marked = n % every === 0;
        if (marked) secrets.push(canary);
        return [marked ? canary : `visible-${n}`, marked];
      };
      for (const r of [...(raw.resource_changes ?? []), ...(raw.resource_drift ?? [])]) {
        const change = r.change!;
        [change.before, change.before_sensitive] = plant(change.before);
        [change.after, change.after_sensitive] = plant(change.after);
      }
      for (const o of Object.values(raw.output_changes ?? {})) {
        [o.before, o.before_sensitive] = plant(o.before);
        [o.after, o.after_sensitive] = plant(o.after);
      }
      const rendered = renderAll(checkPlan(raw, file));
      for (const text of rendered) {
        for (const secret of secrets) expect(text).not.toContain(secret);
      }
      if (rendered[0]!.includes('(sensitive value)')) maskedPlans.add(file);
      planted += secrets.length;
    }
  });

  it('planted secrets that the renderings replaced by (sensitive value) in most plans', () => {
    expect(planted).toBeGreaterThan(100);
    expect(maskedPlans.size).toBeGreaterThanOrEqual(15);
  });
});

describe('plan summary of every kind of change', () => {
  it('counts replace in both orders, forget and forget+create in both orders as terraform does', () => {
    const summary = summarizePlan(mixedPlan());
    expect(summary.counts).toEqual({ add: 5, change: 1, destroy: 3, replace: 2, import: 1, move: 1, forget: 3, read: 1, noop: 3 });
    expect(planLine(summary.counts)).toBe('Plan: 1 to import, 5 to add, 1 to change, 3 to destroy, 3 to forget.');
    expect(summary.resources.map((r) => `${r.address}:${r.kind}`)).toEqual([
      'aws_db_instance.main:update', 'aws_instance.web:replace', 'aws_lb.front:replace-create-first', 'aws_s3_bucket.logs:delete',
      'aws_iam_role.legacy:forget', 'aws_iam_role.reborn:create-then-forget', 'aws_iam_role.tofu:forget-then-create',
      'aws_vpc.main:no-op', 'aws_subnet.a:no-op', 'aws_key_pair.deploy:create', 'data.aws_ami.ubuntu:read',
    ]);
    expect(summary.drift.map((r) => r.address)).toEqual(['aws_security_group.edge']);
    expect(summary.changes).toBe(true);
  });

  it('lists changed attributes with sensitive and unknown values masked, and what forces replacement', () => {
    const summary = summarizePlan(mixedPlan());
    const db = summary.resources.find((r) => r.address === 'aws_db_instance.main')!;
    expect(db.attributes).toEqual([
      { path: 'password', before: '(sensitive value)', after: '(sensitive value)', forcesReplacement: false },
      { path: 'size', before: '10', after: '20', forcesReplacement: false },
    ]);
    const web = summary.resources.find((r) => r.address === 'aws_instance.web')!;
    expect(web.attributes).toEqual([
      { path: 'ami', before: '"ami-111"', after: '"ami-222"', forcesReplacement: true },
      { path: 'id', before: '"i-123"', after: '(known after apply)', forcesReplacement: false },
    ]);
    expect(summary.outputs.map(({ attributes: _, ...o }) => o)).toEqual([
      { name: 'db_password', kind: 'create', before: undefined, after: '(sensitive value)' },
      { name: 'endpoint', kind: 'update', before: '"old.example.com"', after: '(known after apply)' },
      { name: 'settings', kind: 'create', before: undefined, after: '{"region":"eu-west-1","token":"(sensitive value)"}' },
    ]);
    // The parts of an output, for nested rendering: a map's keys, each through its mask.
    expect(summary.outputs[2]!.attributes.map((a) => [a.path, a.after])).toEqual([['region', '"eu-west-1"'], ['token', '(sensitive value)']]);
  });

  it('renders no secret of the mixed plan anywhere', () => {
    for (const rendered of renderAll(mixedPlan())) for (const secret of MIXED_SECRETS) expect(rendered).not.toContain(secret);
  });

  it('says there are no changes when everything is a no-op', () => {
    const summary = summarizePlan(plan([resource('null_resource.a', ['no-op'], { before: {}, after: {} })]));
    expect(summary.changes).toBe(false);
    expect(renderPlanText(summary)).toContain('No changes.');
  });

  it('reports an errored and an incomplete plan', () => {
    expect(summarizePlan(plan([], { errored: true })).errors[0]).toMatch(/errored/);
    expect(summarizePlan(plan([], { complete: false })).errors[0]).toMatch(/incomplete/);
  });

  it('refuses unknown actions and malformed documents with the address or field named', () => {
    expect(() => summarizePlan(plan([resource('a.b', ['explode'])]))).toThrow(/resource_changes a\.b has actions \["explode"\]/);
    expect(() => parsePlan('[]', 'p.json')).toThrow(/p\.json is not a terraform plan document: the top level is not a JSON object/);
    expect(() => parsePlan('{"format_version":"2.0"}', 'p.json')).toThrow(/format_version 2\.0/);
    expect(() => parsePlan('{"format_version":"1.2","resource_changes":[{"address":"x.y"}]}', 'p.json')).toThrow(/resource_changes\[0\] \(x\.y\) has no "change\.actions"/);
  });
});
