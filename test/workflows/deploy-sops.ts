/**
 * reusable-deploy.yml with SOPS config, under act: a caller workflow deploys by hand with `sops-files` and a
 * `deploy-command`; the config is a file encrypted by the real sops to an age key made here. The checks read
 * what the deploy command saw (the decrypted value reached it) and every act log (the value never did),
 * and that a tampered file stops the job before the deploy command runs.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pushImage } from '../promote/support.ts';
import { corpusDir } from '../support/corpus.ts';
import { findTool } from '../support/tools.ts';
import { check } from './checks.ts';
import { createRepository, git, runAct, writeFiles, type World } from './harness.ts';

const SCOPE = '.github/workflows/reusable-deploy.yml (SOPS config)';
const SECRET = 'pa55-wörd: with colon, never logged';

const CALLER = `name: deploy
on:
  workflow_dispatch:
    inputs:
      digest: {type: string, required: true}
permissions: {}
jobs:
  dev:
    uses: conveyor/conveyor/.github/workflows/reusable-deploy.yml@v1
    permissions: {contents: write, pull-requests: write, deployments: write, packages: read}
    with:
      environment: dev
      image: \${{ vars.CONVEYOR_IMAGE }}
      digest: \${{ inputs.digest }}
      scan: false
      sops-files: config/dev.enc.yaml
      deploy-command: printf '%s|%s|%s' "$DB__PASSWORD" "$DB__USER" "$CONVEYOR_DIGEST" > "$CONVEYOR_TEST_OUT/seen"
    secrets:
      sops-age-key: \${{ secrets.SOPS_AGE_KEY }}
`;

export async function deploySopsScenario(world: World): Promise<void> {
  const sops = findTool('sops');
  const ageKeygen = findTool('age-keygen');
  assert.ok(sops, 'sops is needed (npm run tools)');
  assert.ok(ageKeygen, 'age-keygen is needed (apt-get install age)');
  assert.ok(fs.existsSync(corpusDir()), 'the corpus is needed');
  const image = `${world.registry.host}/acme/svc`;
  const digest = await pushImage(world.registry.url, 'acme/svc', '2.0.0', 'svc 2.0.0');
  const gitops = createRepository(world, 'acme/svc-gitops', {
    'dev/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nimages:\n  - name: ${image}\n    newTag: "1.0.0"\n`,
  });

  const keyFile = path.join(world.tmp, 'age.key');
  execFileSync(ageKeygen, ['-o', keyFile], { stdio: 'ignore' });
  const identity = fs.readFileSync(keyFile, 'utf8').split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-'))!;
  const recipient = /public key: (age1\S+)/.exec(fs.readFileSync(keyFile, 'utf8'))![1]!;
  const plain = path.join(world.tmp, 'dev.yaml');
  fs.writeFileSync(plain, `db:\n  user: app\n  password: "${SECRET}"\n`);
  const encrypted = execFileSync(sops, ['encrypt', '--age', recipient, '--input-type', 'yaml', '--output-type', 'yaml', plain], { encoding: 'utf8' });

  const app = createRepository(world, 'acme/svc', {
    '.github/workflows/deploy.yml': CALLER,
    '.github/conveyor/environments.yml': `environments:\n  - name: dev\n    url: ${gitops.remote}\n    targets:\n      - {kind: kustomize, file: dev/kustomization.yaml, image: ${image}}\n`,
    'config/dev.enc.yaml': encrypted,
  });
  git(app.work, world.gitEnv, 'remote', 'set-url', 'origin', 'https://github.com/acme/svc');
  const out = path.join(world.tmp, 'deploy-out');
  fs.mkdirSync(out);
  const repository = { name: 'svc', full_name: 'acme/svc', owner: { login: 'acme' }, default_branch: 'main', private: false };
  const dispatch = () => runAct(world, {
    cwd: app.work, event: 'workflow_dispatch', workflow: '.github/workflows/deploy.yml',
    payload: { ref: 'refs/heads/main', inputs: { digest }, repository },
    secrets: { SOPS_AGE_KEY: identity }, vars: { CONVEYOR_IMAGE: image }, env: { CONVEYOR_TEST_OUT: out },
  });

  const ok = await dispatch();
  await check(SCOPE, 'the decrypted values reach the deploy command; the promotion is written', () => {
    assert.equal(ok.status, 0, ok.log.split('\n').slice(-40).join('\n'));
    assert.equal(fs.readFileSync(path.join(out, 'seen'), 'utf8'), `${SECRET}|app|${digest}`);
    assert.match(git(world.tmp, world.gitEnv, '--git-dir', gitops.remote, 'show', 'main:dev/kustomization.yaml'), new RegExp(`digest: ${digest}`));
  });
  await check(SCOPE, 'neither the decrypted value nor the age key is in the log', () => {
    for (const secret of [SECRET, identity]) assert.ok(!ok.log.includes(secret), `${secret.slice(0, 12)}… reached the log`);
  });

  // A value changed in the file after encryption: the MAC no longer matches.
  fs.rmSync(path.join(out, 'seen'));
  const tampered = encrypted.replace(/(password: ENC\[AES256_GCM,data:)([A-Za-z0-9+/])/, (_, head: string, c: string) => `${head}${c === 'A' ? 'B' : 'A'}`);
  assert.notEqual(tampered, encrypted);
  writeFiles(app.work, { 'config/dev.enc.yaml': tampered });
  git(app.work, world.gitEnv, 'commit', '-q', '-am', 'chore: a changed secret');
  git(app.work, world.gitEnv, 'push', '-q', path.join(world.gitRoot, 'acme/svc.git'), 'HEAD:main');
  const gitopsBefore = git(world.tmp, world.gitEnv, '--git-dir', gitops.remote, 'rev-parse', 'main');
  const refused = await dispatch();
  await check(SCOPE, 'a value changed after encryption (its GCM tag no longer matches) stops the job before the promotion and the deploy command', () => {
    assert.notEqual(refused.status, 0);
    assert.equal(git(world.tmp, world.gitEnv, '--git-dir', gitops.remote, 'rev-parse', 'main'), gitopsBefore);
    assert.match(refused.log, /config\/dev\.enc\.yaml/);
    assert.ok(!fs.existsSync(path.join(out, 'seen')), 'the deploy command ran');
  });
}
