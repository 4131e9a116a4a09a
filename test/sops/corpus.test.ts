/**
 * Every SOPS file of the corpus that has an expected file decrypts to exactly its expected leaves with
 * the MAC verified; files changed after encryption are refused.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { SopsDecryptError, SopsFormatError, SopsMacError, SopsNoKeyError, decryptFile, type KeyContext } from '@conveyor/sops';
import { corpusPath } from '../support/corpus.ts';
import { corpusKeys, rejection } from './corpus-keys.ts';

const dir = corpusPath('sops');

interface Expected {
  macOk: boolean;
  encryptedLeaves: [(string | number)[], string, string][];
}

function cases(root: string): { name: string; file: string; expected: Expected }[] {
  return fs.readdirSync(path.join(root, 'expected')).sort().map((name) => {
    const [project, ...rest] = name.replace(/\.json$/, '').split('-');
    const fileName = rest.join('-');
    const base = path.join(root, project!);
    const found = project === 'flux'
      ? fs.readdirSync(base).flatMap((sub) => [path.join(base, sub, fileName), path.join(base, sub, fileName.slice(sub.length + 1))].filter((f) => fileName.startsWith(`${sub}-`) || f === path.join(base, sub, fileName)))
        .find((f) => fs.existsSync(f) && fs.statSync(f).isFile())
      : path.join(base, fileName);
    if (!found || !fs.existsSync(found)) throw new Error(`no corpus file for expected/${name}`);
    return { name, file: found, expected: JSON.parse(fs.readFileSync(path.join(root, 'expected', name), 'utf8')) as Expected };
  });
}

(dir ? describe : describe.skip)('SOPS corpus', () => {
  const root = dir!;
  const keys: KeyContext = dir ? corpusKeys(root) : { age: [], pgp: [] };
  const list = dir ? cases(root) : [];

  it('finds every expected file', () => {
    expect(list.length).toBe(18);
  });

  it.each(list.map((c) => [c.name, c] as const))('%s decrypts to the expected leaves with the MAC verified', async (_name, c) => {
    expect(c.expected.macOk).toBe(true);
    const result = await decryptFile(fs.readFileSync(c.file, 'utf8'), c.file, keys);
    expect(result.macWarning).toBeUndefined();
    const leaves = result.leaves.filter((l) => l.encrypted).map((l) => [l.path, l.type, l.text]);
    expect(leaves).toEqual(c.expected.encryptedLeaves);
  });

  it('decrypts format-2.enc.ini (a multi-line """ value in the metadata), which has no expected file', async () => {
    const file = path.join(root, 'getsops', 'format-2.enc.ini');
    const result = await decryptFile(fs.readFileSync(file, 'utf8'), file, keys);
    expect(result.leaves.map((l) => [l.path, l.text])).toEqual([[['foo', 'bar'], 'baz']]);
  });

  it('refuses no_mac.yaml, and lets ignore-mac through with a warning', async () => {
    const file = path.join(root, 'getsops', 'no_mac.yaml');
    const text = fs.readFileSync(file, 'utf8');
    await expect(decryptFile(text, file, keys)).rejects.toThrow(SopsMacError);
    await expect(decryptFile(text, file, keys)).rejects.toThrow(/has no MAC/);
    const unchecked = await decryptFile(text, file, keys, { ignoreMac: true });
    expect(unchecked.macWarning).toMatch(/^ignore-mac is set: .*has no MAC/);
  });

  it('keeps comments (decrypted) and the document order when writing YAML back', async () => {
    const file = path.join(root, 'getsops', 'comments.enc.yaml');
    const result = await decryptFile(fs.readFileSync(file, 'utf8'), file, keys);
    expect(result.plain()).toBe('# first comment in file\nlorem: ipsum\n# this-is-a-comment\ndolor: sit\n');
  });

  it('writes INI and JSON back in the document order', async () => {
    const ini = path.join(root, 'getsops', 'example.ini');
    const result = await decryptFile(fs.readFileSync(ini, 'utf8'), ini, keys);
    expect(String(result.plain()).split('\n').slice(0, 5)).toEqual(['; An example file for use with sops!', '[name]', 'firstName = John', 'lastName  = Smith', 'age       = 25.4']);
    // as sops prints it: go-ini's DEFAULT section first, empty here
    expect(Object.keys(JSON.parse(result.json()) as object)).toEqual(['DEFAULT', 'name', 'address', 'phoneNumbers', 'not private']);
  });

  it('names the recipients and the offered keys when no key matches', async () => {
    const file = path.join(root, 'flux', 'algorithms', 'age.yaml');
    const only = { age: keys.age.filter((k) => k.origin === 'age-global.txt'), pgp: [] };
    const error = await rejection(decryptFile(fs.readFileSync(file, 'utf8'), file, only));
    expect(error).toBeInstanceOf(SopsNoKeyError);
    expect(error.message).toContain('age age1l44xcng8dqj32nlv6d930qvvrny05hglzcv9qpc7kxjc6902ma4qufys29');
    expect(error.message).toContain('age age1henwn645drkd3fa34t27t2w2x0nsgw3w4h62gmg5x5xflyjpy38s5cncph (from age-global.txt)');
  });

  it('refuses a file that is not SOPS', async () => {
    const file = path.join(root, 'getsops', 'comments.yaml');
    await expect(decryptFile(fs.readFileSync(file, 'utf8'), file, keys)).rejects.toThrow(SopsFormatError);
    await expect(decryptFile(fs.readFileSync(file, 'utf8'), file, keys)).rejects.toThrow(/is not a SOPS file/);
  });

  describe('tampering with example.yaml', () => {
    const file = dir ? path.join(root, 'getsops', 'example.yaml') : '';
    const original = dir ? fs.readFileSync(file, 'utf8') : '';
    const lines = original.split('\n');
    const lineOf = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));
    const flipBase64 = (line: string, field: 'data' | 'iv'): string => line.replace(new RegExp(`${field}:(.)`), (_m, c: string) => `${field}:${c === 'A' ? 'B' : 'A'}`);
    const edit = (change: (ls: string[]) => void) => {
      const copy = [...lines];
      change(copy);
      return copy.join('\n');
    };

    it('the untouched file decrypts (the edits below are the only difference)', async () => {
      await expect(decryptFile(original, file, keys)).resolves.toBeDefined();
    });

    it.each([
      ['a flipped byte in a value', SopsDecryptError, /authentication failed/, () => edit((ls) => { ls[lineOf('myapp1:')] = flipBase64(ls[lineOf('myapp1:')]!, 'data'); })],
      ['a flipped byte in the MAC', SopsMacError, /MAC could not be decrypted/, () => edit((ls) => { const i = ls.findIndex((l) => l.trimStart().startsWith('mac:')); ls[i] = flipBase64(ls[i]!, 'data'); })],
      ['a changed lastmodified', SopsMacError, /lastmodified was changed/, () => original.replace('lastmodified: "2025-08-06T18:55:05Z"', 'lastmodified: "2025-08-06T18:55:06Z"')],
      ['a reordered key', SopsMacError, /MAC mismatch\. File has [0-9A-F]{128}, computed [0-9A-F]{128}/, () => edit((ls) => { const [n] = ls.splice(lineOf('number:'), 1); ls.unshift(n!); })],
      ['a value moved to another key', SopsDecryptError, /app2\.db\.user.*authentication failed/, () => edit((ls) => {
        const u = ls.findIndex((l) => l.includes('user: ENC'));
        const p = ls.findIndex((l) => l.includes('password: ENC'));
        const userValue = ls[u]!.split('user: ')[1]!;
        ls[u] = ls[u]!.replace(userValue, ls[p]!.split('password: ')[1]!);
      })],
      ['a changed unencrypted value', SopsMacError, /MAC mismatch/, () => original.replace('all: going to remain in clear text', 'all: going to remain in clear text!')],
    ])('refuses %s', async (_what, errorClass, message, make) => {
      const text = make();
      expect(text).not.toBe(original);
      const error = await rejection(decryptFile(text, file, keys));
      expect(error).toBeInstanceOf(errorClass);
      expect(error.message).toMatch(message);
    });
  });
});
