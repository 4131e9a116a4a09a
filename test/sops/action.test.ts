/**
 * The built sops-decrypt bundle through the runner contract: INPUT_* in, GITHUB_ENV / GITHUB_OUTPUT /
 * GITHUB_STATE / files out; every secret (each line of a multi-line one) masked before anything else
 * prints it, plain values not masked; a tampered file exports nothing; the post step removes the files.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bundle } from '../../scripts/build.ts';
import { corpusPath, repoRoot } from '../support/corpus.ts';
import { hasBinary } from '../support/registry.ts';
import { cleanupTempDirs, tempDir } from '../support/tmp.ts';
import { encryptYaml } from './encryptor.ts';

const BUNDLE = path.join(repoRoot, 'actions', 'sops-decrypt', 'dist', 'index.js');
const tools = hasBinary('age') && hasBinary('age-keygen');

const PLAIN = `db:
  password: s3cr3t-Passw0rd
  host_unencrypted: db.internal.example
  port: 5432
tls:
  key: |
    -----BEGIN KEY-----
    bXVsdGktbGluZS1zZWNyZXQtbGluZS10d28=
    -----END KEY-----
hosts:
  - alpha-secret-host
pin: ab
`;

/** Reads a runner file-command file (`NAME<<DELIM\\nvalue\\nDELIM` or `NAME=value`). */
function readCommandFile(file: string): Map<string, string> {
  const out = new Map<string, string>();
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (m) {
      const body: string[] = [];
      while (lines[++i] !== m[2]) body.push(lines[i]!);
      out.set(m[1]!, body.join('\n'));
    } else if (lines[i]!.includes('=')) {
      out.set(lines[i]!.slice(0, lines[i]!.indexOf('=')), lines[i]!.slice(lines[i]!.indexOf('=') + 1));
    }
  }
  return out;
}

(tools ? describe : describe.skip)('sops-decrypt bundle (runner contract)', () => {
  let work: string;
  let identity: string;
  let recipient: string;
  let dataKey: Buffer;

  beforeAll(async () => {
    await bundle({ name: 'sops-decrypt', entry: 'packages/sops/src/actions/sops-decrypt.ts', outfile: 'actions/sops-decrypt/dist/index.js' });
    work = tempDir('conveyor-sops-action-');
    execFileSync('age-keygen', ['-o', path.join(work, 'age.key')], { stdio: 'pipe' });
    const keyText = fs.readFileSync(path.join(work, 'age.key'), 'utf8');
    identity = /^AGE-SECRET-KEY-1\S+$/m.exec(keyText)![0];
    recipient = /public key: (age1\S+)/.exec(keyText)![1]!;
    dataKey = randomBytes(32);
    const enc = execFileSync('age', ['-r', recipient, '-a'], { input: dataKey }).toString();
    fs.mkdirSync(path.join(work, 'ws', 'config'), { recursive: true });
    fs.writeFileSync(path.join(work, 'ws', 'config', 'app.enc.yaml'), encryptYaml(PLAIN, { dataKey, metadata: { age: [{ recipient, enc }] } }));
  });
  afterAll(cleanupTempDirs);

  function runStep(name: string, inputs: Record<string, string>, extraEnv: Record<string, string> = {}) {
    const dir = path.join(work, name);
    fs.mkdirSync(dir, { recursive: true });
    const files = Object.fromEntries(['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'].map((k) => {
      const f = path.join(dir, k.toLowerCase());
      fs.writeFileSync(f, '');
      return [k, f];
    }));
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', GITHUB_WORKSPACE: path.join(work, 'ws'), RUNNER_TEMP: path.join(dir, 'tmp'), ...files, ...extraEnv };
    for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
    const result = spawnSync(process.execPath, [BUNDLE], { env, encoding: 'utf8', timeout: 60_000 });
    return { ...result, files, dir };
  }

  it('masks every secret and each of its lines before anything else prints it, and exports env, outputs and files', () => {
    const outDir = path.join(work, 'decrypted');
    const step = runStep('main', { files: 'config/*.enc.yaml', 'age-key': identity, export: 'env, outputs, files', 'env-prefix': 'APP_', 'output-dir': outDir });
    expect(step.stderr).toBe('');
    expect(step.status).toBe(0);
    const stdout = step.stdout.split('\n');
    const masks = stdout.filter((l) => l.startsWith('::add-mask::')).map((l) => l.slice('::add-mask::'.length));
    const secrets = ['s3cr3t-Passw0rd', '5432', '-----BEGIN KEY-----', 'bXVsdGktbGluZS1zZWNyZXQtbGluZS10d28=', '-----END KEY-----', 'alpha-secret-host', 'ab'];
    for (const secret of secrets) {
      const maskAt = stdout.findIndex((l) => l === `::add-mask::${secret}`);
      expect(maskAt).toBeGreaterThanOrEqual(0);
      const shownAt = stdout.findIndex((l) => !l.startsWith('::add-mask::') && l.includes(secret));
      if (shownAt >= 0) expect(maskAt).toBeLessThan(shownAt);
    }
    expect(masks).toContain('-----BEGIN KEY-----\\nbXVsdGktbGluZS1zZWNyZXQtbGluZS10d28=\\n-----END KEY-----\\n');
    expect(masks).not.toContain('db.internal.example');
    expect(stdout.some((l) => l.startsWith('::warning::') && l.includes('APP_PIN') && l.includes('2 character'))).toBe(true);

    const exported = readCommandFile(step.files.GITHUB_ENV!);
    expect(exported.get('APP_DB__PASSWORD')).toBe('s3cr3t-Passw0rd');
    expect(exported.get('APP_DB__HOST_UNENCRYPTED')).toBe('db.internal.example');
    expect(exported.get('APP_DB__PORT')).toBe('5432');
    expect(exported.get('APP_TLS__KEY')).toBe('-----BEGIN KEY-----\nbXVsdGktbGluZS1zZWNyZXQtbGluZS10d28=\n-----END KEY-----\n');
    expect(exported.get('APP_HOSTS__0')).toBe('alpha-secret-host');
    const outputs = readCommandFile(step.files.GITHUB_OUTPUT!);
    expect(outputs.get('APP_DB__PASSWORD')).toBe('s3cr3t-Passw0rd');
    expect(JSON.parse(outputs.get('variables')!)).toEqual(['APP_DB__PASSWORD', 'APP_DB__HOST_UNENCRYPTED', 'APP_DB__PORT', 'APP_TLS__KEY', 'APP_HOSTS__0', 'APP_PIN']);
    expect(outputs.get('secret-count')).toBe('5');

    const written = path.join(outDir, 'config', 'app.enc.yaml');
    expect(JSON.parse(outputs.get('files')!)).toEqual([written]);
    expect(fs.statSync(written).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(written, 'utf8')).toContain('password: s3cr3t-Passw0rd');
    expect(fs.readFileSync(written, 'utf8')).not.toContain('sops:');
    const summary = fs.readFileSync(step.files.GITHUB_STEP_SUMMARY!, 'utf8');
    expect(summary).toContain('| config/app.enc.yaml | yaml | verified | 5 | 1 |');
    expect(summary).not.toContain('s3cr3t');

    // the post step removes the decrypted files
    const state = readCommandFile(step.files.GITHUB_STATE!);
    const stateEnv = Object.fromEntries([...state].map(([k, v]) => [`STATE_${k}`, v]));
    const postStep = runStep('post', { files: 'config/*.enc.yaml' }, stateEnv);
    expect(postStep.status).toBe(0);
    expect(fs.existsSync(written)).toBe(false);
  });

  it('refuses a tampered file before exporting anything', () => {
    const file = path.join(work, 'ws', 'config', 'app.enc.yaml');
    const tampered = path.join(work, 'ws', 'tampered.yaml');
    fs.writeFileSync(tampered, fs.readFileSync(file, 'utf8').replace('host_unencrypted: db.internal.example', 'host_unencrypted: evil.example'));
    const outDir = path.join(work, 'never');
    const step = runStep('tampered', { files: 'config/app.enc.yaml\ntampered.yaml', 'age-key': identity, export: 'env,files', 'output-dir': outDir });
    expect(step.status).toBe(1);
    expect(step.stdout).toMatch(/::error::tampered\.yaml: MAC mismatch\. File has [0-9A-F]+, computed [0-9A-F]+/);
    expect(fs.readFileSync(step.files.GITHUB_ENV!, 'utf8')).toBe('');
    expect(fs.existsSync(outDir)).toBe(false);
  });

  it('names the recipients and the offered keys when the key does not match, and bad inputs before any work', () => {
    const other = tempDir('conveyor-sops-otherkey-');
    execFileSync('age-keygen', ['-o', path.join(other, 'k')], { stdio: 'pipe' });
    const step = runStep('wrong-key', { files: 'config/app.enc.yaml', 'age-key-file': path.join(other, 'k') });
    expect(step.status).toBe(1);
    expect(step.stdout).toContain(`age ${recipient}`);
    expect(step.stdout).toMatch(/Keys offered:%0A {2}- age age1\w+ \(from age-key-file /);
    const bad = runStep('bad-export', { files: 'nothing/*.yaml', 'age-key': identity, export: 'env,stdout' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain("Input 'export' has \"stdout\"");
  });
});

const corpus = corpusPath('sops');

(corpus ? describe : describe.skip)('sops-decrypt bundle on corpus files', () => {
  let work: string;
  beforeAll(async () => {
    await bundle({ name: 'sops-decrypt', entry: 'packages/sops/src/actions/sops-decrypt.ts', outfile: 'actions/sops-decrypt/dist/index.js' });
    work = tempDir('conveyor-sops-action-corpus-');
  });
  afterAll(cleanupTempDirs);

  function runStep(name: string, env: Record<string, string>) {
    const files = Object.fromEntries(['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'].map((k) => {
      const f = path.join(work, `${name}-${k.toLowerCase()}`);
      fs.writeFileSync(f, '');
      return [k, f];
    }));
    const result = spawnSync(process.execPath, [BUNDLE], { env: { PATH: process.env.PATH ?? '', GITHUB_WORKSPACE: corpus!, RUNNER_TEMP: work, ...files, ...env }, encoding: 'utf8', timeout: 60_000 });
    return { ...result, files };
  }

  it('decrypts a post-quantum age file with the identity from SOPS_AGE_KEY', () => {
    const identity = fs.readFileSync(path.join(corpus!, 'flux', 'keys', 'age-pq.txt'), 'utf8').split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-PQ-'))!;
    const step = runStep('pq', { INPUT_FILES: 'flux/algorithms/age-pq.yaml', SOPS_AGE_KEY: identity });
    expect(step.status).toBe(0);
    expect(step.stdout.split('\n')).toContain(`::add-mask::${identity}`);
    expect(readCommandFile(step.files.GITHUB_ENV!).get('STRINGDATA__KEY')).toBe('value');
    expect(readCommandFile(step.files.GITHUB_ENV!).get('METADATA__NAME')).toBe('age-pq');
  });

  it('refuses a file without a MAC, and with ignore-mac decrypts it with a loud warning', () => {
    const pgp = fs.readFileSync(path.join(corpus!, 'getsops', 'sops_functional_tests_key.asc'), 'utf8');
    const refused = runStep('nomac', { INPUT_FILES: 'getsops/no_mac.yaml', 'INPUT_PGP-KEY': pgp });
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('::error::getsops/no_mac.yaml has no MAC');
    expect(fs.readFileSync(refused.files.GITHUB_ENV!, 'utf8')).toBe('');
    const allowed = runStep('ignoremac', { INPUT_FILES: 'getsops/no_mac.yaml', 'INPUT_PGP-KEY': pgp, 'INPUT_IGNORE-MAC': 'true' });
    expect(allowed.status).toBe(0);
    expect(allowed.stdout).toMatch(/::warning title=SOPS MAC not verified::ignore-mac is set: getsops\/no_mac\.yaml has no MAC/);
    expect(fs.readFileSync(allowed.files.GITHUB_STEP_SUMMARY!, 'utf8')).toContain('NOT verified (ignore-mac)');
  });
});
