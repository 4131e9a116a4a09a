/**
 * The fast YAML reader against the yaml package (parseYaml): on every YAML file of the SOPS corpus and on
 * hand-written documents, it either gives the same tree and metadata, or declines (undefined) so the file
 * is read by the yaml package. And what it declines, it must decline.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { corpusPath } from '../../../test/support/corpus.ts';
import { parseFile } from './formats.ts';
import { readBlockYaml, resolvePlain } from './yaml-fast.ts';
import { parseYaml } from './yaml-format.ts';
import type { Node } from './tree.ts';

/** A tree without the YAML nodes, bigints and odd numbers spelled out, for toEqual. */
function plain(node: Node): unknown {
  if (node.kind === 'scalar') {
    const v = node.value;
    return typeof v === 'bigint' ? `bigint:${v}` : typeof v === 'number' ? `number:${Object.is(v, -0) ? '-0' : String(v)}` : v;
  }
  if (node.kind === 'list') return node.items.map(plain);
  return node.entries.map((e) => ('key' in e ? [e.key, plain(e.value)] : { comment: e.comment }));
}

const spell = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `bigint:${v}` : v));

/** Reads `text` both ways; returns whether the fast reader took it (and then it must agree). */
function agrees(text: string, file = 'test.yaml'): boolean {
  const fast = parseFile(text, file, 'yaml');
  const slow = parseYaml(text, file);
  if (fast.state) return false; // the fast reader declined: parseFile used the yaml package
  expect(fast.branches.map(plain)).toEqual(slow.branches.map(plain));
  expect(spell(fast.metadata)).toEqual(spell(slow.metadata));
  return true;
}

describe('fast YAML reader', () => {
  const dir = corpusPath('sops');
  (dir ? it : it.skip)('reads every YAML file of the SOPS corpus as the yaml package does', () => {
    const files = fs.readdirSync(dir!, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(dir!, f));
    expect(files.length).toBeGreaterThanOrEqual(10);
    const taken = files.filter((f) => agrees(fs.readFileSync(f, 'utf8'), f));
    // sops writes the subset the reader handles: nearly all of them must take the fast path
    expect(taken.length).toBeGreaterThanOrEqual(files.length - 2);
  });

  it.each([
    ['nested maps and lists', 'a:\n    b: 1\n    c:\n        - x\n        - y: 2\n          z: three\n        -\n        - - not handled\n'],
    ['maps and lists', 'a:\n    b: 1\n    c:\n        - x\n        - y: 2\n          z: three\n        -\n        - last\nd: e\n'],
    ['compact lists under a key', 'a:\n- 1\n- two\nb:\n  - c: d\n  - e\n'],
    ['old sops list indentation', 'sops:\n    pgp:\n    -   created_at: \'2019-08-29T21:52:32Z\'\n        enc: |\n            -----BEGIN PGP MESSAGE-----\n\n            abc\n            -----END PGP MESSAGE-----\n        fp: FBC7\n    version: 3.6.1\n'],
    ['scalars of every core type', 'n1: ~\nn2: null\nn3: NULL\nn4:\nb1: true\nb2: False\ni1: 42\ni2: -7\ni3: 0o17\ni4: 0x1F\ni5: +3\nf1: 1.5\nf2: .5\nf3: 1e3\nf4: -.inf\nf5: .NaN\nf6: 2.\ns1: yes\ns2: 0b101\ns3: 1_000\ns4: 12:30\ns5: a#b\ns6: x # comment\ns7: http://example.com\n'],
    ['keys that resolve to other types', '1: a\n0x10: b\ntrue: c\n~: d\n1.50: e\n"quoted key": f\n\'single\': g\nkey with spaces: h\na:b: i\n'],
    ['quoted values', 'a: "x\\ty\\n\\"z\\\\"\nb: \'it\'\'s\'\nc: "" # empty\nd: \'#not a comment\'\ne: "ENC[x]"\n'],
    ['block scalars', 'a: |\n  line 1\n\n  line 3\n\n\nb: |-\n    kept\n    lines\nc: |+\n  keep\n\nd: |\ne: | # comment\n  x\n'],
    ['block scalar in a list', 'l:\n  - |\n    one\n    two\n  - after\n'],
    ['comments everywhere', '# top\na: 1 # after\n  # indented comment\nb:\n    # before c\n    c: 2\n#ENC[AES256_GCM,data:x,iv:y,tag:z,type:comment]\nd: 3\n'],
    ['several documents', 'a: 1\nsops:\n    mac: x\n---\nb: 2\nsops:\n    mac: y\n---\n# only a comment\n'],
    ['duplicate keys', 'a: 1\na: 2\nsops:\n    version: 1\n'],
    ['empty maps and lists spelled as null', 'a:\nb:\n  c:\n'],
    ['empty flow collections', 'a: []\nb: {} # none\nsops:\n    kms: []\n    version: 3.7.0\n'],
    ['no final line break', 'a: 1\nb: -2'],
    ['a second sops key (data, as the yaml package reads it)', 'sops:\n    version: 1\nsops: 2\n'],
  ])('%s: same tree and metadata as the yaml package, or declined', (_name, text) => {
    agrees(text);
  });

  it('takes the documents sops writes (so the fast path is the one measured)', () => {
    for (const text of [
      'a:\n    b: 1\n    c:\n        - x\n        - y: 2\n          z: three\n        -\n        - last\nd: e\n',
      'a: |\n  line 1\n\n  line 3\n\n\nb: |-\n    kept\n    lines\nc: |+\n  keep\n\nd: |\ne: | # comment\n  x\n',
      'n1: ~\nb1: true\ni3: 0o17\nf4: -.inf\ns4: 12:30\ns6: x # comment\n',
      'a: "x\\ty\\n\\"z\\\\"\nb: \'it\'\'s\'\n',
      'a: 1\nsops:\n    mac: x\n---\nb: 2\n',
      'a: []\nb: {} # none\nsops:\n    kms: []\n    version: 3.7.0\n',
    ]) expect(agrees(text)).toBe(true);
  });

  it.each([
    ['flow collections', 'a: [1, 2]\n'],
    ['flow maps', 'a: {b: 1}\n'],
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['tags', 'a: !!str 1\n'],
    ['folded scalars', 'a: >\n  folded\n  text\n'],
    ['multi-line plain scalars', 'a: one\n  two\n'],
    ['multi-line quoted scalars', 'a: "one\n  two"\n'],
    ['unicode escapes', 'a: "\\u00e9"\n'],
    ['tabs', 'a:\t1\n'],
    ['CR line ends', 'a: 1\r\n'],
    ['a block scalar without the final line break', 'a: |\n  x'],
    ['a value after a value', 'a: b: c\n'],
    ['a list at the top level', '- a\n- b\n'],
    ['directives', '%YAML 1.2\n---\na: 1\n'],
    ['explicit keys', '? a\n: b\n'],
  ])('declines %s', (_name, text) => {
    expect(readBlockYaml(text)).toBeUndefined();
  });

  it('reads the sops section itself when it is plainly spelled, and leaves it to the yaml package otherwise', () => {
    const meta = 'sops:\n    kms: []\n    age:\n        - recipient: age1x\n          enc: |\n            -----BEGIN AGE ENCRYPTED FILE-----\n            abc\n            -----END AGE ENCRYPTED FILE-----\n    lastmodified: "2025-01-01T00:00:00Z"\n    mac_only_encrypted: true\n    shamir_threshold: 2\n    version: 3.13.2\n';
    const fast = readBlockYaml(`a: 1\n${meta}`)!;
    expect(fast.metadataText).toBeUndefined();
    expect(fast.metadata).toEqual({
      kms: [], age: [{ recipient: 'age1x', enc: '-----BEGIN AGE ENCRYPTED FILE-----\nabc\n-----END AGE ENCRYPTED FILE-----\n' }],
      lastmodified: '2025-01-01T00:00:00Z', mac_only_encrypted: true, shamir_threshold: 2, version: '3.13.2',
    });
    expect(agrees(`a: 1\n${meta}`)).toBe(true);
    // a key the plain form would spell otherwise, and a flow list: read by the yaml package from the entry's text
    for (const odd of ['sops:\n    true: 1\n    version: 1\n', 'sops:\n    age:\n        - [a, b]\n    version: 1\n']) {
      const r = readBlockYaml(`a: 1\n${odd}b: 2\n`)!;
      expect(r.metadata).toBeUndefined();
      expect(r.metadataText).toBe(odd.trimEnd());
      expect(agrees(`a: 1\n${odd}b: 2\n`)).toBe(true);
    }
  });

  it('resolves every spelling of the core schema as the yaml package does', () => {
    const spellings = ['', '~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'yes', 'no', 'on', 'off',
      '0', '-0', '+0', '007', '-12', '+12', '0o17', '0o18', '0O17', '0x1F', '0X1F', '0xg', '0b101', '1_000', '1.5', '-1.5', '+.5', '.5', '5.', '1e3', '1E3', '-1e-3',
      '1.5e+3', '.e3', '.inf', '-.inf', '+.inf', '.Inf', '.INF', '.iNF', '.nan', '.NaN', '.NAN', '-.nan', 'nan', 'inf', '12:30', '2025-01-01', '1.2.3', 'ENC[AES256_GCM,data:x]',
      '123456789012345678901234567890', '-a', 'a b', 'x#y'];
    for (const s of spellings) {
      const text = `k: ${s}\n`;
      expect([s, spell(readBlockYaml(text)!.branches[0]!.entries.map((e) => plain((e as { value: Node }).value)))])
        .toEqual([s, spell(parseYaml(text, 't.yaml').branches[0]!.entries.map((e) => plain((e as { value: Node }).value)))]);
    }
  });

  it('resolves plain scalars by the YAML 1.2 core schema, integers as bigint', () => {
    expect(['', '~', 'Null', 'TRUE', 'false', '0o17', '-12', '0xff', '.inf', '-.Inf', '.nan', '1e-3', '3.', 'yes', 'on', '0b1', '+.5', '1_0', 'ENC[AES256_GCM,x]']
      .map((s) => spell(resolvePlain(s)))).toEqual(
      ['null', 'null', 'null', 'true', 'false', '"bigint:15"', '"bigint:-12"', '"bigint:255"', 'null', 'null', 'null', '0.001', '3', '"yes"', '"on"', '"0b1"', '0.5', '"1_0"', '"ENC[AES256_GCM,x]"']);
    expect(resolvePlain('.inf')).toBe(Infinity);
    expect(resolvePlain('-.Inf')).toBe(-Infinity);
    expect(resolvePlain('.nan')).toBeNaN();
  });

  it('writes decrypted YAML back through the yaml package when the fast reader read it', () => {
    const text = '# head\na: 1 # one\nb:\n    - x\n';
    const parsed = parseFile(text, 'x.yaml', 'yaml');
    expect(parsed.state).toBeUndefined();
    expect(parsed.source).toEqual({ text, file: 'x.yaml' });
  });
});
