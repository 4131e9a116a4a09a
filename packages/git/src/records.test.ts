import { describe, it, expect } from '@jest/globals';
import { NulRecordSplitter } from './records.ts';

function feed(chunks: Buffer[]): string[] {
  const splitter = new NulRecordSplitter();
  const out = chunks.flatMap((c) => splitter.push(c));
  return [...out, ...splitter.end()];
}

describe('NulRecordSplitter', () => {
  it('splits NUL-terminated records within one chunk', () => {
    expect(feed([Buffer.from('a\0bc\0')])).toEqual(['a', 'bc']);
  });

  it('joins a record spread over many chunks', () => {
    const bytes = Buffer.from('first record\0second, much longer record\0');
    const chunks = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
    expect(feed(chunks)).toEqual(['first record', 'second, much longer record']);
  });

  it('decodes a UTF-8 character split across two chunks whole', () => {
    const bytes = Buffer.from('Zoë Ångström — ✓\0');
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(feed([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(['Zoë Ångström — ✓']);
    }
  });

  it('returns a last record without its NUL at the end, and keeps empty records', () => {
    expect(feed([Buffer.from('\0x\0tail')])).toEqual(['', 'x', 'tail']);
  });

  it('holds only the record in progress', () => {
    const splitter = new NulRecordSplitter();
    splitter.push(Buffer.from('done\0part'));
    expect(splitter.pendingBytes).toBe(4);
    expect(splitter.push(Buffer.from('ial\0'))).toEqual(['partial']);
    expect(splitter.pendingBytes).toBe(0);
  });
});
