/** go-yaml v3's number, time and string styles, as `sops -d` prints them (checked against the real sops in test/sops). */
import { describe, expect, it } from '@jest/globals';
import { parseDocument } from 'yaml';
import { emitGoYamlDocument, goFloatG, goTime } from './go-yaml.ts';

describe('go-yaml output', () => {
  it.each([
    [1, '1'], [0.25, '0.25'], [1234567, '1.234567e+06'], [123456, '123456'], [1.5e10, '1.5e+10'], [0.0001, '0.0001'],
    [0.00001, '1e-05'], [-2.5e-7, '-2.5e-07'], [Infinity, '.inf'], [-Infinity, '-.inf'], [NaN, '.nan'], [0, '0'],
  ])('float %p is written %p', (f, text) => {
    expect(goFloatG(f)).toBe(text);
  });

  it.each([
    ['2024-02-29', '2024-02-29T00:00:00Z'], ['2001-12-14t21:59:43.10-05:00', '2001-12-14T21:59:43.1-05:00'],
    ['2001-12-14 21:59:43.10', '2001-12-14T21:59:43.1Z'], ['2002-1-2', '2002-01-02T00:00:00Z'], ['2001-12-14T21:59:43+00:00', '2001-12-14T21:59:43Z'],
  ])('timestamp %p is written %p', (text, out) => {
    expect(goTime(text)).toBe(out);
  });

  it.each([
    ['plain', 'plain'], ['"123"', '"123"'], ['"yes"', '"yes"'], ['"n"', '"n"'], ['"true"', '"true"'], ['""', '""'], ['"~"', '"~"'],
    ['"a: b"', "'a: b'"], ['"a:b"', 'a:b'], ['"a #b"', "'a #b'"], ['"a#b"', 'a#b'], ['"- x"', "'- x'"], ['"-x"', '-x'], ['"*x"', "'*x'"],
    ['" x"', "' x'"], ['"it\'s: here"', "'it''s: here'"], ['"tab\\there"', '"tab\\there"'], ['"bell\\a"', '"bell\\a"'], ['"1:20"', '"1:20"'],
    ['"0x1F"', '"0x1F"'], ['"1e3"', '"1e3"'], ['".5"', '".5"'], ['"---x"', "'---x'"], ['"héllo"', 'héllo'], ['"2024-01-01"', '"2024-01-01"'],
  ])('string %s is written %s', (source, written) => {
    expect(emitGoYamlDocument(parseDocument(`k: ${source}\n`))).toBe(`k: ${written}\n`);
  });

  it('writes literal blocks with go-yaml chomping and nests at multiples of 4, sequence items at +2', () => {
    const doc = parseDocument('a:\n  b: "x\\ny\\n"\n  c: "x\\ny"\n  d: "x\\n\\n"\nl:\n  - m: 1\n    o:\n      - "p\\nq\\n"\n  - - r\n');
    expect(emitGoYamlDocument(doc)).toBe('a:\n    b: |\n        x\n        y\n    c: |-\n        x\n        y\n    d: |+\n        x\n\nl:\n    - m: 1\n      o:\n        - |\n          p\n          q\n    - - r\n');
  });
});
