import { describe, expect, it } from '@jest/globals';
import { canonicalJson, compareDigests, decodeDigests, encodeDigests, fingerprintPlan } from './fingerprint.ts';
import { mixedPlan, MIXED_SECRETS } from './testing/plans.ts';
import type { RawPlan } from './plan.ts';

const clone = (p: RawPlan): RawPlan => JSON.parse(JSON.stringify(p)) as RawPlan;

describe('canonical JSON', () => {
  it.each([
    [{ b: 1, a: [{ d: null, c: 'x' }] }, '{"a":[{"c":"x","d":null}],"b":1}'],
    [{ a: 1, b: { c: 2 } }, '{"a":1,"b":{"c":2}}'],
    [{ 9: 'n', 10: 'm', a: undefined, z: [undefined] }, '{"10":"m","9":"n","z":[null]}'],
    ['text', '"text"'],
  ])('writes %j as %s', (value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });
});

describe('plan fingerprint', () => {
  const base = fingerprintPlan(mixedPlan());

  it('ignores timestamps, versions, prior state, drift, key order and no-op resources', () => {
    const other = clone(mixedPlan()) as RawPlan & Record<string, unknown>;
    other.timestamp = '2030-05-05T00:00:00Z';
    other.terraform_version = '1.10.2';
    other.prior_state = { values: { root_module: {} } };
    other.resource_drift = [];
    other.resource_changes = [...other.resource_changes!].reverse();
    other.resource_changes.push({ address: 'null_resource.untouched', mode: 'managed', change: { actions: ['no-op'], before: {}, after: {} } });
    const db = other.resource_changes.find((r) => r.address === 'aws_db_instance.main')!;
    db.change!.after = Object.fromEntries(Object.entries(db.change!.after as object).reverse());
    expect(fingerprintPlan(other).fingerprint).toBe(base.fingerprint);
  });

  it('changes when an attribute changes, and the comparison names the resource', () => {
    const other = clone(mixedPlan());
    const web = other.resource_changes!.find((r) => r.address === 'aws_instance.web')!;
    (web.change!.after as Record<string, unknown>).ami = 'ami-333';
    const now = fingerprintPlan(other);
    expect(now.fingerprint).not.toBe(base.fingerprint);
    expect(compareDigests(base.digests, now.digests)).toEqual([{ address: 'aws_instance.web', how: 'changed', reviewed: 'delete,create', now: 'delete,create' }]);
  });

  it('lists resources added, removed and with other actions since review', () => {
    const other = clone(mixedPlan());
    other.resource_changes = other.resource_changes!.filter((r) => r.address !== 'aws_s3_bucket.logs');
    other.resource_changes.push({ address: 'aws_eip.new', mode: 'managed', change: { actions: ['create'], after: {} } });
    other.resource_changes.find((r) => r.address === 'aws_lb.front')!.change!.actions = ['delete', 'create'];
    expect(compareDigests(base.digests, fingerprintPlan(other).digests)).toEqual([
      { address: 'aws_eip.new', how: 'added', now: 'create' },
      { address: 'aws_lb.front', how: 'changed', reviewed: 'create,delete', now: 'delete,create' },
      { address: 'aws_s3_bucket.logs', how: 'removed', reviewed: 'delete' },
    ]);
  });

  it('changes when only a sensitive value changes, while the public digests stay the same', () => {
    const other = clone(mixedPlan());
    const db = other.resource_changes!.find((r) => r.address === 'aws_db_instance.main')!;
    (db.change!.after as Record<string, unknown>).password = 'another-password';
    const now = fingerprintPlan(other);
    expect(now.fingerprint).not.toBe(base.fingerprint);
    expect(compareDigests(base.digests, now.digests)).toEqual([]);
  });

  it('does not depend on the key order of several sensitive parts, but on which value sits where', () => {
    const make = (a: string, b: string, reversed: boolean) => {
      const after: Record<string, string> = reversed ? { b, a } : { a, b };
      return fingerprintPlan({ format_version: '1.2', resource_changes: [{ address: 'x.y', change: { actions: ['create'], after, after_sensitive: { a: true, b: true } } }] }).fingerprint;
    };
    expect(make('one', 'two', true)).toBe(make('one', 'two', false));
    expect(make('two', 'one', false)).not.toBe(make('one', 'two', false));
  });

  it('changes when an output changes', () => {
    const other = clone(mixedPlan());
    other.output_changes!.endpoint!.before = 'new.example.com';
    expect(compareDigests(base.digests, fingerprintPlan(other).digests).map((d) => d.address)).toEqual(['output.endpoint']);
  });

  it('round-trips the digests through the marker text, which holds no secret', () => {
    const text = encodeDigests(base.digests);
    expect(decodeDigests(text)).toEqual(base.digests);
    const decoded = Buffer.from(text, 'base64url').toString('utf8');
    for (const secret of MIXED_SECRETS) expect(decoded).not.toContain(secret);
    expect(decodeDigests('not-json')).toBeUndefined();
  });
});
