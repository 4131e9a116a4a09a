import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { maskSecret, setRunnerMasking } from './mask.ts';

describe('maskSecret', () => {
  const written: string[] = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  afterEach(() => {
    written.length = 0;
    setRunnerMasking(true);
  });

  it('registers the whole value and each line of a multi-line secret', () => {
    expect(maskSecret('line-one-secret\n  line-two-secret  \n')).toBe(false);
    expect(written.join('')).toBe([
      '::add-mask::line-one-secret%0A  line-two-secret  %0A',
      '::add-mask::line-one-secret',
      '::add-mask::  line-two-secret  ',
      '::add-mask::line-two-secret',
      '',
    ].join('\n'));
  });

  it('warns about a short secret without printing it', () => {
    expect(maskSecret('abc', { name: 'pgp-passphrase' })).toBe(true);
    const warning = written.find((l) => l.startsWith('::warning::'))!;
    expect(warning).toContain("The secret 'pgp-passphrase' has a part of only 3 character(s)");
    expect(warning).not.toContain('abc');
  });

  it('prints nothing when runner masking is off (the CLI outside GitHub Actions)', () => {
    setRunnerMasking(false);
    expect(maskSecret('a-secret-value')).toBe(false);
    expect(written).toEqual([]);
  });

  it('ignores an empty value', () => {
    expect(maskSecret('')).toBe(false);
    expect(written).toEqual([]);
  });
});
