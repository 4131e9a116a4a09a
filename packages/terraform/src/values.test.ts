import { describe, expect, it } from '@jest/globals';
import { changedAttributes, formatPath, parsePath, redact, type Json, type Mask, type PathStep } from './values.ts';

const hide = () => '***';

describe('redact', () => {
  it.each([
    ['a whole value', { a: 1 }, true, '***'],
    ['one member', { a: 'x', b: 'y' }, { b: true }, { a: 'x', b: '***' }],
    ['an element of a list', ['x', 'y', 'z'], [false, true], ['x', '***', 'z']],
    ['an element through an object-shaped mask', ['x', 'y'], { 1: true }, ['x', '***']],
    ['deep members', { a: [{ b: 'x', c: 'y' }] }, { a: [{ c: true }] }, { a: [{ b: 'x', c: '***' }] }],
    ['nothing when the mask is false or empty', { a: 'x' }, {}, { a: 'x' }],
    ['nothing for a mask of another shape', { a: 'x' }, [true], { a: 'x' }],
  ] as [string, Json, Mask, Json][])('hides %s', (_what, value, mask, expected) => {
    expect(redact(value, mask, hide)).toEqual(expected);
  });

  it('leaves the original value untouched and passes the path of each hidden part', () => {
    const value = { list: ['a', 'b'], keep: 1 };
    const paths: string[] = [];
    redact(value, { list: [false, true] }, (_part, path) => { paths.push(formatPath(path)); return null; });
    expect(paths).toEqual(['list[1]']);
    expect(value).toEqual({ list: ['a', 'b'], keep: 1 });
  });
});

describe('changedAttributes', () => {
  it('lists added, removed and changed leaves with paths as terraform writes them', () => {
    const { attributes } = changedAttributes({
      before: { tags: { 'team name': 'a', old: 'x' }, ports: [80, 443] },
      after: { tags: { 'team name': 'b' }, ports: [80, 8443, 9000] },
      after_unknown: {},
    });
    expect(attributes.map((a) => [a.path, a.before, a.after])).toEqual([
      ['tags["team name"]', '"a"', '"b"'],
      ['tags.old', '"x"', undefined],
      ['ports[1]', '443', '8443'],
      ['ports[2]', undefined, '9000'],
    ]);
  });

  it('says a sensitive value changed without showing it, and stays quiet when it did not', () => {
    const changed = changedAttributes({ before: { p: 'one' }, after: { p: 'two' }, before_sensitive: { p: true }, after_sensitive: { p: true } });
    expect(changed.attributes).toEqual([{ path: 'p', before: '(sensitive value)', after: '(sensitive value)', forcesReplacement: false }]);
    expect(changedAttributes({ before: { p: 'one' }, after: { p: 'one' }, before_sensitive: { p: true }, after_sensitive: { p: true } }).attributes).toEqual([]);
  });

  it('stops at the limit and says it did', () => {
    const after = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, i]));
    const { attributes, truncated } = changedAttributes({ before: null, after }, 5);
    expect(attributes).toHaveLength(5);
    expect(truncated).toBe(true);
  });
});

describe('parsePath', () => {
  it.each([
    [['tags', 'Name']],
    [['ingress', 0, 'cidr_blocks', 12]],
    [['labels', 'app.kubernetes.io/name', 'x-y']],
    [['m', 'say "hi" \\ ] [0]', 3]],
    [[0, 'a']],
    [[]],
  ] as PathStep[][][])('reads back the steps formatPath wrote for %j', (steps) => {
    expect(parsePath(formatPath(steps))).toEqual(steps);
  });
});
