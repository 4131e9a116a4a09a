/**
 * Decrypting a SOPS YAML file with 10,000 encrypted leaves (age-wrapped data key), as whole processes that
 * print the plaintext as JSON, on the same file:
 *   - `conveyor sops decrypt --output-type json`: the committed CLI bundle (dist/cli.js and its chunks), MAC verified;
 *   - the real sops (Go, built from github.com/getsops/sops/v3 by `npm run tools`), MAC verified;
 *   - the npm package sops-age, which does not check the MAC;
 *   - the sops-decrypt action bundle (masking the 10,000 secrets and exporting them to GITHUB_ENV), for reference.
 * The file is made by the real sops itself (`sops encrypt --age`) when it is there, with a key from the real
 * age-keygen; without the real sops, by test/sops/encryptor.ts, and its row is left out with one line.
 * All print the same values (checked). Medians of alternating runs, and the ratios.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Encrypter, armor, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { encryptYaml } from '../test/sops/encryptor.ts';
import { cleanupTempDirs, tempDir } from '../test/support/tmp.ts';
import { findTool, toolVersion } from '../test/support/tools.ts';

const SERVICES = 1000;
const KEYS_PER_SERVICE = 10;
const RUNS = 9;
const root = path.resolve(import.meta.dirname, '..');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const cli = path.join(root, 'dist', 'cli.js');
const actionJs = path.join(root, 'actions', 'sops-decrypt', 'dist', 'index.js');
for (const bundle of [cli, actionJs]) {
  if (!fs.existsSync(bundle)) throw new Error(`${path.relative(root, bundle)} is missing: run npm run build first.`);
}

const dir = tempDir('conveyor-bench-sops-');
try {
  const sops = findTool('sops');
  const ageKeygen = findTool('age-keygen');
  const keyFile = path.join(dir, 'age.key');
  let identity: string;
  let recipient: string;
  if (ageKeygen) {
    execFileSync(ageKeygen, ['-o', keyFile], { stdio: 'pipe' });
    const text = fs.readFileSync(keyFile, 'utf8');
    identity = /^AGE-SECRET-KEY-1\S+$/m.exec(text)![0];
    recipient = /public key: (age1\S+)/.exec(text)![1]!;
  } else {
    identity = await generateX25519Identity();
    recipient = await identityToRecipient(identity);
    fs.writeFileSync(keyFile, `${identity}\n`);
  }

  const lines: string[] = [];
  for (let s = 0; s < SERVICES; s++) {
    lines.push(`service${s}:`);
    for (let k = 0; k < KEYS_PER_SERVICE; k++) lines.push(`  secret_${k}: value-${s}-${k}-${randomBytes(12).toString('hex')}`);
  }
  const plain = path.join(dir, 'big.yaml');
  fs.writeFileSync(plain, lines.join('\n') + '\n');
  const file = path.join(dir, 'big.enc.yaml');
  const env = { PATH: process.env.PATH ?? '', HOME: dir, SOPS_AGE_KEY_FILE: keyFile };
  let madeBy: string;
  if (sops) {
    fs.writeFileSync(file, execFileSync(sops, ['encrypt', '--age', recipient, '--input-type', 'yaml', '--output-type', 'yaml', plain], { env, maxBuffer: 1 << 28 }));
    madeBy = `encrypted by the real sops (${toolVersion(sops, ['--version', '--disable-version-check'])})`;
  } else {
    const dataKey = randomBytes(32);
    const encrypter = new Encrypter();
    encrypter.addRecipient(recipient);
    const enc = armor.encode(await encrypter.encrypt(dataKey));
    fs.writeFileSync(file, encryptYaml(fs.readFileSync(plain, 'utf8'), { dataKey, metadata: { age: [{ recipient, enc }] } }));
    madeBy = 'encrypted by test/sops/encryptor.ts';
  }

  const node = process.execPath;
  const run = (command: string, args: string[], extra: NodeJS.ProcessEnv = {}) => () =>
    spawnSync(command, args, { cwd: root, env: { ...env, ...extra }, encoding: 'utf8', maxBuffer: 1 << 28 });
  const incumbentScript = `import { decryptSops } from 'sops-age'; const out = await decryptSops({ path: ${JSON.stringify(file)}, secretKey: process.env.KEY }); process.stdout.write(JSON.stringify(out));`;
  const ghEnv = path.join(dir, 'github_env');
  const ghOutput = path.join(dir, 'github_output');
  const runners: { name: string; label: string; fn: () => ReturnType<ReturnType<typeof run>>; compare: boolean }[] = [
    { name: 'conveyor', label: 'conveyor sops decrypt (MAC verified)', fn: run(node, [cli, 'sops', 'decrypt', file, '--output-type', 'json']), compare: true },
    ...(sops ? [{ name: 'sops', label: 'sops, the Go binary (MAC verified)', fn: run(sops, ['decrypt', '--output-type', 'json', file]), compare: true }] : []),
    { name: 'sops-age', label: 'sops-age (no MAC check)', fn: run(node, ['--input-type=module', '-e', incumbentScript], { KEY: identity }), compare: true },
    {
      name: 'action', label: 'sops-decrypt action (mask + export 10,000)', compare: false,
      fn: () => {
        fs.writeFileSync(ghEnv, '');
        fs.writeFileSync(ghOutput, '');
        return run(node, [actionJs], { INPUT_FILES: file, 'INPUT_AGE-KEY-FILE': keyFile, INPUT_EXPORT: 'env', GITHUB_ENV: ghEnv, GITHUB_OUTPUT: ghOutput, GITHUB_WORKSPACE: dir, RUNNER_TEMP: dir })();
      },
    },
  ];

  // The same work: every decrypter prints the same 10,000 values; the action exports them all.
  let reference: string | undefined;
  for (const r of runners) {
    const out = r.fn();
    if (out.status !== 0) throw new Error(`${r.name} failed (exit ${out.status}):\n${out.stderr.slice(-2000)}${out.stdout.slice(-2000)}`);
    if (!r.compare) continue;
    const values = JSON.stringify(JSON.parse(out.stdout));
    reference ??= values;
    if (values !== reference) throw new Error(`${r.name} decrypted other values than ${runners[0]!.name}`);
  }
  const parsed = JSON.parse(reference!) as Record<string, Record<string, string>>;
  if (Object.keys(parsed).length !== SERVICES || Object.keys(parsed.service0!).length !== KEYS_PER_SERVICE) throw new Error('the decrypted document is not the one encrypted');
  if (fs.readFileSync(ghEnv, 'utf8').split('<<').length - 1 < SERVICES * KEYS_PER_SERVICE) throw new Error('the action did not export every value');

  const times = new Map(runners.map((r) => [r.name, [] as number[]]));
  for (let i = 0; i < RUNS; i++) {
    for (const r of runners) {
      const started = performance.now();
      const out = r.fn();
      times.get(r.name)!.push(performance.now() - started);
      if (out.status !== 0) throw new Error(`${r.name} failed`);
    }
  }
  const m = (name: string) => median(times.get(name)!);
  console.log(`SOPS YAML, ${SERVICES * KEYS_PER_SERVICE} encrypted leaves (${(fs.statSync(file).size / 2 ** 20).toFixed(1)} MiB, ${madeBy}), whole process, median of ${RUNS}:`);
  for (const r of runners) console.log(`  ${r.label.padEnd(46)} ${m(r.name).toFixed(0).padStart(5)} ms`);
  if (!sops) console.log('  sops, the Go binary: not found (npm run tools builds it; CONVEYOR_TOOLS_DIR points at it): row left out');
  console.log(`conveyor is ${(m('sops-age') / m('conveyor')).toFixed(2)}× as fast as sops-age (goal ≥ 4)` +
    (sops ? `, ${(m('sops') / m('conveyor')).toFixed(2)}× as fast as the real sops (goal > 1)` : '') +
    `; the action takes ${(m('action') / m('conveyor')).toFixed(2)}× the CLI's time`);
} finally {
  cleanupTempDirs();
}
