import { describe, expect, it } from '@jest/globals';
import { goFloat } from './decrypt.ts';
import { macAdditionalData, shouldEncrypt, readMetadata, goRegex } from './metadata.ts';
import { unflatten } from './tree.ts';
import { parseFile } from './formats.ts';
import { combineShares, splitSecret } from './shamir.ts';
import { variableName, flattenLeaves } from './variables.ts';
import { additionalData, parseEncrypted } from './cipher.ts';

describe('goFloat (Go strconv.FormatFloat f, -1)', () => {
  it.each([
    [1234568000, '1234568000'], [25.4, '25.4'], [0.25, '0.25'], [1e21, '1000000000000000000000'], [1.5e-7, '0.00000015'],
    [-2.5e22, '-25000000000000000000000'], [0, '0'], [Infinity, '+Inf'], [-Infinity, '-Inf'], [NaN, 'NaN'],
  ])('%p -> %s', (value, text) => expect(goFloat(value)).toBe(text));
});

describe('encryption rules (a rule matches on any key of the path)', () => {
  it.each([
    [['a', 'b'], { unencryptedSuffix: '_unencrypted' }, true],
    [['a_unencrypted', 'b'], { unencryptedSuffix: '_unencrypted' }, false],
    [['a', 'b_enc'], { encryptedSuffix: '_enc' }, true],
    [['a', 'b'], { encryptedSuffix: '_enc' }, false],
    [['stringData', 'key'], { encryptedRegex: /^(data|stringData)$/ }, true],
    [['metadata', 'name'], { encryptedRegex: /^(data|stringData)$/ }, false],
    [['public', 'x'], { unencryptedRegex: /^pub/ }, false],
    [['secret', 'x'], { unencryptedRegex: /^pub/ }, true],
  ] as const)('%j with %j -> %s', (keys, rules, expected) => expect(shouldEncrypt(keys, rules)).toBe(expected));

  it('defaults to the _unencrypted suffix when the file sets no rule, and reads Go (?i) flags', () => {
    expect(readMetadata({ lastmodified: 'x', mac: '' }, 'f').rules).toEqual({ unencryptedSuffix: '_unencrypted' });
    expect(goRegex('(?i)^SECRET', 'f', 'encrypted_regex').test('secret_key')).toBe(true);
  });
});

describe('metadata', () => {
  it('formats lastmodified as Go RFC 3339 for the MAC additional data', () => {
    expect(macAdditionalData('2025-08-06T18:55:05Z')).toBe('2025-08-06T18:55:05Z');
    expect(macAdditionalData('2025-08-06T18:55:05.123456Z')).toBe('2025-08-06T18:55:05Z');
    expect(macAdditionalData('2025-08-06T20:55:05+02:00')).toBe('2025-08-06T20:55:05+02:00');
  });

  it('unflattens dotenv/INI metadata keys', () => {
    expect(unflatten([['pgp__list_0__map_fp', 'A'], ['pgp__list_1__map_fp', 'B'], ['key_groups__list_0__map_age__list_0__map_recipient', 'r'], ['shamir_threshold', '2']]))
      .toEqual({ pgp: [{ fp: 'A' }, { fp: 'B' }], key_groups: [{ age: [{ recipient: 'r' }] }], shamir_threshold: '2' });
  });

  it('treats several key groups as Shamir parts (threshold defaults to all groups)', () => {
    const m = readMetadata({ key_groups: [{ age: [{ recipient: 'a', enc: 'x' }] }, { pgp: [{ fp: 'F', enc: 'y' }] }] }, 'f');
    expect(m.keyGroups.map((g) => [g.age.length, g.pgp.length])).toEqual([[1, 0], [0, 1]]);
    expect(m.shamirThreshold).toBe(2);
    expect(readMetadata({ age: [{ recipient: 'a', enc: 'x' }], shamir_threshold: 3 }, 'f').shamirThreshold).toBe(1);
  });
});

describe('formats', () => {
  it('dotenv splits at the first = without trimming, comments kept as entries, sops_ lines as metadata', () => {
    const parsed = parseFile('#note\nA = b=c\nsops_version=3.9.0\nsops_pgp__list_0__map_enc=x\\ny\n', 'x.env');
    expect(parsed.branches[0]!.entries).toEqual([{ comment: 'note' }, { key: 'A ', value: { kind: 'scalar', value: ' b=c' } }]);
    expect(parsed.metadata).toEqual({ version: '3.9.0', pgp: [{ enc: 'x\ny' }] });
  });

  it('INI puts keys before the first section in DEFAULT', () => {
    const parsed = parseFile('top = 1\n[s]\nk = v\n[sops]\nversion = 3\n', 'x.ini');
    expect(parsed.branches[0]!.entries.map((e) => ('key' in e ? e.key : ''))).toEqual(['DEFAULT', 's']);
    expect(parsed.metadata).toEqual({ version: '3' });
  });

  it('JSON keeps integer-like keys where the document has them, and reads numbers as floats', () => {
    const parsed = parseFile('{"b": 1, "10": 2, "2": {"x": 3}}', 'x.json');
    expect(parsed.branches[0]!.entries.map((e) => ('key' in e ? e.key : ''))).toEqual(['b', '10', '2']);
    const first = parsed.branches[0]!.entries[0] as { value: { value: unknown } };
    expect(typeof first.value.value).toBe('number');
  });

  it('YAML keeps several documents', () => {
    const parsed = parseFile('a: 1\n---\nb: 2\nsops:\n  version: "3"\n', 'x.yaml');
    expect(parsed.branches).toHaveLength(2);
    expect(parsed.metadata).toEqual({ version: '3' });
  });
});

describe('values', () => {
  it('parses the ENC envelope and builds the additional data', () => {
    const v = parseEncrypted('ENC[AES256_GCM,data:PhmSdTs=,iv:J5ugEWq6RfyNx+5zDXvcTdoQ18YYZkqesDED7LNzou4=,tag:0Qrom6J6aUnZMZzGz5XCxw==,type:str]')!;
    expect([v.data.length, v.iv.length, v.tag.length, v.type]).toEqual([5, 32, 16, 'str']);
    expect(parseEncrypted('ENC[AES256_GCM,data:x,iv:y,tag:z,type:other]')).toBeUndefined();
    expect(additionalData(['app2', 'db', 'password'])).toBe('app2:db:password:');
  });
});

describe('Shamir (GF(256), shares carry their x-coordinate in the last byte)', () => {
  it('recovers the secret from any threshold of shares, and not from fewer', () => {
    const secret = new Uint8Array(32).map((_, i) => (i * 37 + 11) & 0xff);
    const shares = splitSecret(secret, 5, 3);
    expect(shares.every((s) => s.length === 33)).toBe(true);
    expect(combineShares([shares[4]!, shares[0]!, shares[2]!])).toEqual(secret);
    expect(combineShares([shares[1]!, shares[3]!, shares[4]!])).toEqual(secret);
    expect(combineShares([shares[1]!, shares[3]!])).not.toEqual(secret);
  });
});

describe('variable names', () => {
  it.each([
    [['db', 'password'], '', 'DB__PASSWORD'],
    [['hosts', 0], 'APP_', 'APP_HOSTS__0'],
    [['api-key'], '', 'API_KEY'],
    [['1st'], '', '_1ST'],
  ] as const)('%j with prefix %j -> %s', (p, prefix, name) => expect(variableName(p, prefix)).toBe(name));

  it('refuses two leaves that flatten to one name', () => {
    const leaf = (p: string[]) => ({ path: p, type: 'str' as const, text: 'x', value: 'x', encrypted: true });
    expect(() => flattenLeaves([{ file: 'a.yaml', leaves: [leaf(['db', 'pass'])] }, { file: 'b.yaml', leaves: [leaf(['DB', 'PASS'])] }]))
      .toThrow('Two values flatten to the variable DB__PASS: db.pass in a.yaml and DB.PASS in b.yaml');
  });
});
