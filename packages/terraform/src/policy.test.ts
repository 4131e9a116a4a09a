import { describe, expect, it } from '@jest/globals';
import { summarizePlan } from './plan.ts';
import { addressPattern, describeRefusal, evaluateDestroyPolicy } from './policy.ts';
import { mixedPlan } from './testing/plans.ts';

describe('destroy policy', () => {
  const summary = summarizePlan(mixedPlan());

  it.each([
    [{ allowDestroy: false, allowedPatterns: [] }, ['aws_instance.web', 'aws_lb.front', 'aws_s3_bucket.logs']],
    [{ allowDestroy: false, allowedPatterns: ['aws_s3_bucket.*'] }, ['aws_instance.web', 'aws_lb.front']],
    [{ allowDestroy: false, allowedPatterns: ['aws_*.web', 'aws_lb.fron?'] }, ['aws_s3_bucket.logs']],
    [{ allowDestroy: true, allowedPatterns: [] }, []],
  ])('with %j refuses %j', (policy, refused) => {
    const verdict = evaluateDestroyPolicy(summary, policy);
    expect(verdict.refused).toEqual(refused);
    expect(verdict.ok).toBe(refused.length === 0);
    expect(verdict.destroys.map((d) => d.kind)).toEqual(['replace', 'replace', 'delete']);
  });

  it('matches brackets and dots literally', () => {
    expect(addressPattern('aws_instance.web[0]').test('aws_instance.web[0]')).toBe(true);
    expect(addressPattern('aws_instance.web[0]').test('aws_instance.web0')).toBe(false);
    expect(addressPattern('module.db.*').test('module.db.aws_db_instance.main["a.b"]')).toBe(true);
    expect(addressPattern('module.db.*').test('module.dbx.aws_db_instance.main')).toBe(false);
    expect(() => addressPattern(' ')).toThrow(/allowed-destroy pattern is empty/);
  });

  it('explains a refusal with the addresses and what to do', () => {
    const message = describeRefusal(evaluateDestroyPolicy(summary, { allowDestroy: false, allowedPatterns: [] }), 'infra/app');
    expect(message).toBe('The plan for infra/app destroys or replaces 3 resource(s) that no rule allows:\n  - aws_instance.web\n  - aws_lb.front\n  - aws_s3_bucket.logs\n'
      + 'If that is intended, set allow-destroy: true, or list the addresses (patterns with *) in allowed-destroy.');
  });
});
