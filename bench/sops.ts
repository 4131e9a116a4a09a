/**
 * Decrypting a SOPS YAML file with 10,000 encrypted leaves (age-wrapped data key), as a whole process
 * printing the plaintext as JSON: `conveyor sops decrypt --output-type json` (bundled as it ships, MAC
 * verified) against the npm package `sops-age` (which does not check the MAC) on the same file. Also the
 * whole sops-decrypt action (masking 10,000 secrets and exporting them to GITHUB_ENV), for reference.
 * Prints medians and ratios (below 1 means conveyor is faster).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Encrypter, armor, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { build } from 'esbuild';
import { bundle } from '../scripts/build.ts';
import { encryptYaml } from '../test/sops/encryptor.ts';
import { cleanupTempDirs, tempDir } from '../test/support/tmp.ts';

const SERVICES = 1000;
const KEYS_PER_SERVICE = 10;
const RUNS = 7;
const root = path.resolve(import.meta.dirname, '..');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const dir = tempDir('conveyor-bench-sops-');
try {
  const identity = await generateX25519Identity();
  const recipient = await identityToRecipient(identity);
  const dataKey = randomBytes(32);
  const encrypter = new Encrypter();
  encrypter.addRecipient(recipient);
  const enc = armor.encode(await encrypter.encrypt(dataKey));

  const lines: string[] = [];
  for (let s = 0; s < SERVICES; s++) {
    lines.push(`service${s}:`);
    for (let k = 0; k < KEYS_PER_SERVICE; k++) lines.push(`  secret_${k}: value-${s}-${k}-${randomBytes(12).toString('hex')}`);
  }
  const file = path.join(dir, 'big.enc.yaml');
  fs.writeFileSync(file, encryptYaml(lines.join('\n') + '\n', { dataKey, metadata: { age: [{ recipient, enc }] } }));
  const keyFile = path.join(dir, 'age.key');
  fs.writeFileSync(keyFile, `${identity}\n`);

  // conveyor: the CLI's decrypt command, bundled as the shipped artifacts are
  const entry = path.join(dir, 'conveyor-decrypt.ts');
  fs.writeFileSync(entry, `import { sopsCommand } from ${JSON.stringify(path.join(root, 'packages/sops/src/cli.ts'))};
process.exitCode = await sopsCommand.run(process.argv.slice(2), { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), env: process.env, cwd: process.cwd() });
`);
  const conveyorJs = path.join(dir, 'conveyor-decrypt.mjs');
  await build({ entryPoints: [entry], outfile: conveyorJs, bundle: true, platform: 'node', format: 'esm', target: 'node24', logLevel: 'warning', nodePaths: [path.join(root, 'node_modules')],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } });
  await bundle({ name: 'sops-decrypt', entry: 'packages/sops/src/actions/sops-decrypt.ts', outfile: 'actions/sops-decrypt/dist/index.js' });

  const env = { PATH: process.env.PATH ?? '', SOPS_AGE_KEY_FILE: keyFile };
  const conveyor = () => spawnSync(process.execPath, [conveyorJs, 'decrypt', file, '--output-type', 'json'], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const incumbentScript = `import { decryptSops } from 'sops-age'; const out = await decryptSops({ path: ${JSON.stringify(file)}, secretKey: process.env.KEY }); process.stdout.write(JSON.stringify(out));`;
  const incumbent = () => spawnSync(process.execPath, ['--input-type=module', '-e', incumbentScript], { cwd: root, env: { ...env, KEY: identity }, encoding: 'utf8', maxBuffer: 1 << 28 });
  const action = () => {
    const ghEnv = path.join(dir, 'github_env');
    fs.writeFileSync(ghEnv, '');
    fs.writeFileSync(path.join(dir, 'github_output'), '');
    return spawnSync(process.execPath, [path.join(root, 'actions/sops-decrypt/dist/index.js')], {
      env: { PATH: env.PATH, INPUT_FILES: file, 'INPUT_AGE-KEY-FILE': keyFile, INPUT_EXPORT: 'env', GITHUB_ENV: ghEnv, GITHUB_OUTPUT: path.join(dir, 'github_output'), GITHUB_WORKSPACE: dir, RUNNER_TEMP: dir },
      encoding: 'utf8', maxBuffer: 1 << 28,
    });
  };

  // the same work: both print the same 10,000 values
  const a = conveyor();
  const b = incumbent();
  if (a.status !== 0 || b.status !== 0) throw new Error(`a run failed:\n${a.stderr.slice(-2000)}\n${b.stderr.slice(-2000)}`);
  const mine = JSON.parse(a.stdout) as Record<string, Record<string, string>>;
  const theirs = JSON.parse(b.stdout) as Record<string, Record<string, string>>;
  if (JSON.stringify(mine) !== JSON.stringify(theirs) || Object.keys(mine).length !== SERVICES) throw new Error('conveyor and sops-age decrypted different values');
  const c = action();
  if (c.status !== 0) throw new Error(`the action failed:\n${c.stdout.slice(-2000)}`);

  const times = { conveyor: [] as number[], incumbent: [] as number[], action: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    for (const [name, fn] of [['conveyor', conveyor], ['incumbent', incumbent], ['action', action]] as const) {
      const started = performance.now();
      const r = fn();
      times[name].push(performance.now() - started);
      if (r.status !== 0) throw new Error(`${name} failed`);
    }
  }
  const mc = median(times.conveyor);
  const mi = median(times.incumbent);
  const ma = median(times.action);
  console.log(`SOPS YAML, ${SERVICES * KEYS_PER_SERVICE} encrypted leaves, whole process, median of ${RUNS}:`);
  console.log(`  conveyor sops decrypt (MAC verified)        ${mc.toFixed(0)} ms`);
  console.log(`  sops-age (no MAC check)                     ${mi.toFixed(0)} ms`);
  console.log(`  sops-decrypt action (mask + export 10,000)  ${ma.toFixed(0)} ms`);
  console.log(`ratio conveyor / sops-age: ${(mc / mi).toFixed(2)}  (action / sops-age: ${(ma / mi).toFixed(2)})`);
} finally {
  cleanupTempDirs();
}
