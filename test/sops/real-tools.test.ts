/**
 * Files whose data key is wrapped by the real `age` and `gpg` command-line tools decrypt; key groups
 * with a Shamir threshold and mac_only_encrypted work on files made here.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SopsMacError, SopsNoKeyError, decryptFile, splitSecret, type KeyContext } from '@conveyor/sops';
import { hasBinary } from '../support/registry.ts';
import { cleanupTempDirs, tempDir } from '../support/tmp.ts';
import { encryptYaml } from './encryptor.ts';
import { rejection } from './corpus-keys.ts';

const tools = hasBinary('age') && hasBinary('age-keygen') && hasBinary('gpg');
if (!tools) console.log('age, age-keygen or gpg not on PATH: skipping the real-tool SOPS tests');

const PLAIN = `# settings for the app
db:
  user: app
  password: "p4ss: with colon"
  port: 5432
  ratio: 0.25
  enabled: true
"10": ten
"2": two
hosts:
  - alpha.example.invalid
  - beta.example.invalid
note_unencrypted: stays plain
empty:
cert: |
  line one
  line two
`;

interface AgeKey { identity: string; recipient: string }

function ageKey(dir: string, name: string): AgeKey {
  const file = path.join(dir, `${name}.key`);
  execFileSync('age-keygen', ['-o', file], { stdio: 'pipe' });
  const text = fs.readFileSync(file, 'utf8');
  return { identity: /^AGE-SECRET-KEY-1\S+$/m.exec(text)![0], recipient: /public key: (age1\S+)/.exec(text)![1]! };
}

function ageWrap(key: Uint8Array, recipient: string): string {
  return execFileSync('age', ['-r', recipient, '-a'], { input: key }).toString('utf8');
}

(tools ? describe : describe.skip)('SOPS files wrapped by the real age and gpg', () => {
  let dir: string;
  let gnupg: string;
  let fingerprint: string;
  let pgpArmored: string;
  const passphrase = 'correct horse battery';
  const gpg = (args: string[], input?: Uint8Array) => execFileSync('gpg', ['--homedir', gnupg, '--batch', ...args], { input, stdio: ['pipe', 'pipe', 'pipe'] }).toString('utf8');

  beforeAll(() => {
    dir = tempDir('conveyor-sops-');
    gnupg = path.join(dir, 'gnupg');
    fs.mkdirSync(gnupg, { mode: 0o700 });
    gpg(['--pinentry-mode', 'loopback', '--passphrase', passphrase, '--quick-gen-key', 'Test <test@example.invalid>', 'rsa3072', 'encrypt', 'never']);
    fingerprint = /^fpr:+([0-9A-F]{40}):/m.exec(gpg(['--with-colons', '--list-keys', 'test@example.invalid']))![1]!;
    pgpArmored = gpg(['--pinentry-mode', 'loopback', '--passphrase', passphrase, '-a', '--export-secret-keys', 'test@example.invalid']);
  });
  afterAll(cleanupTempDirs);

  const pgpWrap = (key: Uint8Array) => gpg(['-a', '--trust-model', 'always', '-r', 'test@example.invalid', '-e'], key);

  it('decrypts a file whose data key the age CLI wrapped, in document order, with types', async () => {
    const key = ageKey(dir, 'one');
    const dataKey = randomBytes(32);
    const text = encryptYaml(PLAIN, { dataKey, metadata: { age: [{ recipient: key.recipient, enc: ageWrap(dataKey, key.recipient) }] } });
    expect(text).not.toContain('p4ss');
    const result = await decryptFile(text, 'made.yaml', { age: [{ identity: key.identity, origin: 'age-key' }], pgp: [] });
    expect(result.leaves.map((l) => [l.path.join('.'), l.type, l.text, l.encrypted])).toEqual([
      ['db.user', 'str', 'app', true],
      ['db.password', 'str', 'p4ss: with colon', true],
      ['db.port', 'int', '5432', true],
      ['db.ratio', 'float', '0.25', true],
      ['db.enabled', 'bool', 'True', true],
      ['10', 'str', 'ten', true],
      ['2', 'str', 'two', true],
      ['hosts.0', 'str', 'alpha.example.invalid', true],
      ['hosts.1', 'str', 'beta.example.invalid', true],
      ['note_unencrypted', 'plain', 'stays plain', false],
      ['cert', 'str', 'line one\nline two\n', true],
    ]);
    expect(result.json().indexOf('"10"')).toBeLessThan(result.json().indexOf('"2"'));
    expect(String(result.plain())).toContain("password: 'p4ss: with colon'");
  });

  it('decrypts a file whose data key gpg wrapped, unlocking the exported key with its passphrase', async () => {
    const dataKey = randomBytes(32);
    const text = encryptYaml(PLAIN, { dataKey, metadata: { pgp: [{ fp: fingerprint, enc: pgpWrap(dataKey), created_at: '2026-01-01T00:00:00Z' }] } });
    const context: KeyContext = { age: [], pgp: [{ armored: pgpArmored, origin: 'pgp-key' }], pgpPassphrase: passphrase };
    const result = await decryptFile(text, 'made.yaml', context);
    expect(result.leaves.find((l) => l.path.join('.') === 'db.password')?.text).toBe('p4ss: with colon');
    await expect(decryptFile(text, 'made.yaml', { ...context, pgpPassphrase: 'wrong' })).rejects.toThrow(/does not unlock the PGP key/);
    await expect(decryptFile(text, 'made.yaml', { ...context, pgpPassphrase: undefined })).rejects.toThrow(/pgp-passphrase/);
  });

  it('recovers a Shamir-split data key from two of three key groups (age and gpg)', async () => {
    const a = ageKey(dir, 'group-a');
    const other = ageKey(dir, 'group-c');
    const dataKey = randomBytes(32);
    const [s1, s2, s3] = splitSecret(dataKey, 3, 2);
    const text = encryptYaml(PLAIN, {
      dataKey,
      metadata: {
        key_groups: [
          { age: [{ recipient: a.recipient, enc: ageWrap(s1!, a.recipient) }] },
          { pgp: [{ fp: fingerprint, enc: pgpWrap(s2!) }] },
          { age: [{ recipient: other.recipient, enc: ageWrap(s3!, other.recipient) }] },
        ],
        shamir_threshold: 2,
      },
    });
    const both: KeyContext = { age: [{ identity: a.identity, origin: 'age-key' }], pgp: [{ armored: pgpArmored, origin: 'pgp-key' }], pgpPassphrase: passphrase };
    const result = await decryptFile(text, 'groups.yaml', both);
    expect(result.leaves[0]!.text).toBe('app');
    const onlyAge = await rejection(decryptFile(text, 'groups.yaml', { age: both.age, pgp: [] }));
    expect(onlyAge).toBeInstanceOf(SopsNoKeyError);
    expect(onlyAge.message).toMatch(/1 of the 2 key group parts/);
    expect(onlyAge.message).toContain(`group 2: pgp ${fingerprint}`);
  });

  it('decrypts several YAML documents under one MAC, and writes them back as several documents', async () => {
    const key = ageKey(dir, 'multi');
    const dataKey = randomBytes(32);
    const text = encryptYaml('kind: A\nsecret: one\n---\nkind: B\nsecret: two\n', { dataKey, metadata: { age: [{ recipient: key.recipient, enc: ageWrap(dataKey, key.recipient) }] } });
    const context: KeyContext = { age: [{ identity: key.identity, origin: 'age-key' }], pgp: [] };
    const result = await decryptFile(text, 'multi.yaml', context);
    expect(result.leaves.map((l) => l.text)).toEqual(['A', 'one', 'B', 'two']);
    expect(result.plain()).toBe('kind: A\nsecret: one\n---\nkind: B\nsecret: two\n');
    // swapping the two documents keeps every value valid but changes the order the MAC covers
    const [first, second] = text.split(/^---\n/m);
    expect(second).toBeDefined();
    await expect(decryptFile(`${second}---\n${first}`, 'multi.yaml', context)).rejects.toThrow(/MAC mismatch/);
  });

  it('verifies a mac_only_encrypted MAC: plain values may change, encrypted ones may not', async () => {
    const key = ageKey(dir, 'mac-only');
    const dataKey = randomBytes(32);
    const text = encryptYaml(PLAIN, { dataKey, macOnlyEncrypted: true, metadata: { age: [{ recipient: key.recipient, enc: ageWrap(dataKey, key.recipient) }] } });
    const context: KeyContext = { age: [{ identity: key.identity, origin: 'age-key' }], pgp: [] };
    await expect(decryptFile(text, 'm.yaml', context)).resolves.toBeDefined();
    await expect(decryptFile(text.replace('stays plain', 'changed'), 'm.yaml', context)).resolves.toBeDefined();
    const swapped = text.replace(/("10": )(ENC\[[^\]]+\])\n("2": )(ENC\[[^\]]+\])/, '$3$4\n$1$2');
    expect(swapped).not.toBe(text);
    await expect(decryptFile(swapped, 'm.yaml', context)).rejects.toThrow(SopsMacError);
    // the same file without the flag is checked as a normal MAC and fails
    await expect(decryptFile(text.replace(/\n\s*mac_only_encrypted: true/, ''), 'm.yaml', context)).rejects.toThrow(/MAC mismatch/);
  });
});
