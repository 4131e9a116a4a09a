/**
 * The real sops (built by `npm run tools`) is the reference: files it encrypts (age and PGP keys made here
 * with age-keygen and a throwaway gpg home; YAML, JSON, dotenv, INI, binary; comments, unencrypted_suffix,
 * encrypted_regex, mac_only_encrypted, several key groups with a Shamir threshold) decrypt with conveyor
 * to exactly the bytes `sops -d` prints, through the library, `conveyor sops decrypt` and the built
 * sops-decrypt bundle (runner contract). Tampered copies are refused by both, and the plaintext files the
 * action writes are read by sops again.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SopsDecryptError, SopsMacError, SopsNoKeyError, decryptFile, type KeyContext } from '@conveyor/sops';
import { sopsCommand } from '@conveyor/sops/cli';
import { bundle } from '../../scripts/build.ts';
import { cleanupTempDirs, tempDir } from '../support/tmp.ts';
import { repoRoot, toolOrSkip, toolVersion } from '../support/tools.ts';
import { parseFileCommand } from '../support/runner.ts';
import { rejection } from './corpus-keys.ts';

const sops = toolOrSkip('sops', 'the real-sops reference tests');
const ageKeygen = toolOrSkip('age-keygen', 'the real-sops reference tests');
const gpg = toolOrSkip('gpg', 'the real-sops reference tests');
const ready = sops !== undefined && ageKeygen !== undefined && gpg !== undefined;
const BUNDLE = path.join(repoRoot, 'actions', 'sops-decrypt', 'dist', 'index.js');

const YAML = `# settings for the app
db:
  user: app # the login
  password: "p4ss: with colon"
  port: 5432
  ratio: 0.25
  whole: 1.0
  big: 1234567.0
  tiny: 0.000001
  enabled: true
  host_unencrypted: db.internal.example
  # the replica
  replica: {host: r1, port: 5433}
"10": ten
yes_word: "yes"
number_text: "123"
hosts:
  - alpha.example.invalid
  - - nested
    - "y"
  - name: item
    token: |
      line one
      line two
empty:
blank: ""
tab: "a\\tb"
edge: " padded "
hash: "a #b"
dash: "- x"
unicode: "héllo <&>"
since: 2024-02-29
cert: |-
  -----BEGIN-----
  abc
# the end
`;

const JSON_TEXT = `{"name": "app", "port": 5432, "ratio": 0.5, "big": 12345678901234567890, "ok": true, "nothing": null,
 "list": [1, "two", {"three": 3}], "nested": {"secret": "s", "plain_unencrypted": "p"}, "emptyobj": {}, "emptylist": [],
 "html": "<tag>&amp;", "quote": "say \\"hi\\"\\n"}
`;
const DOTENV = '# database\nDB_USER=app\nDB_PASS=p=ss w0rd\nMULTI=line1\\nline2\nEMPTY=\nQUOTED="quoted value"\n';
const INI = '; the server\n[server]\nhost = example\nport = 8080\n# about the database\n[database]\nuser = admin\n; the password\npassword = "secret pw"\nempty =\nspaced = "  x  "\nhashy = a#b\n';
const BINARY = Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x80, 0x0a, ...Buffer.from('not utf-8 \u00e9'), 0xc3]);

interface Fixture {
  name: string;
  file: string;
  content: string | Buffer;
  args: string[];
  /** Which keys conveyor is given: the age key 'a', 'b', and/or the PGP key. */
  keys: ('a' | 'b' | 'pgp')[];
}

(ready ? describe : describe.skip)(`files encrypted by the real ${sops ? toolVersion(sops) : 'sops'}`, () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const age: Record<'a' | 'b', { identity: string; recipient: string; file: string }> = {} as never;
  let fingerprint: string;
  let pgpArmored: string;
  const encrypted = new Map<string, { file: string; text: string; reference: Buffer; fixture: Fixture }>();

  const runSops = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) => spawnSync(sops!, args, { cwd: dir, env: { ...env, ...extraEnv }, timeout: 60_000 });
  const contextFor = (keys: Fixture['keys']): KeyContext => ({
    age: keys.filter((k): k is 'a' | 'b' => k !== 'pgp').map((k) => ({ identity: age[k].identity, origin: `age key ${k}` })),
    pgp: keys.includes('pgp') ? [{ armored: pgpArmored, origin: 'pgp-key' }] : [],
  });

  const fixtures: Fixture[] = [
    { name: 'YAML with comments and quoting (age)', file: 'app.yaml', content: YAML, args: ['--age', 'A'], keys: ['a'] },
    { name: 'YAML with encrypted_regex (PGP)', file: 'regex.yaml', content: YAML, args: ['--pgp', 'FP', '--encrypted-regex', '^(password|token|cert)$'], keys: ['pgp'] },
    { name: 'YAML with mac_only_encrypted and an own unencrypted_suffix (age)', file: 'maconly.yaml', content: YAML.replace('host_unencrypted', 'host_public'), args: ['--age', 'A', '--mac-only-encrypted', '--unencrypted-suffix', '_public'], keys: ['a'] },
    { name: 'several YAML documents (age)', file: 'multi.yaml', content: 'kind: A\nsecret: one\n---\n# second\nkind: B\nsecret: two\n', args: ['--age', 'A'], keys: ['a'] },
    { name: 'JSON (PGP)', file: 'app.json', content: JSON_TEXT, args: ['--pgp', 'FP'], keys: ['pgp'] },
    { name: 'dotenv (age)', file: 'app.env', content: DOTENV, args: ['--age', 'A'], keys: ['a'] },
    { name: 'INI with comments (age)', file: 'app.ini', content: INI, args: ['--age', 'A'], keys: ['a'] },
    { name: 'binary with bytes that are not UTF-8 (age)', file: 'blob.bin', content: BINARY, args: ['--age', 'A'], keys: ['a'] },
    { name: 'three key groups, Shamir threshold 2, with age b and PGP', file: 'groups.yaml', content: YAML, args: [], keys: ['b', 'pgp'] },
    { name: 'three key groups, Shamir threshold 2, with both age keys', file: 'groups.json', content: JSON_TEXT, args: [], keys: ['a', 'b'] },
  ];

  beforeAll(async () => {
    dir = tempDir('conveyor-real-sops-');
    const gnupg = path.join(dir, 'gnupg');
    fs.mkdirSync(gnupg, { mode: 0o700 });
    env = { PATH: process.env.PATH, HOME: dir, GNUPGHOME: gnupg };
    for (const k of ['a', 'b'] as const) {
      const file = path.join(dir, `age-${k}.txt`);
      execFileSync(ageKeygen!, ['-o', file], { stdio: 'pipe' });
      const text = fs.readFileSync(file, 'utf8');
      age[k] = { identity: /^AGE-SECRET-KEY-1\S+$/m.exec(text)![0], recipient: /public key: (age1\S+)/.exec(text)![1]!, file };
    }
    const g = (args: string[]) => execFileSync(gpg!, ['--homedir', gnupg, '--batch', ...args], { stdio: ['ignore', 'pipe', 'pipe'] }).toString('utf8');
    g(['--passphrase', '', '--quick-gen-key', 'Conveyor Test <sops-test@example.invalid>', 'rsa3072', 'encrypt', 'never']);
    fingerprint = /^fpr:+([0-9A-F]{40}):/m.exec(g(['--with-colons', '--list-keys', 'sops-test@example.invalid']))![1]!;
    pgpArmored = g(['-a', '--export-secret-keys', 'sops-test@example.invalid']);
    const config = path.join(dir, 'groups-config.yaml');
    fs.writeFileSync(config, [
      'creation_rules:',
      '  - path_regex: groups\\.(yaml|json)$',
      '    shamir_threshold: 2',
      '    key_groups:',
      `      - age: [${age.a.recipient}]`,
      `      - pgp: [${fingerprint}]`,
      `      - age: [${age.b.recipient}]`,
      '',
    ].join('\n'));
    for (const fixture of fixtures) {
      const plain = path.join(dir, 'plain', fixture.file);
      fs.mkdirSync(path.dirname(plain), { recursive: true });
      fs.writeFileSync(plain, fixture.content);
      const args = fixture.args.map((a) => (a === 'A' ? age.a.recipient : a === 'FP' ? fingerprint : a));
      const enc = runSops([...(args.length === 0 ? ['--config', config] : []), '-e', ...args, plain]);
      if (enc.status !== 0) throw new Error(`sops -e ${fixture.file} failed: ${enc.stderr}`);
      const file = path.join(dir, 'ws', 'config', fixture.file);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, enc.stdout);
      // the reference: what sops -d prints, with only the keys conveyor is given
      const dec = runSops(['-d', file], sopsKeyEnv(fixture.keys));
      if (dec.status !== 0) throw new Error(`sops -d ${fixture.file} failed: ${dec.stderr}`);
      encrypted.set(fixture.file, { file, text: enc.stdout.toString('utf8'), reference: dec.stdout, fixture });
    }
  });
  afterAll(cleanupTempDirs);

  /** sops's own key settings for a set of keys (a gpg home without the secret key when PGP is not given). */
  function sopsKeyEnv(keys: Fixture['keys']): NodeJS.ProcessEnv {
    const ageFile = path.join(dir, `age-${keys.filter((k) => k !== 'pgp').join('')}.keys`);
    fs.writeFileSync(ageFile, keys.filter((k): k is 'a' | 'b' => k !== 'pgp').map((k) => age[k].identity).join('\n') + '\n');
    const extra: NodeJS.ProcessEnv = { SOPS_AGE_KEY_FILE: ageFile };
    if (!keys.includes('pgp')) extra.GNUPGHOME = path.join(dir, 'no-gnupg');
    return extra;
  }

  it.each(fixtures.map((f) => [f.name, f.file] as const))('%s: conveyor decrypts to exactly what sops -d prints', async (_name, file) => {
    const { text, reference, fixture } = encrypted.get(file)!;
    expect(text).toContain('ENC[AES256_GCM,');
    const result = await decryptFile(text, file, contextFor(fixture.keys));
    const plain = result.plain();
    expect(typeof plain === 'string' ? plain : Buffer.from(plain)).toEqual(typeof plain === 'string' ? reference.toString('utf8') : reference);
  });

  it('the YAML reference keeps what sops does with comments, floats, quoting and timestamps', () => {
    // a readable check of the reference itself: these are the rules the YAML writer follows
    const out = encrypted.get('app.yaml')!.reference.toString('utf8');
    expect(out).toContain('# settings for the app\ndb:\n    # the login\n    user: app\n');
    expect(out).toContain("    password: 'p4ss: with colon'\n    port: 5432\n    ratio: 0.25\n    whole: 1\n    big: 1.234567e+06\n    tiny: 1e-06\n");
    expect(out).toContain('"10": ten\nyes_word: "yes"\nnumber_text: "123"\nhosts:\n    - alpha.example.invalid\n    - - nested\n      - "y"\n    - name: item\n      token: |\n        line one\n        line two\n');
    expect(out).toContain('empty: null\nblank: ""\ntab: "a\\tb"\nedge: \' padded \'\nhash: \'a #b\'\ndash: \'- x\'\nunicode: héllo <&>\nsince: 2024-02-29T00:00:00Z\ncert: |-\n    -----BEGIN-----\n    abc\n# the end\n');
  });

  it('conveyor sops decrypt prints the same bytes (binary included)', async () => {
    for (const file of ['app.yaml', 'app.ini', 'blob.bin', 'groups.yaml']) {
      const { reference, fixture } = encrypted.get(file)!;
      const chunks: Buffer[] = [];
      let stderr = '';
      const keyEnv = sopsKeyEnv(fixture.keys);
      const pgpFile = path.join(dir, 'pgp.asc');
      fs.writeFileSync(pgpFile, pgpArmored);
      const argv = ['decrypt', `config/${file}`, ...(fixture.keys.includes('pgp') ? ['--pgp-key-file', pgpFile] : [])];
      const code = await sopsCommand.run(argv, {
        stdout: (t) => { chunks.push(Buffer.from(t)); },
        stdoutBytes: (b) => { chunks.push(Buffer.from(b)); },
        stderr: (t) => { stderr += t; },
        env: { PATH: process.env.PATH, SOPS_AGE_KEY_FILE: keyEnv.SOPS_AGE_KEY_FILE },
        cwd: path.join(dir, 'ws'),
      });
      expect({ file, code, stderr }).toEqual({ file, code: 0, stderr: '' });
      expect(Buffer.concat(chunks).equals(reference)).toBe(true);
    }
  });

  it.each([
    ['app.yaml', 'json'], ['app.json', 'yaml'], ['app.env', 'yaml'], ['app.env', 'json'], ['app.ini', 'json'], ['app.ini', 'yaml'],
    ['blob.bin', 'json'], ['blob.bin', 'yaml'], ['groups.json', 'yaml'], ['regex.yaml', 'json'],
  ])('conveyor sops decrypt %s --output-type %s prints what sops -d --output-type prints', async (file, type) => {
    const { fixture } = encrypted.get(file)!;
    const keyEnv = sopsKeyEnv(fixture.keys);
    const reference = runSops(['-d', '--output-type', type, encrypted.get(file)!.file], keyEnv);
    expect(reference.status).toBe(0);
    const pgpFile = path.join(dir, 'pgp.asc');
    fs.writeFileSync(pgpFile, pgpArmored);
    const chunks: Buffer[] = [];
    const code = await sopsCommand.run(['decrypt', `config/${file}`, '--output-type', type, ...(fixture.keys.includes('pgp') ? ['--pgp-key-file', pgpFile] : [])], {
      stdout: (t) => { chunks.push(Buffer.from(t)); }, stderr: () => undefined, env: { PATH: process.env.PATH, SOPS_AGE_KEY_FILE: keyEnv.SOPS_AGE_KEY_FILE }, cwd: path.join(dir, 'ws'),
    });
    expect(code).toBe(0);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(reference.stdout.toString('utf8'));
  });

  it('--output-type json of several YAML documents: sops prints the first only, conveyor all of them as a list (a documented decision)', async () => {
    const { file, fixture } = encrypted.get('multi.yaml')!;
    const real = runSops(['-d', '--output-type', 'json', file], sopsKeyEnv(fixture.keys));
    expect(real.stdout.toString()).toBe('{\n\t"kind": "A",\n\t"secret": "one"\n}\n');
    let out = '';
    await sopsCommand.run(['decrypt', 'config/multi.yaml', '--output-type', 'json'], {
      stdout: (t) => { out += t; }, stderr: () => undefined, env: { PATH: process.env.PATH, SOPS_AGE_KEY_FILE: age.a.file }, cwd: path.join(dir, 'ws'),
    });
    expect(JSON.parse(out)).toEqual([{ kind: 'A', secret: 'one' }, { kind: 'B', secret: 'two' }]);
  });

  it('--output-type dotenv of a nested file: sops refuses, conveyor flattens (a documented decision)', async () => {
    const { file, fixture } = encrypted.get('app.yaml')!;
    const real = runSops(['-d', '--output-type', 'dotenv', file], sopsKeyEnv(fixture.keys));
    expect(real.status).not.toBe(0);
    expect(real.stderr.toString()).toContain('cannot use complex value in dotenv file');
    let out = '';
    const code = await sopsCommand.run(['decrypt', 'config/app.yaml', '--output-type', 'dotenv'], {
      stdout: (t) => { out += t; }, stderr: () => undefined, env: { PATH: process.env.PATH, SOPS_AGE_KEY_FILE: age.a.file }, cwd: path.join(dir, 'ws'),
    });
    expect(code).toBe(0);
    expect(out).toContain("DB__PASSWORD=p4ss: with colon\n");
  });

  it('a Shamir file with one key group short is refused by both', async () => {
    const { file, text } = encrypted.get('groups.yaml')!;
    const real = runSops(['-d', file], sopsKeyEnv(['a']));
    expect(real.status).not.toBe(0);
    expect(real.stderr.toString()).toMatch(/Shamir threshold of\s+2, but only 1 part/);
    const error = await rejection(decryptFile(text, 'groups.yaml', contextFor(['a'])));
    expect(error).toBeInstanceOf(SopsNoKeyError);
    expect(error.message).toMatch(/1 of the 2 key group parts/);
  });

  it('tampered copies are refused by sops and by conveyor', async () => {
    const { text } = encrypted.get('app.yaml')!;
    const cases: [string, string, new (...args: never[]) => Error][] = [
      // a plain value changed: only the MAC notices
      ['plain value', text.replace('host_unencrypted: db.internal.example', 'host_unencrypted: evil.example'), SopsMacError],
      // an encrypted value moved to another key: its additional data (the key path) no longer fits
      ['moved value', text.replace(/( {4}user: )(ENC\[[^\]]+\])([\s\S]*? {4}port: )(ENC\[[^\]]+\])/, '$1$4$3$2'), SopsDecryptError],
      // one byte of ciphertext changed
      ['ciphertext', text.replace(/(password: ENC\[AES256_GCM,data:)(.)/, (_m, p: string, c: string) => `${p}${c === 'A' ? 'B' : 'A'}`), SopsDecryptError],
      // lastmodified changed: the MAC's additional data no longer fits
      ['lastmodified', text.replace(/lastmodified: "([^"]+)"/, 'lastmodified: "2001-01-01T00:00:00Z"'), SopsMacError],
    ];
    for (const [what, tampered, type] of cases) {
      expect(tampered).not.toBe(text);
      const file = path.join(dir, `tampered-${what.replace(/ /g, '-')}.yaml`);
      fs.writeFileSync(file, tampered);
      const real = runSops(['-d', file], sopsKeyEnv(['a']));
      expect({ what, status: real.status === 0 ? 'decrypted' : 'refused' }).toEqual({ what, status: 'refused' });
      const error = await rejection(decryptFile(tampered, 'app.yaml', contextFor(['a'])));
      expect({ what, type: error.constructor.name }).toEqual({ what, type: type.name });
    }
  });

  it('the sops-decrypt bundle writes files equal to sops -d, and sops reads them back', async () => {
    await bundle({ name: 'sops-decrypt', entry: 'packages/sops/src/actions/sops-decrypt.ts', outfile: 'actions/sops-decrypt/dist/index.js' });
    const step = path.join(dir, 'step');
    fs.mkdirSync(step);
    const files = Object.fromEntries(['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'].map((k) => {
      const f = path.join(step, k.toLowerCase());
      fs.writeFileSync(f, '');
      return [k, f];
    }));
    const out = path.join(dir, 'decrypted');
    const names = ['app.yaml', 'app.json', 'app.env', 'app.ini', 'blob.bin'];
    const run = spawnSync(process.execPath, [BUNDLE], {
      env: {
        PATH: process.env.PATH, GITHUB_WORKSPACE: path.join(dir, 'ws'), RUNNER_TEMP: path.join(step, 'tmp'), ...files,
        INPUT_FILES: names.map((n) => `config/${n}`).join('\n'), 'INPUT_AGE-KEY-FILE': age.a.file, 'INPUT_PGP-KEY': pgpArmored,
        INPUT_EXPORT: 'files', 'INPUT_OUTPUT-DIR': out,
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect({ status: run.status, stderr: run.stderr, errors: run.stdout.split('\n').filter((l) => l.startsWith('::error')) }).toEqual({ status: 0, stderr: '', errors: [] });
    expect(JSON.parse(parseFileCommand(fs.readFileSync(files.GITHUB_OUTPUT!, 'utf8')).files!)).toEqual(names.map((n) => path.join(out, 'config', n)));
    for (const name of names) {
      const written = fs.readFileSync(path.join(out, 'config', name));
      expect({ name, same: written.equals(encrypted.get(name)!.reference) }).toEqual({ name, same: true });
    }
    // sops reads what the action wrote as a plain file: encrypting and decrypting it again gives the same bytes
    for (const name of ['app.yaml', 'app.json', 'app.env', 'app.ini', 'blob.bin']) {
      const written = path.join(out, 'config', name);
      const again = runSops(['-e', '--age', age.a.recipient, written]);
      expect({ name, status: again.status, stderr: again.stderr.toString() }).toEqual({ name, status: 0, stderr: '' });
      const back = path.join(dir, `again-${name}`);
      fs.writeFileSync(back, again.stdout);
      const round = runSops(['-d', '--input-type', formatFlag(name), '--output-type', formatFlag(name), back], sopsKeyEnv(['a']));
      expect({ name, status: round.status }).toEqual({ name, status: 0 });
      expect({ name, same: round.stdout.equals(fs.readFileSync(written)) }).toEqual({ name, same: true });
    }
  });
});

function formatFlag(name: string): string {
  const ext = path.extname(name).slice(1);
  return ext === 'yaml' ? 'yaml' : ext === 'json' ? 'json' : ext === 'env' ? 'dotenv' : ext === 'ini' ? 'ini' : 'binary';
}
